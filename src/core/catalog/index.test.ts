import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  ALLOWED_LINK_HOSTS,
  ALTERNATIVES,
  SERVICE_IDS,
  SERVICES,
  getAlternative,
  isServiceId,
  normalizeHost,
  serviceForUrl,
  serviceMatchPatterns,
} from './index.ts';

const KAKAOMAP_HOSTS = ['map.kakao.com', 'm.map.kakao.com', 'place.map.kakao.com', 'map.daum.net'];

describe('serviceForUrl', () => {
  it('covers exactly the KakaoMap hosts (so the table below is complete)', () => {
    expect([...SERVICES.kakaomap.hosts].sort()).toEqual([...KAKAOMAP_HOSTS].sort());
  });

  const catalogued: string[] = [];
  for (const host of KAKAOMAP_HOSTS) {
    for (const scheme of ['https', 'http']) {
      catalogued.push(
        `${scheme}://${host}/`,
        `${scheme}://${host}`,
        `${scheme}://${host}/link/search/%EC%B9%B4%EC%B9%B4%EC%98%A4`,
        `${scheme}://${host}/?q=판교#hash`,
        `${scheme}://${host.toUpperCase()}/`,
        `${scheme}://${host}./`,
        `${scheme}://${host.toUpperCase()}./?q=x`,
        `${scheme}://${host}:443/`,
      );
    }
  }
  it.each(catalogued)('%s -> kakaomap', (url) => {
    expect(serviceForUrl(url)).toBe('kakaomap');
  });

  it.each([
    'https://evil-map.kakao.com/',
    'https://map.kakao.com.evil.com/',
    'https://kakao.com/',
    'https://www.kakao.com/',
    'https://kakaomap.com/',
    'https://dapi.kakao.com/v2/maps/sdk.js', // API host: degrades, does not own main-frame loads
    'https://t1.daumcdn.net/',
    'https://daum.net/',
    'https://map.naver.com/p/search/x',
    'https://www.google.com/maps',
    'https://xmap.kakao.com/',
    'https://map.kakao.co/',
    'https://map.kakao.com../',
    'https://evil.example/?u=https://map.kakao.com/',
    'https://evil.example/#https://map.kakao.com/',
    'https://evil.example/map.kakao.com',
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

describe('serviceMatchPatterns', () => {
  it('gives one *://host/* pattern per host', () => {
    expect(serviceMatchPatterns()).toEqual(KAKAOMAP_HOSTS.map((host) => `*://${host}/*`));
    expect(serviceMatchPatterns(['kakaomap'])).toEqual(serviceMatchPatterns());
    expect(serviceMatchPatterns([])).toEqual([]);
  });

  it('matches manifest.json host_permissions exactly', () => {
    const manifest = JSON.parse(readFileSync(new URL('../../../manifest.json', import.meta.url), 'utf8')) as { host_permissions: string[] };
    expect([...manifest.host_permissions].sort()).toEqual(serviceMatchPatterns().sort());
    expect(new Set(manifest.host_permissions).size).toBe(manifest.host_permissions.length);
  });
});

describe('catalogue consistency', () => {
  it('ALLOWED_LINK_HOSTS contains every alternative host and nothing else', () => {
    const hosts = Object.values(ALTERNATIVES).flatMap((alt) => [...alt.hosts]);
    expect(hosts.length).toBeGreaterThan(0);
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

  it('ids match their keys, hosts are lower-case bare names, probes are https', () => {
    const entries = [...Object.entries(SERVICES), ...Object.entries(ALTERNATIVES)];
    for (const [key, entry] of entries) {
      expect(entry.id).toBe(key);
      expect(entry.name.ko).not.toBe('');
      expect(entry.name.en).not.toBe('');
      for (const host of entry.hosts) expect(host, host).toMatch(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/);
      expect(new URL(entry.probe).protocol).toBe('https:');
    }
  });

  it('no host belongs to two services', () => {
    const all = SERVICE_IDS.flatMap((id) => [...SERVICES[id].hosts]);
    expect(new Set(all).size).toBe(all.length);
  });
});
