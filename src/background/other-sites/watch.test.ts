import { describe, expect, it } from 'vitest';
import { otherSitesMatchPatterns } from '../../core/catalog/other-sites.ts';
import type { FailureCause } from '../../core/health/cause.ts';
import { initialHealth } from '../../core/health/engine.ts';
import type { HealthEvent, NetworkStatus } from '../../core/health/types.ts';
import { OTHER_SITES_BANNER_FILE, OTHER_SITES_BANNER_KEY } from '../../core/other-sites/banner-key.ts';
import type { OtherSitesOutcome, OtherSitesRequest } from '../../core/other-sites/watch.ts';
import type { BannerView } from '../../core/page-script/banner.ts';
import { DEFAULTS } from '../../core/settings/index.ts';
import type { OtherSitesListeners } from '../../platform/web-request.ts';
import { echoT } from '../../../test/support/localize.ts';
import { createOtherSites } from './watch.ts';

const SHOP = 'https://shop.example.com/cart';
const LOGIN = 'https://kauth.kakao.com/oauth/authorize?client_id=x';
const SDK = 'https://t1.kakaocdn.net/kakao_js_sdk/2.7.2/kakao.min.js';
const POSTCODE = 'https://t1.daumcdn.net/mapjsapi/bundle/postcode/prod/postcode.v2.js';
const NOW = 1_700_000_000_000;

const request = (url: string, documentKey = 'doc-1', tabId = 7): OtherSitesRequest => ({ tabId, url, pageUrl: SHOP, documentKey });
const refused = (url: string, documentKey?: string, tabId?: number): OtherSitesOutcome => ({ type: 'error', ...request(url, documentKey, tabId), error: 'net::ERR_CONNECTION_REFUSED' });

/** Lets the module's promise chains run (storage-free fakes: a few turns are enough). */
const settle = () => new Promise((resolve) => setTimeout(resolve, 5));

function rig(options: { access?: boolean; enabled?: boolean; network?: NetworkStatus; hangLimitMs?: number; probe?: { ok: boolean; cause?: FailureCause } } = {}) {
  let access = options.access ?? true;
  let browserOffline = false;
  let network = options.network ?? 'online';
  const accessListeners: Array<() => void> = [];
  /** Answers held back (a slow permissions.contains), given out to the next checks in turn. */
  const heldAnswers: Array<Promise<boolean>> = [];
  /** The listeners the browser would call now: added by watch, taken out by the function it returned. */
  const watching: OtherSitesListeners[] = [];
  const watchedUrls: string[][] = [];
  const events: HealthEvent[] = [];
  const badges: Array<{ tabId: number; text: string; color: string; title: string }> = [];
  const cleared: number[] = [];
  const injected: Array<{ tabId: number; file: string; key: string; notice: BannerView }> = [];
  const probed: string[] = [];
  const reported: unknown[] = [];
  createOtherSites({
    settings: async () => ({ ...DEFAULTS, enabled: options.enabled ?? true }),
    healthState: async () => ({ ...initialHealth(0), network }),
    addHealthEvent: (event) => void events.push(event),
    hangLimitMs: () => options.hangLimitMs ?? 60_000,
    now: () => NOW,
    hasAccess: () => heldAnswers.shift() ?? Promise.resolve(access),
    onAccessChange: (listener) => void accessListeners.push(listener),
    watch: (urls, listeners) => {
      watchedUrls.push(urls);
      watching.push(listeners);
      return () => void watching.splice(watching.indexOf(listeners), 1);
    },
    browserOffline: () => browserOffline,
    probe: async (url) => {
      probed.push(url);
      await settle();
      return options.probe ?? { ok: true };
    },
    setTabBadge: async (tabId, text, color, title) => void badges.push({ tabId, text, color, title }),
    clearTabBadge: async (tabId) => void cleared.push(tabId),
    callInTab: async (tabId, file, key, notice) => {
      injected.push({ tabId, file, key, notice });
      return true;
    },
    t: echoT,
    report: (error) => void reported.push(error),
  });
  return {
    watching,
    watchedUrls,
    events,
    badges,
    cleared,
    injected,
    probed,
    reported,
    /** What the browser reports, to every listener it holds. */
    outcome: (outcome: OtherSitesOutcome) => {
      for (const listeners of [...watching]) listeners.onOutcome(outcome);
    },
    setAccess(now: boolean) {
      access = now;
      for (const listener of accessListeners) listener();
    },
    /** The next check of the permission answers only when the function returned is called. */
    holdNextAnswer(): (held: boolean) => void {
      let release: (held: boolean) => void = () => undefined;
      heldAnswers.push(new Promise((resolve) => (release = resolve)));
      return release;
    },
    setBrowserOffline(offline: boolean) {
      browserOffline = offline;
    },
    setNetwork(status: NetworkStatus) {
      network = status;
    },
  };
}

describe('other sites: listening only with the permission', () => {
  it('listens from the first turn (a woken worker must), and stops once the permission turns out not held', async () => {
    const r = rig({ access: false });
    expect(r.watching).toHaveLength(1);
    expect(r.watchedUrls).toEqual([otherSitesMatchPatterns()]);
    // The event that woke the worker is heard, and dropped: nothing here acts without the permission.
    r.outcome(refused(LOGIN));
    await settle();
    expect(r.watching).toHaveLength(0);
    expect(r.events).toEqual([]);
    expect(r.injected).toEqual([]);
  });

  it('listens again when it is granted, and stops, clearing the badges it set, when it is taken back', async () => {
    const r = rig({ access: true });
    await settle();
    expect(r.watching).toHaveLength(1);
    r.outcome(refused(LOGIN, 'doc-1', 7));
    r.outcome(refused(SDK, 'doc-2', 8));
    await settle();
    expect(r.badges.map((badge) => badge.tabId)).toEqual([7, 8]);

    r.setAccess(false);
    await settle();
    expect(r.watching).toHaveLength(0);
    expect(r.cleared.sort()).toEqual([7, 8]);

    r.setAccess(true);
    r.setAccess(true);
    await settle();
    expect(r.watching).toHaveLength(1);
    expect(r.watchedUrls).toHaveLength(2);
  });

  it('follows the latest change when the answers cross', async () => {
    const r = rig({ access: true });
    await settle();
    // Taken back, then granted again at once; the first check answers last, with what held then.
    const first = r.holdNextAnswer();
    r.setAccess(false);
    r.setAccess(true);
    await settle();
    first(false);
    await settle();
    expect(r.watching).toHaveLength(1);
  });
});

describe('other sites: the notice on a failure', () => {
  it('gives the tab a badge and injects the banner, once per page and kind', async () => {
    const r = rig();
    r.outcome(refused(LOGIN));
    await settle();
    expect(r.badges).toEqual([{ tabId: 7, text: '!', color: 'orange', title: 'otherSitesLoginTitle' }]);
    expect(r.injected).toHaveLength(1);
    expect(r.injected[0]).toMatchObject({ tabId: 7, file: OTHER_SITES_BANNER_FILE, key: OTHER_SITES_BANNER_KEY });
    expect(r.injected[0]!.notice.text).toEqual({ title: 'otherSitesLoginTitle', body: 'otherSitesLoginBody', dismiss: 'bannerDismiss', alternativesLabel: '' });
    // Evidence about Kakao's login servers, for the health engine, every time.
    expect(r.events).toEqual([{ type: 'subresource', service: 'kakaoaccount', ok: false, at: NOW }]);

    r.outcome(refused(LOGIN));
    r.outcome({ type: 'response', ...request(LOGIN), statusCode: 503 });
    await settle();
    expect(r.injected).toHaveLength(1);
    expect(r.badges).toHaveLength(1);
    expect(r.events).toHaveLength(3);

    // Another page in the same tab (a reload, another address) is another document: told again.
    r.outcome(refused(LOGIN, 'doc-2'));
    await settle();
    expect(r.injected).toHaveLength(2);
  });

  it('offers the postcode service its one allow-listed alternative', async () => {
    const r = rig();
    r.outcome(refused(POSTCODE));
    await settle();
    const notice = r.injected[0]!.notice;
    expect(notice.text.title).toBe('otherSitesPostcodeTitle');
    expect(notice.links).toHaveLength(1);
    expect(notice.links[0]!.label).toBe('otherSitesPostcodeLink');
  });

  it("gives no notice while the user's own network looks down, and gives it once it is back", async () => {
    const r = rig();
    r.setBrowserOffline(true);
    r.outcome(refused(LOGIN));
    await settle();
    r.setBrowserOffline(false);
    r.setNetwork('offline');
    r.outcome(refused(LOGIN));
    await settle();
    r.setNetwork('online');
    r.outcome({ type: 'error', ...request(LOGIN), error: 'net::ERR_INTERNET_DISCONNECTED' });
    await settle();
    expect(r.badges).toEqual([]);
    expect(r.injected).toEqual([]);
    // The browser's own offline error says nothing about Kakao either.
    expect(r.events).toHaveLength(2);

    r.outcome(refused(LOGIN));
    await settle();
    expect(r.injected).toHaveLength(1);
  });

  it('with Detour switched off, gives no notice (the evidence still goes to the health engine)', async () => {
    const r = rig({ enabled: false });
    r.outcome(refused(LOGIN));
    await settle();
    expect(r.injected).toEqual([]);
    expect(r.events).toHaveLength(1);
  });

  it('says nothing at all for an answer that worked, but tells the health engine', async () => {
    const r = rig();
    r.outcome({ type: 'response', ...request(LOGIN), statusCode: 200 });
    await settle();
    expect(r.events).toEqual([{ type: 'subresource', service: 'kakaoaccount', ok: true, at: NOW }]);
    expect(r.badges).toEqual([]);
  });

  it('checks a withheld response with the server itself, once for many, and gives the notice if it fails', async () => {
    const r = rig({ probe: { ok: false, cause: { kind: 'http', status: 503 } } });
    const withheld: OtherSitesOutcome = { type: 'error', ...request(SDK), error: 'net::ERR_BLOCKED_BY_ORB' };
    r.outcome(withheld);
    r.outcome(withheld);
    r.outcome(withheld);
    await settle();
    await settle();
    expect(r.probed).toEqual([SDK]);
    expect(r.injected).toHaveLength(1);
    expect(r.injected[0]!.notice.text.body).toBe('otherSitesSdkBody');
  });

  it('takes a withheld response the server answers well as no failure', async () => {
    const r = rig({ probe: { ok: true } });
    r.outcome({ type: 'error', ...request(SDK), error: 'net::ERR_BLOCKED_BY_ORB' });
    await settle();
    await settle();
    expect(r.probed).toEqual([SDK]);
    expect(r.injected).toEqual([]);
  });

  it("times a watched request, and a hang past the user's limit is a failure; an answer in time is not", async () => {
    const r = rig({ hangLimitMs: 10 });
    await settle();
    const listeners = r.watching[0]!;
    listeners.onStart('answered', request(LOGIN, 'doc-a', 3));
    listeners.onStart('hung', request(LOGIN, 'doc-b', 4));
    // Kakao's own page and an unwatched address are not timed.
    listeners.onStart('own', { tabId: 5, url: LOGIN, pageUrl: 'https://map.kakao.com/', documentKey: 'doc-c' });
    listeners.onStart('other', request('https://cdn.example.net/x.js', 'doc-d', 6));
    listeners.onSettled('answered');
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(r.injected.map((call) => call.tabId)).toEqual([4]);
    expect(r.events).toEqual([{ type: 'subresource', service: 'kakaoaccount', ok: false, at: NOW }]);
    expect(r.reported).toEqual([]);
  });
});
