import { describe, expect, it } from 'vitest';
import { serviceMatchPatterns, type ServiceId } from '../../core/catalog/index.ts';
import { initialHealth } from '../../core/health/engine.ts';
import type { HealthState, ServiceStatus } from '../../core/health/types.ts';
import type { BannerOrder } from '../../core/page-script/banner.ts';
import { PAGE_SCRIPT_FILE } from '../../core/page-script/scope.ts';
import { DEFAULTS, type Settings } from '../../core/settings/index.ts';
import { alternativeName, echoT, serviceName } from '../../../test/support/localize.ts';
import { MemoryArea } from '../../../test/support/memory-area.ts';
import { withMode } from '../../../test/support/settings.ts';
import { createOffers } from '../offer.ts';
import { createBanners } from './banner.ts';
import { BANNER_SNOOZED_KEY } from '../../core/storage-keys.ts';

const MAP = 'https://map.kakao.com/?q=%ED%8C%90%EA%B5%90%EC%97%AD';
const SEARCH = 'https://search.daum.net/search?q=%EB%82%A0%EC%94%A8';

function stateOf(statuses: Partial<Record<ServiceId, ServiceStatus>>): HealthState {
  const initial = initialHealth(0);
  const services = { ...initial.services };
  for (const [id, status] of Object.entries(statuses) as Array<[ServiceId, ServiceStatus]>) services[id] = { ...services[id], status, confirmed: true };
  return { ...initial, network: 'online', services };
}
const DEGRADED = stateOf({ kakaomap: 'degraded', daumsearch: 'degraded' });

/** Open tabs, and whether each has its page script (one that is still loading has none). */
interface FakeTab {
  readonly id: number;
  readonly url: string;
  readonly pageScript: boolean;
}

function rig(options: { settings?: Partial<Settings>; tabs?: FakeTab[] } = {}) {
  const settings: Settings = { ...DEFAULTS, ...options.settings };
  const session = new MemoryArea();
  const shown: Array<{ tabId: number; order: BannerOrder }> = [];
  const injected: Array<{ tabId: number; file: string }> = [];
  const queried: string[][] = [];
  const banners = createBanners({
    settings: async () => settings,
    session,
    offerFor: createOffers({ settings: async () => settings, lookupPlace: async () => null, platform: () => 'desktop' }),
    t: echoT,
    serviceName,
    alternativeName,
    // Like the browser, the query answers with every tab whose address its patterns match (here: any, to show which the module itself leaves out).
    tabsOn: async (patterns) => {
      queried.push(patterns);
      return (options.tabs ?? []).map(({ id, url }) => ({ id, url }));
    },
    sendToTab: async (tabId, _name, order) => {
      if (!options.tabs?.find((tab) => tab.id === tabId)?.pageScript) return false;
      shown.push({ tabId, order });
      return true;
    },
    injectScript: async (tabId, file) => {
      injected.push({ tabId, file });
      return true;
    },
  });
  return { banners, session, shown, injected, queried };
}

describe('banner: which page gets one', () => {
  it('gives a page of a degraded service its banner, localized, with its alternatives', async () => {
    const order = await rig().banners.orderFor(DEGRADED, { url: MAP, title: '판교역' });
    expect(order?.service).toBe('kakaomap');
    expect(order?.text).toEqual({ title: 'bannerTitleDegraded(service:kakaomap)', body: 'bannerBody', dismiss: 'bannerDismiss', snooze: 'bannerSnooze', alternativesLabel: 'bannerAlternatives' });
    expect(order?.links[0]).toMatchObject({ label: 'alternative:navermap', detail: 'carrySearch(판교역)' });
    expect(new URL(order!.links[0]!.url).hostname).toBe('map.naver.com');
  });

  it("says so when the page is Kakao's own error page", async () => {
    const order = await rig().banners.orderFor(DEGRADED, { url: MAP, errorPage: true });
    expect(order?.text.title).toBe('bannerTitleErrorPage(service:kakaomap)');
  });

  it('gives nothing to a healthy service, a page that is not Kakao, or a service switched off', async () => {
    expect(await rig().banners.orderFor(stateOf({ kakaomap: 'up' }), { url: MAP })).toBeNull();
    expect(await rig().banners.orderFor(DEGRADED, { url: 'https://www.example.com/' })).toBeNull();
    expect(await rig({ settings: { enabled: false } }).banners.orderFor(DEGRADED, { url: MAP })).toBeNull();
    expect(await rig({ settings: withMode(DEFAULTS, 'kakaomap', 'off') }).banners.orderFor(DEGRADED, { url: MAP })).toBeNull();
  });

  it('honours the banner turned off for good, on every service', async () => {
    const r = rig({ settings: { banner: false } });
    expect(await r.banners.orderFor(DEGRADED, { url: MAP })).toBeNull();
    expect(await r.banners.orderFor(DEGRADED, { url: SEARCH })).toBeNull();
  });

  it("honours the user's exceptions, and only for the addresses they name", async () => {
    const r = rig({ settings: { exceptions: ['map.kakao.com'] } });
    expect(await r.banners.orderFor(DEGRADED, { url: MAP })).toBeNull();
    expect(await r.banners.orderFor(DEGRADED, { url: 'https://map.daum.net/?q=x' })).not.toBeNull();
    expect(await r.banners.orderFor(DEGRADED, { url: SEARCH })).not.toBeNull();
  });

  it('snoozes per service, for the session: the other services keep theirs', async () => {
    const r = rig();
    await r.banners.snooze('kakaomap');
    expect(await r.banners.orderFor(DEGRADED, { url: MAP })).toBeNull();
    expect(await r.banners.orderFor(DEGRADED, { url: SEARCH })).not.toBeNull();
    // Stored in the session area (it ends with the browser session), once however often it is asked.
    await Promise.all([r.banners.snooze('kakaomap'), r.banners.snooze('daumsearch'), r.banners.snooze('kakaomap')]);
    expect(r.session.data.get(BANNER_SNOOZED_KEY)).toEqual(['kakaomap', 'daumsearch']);
    expect(await r.banners.orderFor(DEGRADED, { url: SEARCH })).toBeNull();
  });
});

describe('banner: pushed to open pages when a service becomes degraded', () => {
  const tabs: FakeTab[] = [
    { id: 1, url: MAP, pageScript: true },
    { id: 2, url: 'https://map.kakao.com/?q=loading', pageScript: false },
    { id: 3, url: SEARCH, pageScript: true },
  ];

  it("shows it in the service's open pages, and gives a page still loading its page script", async () => {
    const r = rig({ tabs });
    await r.banners.pushChanges(stateOf({ kakaomap: 'up', daumsearch: 'degraded' }), DEGRADED);
    expect(r.queried).toEqual([serviceMatchPatterns(['kakaomap'])]);
    // The search page is left out, though degraded too: it was before, and has had its banner.
    expect(r.shown.map(({ tabId, order }) => [tabId, order.service])).toEqual([[1, 'kakaomap']]);
    expect(r.shown[0]!.order.links[0]!.detail).toBe('carrySearch(판교역)');
    expect(r.injected).toEqual([{ tabId: 2, file: PAGE_SCRIPT_FILE }]);
  });

  it('never pushes it to a page Kakao did not write (a blog under a wildcard name, plain http)', async () => {
    const r = rig({
      tabs: [
        { id: 4, url: 'https://someone.tistory.com/1', pageScript: true },
        { id: 5, url: 'http://www.tistory.com/', pageScript: true },
        { id: 6, url: 'https://www.tistory.com/', pageScript: true },
      ],
    });
    await r.banners.pushChanges(stateOf({}), stateOf({ tistory: 'degraded' }));
    expect(r.shown.map(({ tabId }) => tabId)).toEqual([6]);
    expect(r.injected).toEqual([]);
  });

  it('tells nobody when nothing became degraded, or the service is snoozed', async () => {
    const r = rig({ tabs });
    await r.banners.pushChanges(DEGRADED, DEGRADED);
    await r.banners.pushChanges(stateOf({ kakaomap: 'degraded' }), stateOf({ kakaomap: 'down' }));
    await r.banners.snooze('kakaomap');
    await r.banners.pushChanges(stateOf({}), stateOf({ kakaomap: 'degraded' }));
    expect(r.shown).toEqual([]);
    expect(r.injected).toEqual([]);
  });
});
