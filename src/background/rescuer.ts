import { ALTERNATIVES, serviceForUrl, type ServiceId } from '../core/catalog/index.ts';
import { FALLBACK_PAGE_PATH, fallbackQuery, type FallbackRequest } from '../core/fallback.ts';
import type { FailureCause } from '../core/health/cause.ts';
import type { HealthState } from '../core/health/types.ts';
import { shortCutCause } from '../core/known-down.ts';
import { ALTERNATIVE_PROBE_TIMEOUT_MS, redirectAllowed } from '../core/redirect.ts';
import { decideRescue, type MainFrameOutcome, type RescueDecision } from '../core/rescue.ts';
import { offeredAlternatives, type Settings } from '../core/settings/index.ts';
import type { SettingsStore } from '../core/settings/store.ts';
import type { TabPasses } from '../core/tab-passes.ts';
import type { Place } from '../core/translate/intent.ts';
import { placeIdIn, translate } from '../core/translate/index.ts';
import { alternativeName, serviceName, t } from '../platform/i18n.ts';
import { notify } from '../platform/notifications.ts';
import { probe } from '../platform/probe.ts';
import { extensionUrl, navigateTab } from '../platform/tabs.ts';
import type { FailureLog } from './failure-log.ts';

interface Deps {
  readonly settings: SettingsStore;
  readonly failures: FailureLog;
  readonly passes: TabPasses;
  readonly healthState: () => Promise<HealthState>;
  readonly lookupPlace: (id: string) => Promise<Place | null>;
  /** The title of the page the failed navigation started from, when that was the same service. */
  readonly titleFor: (tabId: number) => string | undefined;
  /** Remembers where a redirect came from, so its notification can take the user back in one click. */
  readonly rememberBackLink: (notificationId: string, back: { tabId: number; service: ServiceId; url: string }) => void;
}

/**
 * Carries out what the core decides for a Kakao load: the fallback page (suggest mode) or the
 * preferred working alternative (redirect mode, within its guardrails).
 */
export function createRescuer(deps: Deps) {
  const { settings, failures, passes, healthState, lookupPlace, titleFor, rememberBackLink } = deps;
  /**
   * Loads already acted on. A load's start (known down) and its end (it failed) are handled
   * concurrently; the first to claim it acts, so the tab is never moved twice.
   */
  const claimed = new Set<string>();
  function claim(requestId: string): boolean {
    if (claimed.has(requestId)) return false;
    claimed.add(requestId);
    if (claimed.size > 200) claimed.delete(claimed.values().next().value as string);
    return true;
  }

  async function showFallback(tabId: number, request: FallbackRequest): Promise<void> {
    await navigateTab(tabId, extensionUrl(FALLBACK_PAGE_PATH) + fallbackQuery(request));
  }

  /** The first alternative that carries the intent and answers its probe, or undefined. */
  async function reachableAlternative(service: ServiceId, url: string, current: Settings, title: string | undefined) {
    const id = placeIdIn(url);
    const place = id ? await lookupPlace(id) : null;
    const translation = translate(url, {
      order: offeredAlternatives(current.services[service]),
      ...(title ? { title } : {}),
      lookupPlace: (wanted) => (wanted === id && place ? place : undefined),
    });
    // Links that carry the user's intent first; a bare home page only when none of those answers.
    const links = [...(translation?.links ?? [])].sort((a, b) => Number(a.carries === 'home') - Number(b.carries === 'home'));
    for (const link of links) {
      const alternative = ALTERNATIVES[link.alternative];
      if ((await probe(alternative.probe, ALTERNATIVE_PROBE_TIMEOUT_MS, true)).ok) return link;
    }
    return undefined;
  }

  /** Redirect mode: straight to a working alternative, or the fallback page when a guardrail says no. */
  async function redirect(tabId: number, service: ServiceId, url: string, cause: FailureCause, current: Settings, extra: Partial<FallbackRequest>): Promise<void> {
    const title = titleFor(tabId);
    const base: FallbackRequest = { service, url, cause, ...(title ? { title } : {}), ...extra };
    const verdict = redirectAllowed({ network: (await healthState()).network, causeOffline: cause.kind === 'offline', lastRedirectAt: await passes.lastRedirect(tabId, service), now: Date.now() });
    if (!verdict.ok) {
      await showFallback(tabId, verdict.reason === 'too-soon' ? { ...base, redirectSkipped: 'too-soon' } : base);
      return;
    }
    const link = await reachableAlternative(service, url, current, title);
    if (!link) {
      await showFallback(tabId, { ...base, redirectSkipped: 'no-alternative' });
      return;
    }
    await passes.noteRedirect(tabId, service);
    await navigateTab(tabId, link.url);
    const notificationId = `detour-back-${tabId}-${Date.now()}`;
    rememberBackLink(notificationId, { tabId, service, url });
    await notify(notificationId, t('extName'), t('redirectNotice', [serviceName(service), alternativeName(link.alternative)])).catch(() => undefined);
  }

  async function act(tabId: number, service: ServiceId, url: string, cause: FailureCause, current: Settings, details: Partial<FallbackRequest> = {}): Promise<void> {
    const extra = { ...details, alternatives: offeredAlternatives(current.services[service]) };
    if (current.services[service].mode === 'redirect') await redirect(tabId, service, url, cause, current, extra);
    else {
      const title = titleFor(tabId);
      await showFallback(tabId, { service, url, cause, ...(title ? { title } : {}), ...extra });
    }
    await failures.record({ service, url, cause, at: Date.now() });
  }

  return {
    /** A load ended: rescue it if it failed, unless the user chose to go through for this tab. */
    async handleOutcome(outcome: MainFrameOutcome, requestId: string): Promise<RescueDecision> {
      const current = await settings.get();
      const decision = decideRescue(outcome, current);
      if (decision.action !== 'fallback') return decision;
      const { service, url, cause, tabId } = decision;
      if (await passes.holds(tabId, service)) return { action: 'ignore', reason: 'not-a-failure' };
      if (!claim(requestId)) return decision;
      await act(tabId, service, url, cause, current);
      return decision;
    },

    /**
     * A load is starting. When its service is already confirmed down, act now instead of letting the
     * user wait for it to fail again. Returns true when it acted (the load's own ending is then moot).
     */
    async handleStart(tabId: number, url: string, requestId: string, beforeActing: () => void = () => undefined): Promise<boolean> {
      const service = serviceForUrl(url);
      if (!service || tabId < 0) return false;
      const current = await settings.get();
      if (!current.enabled || current.services[service].mode === 'off') return false;
      const cause = shortCutCause(await healthState(), service);
      if (!cause) return false;
      // "그래도 카카오로 이동" and "다시 시도" both let the load go ahead.
      if (await passes.use(tabId, service)) return false;
      if (!claim(requestId)) return false;
      beforeActing();
      await act(tabId, service, url, cause, current, { knownDown: true });
      return true;
    },
  };
}
