import { SERVICES, serviceForHost, type ServiceId } from '../catalog/index.ts';

/**
 * The trust boundary: which observations may speak for a Kakao service. A verdict of "down" sends the
 * user elsewhere, so only Kakao's own servers may give it:
 *
 * - only https on the default port, without credentials in the address, is Kakao's server. Plain http
 *   can be answered by whoever sits on the network (a hostile Wi-Fi), and any other port is a place
 *   nobody at Kakao serves from: a stranger's link to `https://map.kakao.com:81/` fails by design;
 * - page text (maintenance and error pages) counts only on hosts whose pages Kakao writes
 *   (`authoredHosts` in the catalogue), never on blogs, cafe posts, mail, chats, channels, articles;
 * - a sub-resource counts for a service only when a page of that service asked the service's own
 *   API, tile or page hosts, and the page is on one of the service's own named hosts: a subdomain
 *   matched only by a wildcard (any *.tistory.com blog) runs its author's scripts, not Kakao's.
 *
 * What each may do with the verdict (suspect, confirm, the known-down short-cut) is the health
 * engine's and known-down.ts's business; this module answers only "is it evidence at all".
 *
 * The catalogue's `serviceForUrl` stays wider on purpose: an http:// address is still what the user
 * meant to open, so translation and the fallback page read it as an intent. Intent is not evidence.
 */

/** The URL when it is https on the default port with no user name or password; otherwise undefined. */
function kakaoServerUrl(url: string): URL | undefined {
  if (typeof url !== 'string') return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  // The URL parser drops an explicit :443, so any port left is not the default one.
  if (parsed.protocol !== 'https:' || parsed.port !== '' || parsed.username !== '' || parsed.password !== '') return undefined;
  return parsed;
}

/** The service whose own server this address reaches (https, port 443, catalogued host), if any. */
export function trustedServiceForUrl(url: string): ServiceId | undefined {
  const parsed = kakaoServerUrl(url);
  return parsed ? serviceForHost(parsed.hostname) : undefined;
}

/** True for https, default-port addresses, whatever their host: the only requests whose failure is a server's. */
export function isServerAddress(url: string): boolean {
  return kakaoServerUrl(url) !== undefined;
}

function hostOf(url: string): string | undefined {
  return kakaoServerUrl(url)?.hostname.toLowerCase().replace(/\.$/, '');
}

/** The service whose page this is, when Kakao itself wrote the page (its text and its scripts). */
export function authoredServiceForUrl(url: string): ServiceId | undefined {
  const service = trustedServiceForUrl(url);
  const host = hostOf(url);
  if (!service || !host) return undefined;
  return (SERVICES[service].authoredHosts as readonly string[]).includes(host) ? service : undefined;
}

/** Whether a maintenance or error page read at this address may make `service` suspect. */
export function pageTextCounts(url: string, service: ServiceId): boolean {
  return authoredServiceForUrl(url) === service;
}

/** The service whose page this is, when its host is named in the catalogue (not only matched by a wildcard). */
function namedServiceForUrl(url: string): ServiceId | undefined {
  const service = trustedServiceForUrl(url);
  const host = hostOf(url);
  if (!service || !host) return undefined;
  return (SERVICES[service].hosts as readonly string[]).includes(host) ? service : undefined;
}

/**
 * The service a sub-resource outcome speaks for: the page that asked must be the service's own (https,
 * port 443, a host the catalogue names, so whose scripts are Kakao's), and the request must go to that
 * service's own API/tile hosts or its own named hosts, over https on the default port. A blog's script
 * fetching `https://x.tistory.com:80/`, or any page's request anywhere else, says nothing.
 */
export function subresourceServiceFor(requestUrl: string, pageUrl: string): ServiceId | undefined {
  const service = namedServiceForUrl(pageUrl);
  const host = hostOf(requestUrl);
  if (!service || !host) return undefined;
  const own: readonly string[] = [...SERVICES[service].apiHosts, ...SERVICES[service].hosts];
  return own.includes(host) ? service : undefined;
}
