import { describe, expect, it } from 'vitest';
import { DEFAULTS, type Settings } from '../../core/settings/index.ts';
import { FALLBACK_PAGE_PATH, fallbackQuery } from '../../core/rescue/fallback-query.ts';
import { OPEN_ALTERNATIVE_COMMAND } from '../../core/open-elsewhere/menu.ts';
import { alternativeName, echoT } from '../../../test/support/localize.ts';
import { off, on, withAlternatives } from '../../../test/support/settings.ts';
import type { Place } from '../../core/translate/intent.ts';
import { intentSubject, translate } from '../../core/translate/index.ts';
import { offer } from '../../core/offer.ts';
import { offeredAlternatives } from '../../core/settings/alternatives.ts';
import { createOffers } from '../offer.ts';
import { createOpenElsewhere } from './menu.ts';

const ORIGIN = 'chrome-extension://detour/';
const SEARCH = 'https://map.kakao.com/?q=%ED%8C%90%EA%B5%90%EC%97%AD';
const FALLBACK = `${ORIGIN}${FALLBACK_PAGE_PATH}${fallbackQuery({ service: 'kakaomap', url: SEARCH, cause: { kind: 'refused' } })}`;

function rig(settings: Settings = DEFAULTS, places: Readonly<Record<string, Place>> = {}) {
  const opened: Array<{ opener: unknown; url: string }> = [];
  const navigated: Array<{ tabId: number; url: string }> = [];
  const offers: Array<{ url: string; title: string | undefined; order: readonly string[] | undefined }> = [];
  const offerFor = createOffers({ settings: async () => settings, lookupPlace: async (id) => places[id] ?? null, platform: () => 'desktop' });
  const openElsewhere = createOpenElsewhere({
    offerFor: (url, options = {}) => {
      offers.push({ url, title: options.title, order: options.order });
      return offerFor(url, options);
    },
    openNextTo: async (opener, url) => void opened.push({ opener, url }),
    navigateTab: async (tabId, url) => void navigated.push({ tabId, url }),
    extensionUrl: (path) => ORIGIN + path,
    t: echoT,
    alternativeName,
  });
  return { openElsewhere, opened, navigated, offers, offerFor };
}

const host = (url: string | undefined) => (url ? new URL(url).hostname : undefined);

describe('open elsewhere: the context menu', () => {
  it('titles the parents with the localized message and each child with its alternative name', () => {
    const items = rig().openElsewhere.menuItems();
    expect(items.filter((item) => !item.parentId).map((item) => [item.context, item.title])).toEqual([
      ['page', 'menuOpenElsewhere'],
      ['link', 'menuOpenElsewhere'],
    ]);
    const navermap = items.find((item) => item.id === 'detour-page:navermap');
    expect(navermap).toMatchObject({ parentId: 'detour-page', title: 'alternative:navermap', context: 'page' });
  });

  it('opens the chosen alternative next to the tab, with the page title as the search of last resort', async () => {
    const r = rig();
    const tab = { id: 4, index: 2, windowId: 1, title: '판교역 - 카카오맵' };
    await r.openElsewhere.onMenuClick({ menuItemId: 'detour-page:navermap', pageUrl: SEARCH, tab });
    expect(r.opened).toHaveLength(1);
    expect(r.opened[0]!.opener).toBe(tab);
    expect(host(r.opened[0]!.url)).toBe('map.naver.com');
    expect(r.offers).toEqual([{ url: SEARCH, title: tab.title, order: ['navermap'] }]);
    expect(r.navigated).toEqual([]);
  });

  it("opens a link's target, not the page it is on, and reads no title for it", async () => {
    const r = rig();
    await r.openElsewhere.onMenuClick({ menuItemId: 'detour-link:googlemaps', linkUrl: SEARCH, pageUrl: 'https://blog.example.com/post', tab: { id: 4, index: 0, title: 'A blog' } });
    expect(host(r.opened[0]?.url)).toBe('www.google.com');
    expect(r.offers).toEqual([{ url: SEARCH, title: undefined, order: ['googlemaps'] }]);
  });

  it('offers the alternative chosen by name even when the user turned it off in their own list', async () => {
    const r = rig(withAlternatives(DEFAULTS, 'kakaomap', [...on('navermap'), ...off('tmap', 'googlemaps')]));
    await r.openElsewhere.onMenuClick({ menuItemId: 'detour-page:tmap', pageUrl: SEARCH, tab: { id: 4, index: 0 } });
    expect(r.opened).toHaveLength(1);
    expect(r.opened[0]!.url).toContain('tmap');
  });

  it('does nothing for an item that is not ours, or a click without its address', async () => {
    const r = rig();
    await r.openElsewhere.onMenuClick({ menuItemId: 'someone-else:navermap', pageUrl: SEARCH, tab: { id: 4, index: 0 } });
    await r.openElsewhere.onMenuClick({ menuItemId: 'detour-link:navermap', pageUrl: SEARCH, tab: { id: 4, index: 0 } });
    expect(r.opened).toEqual([]);
    expect(r.offers).toEqual([]);
  });
});

describe('open elsewhere: the shortcut', () => {
  it("moves the tab itself to the user's first alternative", async () => {
    const r = rig();
    await r.openElsewhere.onCommand(OPEN_ALTERNATIVE_COMMAND, { id: 9, url: SEARCH, title: '판교역' });
    expect(r.navigated).toHaveLength(1);
    expect(r.navigated[0]!.tabId).toBe(9);
    expect(host(r.navigated[0]!.url)).toBe('map.naver.com');
    expect(r.opened).toEqual([]);
  });

  it("on Detour's fallback page uses the address that failed, without the page's own title", async () => {
    const r = rig();
    await r.openElsewhere.onCommand(OPEN_ALTERNATIVE_COMMAND, { id: 9, url: FALLBACK, title: '카카오맵 접속 불가 · Detour' });
    expect(r.offers).toEqual([{ url: SEARCH, title: undefined, order: undefined }]);
    expect(host(r.navigated[0]?.url)).toBe('map.naver.com');
  });

  it('does nothing for another command, a page Detour may not read, or a fallback page with a bad query', async () => {
    const r = rig();
    await r.openElsewhere.onCommand('_execute_action', { id: 9, url: SEARCH });
    await r.openElsewhere.onCommand(OPEN_ALTERNATIVE_COMMAND, { id: 9 });
    await r.openElsewhere.onCommand(OPEN_ALTERNATIVE_COMMAND, undefined);
    await r.openElsewhere.onCommand(OPEN_ALTERNATIVE_COMMAND, { id: 9, url: `${ORIGIN}${FALLBACK_PAGE_PATH}?url=https://evil.example/` });
    expect(r.navigated).toEqual([]);
  });
});

describe('open elsewhere: the popup', () => {
  it("lists the active tab's alternatives in the user's order, with the tab to open them next to", async () => {
    const r = rig();
    const alternatives = await r.openElsewhere.forTab({ id: 3, index: 1, windowId: 2, url: SEARCH, title: '판교역' });
    expect(alternatives?.service).toBe('kakaomap');
    expect(alternatives?.subject).toBe('판교역');
    expect(alternatives?.links.map((link) => link.alternative)).toEqual(DEFAULTS.services.kakaomap.alternatives.filter((choice) => choice.enabled).map((choice) => choice.id));
    expect(alternatives?.tab).toEqual({ id: 3, index: 1, windowId: 2 });
  });

  it("answers for the fallback page's failed address, and null for a page that is not Kakao's", async () => {
    const r = rig();
    expect((await r.openElsewhere.forTab({ id: 3, index: 1, windowId: 2, url: FALLBACK }))?.service).toBe('kakaomap');
    expect(await r.openElsewhere.forTab({ id: 3, index: 1, windowId: 2, url: 'https://www.example.com/' })).toBeNull();
    expect(await r.openElsewhere.forTab({ id: 3, index: 1, windowId: 2 })).toBeNull();
    expect(await r.openElsewhere.forTab(undefined)).toBeNull();
  });

  it("on a fallback-page tab with a cached place, the popup gets the background's own offer for the address that failed", async () => {
    const placeUrl = 'https://place.map.kakao.com/18577297';
    const place = { name: '판교역 신분당선', coords: { lat: 37.3948, lng: 127.1111 } };
    const r = rig(DEFAULTS, { '18577297': place });
    const tab = { id: 3, index: 1, windowId: 2, url: `${ORIGIN}${FALLBACK_PAGE_PATH}${fallbackQuery({ service: 'kakaomap', url: placeUrl, cause: { kind: 'refused' } })}` };
    const background = await r.offerFor(placeUrl);
    const popup = await r.openElsewhere.forTab(tab);
    expect(popup).toEqual({ service: 'kakaomap', subject: place.name, links: background?.links, tab: { id: 3, index: 1, windowId: 2 }, fallback: true });
    // The popup's old way (translate with the order, no place cache) offered only the alternatives' home pages.
    expect(popup?.links).not.toEqual(translate(placeUrl, { platform: 'desktop', order: offeredAlternatives(DEFAULTS.services.kakaomap) })?.links);
  });

  it('on a fallback tab, the offer the fallback page itself makes: the address that failed, with the title it carries', async () => {
    const request = { service: 'kakaomap', url: 'https://place.map.kakao.com/18577297', cause: { kind: 'refused' }, title: '스타벅스 판교점 | 카카오맵' } as const;
    const r = rig();
    const popup = await r.openElsewhere.forTab({ id: 3, index: 1, windowId: 2, url: `${ORIGIN}${FALLBACK_PAGE_PATH}${fallbackQuery(request)}`, title: '카카오맵 연결 안 됨 · Detour' });
    // What src/ui/fallback/main.tsx offers for its request, once it has read the settings.
    const page = offer(request.url, { services: {}, platform: 'desktop', title: request.title, place: null, order: offeredAlternatives(DEFAULTS.services.kakaomap) });
    expect(popup?.links).toEqual(page?.links);
    expect(popup?.subject).toBe(intentSubject(page!.intent));
    expect(popup?.subject).toBe('스타벅스 판교점');
    expect(r.offers).toEqual([{ url: request.url, title: request.title, order: undefined }]);
  });
});
