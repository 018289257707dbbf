import { SERVICES, normalizeHost, serviceForHost, serviceForUrl, type ServiceId } from '../catalog/index.ts';

/**
 * The trust boundary: which observations may speak for a Kakao service. A verdict of "down" sends the
 * user elsewhere, so only Kakao's own servers may give it:
 *
 * - only https on the default port, without credentials in the address, is Kakao's server. Plain http
 *   can be answered by whoever sits on the network (a hostile Wi-Fi), and any other port is a place
 *   nobody at Kakao serves from: a stranger's link to `https://map.kakao.com:81/` fails by design;
 * - only a host the catalogue names is Kakao's server. A name matched only by a wildcard
 *   (`*.tistory.com`) was chosen by whoever wrote the link: any string ending in `.tistory.com`, even
 *   one no resolver accepts, fails whenever its author likes;
 * - only a navigation the user made: speculative loads (prefetch, prerender) that a page asks for are
 *   filtered out before they get here (src/platform/speculative-load.ts);
 * - page text (maintenance and error pages) counts only on pages whose words Kakao writes
 *   (`authoredHosts` in the catalogue, less the paths where artists, authors and sellers write the
 *   title), never on blogs, cafe posts, mail, chats, channels, articles;
 * - a sub-resource counts for a service only when a page on one of the service's named hosts asked
 *   the service's own API, tile or page hosts, whether the browser or the page script reports it.
 *
 * What each may do with the verdict (suspect, confirm, the known-down short-cut) is the health
 * engine's and known-down.ts's business; this module answers only "is it evidence at all".
 *
 * Rescue is another question (src/core/rescue/decide.ts): a tab whose own load of any Kakao address
 * failed (http, another port, a wildcard name) gets its alternatives, because helping that tab records
 * nothing. Intent is not evidence.
 */

/**
 * The URL when its scheme is one of `schemes`, on that scheme's default port, with no user name or
 * password; otherwise undefined. Never throws.
 */
function plainAddress(url: string, schemes: readonly string[]): URL | undefined {
  if (typeof url !== 'string') return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  // The URL parser drops an explicit default port (:443, :80), so any port left is another one.
  if (!schemes.includes(parsed.protocol) || parsed.port !== '' || parsed.username !== '' || parsed.password !== '') return undefined;
  return parsed;
}

/** The URL when it is https on the default port with no user name or password; otherwise undefined. */
const kakaoServerUrl = (url: string) => plainAddress(url, ['https:']);

/** The service whose host this is by name in the catalogue, not only by a wildcard (`*.tistory.com`). */
function namedService(rawHost: string): ServiceId | undefined {
  const host = normalizeHost(rawHost);
  const service = serviceForHost(host);
  return service && (SERVICES[service].hosts as readonly string[]).includes(host) ? service : undefined;
}

/**
 * The service whose own server this address reaches, if any: https, port 443, a host the catalogue
 * names (not one only a wildcard matches). The one test for "may this load's failure be evidence".
 */
export function evidenceServiceForUrl(url: string): ServiceId | undefined {
  const parsed = kakaoServerUrl(url);
  return parsed ? namedService(parsed.hostname) : undefined;
}

/**
 * Whether what Detour knows of the service (its probes, its verdict) is about this address: a host the
 * catalogue names, on the default port of http or https, without credentials. The fallback page speaks
 * of an outage only for such an address; a blog under a wildcard name, or a stranger's port, failed on
 * its own as far as anyone knows.
 */
export function serviceHealthSpeaksFor(url: string): boolean {
  const parsed = plainAddress(url, ['https:', 'http:']);
  return parsed !== undefined && namedService(parsed.hostname) !== undefined;
}

/**
 * A host name a resolver can accept: labels of 1-63 letters, digits and hyphens, 253 characters in
 * all (RFC 1035 2.3.4; URL parsing has already made an IDN its punycode). Chromium fails any other
 * name itself, without asking DNS, so a page can make a load of one fail at will.
 */
export function isResolvableName(host: string): boolean {
  const name = normalizeHost(host);
  if (name.length === 0 || name.length > 253) return false;
  return name.split('.').every((label) => /^[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?$/.test(label));
}

/**
 * The service a failed main-frame load of this address stands in for, as intent: any catalogued host,
 * wildcard names included, over http or https, on any port, as long as the name could resolve. Never
 * evidence (see evidenceServiceForUrl): only the tab that made the load is helped.
 */
export function intentServiceForUrl(url: string): ServiceId | undefined {
  const service = serviceForUrl(url);
  if (!service) return undefined;
  try {
    return isResolvableName(new URL(url).hostname) ? service : undefined;
  } catch {
    return undefined;
  }
}

/** True for https, default-port addresses, whatever their host: the only requests whose failure is a server's. */
export function isServerAddress(url: string): boolean {
  return kakaoServerUrl(url) !== undefined;
}

function hostOf(url: string): string | undefined {
  const parsed = kakaoServerUrl(url);
  return parsed ? normalizeHost(parsed.hostname) : undefined;
}

/**
 * Paths on an authored host whose title and words are not Kakao's: a song's, album's or artist's page
 * on Melon (the artist's and label's words), a work on KakaoPage and Kakao Webtoon (the author's), a
 * product on Kakao Gift (the seller's). "서비스 점검" in such a title is somebody's choice of words.
 */
const WRITTEN_BY_OTHERS: Partial<Record<ServiceId, RegExp>> = {
  melon: /^\/(song|album|artist|mv|dj|playlist|musicstory|chart\/.*\/(song|album))\b/i,
  kakaopage: /^\/(content|landing|viewer|series)\b/i,
  kakaowebtoon: /^\/(content|viewer|original)\b/i,
  kakaogift: /^\/(product|brand|promotion|planning)\b/i,
};

/** The service whose page this is, when Kakao itself wrote the page (its text and its scripts). */
export function authoredServiceForUrl(url: string): ServiceId | undefined {
  const parsed = kakaoServerUrl(url);
  if (!parsed) return undefined;
  const host = normalizeHost(parsed.hostname);
  const service = namedService(host);
  if (!service || !(SERVICES[service].authoredHosts as readonly string[]).includes(host)) return undefined;
  return WRITTEN_BY_OTHERS[service]?.test(parsed.pathname) ? undefined : service;
}

/** Whether a maintenance or error page read at this address may make `service` suspect. */
export function pageTextCounts(url: string, service: ServiceId): boolean {
  return authoredServiceForUrl(url) === service;
}

/**
 * The service a sub-resource outcome speaks for: the page that asked must be the service's own (https,
 * port 443, a host the catalogue names, so whose scripts are Kakao's), and the request must go to that
 * service's own API/tile hosts or its own named hosts, over https on the default port. A blog's script
 * fetching `https://x.tistory.com:80/`, or any page's request anywhere else, says nothing.
 */
export function subresourceServiceFor(requestUrl: string, pageUrl: string): ServiceId | undefined {
  const service = evidenceServiceForUrl(pageUrl);
  const host = hostOf(requestUrl);
  if (!service || !host) return undefined;
  const own: readonly string[] = [...SERVICES[service].apiHosts, ...SERVICES[service].hosts];
  return own.includes(host) ? service : undefined;
}
