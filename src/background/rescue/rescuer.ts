import { ALTERNATIVES, isAlternativeId, type ServiceId } from '../../core/catalog/index.ts';
import { FALLBACK_PAGE_PATH, fallbackQuery, type FallbackRequest } from '../../core/rescue/fallback-query.ts';
import { isException } from '../../core/settings/exceptions.ts';
import type { FailureCause } from '../../core/health/cause.ts';
import type { HealthState } from '../../core/health/types.ts';
import { shortCutCause } from '../../core/rescue/known-down.ts';
import { ALTERNATIVE_PROBE_TIMEOUT_MS, redirectAllowed } from '../../core/rescue/redirect.ts';
import type { MainFrameOutcome } from '../../core/health/main-frame.ts';
import { decideRescue } from '../../core/rescue/decide.ts';
import { offeredAlternatives } from '../../core/settings/alternatives.ts';
import type { Settings } from '../../core/settings/index.ts';
import type { TabPasses } from '../../core/rescue/tab-passes.ts';
import type { AlternativeLink } from '../../core/translate/index.ts';
import type { FailureLog } from './failure-log.ts';
import type { Load, Loads } from './loads.ts';
import type { OfferFor } from '../offer.ts';

/** A refused tab move is tried again this many times, after 150 ms, then 300 ms, then 450 ms. */
const MOVE_RETRIES = 3;
const MOVE_RETRY_MS = 150;

export interface RescuerDeps {
  readonly settings: () => Promise<Settings>;
  readonly failures: FailureLog;
  readonly passes: TabPasses;
  readonly loads: Loads;
  readonly healthState: () => Promise<HealthState>;
  readonly offerFor: OfferFor;
  readonly now: () => number;
  readonly navigateTab: (tabId: number, url: string) => Promise<void>;
  readonly extensionUrl: (path: string) => string;
  /** The language Detour speaks (the user's choice, else the browser's), once a woken worker has read it. */
  readonly language: () => Promise<'ko' | 'en'>;
  /** Whether an alternative's own server answers now (redirect mode takes only one that does). */
  readonly answers: (probeUrl: string, timeoutMs: number) => Promise<boolean>;
  /** Tells the user a redirect happened; a click on it takes them back (see rememberBackLink). */
  readonly notifyRedirect: (notificationId: string, service: ServiceId, link: AlternativeLink) => Promise<void>;
  readonly rememberBackLink: (notificationId: string, back: { tabId: number; service: ServiceId; url: string }) => void;
  /** A tab's one-time pass was used up: the known-down rules take that tab in again. */
  readonly passUsed: () => void;
}

/**
 * Carries out what the core decides for a Kakao load: the fallback page (suggest mode) or the
 * preferred working alternative (redirect mode, within its guardrails). Which load may be acted on,
 * and when, is the load owner's (./loads.ts) to say.
 */
export function createRescuer(deps: RescuerDeps) {
  const { settings, failures, passes, loads, healthState, offerFor, now } = deps;

  /**
   * Moves the tab, trying again a little later if the browser refuses: Chromium answers "Tabs cannot
   * be edited right now" while many tabs are being created or dragged, and a refused move would leave
   * the user on the browser's error page (issue 12, finding 10: one of twenty tabs failing at once).
   */
  async function moveTab(tabId: number, url: string): Promise<void> {
    for (let attempt = 0; ; attempt += 1) {
      try {
        await deps.navigateTab(tabId, url);
        return;
      } catch (error) {
        if (attempt >= MOVE_RETRIES) throw error;
        await new Promise((resolve) => setTimeout(resolve, MOVE_RETRY_MS * (attempt + 1)));
      }
    }
  }

  const showFallback = (tabId: number, request: FallbackRequest) => moveTab(tabId, deps.extensionUrl(FALLBACK_PAGE_PATH) + fallbackQuery(request));

  /** The first alternative that carries the intent and answers its probe, or undefined. */
  async function reachableAlternative(url: string, title: string | undefined): Promise<AlternativeLink | undefined> {
    const translation = await offerFor(url, { title });
    // Links that carry the user's intent first; a bare home page only when none of those answers.
    const links = [...(translation?.links ?? [])].sort((a, b) => Number(a.carries === 'home') - Number(b.carries === 'home'));
    for (const link of links) {
      if (await deps.answers(ALTERNATIVES[link.alternative].probe, ALTERNATIVE_PROBE_TIMEOUT_MS)) return link;
    }
    return undefined;
  }

  /** Redirect mode: straight to a working alternative, or the fallback page when a guardrail says no. */
  async function redirect(load: Load, service: ServiceId, cause: FailureCause, base: FallbackRequest): Promise<void> {
    const { tabId, url } = load;
    const verdict = redirectAllowed({ network: (await healthState()).network, causeOffline: cause.kind === 'offline', lastRedirectAt: await passes.lastRedirect(tabId, service), now: now() });
    if (!verdict.ok) {
      await showFallback(tabId, verdict.reason === 'too-soon' ? { ...base, redirectSkipped: 'too-soon' } : base);
      return;
    }
    const link = await reachableAlternative(url, load.title);
    if (!link) {
      await showFallback(tabId, { ...base, redirectSkipped: 'no-alternative' });
      return;
    }
    await passes.noteRedirect(tabId, service);
    await moveTab(tabId, link.url);
    const notificationId = `detour-back-${tabId}-${now()}`;
    deps.rememberBackLink(notificationId, { tabId, service, url });
    await deps.notifyRedirect(notificationId, service, link).catch(() => undefined);
  }

  /** `evidence`: the failure speaks for the service (core/health/trust.ts); only then is it the "last failure" on record. */
  async function act(load: Load, service: ServiceId, cause: FailureCause, current: Settings, knownDown: boolean, evidence: boolean): Promise<void> {
    // The title names what a short link was for; the tab's answer may still be on its way.
    await load.titleRead;
    const base: FallbackRequest = {
      service,
      url: load.url,
      cause,
      ...(load.title ? { title: load.title } : {}),
      ...(knownDown ? { knownDown: true } : {}),
      // What the page would otherwise wait for its own settings read to know before it paints.
      order: offeredAlternatives(current.services[service]).filter(isAlternativeId),
      lang: await deps.language(),
    };
    if (current.services[service].mode === 'redirect') await redirect(load, service, cause, base);
    else await showFallback(load.tabId, base);
    if (evidence) await failures.record({ service, url: load.url, cause, at: now() });
  }

  return {
    /** A load ended or hung: rescue it if it failed, unless the user chose to go through for this tab. */
    async handleOutcome(outcome: MainFrameOutcome, requestId: string, load: Load | undefined): Promise<boolean> {
      const current = await settings();
      const decision = decideRescue(outcome, current);
      if (decision.action !== 'fallback') return false;
      // The user's permanent exceptions: Detour never steps in there, failed or not.
      if (isException(decision.url, current.exceptions)) return false;
      if (await passes.holds(decision.tabId, decision.service)) return false;
      const known: Load = load ?? { requestId, tabId: decision.tabId, url: decision.url, startedAt: now(), title: undefined, answer: 'none', acted: false, timer: undefined };
      if (!loads.claim(requestId, load)) return false;
      await act(known, decision.service, decision.cause, current, false, decision.evidence);
      return true;
    },

    /**
     * A load is starting. When its service is already confirmed down, act now instead of letting the
     * user wait for it to fail again. True when it acted (the load's own ending is then moot).
     */
    async handleStart(load: Load, service: ServiceId): Promise<boolean> {
      const current = await settings();
      if (!current.enabled || current.services[service].mode === 'off') return false;
      if (isException(load.url, current.exceptions)) return false;
      const cause = shortCutCause(await healthState(), service);
      if (!cause) return false;
      // "그래도 카카오로 이동" and "다시 시도" both let the load go ahead.
      if (await passes.use(load.tabId, service)) {
        deps.passUsed();
        return false;
      }
      if (!loads.claim(load.requestId, load)) return false;
      await act(load, service, cause, current, true, true);
      return true;
    },
  };
}
