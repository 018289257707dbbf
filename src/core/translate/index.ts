import { ALLOWED_LINK_HOSTS, SERVICES, getAlternative, normalizeHost, serviceForUrl, type AlternativeId, type ServiceId } from '../catalog/index.ts';
import { NO_INTENT, type MapIntent } from './intent.ts';
import { parseKakaoMapUrl } from './kakaomap.ts';
import { googleMapsUrl, naverMapUrl } from './maps.ts';

export type { MapIntent, IntentKind } from './intent.ts';

export interface AlternativeLink {
  readonly alternative: AlternativeId;
  readonly url: string;
}

export interface Translation {
  readonly service: ServiceId;
  readonly intent: MapIntent;
  readonly links: readonly AlternativeLink[];
}

const BUILDERS: Record<AlternativeId, (intent: MapIntent) => string> = {
  navermap: naverMapUrl,
  googlemaps: googleMapsUrl,
};

/** True for the only links Detour may open: https, on a catalogued alternative's host. */
export function isAllowedLink(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' && parsed.username === '' && parsed.password === '' && parsed.port === '' && ALLOWED_LINK_HOSTS.has(normalizeHost(parsed.hostname));
  } catch {
    return false;
  }
}

function parseIntent(service: ServiceId, url: URL): MapIntent {
  switch (service) {
    case 'kakaomap':
      return parseKakaoMapUrl(url);
  }
}

/**
 * The alternatives for a catalogued service's address, in the given order (default: the catalogue's).
 * Total: returns undefined for anything that is not a catalogued address, never throws, and drops any
 * link that would leave the allow-list.
 */
export function translate(url: string, order?: readonly string[]): Translation | undefined {
  const service = serviceForUrl(url);
  if (!service) return undefined;
  let intent: MapIntent;
  try {
    intent = parseIntent(service, new URL(url));
  } catch {
    intent = NO_INTENT;
  }
  const catalogued = SERVICES[service].alternatives as readonly string[];
  // A Set: an order naming an alternative twice must not produce two links to it.
  const ids = [...new Set(order ?? catalogued)].filter((id): id is AlternativeId => catalogued.includes(id) && getAlternative(id) !== undefined);
  const links = ids
    .map((alternative) => ({ alternative, url: BUILDERS[alternative](intent) }))
    .filter((link) => isAllowedLink(link.url));
  return { service, intent, links };
}
