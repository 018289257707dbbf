import { hostMatches, normalizeHost, serviceForUrl } from './index.ts';
import { onKakaoDomain } from './kakao-domains.ts';
import type { ServiceId } from './services.ts';

/**
 * What other sites borrow from Kakao, and where it is served from. Watched only with the user's
 * optional permission (OTHER_SITES_PERMISSIONS); the addresses are the ones sites paste from Kakao's
 * guides, old and new, as they appear in public code.
 */
export type OtherSitesKind = 'login' | 'js-sdk' | 'postcode' | 'map-sdk';

export interface OtherSitesTarget {
  readonly kind: OtherSitesKind;
  readonly host: string;
  /** Path prefixes on a shared CDN host; absent means the whole host. */
  readonly paths?: readonly string[];
  /** The catalogued service whose health these requests are evidence of, where there is one. */
  readonly service?: ServiceId;
}

/** First match wins: the postcode bundle lives under the map SDK's folder on the same CDN. */
export const OTHER_SITES_TARGETS: readonly OtherSitesTarget[] = [
  // Kakao login: the authorize and account pages, when a site frames or fetches them.
  { kind: 'login', host: 'kauth.kakao.com', service: 'kakaoaccount' },
  { kind: 'login', host: 'accounts.kakao.com', service: 'kakaoaccount' },
  // Kakao JS SDK (login, sharing): today's CDN and the older developers.kakao.com address.
  { kind: 'js-sdk', host: 't1.kakaocdn.net', paths: ['/kakao_js_sdk/'] },
  { kind: 'js-sdk', host: 'developers.kakao.com', paths: ['/sdk/js/'] },
  // Daum/Kakao postcode widget: its script (four generations of address) and its search frame.
  { kind: 'postcode', host: 't1.daumcdn.net', paths: ['/mapjsapi/bundle/postcode/'] },
  { kind: 'postcode', host: 't1.kakaocdn.net', paths: ['/mapjsapi/bundle/postcode/'] },
  { kind: 'postcode', host: 'spi.maps.daum.net', paths: ['/imap/map_js_init/postcode'] },
  { kind: 'postcode', host: 'dmaps.daum.net', paths: ['/map_js_init/postcode'] },
  { kind: 'postcode', host: 'ssl.daumcdn.net', paths: ['/dmaps/apis/postcode'] },
  { kind: 'postcode', host: 'postcode.map.daum.net' },
  { kind: 'postcode', host: 'postcode.map.kakao.com' },
  // KakaoMap JavaScript SDK: the loader and the code it pulls. Not its tiles or search calls: a map
  // makes hundreds of those, on Kakao's own pages too (where Detour always has access), and every one
  // would reach the background; when Kakao is down the loader fails with them.
  { kind: 'map-sdk', host: 'dapi.kakao.com', paths: ['/v2/maps/'], service: 'kakaomap' },
  { kind: 'map-sdk', host: 't1.daumcdn.net', paths: ['/mapjsapi/'], service: 'kakaomap' },
];

/**
 * The optional permission the user grants from the options page: host access to every site (the
 * browsers report a request only to an extension with access to the page that made it, too, and
 * "scripting", which Detour has anyway for Kakao's pages, may lay the notice only where it has host
 * access). Must equal the manifest's optional keys.
 */
export const OTHER_SITES_PERMISSIONS = { origins: ['*://*/*'], permissions: [] } as const;

function parseWeb(url: string): URL | undefined {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/** What a request to this address is, if it is one of Kakao's services other sites lean on. Never throws. */
export function otherSitesTargetFor(url: string): OtherSitesTarget | undefined {
  const parsed = parseWeb(url);
  if (!parsed) return undefined;
  const host = normalizeHost(parsed.hostname);
  return OTHER_SITES_TARGETS.find((target) => hostMatches(target.host, host) && (!target.paths || target.paths.some((prefix) => parsed.pathname.startsWith(prefix))));
}

/**
 * True for a web page that is somebody else's: http(s), and neither a catalogued Kakao service nor
 * on one of Kakao's own domains. An empty or non-web address (the browser itself, an extension) is
 * nobody's site.
 */
export function isOtherSite(pageUrl: string): boolean {
  const parsed = parseWeb(pageUrl);
  if (!parsed || serviceForUrl(pageUrl)) return false;
  const host = normalizeHost(parsed.hostname);
  return !onKakaoDomain(host);
}

/** The hosts to watch, each once: webRequest filters and the test routing derive from this. */
export const OTHER_SITES_HOSTS: readonly string[] = [...new Set(OTHER_SITES_TARGETS.map((target) => target.host))];

export function otherSitesMatchPatterns(): string[] {
  // Down to the paths: a host-wide pattern would bring every request to a shared CDN to the background.
  return [...new Set(OTHER_SITES_TARGETS.flatMap((target) => (target.paths ?? ['/']).map((path) => `*://${target.host}${path}*`)))];
}
