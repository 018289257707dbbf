/// <reference types="@crxjs/vite-plugin/client" />
// Sites that lean on Kakao: with the user's optional permission, another site's page whose Kakao
// login, SDK, postcode widget or map fails gets a badge on its tab and a small banner of its own.
// Without the permission nothing here acts: the browsers do not even report those requests.
import bannerScript from '../content/leaning-banner.ts?script&iife';
import type { BannerView } from '../core/banner.ts';
import { POSTCODE_ALTERNATIVE } from '../core/catalog/index.ts';
import { leaningMatchPatterns, type LeaningKind } from '../core/catalog/leaning.ts';
import type { HealthEvent, HealthState } from '../core/health/types.ts';
import { LEANING_BANNER_KEY } from '../core/leaning-key.ts';
import { callsForNotice, createNoticeMemory, isWatchedRequest, leaningHealthEvent, leaningSignal, withheldResponse, type LeaningOutcome } from '../core/leaning.ts';
import type { SettingsStore } from '../core/settings/store.ts';
import { isAllowedLink } from '../core/translate/links.ts';
import { clearTabBadge, setTabBadge } from '../platform/badge.ts';
import { t } from '../platform/i18n.ts';
import { browserSaysOffline } from '../platform/network.ts';
import { hasLeaningAccess, onPermissionsChange } from '../platform/permissions.ts';
import { probe } from '../platform/probe.ts';
import { callInTab } from '../platform/scripting.ts';
import { watchLeaning } from '../platform/web-request.ts';
import { createHangWatch } from './hang-watch.ts';

interface Deps {
  readonly settings: SettingsStore;
  readonly healthState: () => Promise<HealthState>;
  /** Evidence about a catalogued service's servers, for the health engine. */
  readonly addHealthEvent: (event: HealthEvent) => void;
  /** The user's hang limit, read synchronously (a timer must start in the same turn as its request). */
  readonly hangLimitMs: () => number;
}

/** How long the check of a withheld response may take: the server is already known to answer. */
const CHECK_TIMEOUT_MS = 5000;

/** The notice for each kind of failure, localized; the one link is allow-listed like every other. */
function noticeFor(kind: LeaningKind): BannerView {
  const dismiss = t('bannerDismiss');
  switch (kind) {
    case 'login':
      return { text: { title: t('leaningLoginTitle'), body: t('leaningLoginBody'), dismiss, alternativesLabel: '' }, links: [] };
    case 'js-sdk':
      return { text: { title: t('leaningLoginTitle'), body: t('leaningSdkBody'), dismiss, alternativesLabel: '' }, links: [] };
    case 'map-sdk':
      // Nothing on the page says which place the map was for: no link could carry it.
      return { text: { title: t('leaningMapTitle'), body: t('leaningMapBody'), dismiss, alternativesLabel: '' }, links: [] };
    case 'postcode': {
      const links = [{ label: t('leaningPostcodeLink'), detail: POSTCODE_ALTERNATIVE.host, url: POSTCODE_ALTERNATIVE.url }];
      return { text: { title: t('leaningPostcodeTitle'), body: t('leaningPostcodeBody'), dismiss, alternativesLabel: t('leaningPostcodeLinksLabel') }, links: links.filter((link) => isAllowedLink(link.url)) };
    }
  }
}

export function createLeaning({ settings, healthState, addHealthEvent, hangLimitMs }: Deps): void {
  const report = (error: unknown) => console.error('Detour:', error);
  let granted = hasLeaningAccess();
  const notices = createNoticeMemory();
  /** The page behind each request being timed: a hang is reported with it. */
  const pages = new Map<string, string>();
  const hangs = createHangWatch((requestId, tabId, url) => {
    const pageUrl = pages.get(requestId) ?? '';
    pages.delete(requestId);
    handle({ type: 'hang', tabId, url, pageUrl }).catch(report);
  });

  /** Withheld responses being checked, per tab and kind: a map losing fifty tiles is checked once. */
  const checking = new Set<string>();

  async function check(outcome: Extract<LeaningOutcome, { type: 'error' }>, kind: LeaningKind): Promise<void> {
    const key = `${outcome.tabId}:${kind}`;
    if (!(await granted) || notices.has(outcome.tabId, kind) || checking.has(key)) return;
    checking.add(key);
    try {
      const { ok, cause } = await probe(outcome.url, CHECK_TIMEOUT_MS);
      await handle({ type: 'checked', tabId: outcome.tabId, url: outcome.url, pageUrl: outcome.pageUrl, ok, ...(cause ? { cause } : {}) });
    } finally {
      checking.delete(key);
    }
  }

  async function handle(outcome: LeaningOutcome): Promise<void> {
    const withheld = withheldResponse(outcome);
    if (withheld && outcome.type === 'error') return check(outcome, withheld);
    const signal = leaningSignal(outcome);
    if (!signal || !(await granted)) return;
    const event = leaningHealthEvent(signal, Date.now());
    if (event) addHealthEvent(event);
    const context = { enabled: (await settings.get()).enabled, browserOffline: browserSaysOffline(), network: (await healthState()).network };
    if (!callsForNotice(signal, context) || !notices.take(signal.tabId, signal.kind)) return;
    const notice = noticeFor(signal.kind);
    await Promise.all([
      setTabBadge(signal.tabId, '!', 'orange', notice.text.title).catch(() => undefined),
      callInTab(signal.tabId, bannerScript, LEANING_BANNER_KEY, notice),
    ]);
  }

  // Granted or taken back at any time (the options page, the browser's own add-on settings): no reload needed.
  onPermissionsChange(() => {
    granted = hasLeaningAccess();
    granted
      .then(async (now) => {
        if (!now) await Promise.all(notices.drain().map((tabId) => clearTabBadge(tabId).catch(() => undefined)));
      })
      .catch(report);
  });

  watchLeaning(leaningMatchPatterns(), {
    onStart: (requestId, tabId, url, pageUrl) => {
      // Synchronously: a fast answer must find its timer to clear. Whether the permission holds is
      // asked when (if) the timer fires; without it the browser does not report these requests at all.
      if (!isWatchedRequest(tabId, url, pageUrl)) return;
      pages.set(requestId, pageUrl);
      hangs.start(requestId, tabId, url, hangLimitMs());
    },
    onSettled: (requestId) => {
      hangs.settle(requestId);
      pages.delete(requestId);
    },
    onOutcome: (outcome) => {
      handle(outcome).catch(report);
    },
    // The browsers clear the tab's own badge and tooltip themselves when it navigates (Firefox as
    // documented, Chromium as measured); what was said about the last page is forgotten here.
    onTabLoad: (tabId) => {
      notices.forget(tabId);
    },
  });
}
