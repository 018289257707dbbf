import { ALTERNATIVES, POSTCODE_ALTERNATIVE, type AlternativeId } from './alternatives.ts';
import { SERVICES, type ServiceId } from './services.ts';
import type { Alternative } from './types.ts';

export type { Alternative, LocalizedName, Service, ServiceCategory } from './types.ts';
export { ALTERNATIVES, POSTCODE_ALTERNATIVE, type AlternativeId } from './alternatives.ts';
export { SERVICES, type ServiceId } from './services.ts';

export const SERVICE_IDS = Object.keys(SERVICES) as ServiceId[];
export const ALTERNATIVE_IDS = Object.keys(ALTERNATIVES) as AlternativeId[];

export function isServiceId(value: unknown): value is ServiceId {
  return typeof value === 'string' && Object.hasOwn(SERVICES, value);
}

export function isAlternativeId(value: unknown): value is AlternativeId {
  return typeof value === 'string' && Object.hasOwn(ALTERNATIVES, value);
}

export function getAlternative(id: string): Alternative | undefined {
  return isAlternativeId(id) ? ALTERNATIVES[id] : undefined;
}

/** Lower-cases and drops the trailing dot of a fully qualified name, so "MAP.kakao.com." matches. */
export function normalizeHost(host: string): string {
  return host.toLowerCase().replace(/\.$/, '');
}

/** "*.tistory.com" matches any subdomain of tistory.com, never tistory.com itself or a look-alike. */
export function hostMatches(pattern: string, host: string): boolean {
  if (pattern.startsWith('*.')) {
    const suffix = pattern.slice(1);
    return host.length > suffix.length && host.endsWith(suffix);
  }
  return pattern === host;
}

const EXACT_HOSTS = new Map<string, ServiceId>();
const WILDCARD_HOSTS: Array<readonly [string, ServiceId]> = [];
for (const id of SERVICE_IDS) {
  for (const host of SERVICES[id].hosts as readonly string[]) {
    if (host.startsWith('*.')) WILDCARD_HOSTS.push([host, id]);
    else EXACT_HOSTS.set(host, id);
  }
}

/** The service that owns main-frame loads of this host, if any. */
export function serviceForHost(rawHost: string): ServiceId | undefined {
  const host = normalizeHost(rawHost);
  return EXACT_HOSTS.get(host) ?? WILDCARD_HOSTS.find(([pattern]) => hostMatches(pattern, host))?.[1];
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
  return serviceForHost(parsed.hostname);
}

/** Well-known hosts outside Kakao: if none of them answers either, the user's own network is down. */
export const CONTROL_PROBES = ['https://www.naver.com/favicon.ico', 'https://www.google.com/generate_204'] as const;

/** Every host an extension-generated web link may point at: the alternatives', and the postcode notice's. */
export const ALLOWED_LINK_HOSTS: ReadonlySet<string> = new Set([...Object.values(ALTERNATIVES).flatMap((alt) => alt.hosts as readonly string[]), POSTCODE_ALTERNATIVE.host]);

/** Every app scheme an extension-generated link may use, with its colon ("tmap:"). */
export const ALLOWED_APP_SCHEMES: ReadonlySet<string> = new Set(Object.values(ALTERNATIVES).flatMap((alt: Alternative) => (alt.appSchemes ?? []).map((scheme) => `${scheme}:`)));

/** Match patterns for the manifest and for webRequest filters, derived so they cannot drift apart. */
export function serviceMatchPatterns(ids: readonly ServiceId[] = SERVICE_IDS): string[] {
  return ids.flatMap((id) => SERVICES[id].hosts.map((host) => `*://${host}/*`));
}

/** The API, tile and CDN hosts behind the services' pages, each once. */
export function apiMatchPatterns(ids: readonly ServiceId[] = SERVICE_IDS): string[] {
  return [...new Set(ids.flatMap((id) => SERVICES[id].apiHosts.map((host) => `*://${host}/*`)))];
}

/** Everything the manifest asks host access for: the services' pages and what those pages load. */
export function hostPermissions(): string[] {
  return [...new Set([...serviceMatchPatterns(), ...apiMatchPatterns()])];
}
