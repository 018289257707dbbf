import { describe, expect, it } from 'vitest';
import { ALTERNATIVE_IDS, SERVICE_IDS, SERVICES } from '../catalog/index.ts';
import { OPEN_ALTERNATIVE_COMMAND, clickedUrl, menuPlan, parseMenuItemId, type MenuContext } from './menu.ts';
import type { AlternativeId } from '../catalog/index.ts';
import { offer, orderFor } from '../offer.ts';
import type { Place } from '../translate/intent.ts';

/** What a menu click opens: the background's offer with the one alternative the user picked (background/open-elsewhere/menu.ts). */
function linkForAlternative(url: string, alternative: AlternativeId, options: { lookupPlace?: (id: string) => Place | undefined } = {}) {
  const id = /\/(\d+)$/.exec(url)?.[1];
  const place = id && options.lookupPlace?.(id);
  return offer(url, { services: {}, platform: 'desktop', order: [alternative], place: id && place ? { id, place } : null })?.links.find((link) => link.alternative === alternative);
}

/** What the shortcut opens: the first link of the background's offer (background/open-elsewhere/menu.ts). */
function preferredLink(url: string, options: { order?: readonly string[] | undefined } = {}) {
  return offer(url, { services: {}, platform: 'desktop', order: options.order })?.links[0];
}

/** How browsers read the "*://host/*" patterns Detour uses: "*.a.b" is a.b and any subdomain of it. */
function patternMatches(pattern: string, url: string): boolean {
  const match = /^\*:\/\/([^/]+)\/\*$/.exec(pattern);
  if (!match) throw new Error(`unexpected pattern ${pattern}`);
  const parsed = new URL(url);
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return false;
  const host = match[1]!;
  if (host.startsWith('*.')) return parsed.hostname === host.slice(2) || parsed.hostname.endsWith(host.slice(1));
  return parsed.hostname === host;
}

/** The alternatives a user sees under "다른 서비스에서 열기" in this context, for this address. */
function visibleAlternatives(context: MenuContext, url: string): string[] {
  const plan = menuPlan().filter((item) => item.context === context);
  const parent = plan.find((item) => !item.parentId);
  if (!parent?.patterns.some((pattern) => patternMatches(pattern, url))) return [];
  return plan.filter((item) => item.parentId === parent.id && item.patterns.some((pattern) => patternMatches(pattern, url))).map((item) => item.alternative!);
}

describe('menuPlan: which alternatives appear where', () => {
  it.each<[string, string[]]>([
    ['https://map.kakao.com/?q=판교역', ['navermap', 'tmap', 'googlemaps']],
    ['https://place.map.kakao.com/18577297', ['navermap', 'tmap', 'googlemaps']],
    ['http://map.daum.net/', ['navermap', 'tmap', 'googlemaps']],
    ['https://t.kakao.com/launch?dest_lat=37.4&dest_lng=127.1', ['navermap', 'tmap', 'ut']],
    ['https://search.daum.net/search?w=tot&q=카카오판교', ['naver', 'google']],
    ['https://www.daum.net/', ['naver', 'google']],
    ['https://news.daum.net/', ['navernews', 'googlenews']],
    ['https://www.melon.com/search/total/index.htm?q=아이유', ['vibe', 'genie', 'flo']],
    ['https://m2.melon.com/search/index.htm?q=에스파', ['vibe', 'genie', 'flo']],
    ['https://myblog.tistory.com/search/도커', ['google', 'naverblog']],
    ['https://open.kakao.com/o/abc', ['line', 'band']],
    ['https://accounts.kakao.com/login', ['naverlogin']],
    ['https://page.kakao.com/', ['naverwebtoon', 'naverseries']],
  ])('%s -> %j', (url, expected) => {
    for (const context of ['page', 'link'] as const) expect(visibleAlternatives(context, url).sort()).toEqual([...expected].sort());
  });

  it.each([
    'https://www.naver.com/',
    'https://map.naver.com/p/search/판교역',
    'https://www.google.com/search?q=kakao',
    'https://kakao.com/',
    'https://map.kakao.com.evil.example/',
    'https://evilmap.kakao.com/',
    'https://dapi.kakao.com/v2/maps/sdk.js',
    'https://melon.co.kr/',
    'ftp://map.kakao.com/',
    'file:///map.kakao.com/',
  ])('nothing on %s (not a Kakao page)', (url) => {
    expect(visibleAlternatives('page', url)).toEqual([]);
    expect(visibleAlternatives('link', url)).toEqual([]);
  });

  it("on every catalogued host, exactly that service's alternatives", () => {
    for (const service of SERVICE_IDS) {
      for (const host of SERVICES[service].hosts.filter((h) => !h.startsWith('*.'))) {
        expect(visibleAlternatives('page', `https://${host}/`).sort(), host).toEqual([...SERVICES[service].alternatives].sort());
      }
    }
  });

  it('one parent per context and one child per alternative, with unique ids and parents first', () => {
    const plan = menuPlan();
    expect(new Set(plan.map((item) => item.id)).size).toBe(plan.length);
    expect(plan.filter((item) => !item.parentId).map((item) => item.context)).toEqual(['page', 'link']);
    for (const context of ['page', 'link'] as const) {
      expect(plan.filter((item) => item.context === context && item.parentId).map((item) => item.alternative)).toEqual(ALTERNATIVE_IDS);
    }
    const seen = new Set<string>();
    for (const item of plan) {
      if (item.parentId) expect(seen.has(item.parentId), item.id).toBe(true);
      seen.add(item.id);
    }
  });
});

describe('parseMenuItemId and clickedUrl', () => {
  it('reads our own ids back, and nothing else', () => {
    for (const item of menuPlan().filter((i) => i.parentId)) expect(parseMenuItemId(item.id)).toEqual({ context: item.context, alternative: item.alternative });
    for (const id of ['detour-page', 'detour-link', 'detour-page:evil', 'detour-tab:navermap', 'navermap', 'detour-page:__proto__', 'detour-page:navermap:x', 42]) {
      expect(parseMenuItemId(id), String(id)).toBeUndefined();
    }
  });

  it('a link click is about the link, a page click about the page', () => {
    const info = { linkUrl: 'https://map.kakao.com/?q=a', pageUrl: 'https://www.melon.com/' };
    expect(clickedUrl('link', info)).toBe(info.linkUrl);
    expect(clickedUrl('page', info)).toBe(info.pageUrl);
    expect(clickedUrl('link', { pageUrl: info.pageUrl })).toBeUndefined();
  });
});

describe('linkForAlternative: what a click opens', () => {
  it.each([
    ['map search', 'https://map.kakao.com/?q=판교역', 'navermap', 'https://map.naver.com/p/search/%ED%8C%90%EA%B5%90%EC%97%AD', 'search'],
    ['map search in Google Maps', 'https://map.kakao.com/link/search/판교역', 'googlemaps', 'https://www.google.com/maps/search/?api=1&query=%ED%8C%90%EA%B5%90%EC%97%AD', 'search'],
    ['place with coordinates', 'https://map.kakao.com/link/map/스타벅스,37.5,127.0', 'googlemaps', 'https://www.google.com/maps/search/?api=1&query=37.5%2C127', 'place'],
    ['Daum search', 'https://search.daum.net/search?w=tot&q=카카오판교', 'google', 'https://www.google.com/search?q=%EC%B9%B4%EC%B9%B4%EC%98%A4%ED%8C%90%EA%B5%90', 'search'],
    ['Melon search', 'https://www.melon.com/search/total/index.htm?q=아이유', 'genie', 'https://www.genie.co.kr/search/searchMain?query=%EC%95%84%EC%9D%B4%EC%9C%A0', 'search'],
    ['place id not in the cache: home page', 'https://place.map.kakao.com/18577297', 'navermap', 'https://map.naver.com/', 'home'],
  ] as const)('%s', (_, url, alternative, expected, carries) => {
    expect(linkForAlternative(url, alternative)).toMatchObject({ alternative, url: expected, carries, via: 'web' });
  });

  it('a place id the cache knows carries the place', () => {
    const link = linkForAlternative('https://place.map.kakao.com/18577297', 'navermap', {
      lookupPlace: (id) => (id === '18577297' ? { name: '카카오 판교아지트', coords: { lat: 37.3952, lng: 127.1109 } } : undefined),
    });
    expect(link?.carries).toBe('place');
    expect(link?.url.startsWith('https://map.naver.com/')).toBe(true);
  });

  it('opens nothing for an alternative the service does not list, or an address that is not Kakao', () => {
    expect(linkForAlternative('https://www.melon.com/search/total/index.htm?q=아이유', 'navermap')).toBeUndefined();
    expect(linkForAlternative('https://www.naver.com/', 'google')).toBeUndefined();
    expect(linkForAlternative('https://tistory.com/', 'google')).toBeUndefined();
    expect(linkForAlternative('not a url', 'google')).toBeUndefined();
  });
});

describe('preferredLink and orderFor: what the shortcut opens', () => {
  it("the user's first alternative for the page's service, with the intent", () => {
    const services = {
      kakaomap: {
        alternatives: [
          { id: 'googlemaps', enabled: true },
          { id: 'tmap', enabled: false },
          { id: 'navermap', enabled: true },
        ],
      },
      melon: {
        alternatives: [
          { id: 'flo', enabled: true },
          { id: 'vibe', enabled: true },
          { id: 'genie', enabled: true },
        ],
      },
    };
    const map = 'https://map.kakao.com/?q=판교역';
    expect(orderFor(map, services)).toEqual(['googlemaps', 'navermap']);
    expect(preferredLink(map, { order: orderFor(map, services) })).toMatchObject({ alternative: 'googlemaps', carries: 'search' });
    const melon = 'https://www.melon.com/search/total/index.htm?q=아이유';
    expect(preferredLink(melon, { order: orderFor(melon, services) })).toMatchObject({ alternative: 'flo', carries: 'search' });
  });

  it('nothing at all when the user turned every alternative off', () => {
    const map = 'https://map.kakao.com/?q=판교역';
    const order = orderFor(map, {
      kakaomap: {
        alternatives: [
          { id: 'navermap', enabled: false },
          { id: 'tmap', enabled: false },
          { id: 'googlemaps', enabled: false },
        ],
      },
    });
    expect(order).toEqual([]);
    expect(preferredLink(map, { order })).toBeUndefined();
  });

  it("the catalogue's order where settings carry none; nothing off Kakao", () => {
    expect(orderFor('https://search.daum.net/search?q=a', {})).toBeUndefined();
    expect(preferredLink('https://search.daum.net/search?w=tot&q=카카오판교')).toMatchObject({ alternative: 'naver', carries: 'search' });
    expect(orderFor('https://www.naver.com/', { kakaomap: { alternatives: [{ id: 'navermap', enabled: true }] } })).toBeUndefined();
    expect(preferredLink('https://www.naver.com/')).toBeUndefined();
    expect(preferredLink('chrome://extensions/')).toBeUndefined();
  });

  it('the command name matches the manifest', () => {
    expect(OPEN_ALTERNATIVE_COMMAND).toBe('open-alternative');
  });
});
