import type { Alternative, Service } from './types.ts';

export type { Alternative, LocalizedName, Service, ServiceCategory } from './types.ts';

export const ALTERNATIVES = {
  navermap: {
    id: 'navermap',
    name: { ko: '네이버 지도', en: 'Naver Map' },
    hosts: ['map.naver.com'],
    probe: 'https://map.naver.com/',
  },
  googlemaps: {
    id: 'googlemaps',
    name: { ko: '구글 지도', en: 'Google Maps' },
    hosts: ['www.google.com'],
    probe: 'https://www.google.com/maps',
  },
} as const satisfies Record<string, Alternative>;

export type AlternativeId = keyof typeof ALTERNATIVES;

export const SERVICES = {
  kakaomap: {
    id: 'kakaomap',
    name: { ko: '카카오맵', en: 'KakaoMap' },
    category: 'map',
    hosts: ['map.kakao.com', 'm.map.kakao.com', 'place.map.kakao.com', 'map.daum.net'],
    apiHosts: ['dapi.kakao.com', 'map.daumcdn.net', 't1.daumcdn.net', 'mts.daumcdn.net'],
    probe: 'https://map.kakao.com/favicon.ico',
    alternatives: ['navermap', 'googlemaps'],
  },
} as const satisfies Record<string, Service>;

export type ServiceId = keyof typeof SERVICES;

export const SERVICE_IDS = Object.keys(SERVICES) as ServiceId[];

export function isServiceId(value: unknown): value is ServiceId {
  return typeof value === 'string' && Object.hasOwn(SERVICES, value);
}

export function getAlternative(id: string): Alternative | undefined {
  return Object.hasOwn(ALTERNATIVES, id) ? ALTERNATIVES[id as AlternativeId] : undefined;
}

/** Lower-cases and drops the trailing dot of a fully qualified name, so "MAP.kakao.com." matches. */
export function normalizeHost(host: string): string {
  return host.toLowerCase().replace(/\.$/, '');
}

/** The service that owns main-frame loads of this URL, if any. Never throws. */
export function serviceForUrl(url: string): ServiceId | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return undefined;
  const host = normalizeHost(parsed.hostname);
  return SERVICE_IDS.find((id) => (SERVICES[id].hosts as readonly string[]).includes(host));
}

/** Every host an extension-generated link may point at. */
export const ALLOWED_LINK_HOSTS: ReadonlySet<string> = new Set(
  Object.values(ALTERNATIVES).flatMap((alt) => alt.hosts as readonly string[]),
);

/** Match patterns for the manifest and for webRequest filters, derived so they cannot drift apart. */
export function serviceMatchPatterns(ids: readonly ServiceId[] = SERVICE_IDS): string[] {
  return ids.flatMap((id) => SERVICES[id].hosts.map((host) => `*://${host}/*`));
}
