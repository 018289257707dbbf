import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isAllowedLink } from '../translate/links.ts';
import {
  ALLOWED_APP_SCHEMES,
  ALLOWED_LINK_HOSTS,
  ALTERNATIVE_IDS,
  ALTERNATIVES,
  POSTCODE_ALTERNATIVE,
  SERVICE_IDS,
  SERVICES,
  getAlternative,
  hostMatches,
  isAlternativeId,
  isServiceId,
  normalizeHost,
  serviceForHost,
  serviceForUrl,
  serviceMatchPatterns,
  hostPermissions,
  type ServiceId,
} from './index.ts';

/** Every exact (non-wildcard) host with the service that owns it, from the catalogue itself. */
const EXACT_HOSTS: ReadonlyArray<readonly [string, ServiceId]> = SERVICE_IDS.flatMap((id) =>
  (SERVICES[id].hosts as readonly string[]).filter((host) => !host.startsWith('*.')).map((host) => [host, id] as const),
);

describe('serviceForUrl', () => {
  it('covers exactly the KakaoMap hosts', () => {
    expect([...SERVICES.kakaomap.hosts].sort()).toEqual(['applink.map.kakao.com', 'kko.to', 'm.map.kakao.com', 'map.daum.net', 'map.kakao.com', 'place.map.kakao.com']);
  });

  it('catalogues 16 services and 23 alternatives', () => {
    expect(SERVICE_IDS).toHaveLength(16);
    expect(ALTERNATIVE_IDS).toHaveLength(23);
  });

  const catalogued: Array<readonly [string, ServiceId]> = [];
  for (const [host, id] of EXACT_HOSTS) {
    for (const scheme of ['https', 'http']) {
      catalogued.push(
        [`${scheme}://${host}/`, id],
        [`${scheme}://${host}`, id],
        [`${scheme}://${host}/some/path?q=${encodeURIComponent('카카오')}`, id],
        [`${scheme}://${host}/?q=판교#hash`, id],
        [`${scheme}://${host.toUpperCase()}/`, id],
        [`${scheme}://${host}./`, id],
        [`${scheme}://${host.toUpperCase()}./?q=x`, id],
        [`${scheme}://${host}:443/`, id],
      );
    }
  }
  it.each(catalogued)('%s -> %s', (url, id) => {
    expect(serviceForUrl(url)).toBe(id);
  });

  it.each([
    ['https://myblog.tistory.com/123', 'tistory'],
    ['https://MyBlog.Tistory.COM/entry/%EC%A0%9C%EB%AA%A9', 'tistory'],
    ['http://a.b.tistory.com/', 'tistory'],
    ['https://www.tistory.com/', 'tistory'],
    ['https://x-y.tistory.com./search/abc', 'tistory'],
    ['https://daum.net/', 'daum'],
    ['https://v.daum.net/v/20240101000000000', 'daumnews'],
    ['https://m2.melon.com/search/total?q=x', 'melon'],
    ['https://kauth.kakao.com/oauth/authorize', 'kakaoaccount'],
  ] as const)('%s -> %s', (url, id) => {
    expect(serviceForUrl(url)).toBe(id);
  });

  it.each([
    'https://evil-map.kakao.com/',
    'https://map.kakao.com.evil.com/',
    'https://kakao.com/',
    'https://www.kakao.com/',
    'https://kakaomap.com/',
    'https://dapi.kakao.com/v2/maps/sdk.js', // API host: degrades, does not own main-frame loads
    'https://t1.daumcdn.net/',
    'https://tistory.com/',
    'https://evil-tistory.com/',
    'https://eviltistory.com/',
    'https://tistory.com.evil.com/',
    'https://blog.tistory.com.evil.com/',
    'https://tistory.co/',
    'https://news.daum.net.evil.com/',
    'https://melon.com.evil.com/',
    'https://map.naver.com/p/search/x',
    'https://www.google.com/maps',
    'https://xmap.kakao.com/',
    'https://map.kakao.co/',
    'https://map.kakao.com../',
    'https://evil.example/?u=https://map.kakao.com/',
    'https://evil.example/#https://map.kakao.com/',
    'https://evil.example/map.kakao.com',
    'https://evil.example/.tistory.com',
  ])('%s (not catalogued) -> undefined', (url) => {
    expect(serviceForUrl(url)).toBeUndefined();
  });

  it.each([
    'javascript:alert(1)//map.kakao.com',
    'javascript://map.kakao.com/%0Aalert(1)',
    'data:text/html,<a href="https://map.kakao.com/">x</a>',
    'ftp://map.kakao.com/',
    'ws://map.kakao.com/',
    'wss://map.kakao.com/',
    'file://map.kakao.com/etc/passwd',
    'blob:https://map.kakao.com/1234',
    'view-source:https://map.kakao.com/',
    'chrome-extension://abcdef/map.kakao.com',
    'kakaomap://search?q=x',
  ])('%s (not http/https) -> undefined', (url) => {
    expect(serviceForUrl(url)).toBeUndefined();
  });

  it.each(['', ' ', 'map.kakao.com', '//map.kakao.com/', '/link/search/x', 'https://', 'https://[::1', 'http://map.kakao.com:99999/', 'https://map kakao.com/', '%', '\u0000'])(
    'malformed %j -> undefined',
    (url) => {
      expect(serviceForUrl(url)).toBeUndefined();
    },
  );
});

describe('normalizeHost', () => {
  it.each([
    ['MAP.Kakao.COM', 'map.kakao.com'],
    ['map.kakao.com.', 'map.kakao.com'],
    ['map.kakao.com', 'map.kakao.com'],
    ['map.kakao.com..', 'map.kakao.com.'],
  ])('%s -> %s', (input, expected) => {
    expect(normalizeHost(input)).toBe(expected);
  });
});

describe('isServiceId', () => {
  it('accepts every catalogued id', () => {
    expect(SERVICE_IDS.length).toBeGreaterThan(0);
    for (const id of SERVICE_IDS) expect(isServiceId(id)).toBe(true);
  });

  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'navermap', 'KAKAOMAP', '', ' kakaomap'])('rejects %j', (value) => {
    expect(isServiceId(value)).toBe(false);
  });

  it.each([null, undefined, 1, {}, [], ['kakaomap'], { toString: () => 'kakaomap' }])('rejects non-string %j', (value) => {
    expect(isServiceId(value)).toBe(false);
  });
});

describe('getAlternative', () => {
  it('finds catalogued alternatives only', () => {
    expect(getAlternative('navermap')?.id).toBe('navermap');
    expect(getAlternative('googlemaps')?.id).toBe('googlemaps');
    for (const junk of ['__proto__', 'constructor', 'toString', 'kakaomap', '']) expect(getAlternative(junk)).toBeUndefined();
  });
});

describe('hostMatches / serviceForHost', () => {
  it.each([
    ['*.tistory.com', 'sub.tistory.com', true],
    ['*.tistory.com', 'a.b.tistory.com', true],
    ['*.tistory.com', 'www.tistory.com', true],
    ['*.tistory.com', 'tistory.com', false],
    ['*.tistory.com', '.tistory.com', false],
    ['*.tistory.com', 'evil-tistory.com', false],
    ['*.tistory.com', 'eviltistory.com', false],
    ['*.tistory.com', 'tistory.com.evil.com', false],
    ['*.tistory.com', 'sub.tistory.com.evil.com', false],
    ['*.tistory.com', 'sub.tistory.co', false],
    ['map.kakao.com', 'map.kakao.com', true],
    ['map.kakao.com', 'm.map.kakao.com', false],
    ['map.kakao.com', 'map.kakao.com.evil.com', false],
  ] as const)('%s vs %s -> %s', (pattern, host, expected) => {
    expect(hostMatches(pattern, host)).toBe(expected);
  });

  it.each([
    ['sub.tistory.com', 'tistory'],
    ['SUB.TISTORY.COM', 'tistory'],
    ['sub.tistory.com.', 'tistory'],
    ['www.tistory.com', 'tistory'],
    ['tistory.com', undefined],
    ['evil-tistory.com', undefined],
    ['tistory.com.evil.com', undefined],
    ['pf.kakao.com', 'kakaotalk'],
    ['kakao.com', undefined],
    ['', undefined],
  ] as const)('serviceForHost(%j) -> %s', (host, expected) => {
    expect(serviceForHost(host)).toBe(expected);
  });

  it.each(EXACT_HOSTS)('serviceForHost(%s) -> %s', (host, id) => {
    expect(serviceForHost(host)).toBe(id);
    expect(serviceForHost(host.toUpperCase())).toBe(id);
  });
});

describe('serviceMatchPatterns', () => {
  it('gives one *://host/* pattern per host, in catalogue order', () => {
    expect(serviceMatchPatterns()).toEqual(SERVICE_IDS.flatMap((id) => SERVICES[id].hosts.map((host) => `*://${host}/*`)));
    expect(serviceMatchPatterns(['kakaomap'])).toEqual([
      '*://map.kakao.com/*',
      '*://m.map.kakao.com/*',
      '*://place.map.kakao.com/*',
      '*://map.daum.net/*',
      '*://applink.map.kakao.com/*',
      '*://kko.to/*',
    ]);
    expect(serviceMatchPatterns(['tistory'])).toEqual(['*://www.tistory.com/*', '*://*.tistory.com/*']);
    expect(serviceMatchPatterns([])).toEqual([]);
    expect(new Set(serviceMatchPatterns()).size).toBe(serviceMatchPatterns().length);
  });

  it('matches manifest.json host_permissions exactly', () => {
    const manifest = JSON.parse(readFileSync(new URL('../../../manifest.json', import.meta.url), 'utf8')) as { host_permissions: string[] };
    expect([...manifest.host_permissions].sort()).toEqual(hostPermissions().sort());
    expect(new Set(manifest.host_permissions).size).toBe(manifest.host_permissions.length);
  });
});

describe('catalogue consistency', () => {
  it("ALLOWED_LINK_HOSTS contains every alternative host and the postcode notice's, nothing else", () => {
    const hosts = [...Object.values(ALTERNATIVES).flatMap((alt) => [...alt.hosts]), POSTCODE_ALTERNATIVE.host];
    expect(hosts.length).toBeGreaterThan(1);
    expect(isAllowedLink(POSTCODE_ALTERNATIVE.url)).toBe(true);
    for (const host of hosts) expect(ALLOWED_LINK_HOSTS.has(host), host).toBe(true);
    expect(ALLOWED_LINK_HOSTS.size).toBe(new Set(hosts).size);
  });

  it('never allows a Kakao host as a link target', () => {
    for (const id of SERVICE_IDS) {
      for (const host of [...SERVICES[id].hosts, ...SERVICES[id].apiHosts]) expect(ALLOWED_LINK_HOSTS.has(host), host).toBe(false);
    }
  });

  it.each(SERVICE_IDS)('every alternative of %s exists in ALTERNATIVES', (id) => {
    const service = SERVICES[id];
    expect(service.alternatives.length).toBeGreaterThan(0);
    for (const alt of service.alternatives) {
      expect(Object.hasOwn(ALTERNATIVES, alt), alt).toBe(true);
      expect(getAlternative(alt)?.id).toBe(alt);
    }
  });

  it.each(ALTERNATIVE_IDS)('alternative %s: home and probe are https, home is an allowed link on its own hosts', (id) => {
    const alt = getAlternative(id)!;
    expect(isAlternativeId(id)).toBe(true);
    for (const address of [alt.home, alt.probe]) {
      const url = new URL(address);
      expect(url.protocol, address).toBe('https:');
      expect(url.username + url.password + url.port, address).toBe('');
    }
    expect(isAllowedLink(alt.home), alt.home).toBe(true);
    expect(alt.hosts as readonly string[]).toContain(new URL(alt.home).hostname);
    for (const scheme of alt.appSchemes ?? []) expect(ALLOWED_APP_SCHEMES.has(`${scheme}:`)).toBe(true);
  });

  it('every alternative is offered by at least one service', () => {
    const offered = new Set(SERVICE_IDS.flatMap((id) => [...SERVICES[id].alternatives]));
    expect([...offered].sort()).toEqual([...ALTERNATIVE_IDS].sort());
  });

  it('no service lists an alternative twice', () => {
    for (const id of SERVICE_IDS) expect(new Set(SERVICES[id].alternatives).size, id).toBe(SERVICES[id].alternatives.length);
  });

  it('ids match their keys, hosts are lower-case bare names, probes are https', () => {
    const entries = [...Object.entries(SERVICES), ...Object.entries(ALTERNATIVES)];
    for (const [key, entry] of entries) {
      expect(entry.id).toBe(key);
      expect(entry.name.ko).not.toBe('');
      expect(entry.name.en).not.toBe('');
      expect(new URL(entry.probe).protocol).toBe('https:');
    }
    // Only a service's own hosts may be a "*." wildcard; link hosts are always exact.
    for (const id of SERVICE_IDS) {
      for (const host of SERVICES[id].hosts) expect(host, host).toMatch(/^(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)+$/);
      for (const host of SERVICES[id].apiHosts) expect(host, host).toMatch(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/);
    }
    for (const id of ALTERNATIVE_IDS) {
      for (const host of ALTERNATIVES[id].hosts) expect(host, host).toMatch(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/);
    }
  });

  it('no host belongs to two services, wildcards included', () => {
    const all = SERVICE_IDS.flatMap((id) => [...SERVICES[id].hosts]);
    expect(new Set(all).size).toBe(all.length);
    for (const id of SERVICE_IDS) {
      for (const pattern of SERVICES[id].hosts as readonly string[]) {
        if (!pattern.startsWith('*.')) continue;
        for (const [host, owner] of EXACT_HOSTS) {
          if (hostMatches(pattern, host)) expect(owner, `${host} is under ${pattern}`).toBe(id);
        }
      }
    }
  });

  it('every probe of a service is on one of its own hosts', () => {
    for (const id of SERVICE_IDS) {
      expect(serviceForUrl(SERVICES[id].probe), SERVICES[id].probe).toBe(id);
    }
  });
});
