// Sites that lean on Kakao: with the user's optional permission, another site's page whose Kakao
// login, SDK, postcode widget or map fails gets a badge on its tab and a small banner of its own.
// Without the permission nothing here acts: the browsers do not even report those requests.
import type { BannerView } from '../../core/page-script/banner.ts';
import { POSTCODE_ALTERNATIVE } from '../../core/catalog/index.ts';
import { otherSitesMatchPatterns, type OtherSitesKind } from '../../core/catalog/other-sites.ts';
import type { FailureCause } from '../../core/health/cause.ts';
import type { HealthEvent, HealthState } from '../../core/health/types.ts';
import { OTHER_SITES_BANNER_FILE, OTHER_SITES_BANNER_KEY } from '../../core/other-sites/banner-key.ts';
import {
  callsForNotice,
  createNoticeMemory,
  isWatchedRequest,
  otherSitesHealthEvent,
  otherSitesSignal,
  withheldResponse,
  type OtherSitesOutcome,
  type OtherSitesRequest,
} from '../../core/other-sites/watch.ts';
import type { Settings } from '../../core/settings/index.ts';
import type { Localize } from '../../core/translate/link-label.ts';
import { isAllowedLink } from '../../core/translate/links.ts';
import type { OtherSitesListeners } from '../../platform/web-request.ts';
import { createHangWatch } from './hang-watch.ts';

export interface OtherSitesDeps {
  readonly settings: () => Promise<Settings>;
  readonly healthState: () => Promise<HealthState>;
  /** Evidence about a catalogued service's servers, for the health engine. */
  readonly addHealthEvent: (event: HealthEvent) => void;
  /** The user's hang limit, read synchronously (a timer must start in the same turn as its request). */
  readonly hangLimitMs: () => number;
  readonly now: () => number;
  /** Whether the user holds the optional "sites that lean on Kakao" permission, all of it. */
  readonly hasAccess: () => Promise<boolean>;
  /** Calls back whenever an optional permission is granted or taken back, here or in the browser's settings. */
  readonly onAccessChange: (listener: () => void) => void;
  /** Starts reporting other sites' requests to these addresses; the function it returns stops that. */
  readonly watch: (urls: string[], listeners: OtherSitesListeners) => () => void;
  /** The browser's own word that it is offline (navigator.onLine false). */
  readonly browserOffline: () => boolean;
  /** Asks a server directly how it answers (a withheld response's check). */
  readonly probe: (url: string, timeoutMs: number) => Promise<{ readonly ok: boolean; readonly cause?: FailureCause }>;
  /** A badge and tooltip for one tab only; and back to the global ones. */
  readonly setTabBadge: (tabId: number, text: string, color: 'orange', title: string) => Promise<void>;
  readonly clearTabBadge: (tabId: number) => Promise<void>;
  /** Runs a packaged script in a tab's top frame, then calls what it left under `key` with the notice. */
  readonly callInTab: (tabId: number, file: string, key: string, notice: BannerView) => Promise<boolean>;
  /** The notice's text, in the language Detour speaks. */
  readonly t: Localize;
  readonly report: (error: unknown) => void;
}

/** How long the check of a withheld response may take: the server is already known to answer. */
const CHECK_TIMEOUT_MS = 5000;

/** The notice for each kind of failure, localized; the one link is allow-listed like every other. */
function noticeFor(kind: OtherSitesKind, t: Localize): BannerView {
  const dismiss = t('bannerDismiss');
  switch (kind) {
    case 'login':
      return { text: { title: t('otherSitesLoginTitle'), body: t('otherSitesLoginBody'), dismiss, alternativesLabel: '' }, links: [] };
    case 'js-sdk':
      return { text: { title: t('otherSitesLoginTitle'), body: t('otherSitesSdkBody'), dismiss, alternativesLabel: '' }, links: [] };
    case 'map-sdk':
      // Nothing on the page says which place the map was for: no link could carry it.
      return { text: { title: t('otherSitesMapTitle'), body: t('otherSitesMapBody'), dismiss, alternativesLabel: '' }, links: [] };
    case 'postcode': {
      const links = [{ label: t('otherSitesPostcodeLink'), detail: POSTCODE_ALTERNATIVE.host, url: POSTCODE_ALTERNATIVE.url }];
      return {
        text: { title: t('otherSitesPostcodeTitle'), body: t('otherSitesPostcodeBody'), dismiss, alternativesLabel: t('otherSitesPostcodeLinksLabel') },
        links: links.filter((link) => isAllowedLink(link.url)),
      };
    }
  }
}

export function createOtherSites(deps: OtherSitesDeps): void {
  const { settings, healthState, addHealthEvent, hangLimitMs, report } = deps;
  let granted = deps.hasAccess();
  const notices = createNoticeMemory();
  /** The requests being timed for a hang, by id. */
  const timed = new Map<string, OtherSitesRequest>();
  const hangs = createHangWatch((requestId) => {
    const request = timed.get(requestId);
    timed.delete(requestId);
    if (request) handle({ type: 'hang', ...request }).catch(report);
  });

  /** Withheld responses being checked, per tab and kind: a map losing fifty tiles is checked once. */
  const checking = new Set<string>();

  async function check(request: OtherSitesRequest, kind: OtherSitesKind): Promise<void> {
    const key = `${request.tabId}:${kind}:${request.documentKey}`;
    if (!(await granted) || notices.has(request.tabId, kind, request.documentKey) || checking.has(key)) return;
    checking.add(key);
    try {
      const { ok, cause } = await deps.probe(request.url, CHECK_TIMEOUT_MS);
      const { tabId, url, pageUrl, documentKey } = request;
      await handle({ type: 'checked', tabId, url, pageUrl, documentKey, ok, ...(cause ? { cause } : {}) });
    } finally {
      checking.delete(key);
    }
  }

  async function handle(outcome: OtherSitesOutcome): Promise<void> {
    const withheld = withheldResponse(outcome);
    if (withheld) return check(outcome, withheld);
    const signal = otherSitesSignal(outcome);
    if (!signal || !(await granted)) return;
    const event = otherSitesHealthEvent(signal, deps.now());
    if (event) addHealthEvent(event);
    // Most requests succeed (a map's tiles): they stop here, before any storage read.
    if (signal.ok || notices.has(signal.tabId, signal.kind, signal.documentKey)) return;
    const context = { enabled: (await settings()).enabled, browserOffline: deps.browserOffline(), network: (await healthState()).network };
    if (!callsForNotice(signal, context) || !notices.take(signal.tabId, signal.kind, signal.documentKey)) return;
    const notice = noticeFor(signal.kind, deps.t);
    await Promise.all([deps.setTabBadge(signal.tabId, '!', 'orange', notice.text.title).catch(() => undefined), deps.callInTab(signal.tabId, OTHER_SITES_BANNER_FILE, OTHER_SITES_BANNER_KEY, notice)]);
  }

  const listeners: OtherSitesListeners = {
    onStart: (requestId: string, request: OtherSitesRequest) => {
      // Synchronously: a fast answer must find its timer to clear. Whether the permission holds is
      // asked when (if) the timer fires.
      if (!isWatchedRequest(request)) return;
      timed.set(requestId, request);
      hangs.start(requestId, request.tabId, request.url, hangLimitMs());
    },
    onSettled: (requestId: string) => {
      hangs.settle(requestId);
      timed.delete(requestId);
    },
    onOutcome: (outcome: OtherSitesOutcome) => {
      handle(outcome).catch(report);
    },
  };
  // Listening at once, as every watcher must (a woken worker hears only the event that woke it if its
  // listener exists by the end of the first turn), and no longer once it is known that the permission
  // is not held. Without it the browsers still report these requests from Kakao's own pages (their
  // SDK and API calls: 6 events a map load, each waking a stopped worker) for nothing.
  let unwatch: (() => void) | undefined = deps.watch(otherSitesMatchPatterns(), listeners);
  let latest = 0;
  function follow(access: Promise<boolean>): void {
    const call = ++latest;
    access
      .then(async (now) => {
        if (call !== latest) return;
        if (now && !unwatch) unwatch = deps.watch(otherSitesMatchPatterns(), listeners);
        if (!now && unwatch) {
          unwatch();
          unwatch = undefined;
        }
        if (!now) await Promise.all(notices.drain().map((tabId) => deps.clearTabBadge(tabId).catch(() => undefined)));
      })
      .catch(report);
  }
  follow(granted);
  // Granted or taken back at any time (the options page, the browser's own add-on settings): no reload needed.
  deps.onAccessChange(() => {
    granted = deps.hasAccess();
    follow(granted);
  });
}
