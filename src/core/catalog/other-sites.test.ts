import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ALLOWED_LINK_HOSTS, SERVICE_IDS, SERVICES, isServiceId } from './index.ts';
import { KAKAO_DOMAINS } from './kakao-domains.ts';
import { OTHER_SITES_HOSTS, OTHER_SITES_PERMISSIONS, OTHER_SITES_TARGETS, isOtherSite, otherSitesMatchPatterns, otherSitesTargetFor } from './other-sites.ts';

describe('otherSitesTargetFor', () => {
  it.each([
    // Kakao JS SDK, today's CDN and the old address (both paste-ready forms from public code).
    ['https://t1.kakaocdn.net/kakao_js_sdk/2.7.2/kakao.min.js', 'js-sdk'],
    ['https://t1.kakaocdn.net/kakao_js_sdk/v1/kakao.min.js', 'js-sdk'],
    ['https://developers.kakao.com/sdk/js/kakao.min.js', 'js-sdk'],
    ['http://developers.kakao.com/sdk/js/kakao.js', 'js-sdk'],
    ['https://developers.kakao.com/sdk/js/kakao-1.39.16.js', 'js-sdk'],
    // Kakao login, framed or fetched by another site.
    ['https://kauth.kakao.com/oauth/authorize?client_id=x&redirect_uri=https%3A%2F%2Fshop.example.com%2Fcb&response_type=code', 'login'],
    ['https://accounts.kakao.com/login/?continue=https%3A%2F%2Fkauth.kakao.com%2Foauth%2Fauthorize', 'login'],
    ['https://KAUTH.kakao.com./oauth/token', 'login'],
    // The postcode widget: four generations of its script and both of its frame hosts.
    ['https://t1.daumcdn.net/mapjsapi/bundle/postcode/prod/postcode.v2.js', 'postcode'],
    ['https://t1.kakaocdn.net/mapjsapi/bundle/postcode/prod/postcode.v2.js', 'postcode'],
    ['https://spi.maps.daum.net/imap/map_js_init/postcode.v2.js', 'postcode'],
    ['http://dmaps.daum.net/map_js_init/postcode.v2.js', 'postcode'],
    ['https://ssl.daumcdn.net/dmaps/apis/postcode.v2.js', 'postcode'],
    ['https://postcode.map.daum.net/search?region_name=%ED%8C%90%EA%B5%90', 'postcode'],
    ['https://postcode.map.kakao.com/guide', 'postcode'],
    // KakaoMap SDK: the loader, the code it pulls, local search, the tiles.
    ['https://dapi.kakao.com/v2/maps/sdk.js?appkey=abc&libraries=services', 'map-sdk'],
    ['https://t1.daumcdn.net/mapjsapi/js/main/4.4.19/kakao.js', 'map-sdk'],
  ] as const)('%s is %s', (url, kind) => {
    expect(otherSitesTargetFor(url)?.kind).toBe(kind);
  });

  it.each([
    // Other files on the shared CDNs are not the SDKs.
    'https://t1.daumcdn.net/cfile/tistory/99ABCDEF5C1234567/img.jpg',
    'https://t1.kakaocdn.net/kakaocorp/kakaocorp/admin/service/a.png',
    'https://developers.kakao.com/docs/latest/ko/javascript/getting-started',
    'https://dapi.kakao.com/v2/search/web?query=x',
    // Look-alikes, and names that only contain a watched one.
    'https://kauth.kakao.com.evil.example/oauth/authorize',
    'https://evil-kauth.kakao.com/',
    'https://evil.example/t1.kakaocdn.net/kakao_js_sdk/2.7.2/kakao.min.js',
    'https://evil.example/?u=https://kauth.kakao.com/',
    'https://shop.example.com/kakao_js_sdk/2.7.2/kakao.min.js',
    // Not the web, or not an address at all.
    'wss://kauth.kakao.com/',
    'blob:https://kauth.kakao.com/0d1e2f',
    'javascript:alert(1)//kauth.kakao.com',
    'kauth.kakao.com/oauth/authorize',
    '',
    'not a url',
  ])('%s is none', (url) => {
    expect(otherSitesTargetFor(url)).toBeUndefined();
  });

  it('sends the postcode bundle to postcode, not to the map SDK whose folder it lives in', () => {
    const first = OTHER_SITES_TARGETS.findIndex((target) => target.kind === 'postcode' && target.host === 't1.daumcdn.net');
    const broader = OTHER_SITES_TARGETS.findIndex((target) => target.kind === 'map-sdk' && target.host === 't1.daumcdn.net');
    expect(first).toBeGreaterThanOrEqual(0);
    expect(first).toBeLessThan(broader);
  });

  it('names a catalogued service only where one exists, and never for the SDK CDN or the postcode widget', () => {
    for (const target of OTHER_SITES_TARGETS) {
      if (target.service !== undefined) expect(isServiceId(target.service), target.host).toBe(true);
      if (target.kind === 'js-sdk' || target.kind === 'postcode') expect(target.service, target.host).toBeUndefined();
    }
    expect(otherSitesTargetFor('https://kauth.kakao.com/')?.service).toBe('kakaoaccount');
    expect(otherSitesTargetFor('https://dapi.kakao.com/v2/maps/sdk.js')?.service).toBe('kakaomap');
  });

  it('starts every path prefix with a slash and lists no host twice for the same prefix', () => {
    const seen = new Set<string>();
    for (const target of OTHER_SITES_TARGETS) {
      for (const prefix of target.paths ?? ['(all)']) {
        if (prefix !== '(all)') expect(prefix.startsWith('/'), prefix).toBe(true);
        const key = `${target.host}${prefix}`;
        expect(seen.has(key), key).toBe(false);
        seen.add(key);
      }
    }
  });
});

describe('isOtherSite', () => {
  it.each([
    'https://shop.example.com/',
    'https://www.coupang.com/np/search?q=x',
    'http://blog.naver.com/someone',
    'https://kakaobank.com/',
    'https://kakao.com.evil.example/',
    'https://evilkakao.com/',
    'https://notdaum.net/',
  ])('%s is another site', (url) => {
    expect(isOtherSite(url)).toBe(true);
  });

  it.each([
    // Catalogued Kakao services and Kakao's own domains (a Kakao page using its own SDK).
    'https://map.kakao.com/',
    'https://myblog.tistory.com/12',
    'https://developers.kakao.com/docs',
    'https://www.kakao.com/',
    'https://KAKAO.com./',
    'https://biz.daum.net/',
    'https://t1.kakaocdn.net/x',
    'https://cdnimg.melon.co.kr/a.jpg',
    // Nobody's site: the browser, the extension, nothing.
    '',
    'chrome-extension://abcdefghijklmnop/src/ui/options/index.html',
    'moz-extension://3d1c4e0a-6b2f-4d8e-9a57-0d7e2c9b1f42/x.html',
    'about:blank',
    'null',
    'file:///home/user/page.html',
  ])('%s is not', (url) => {
    expect(isOtherSite(url)).toBe(false);
  });

  it('counts every catalogued host, API host and watched host as Kakao', () => {
    const hosts = [...SERVICE_IDS.flatMap((id) => [...SERVICES[id].hosts, ...SERVICES[id].apiHosts]), ...OTHER_SITES_HOSTS].map((host) => host.replace(/^\*\./, 'sub.'));
    for (const host of hosts) {
      expect(isOtherSite(`https://${host}/`), host).toBe(false);
      expect(
        KAKAO_DOMAINS.some((domain) => host === domain || host.endsWith(`.${domain}`)),
        host,
      ).toBe(true);
    }
  });
});

describe('permissions and routing', () => {
  const manifest = JSON.parse(readFileSync(new URL('../../../manifest.json', import.meta.url), 'utf8')) as {
    optional_permissions?: string[];
    optional_host_permissions?: string[];
    host_permissions: string[];
  };

  it('asks in the manifest exactly for the optional permission the options page requests', () => {
    expect(manifest.optional_host_permissions).toEqual([...OTHER_SITES_PERMISSIONS.origins]);
    expect(manifest.optional_permissions ?? []).toEqual([...OTHER_SITES_PERMISSIONS.permissions]);
  });

  it('watches each host once, and on shared CDNs only the paths of the SDKs', () => {
    expect(new Set(OTHER_SITES_HOSTS).size).toBe(OTHER_SITES_HOSTS.length);
    const patterns = otherSitesMatchPatterns();
    expect(new Set(patterns).size).toBe(patterns.length);
    expect(patterns).toContain('*://t1.kakaocdn.net/kakao_js_sdk/*');
    expect(patterns).toContain('*://dapi.kakao.com/v2/maps/*');
    expect(patterns).toContain('*://kauth.kakao.com/*');
    // No tile host and no host-wide pattern on a CDN: a map's hundreds of tiles never reach the background.
    expect(patterns.some((pattern) => /map[0-3]?\.daumcdn\.net|mts\.daumcdn\.net/.test(pattern))).toBe(false);
    expect(patterns).not.toContain('*://t1.daumcdn.net/*');
    expect(patterns).not.toContain('*://dapi.kakao.com/*');
  });

  it.each(['https://map2.daumcdn.net/map_2d/2104ufe/L3/4/7.png', 'https://dapi.kakao.com/v2/local/search/keyword.json?query=x'])('leaves a map tile or search call alone: %s', (url) => {
    expect(otherSitesTargetFor(url)).toBeUndefined();
  });

  it('never allow-lists a watched Kakao host as a link target', () => {
    for (const host of OTHER_SITES_HOSTS) expect(ALLOWED_LINK_HOSTS.has(host), host).toBe(false);
  });
});
