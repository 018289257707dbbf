import { SERVICES, getAlternative, serviceForUrl, type AlternativeId, type ServiceId } from '../catalog/index.ts';
import { NO_INTENT, type Intent, type Place } from './intent.ts';
import { isAllowedLink, type BuildContext, type BuiltLink, type Carries, type Platform } from './links.ts';
import { BUILDERS, PARSERS } from './registry.ts';
import { cleanQuery } from './text.ts';
import { titleQuery } from './title.ts';

export type { Intent, IntentKind, LatLng, Place, TravelMode, Vertical } from './intent.ts';
export { isAllowedLink, type Carries, type Platform } from './links.ts';

export interface AlternativeLink {
  readonly alternative: AlternativeId;
  readonly url: string;
  readonly carries: Carries;
  readonly via: 'web' | 'app';
  /** 'appOnly': only the alternative's app fills in what the link carries (Uber on a desktop). */
  readonly note?: 'appOnly';
}

/**
 * Where the intent came from: the address itself, the place cache (for a place id), the tab's title
 * (a guess); 'home' for a service's front page (nothing asked, nothing lost); 'none' for an address
 * that meant something Detour cannot read (an opaque id, a short link).
 */
export type IntentSource = 'address' | 'cache' | 'title' | 'home' | 'none';

export interface Translation {
  readonly service: ServiceId;
  readonly intent: Intent;
  readonly source: IntentSource;
  readonly links: readonly AlternativeLink[];
}

export interface TranslateOptions {
  /** Alternative ids in the user's order; unknown ids and ids not catalogued for the service are dropped. */
  readonly order?: readonly string[];
  /** App links (tmap://) are offered only where an app can take them. Default: desktop. */
  readonly platform?: Platform;
  /** The local place cache: Kakao place id -> what Detour saw on a healthy visit. */
  readonly lookupPlace?: (id: string) => Place | undefined;
  /** The tab's title when the load failed: a search text of last resort. */
  readonly title?: string;
}

function hasDetail(url: URL): boolean {
  return url.pathname.replace(/\/+$/, '') !== '' || url.search !== '';
}

/**
 * An address copied out of HTML source keeps its escaped separators ("?type=taxi&amp;dest_lat=..."),
 * which a browser then requests as such: read "&amp;" as the "&" its writer meant.
 */
function unescapeSeparators(url: URL): URL {
  if (!/&amp;/i.test(url.search)) return url;
  const before = url.href.slice(0, url.href.length - url.search.length - url.hash.length);
  return new URL(before + url.search.replace(/&amp;/gi, '&') + url.hash);
}

function parseAddress(service: ServiceId, url: URL): Intent {
  try {
    return PARSERS[service](unescapeSeparators(url));
  } catch {
    return NO_INTENT;
  }
}

function readIntent(service: ServiceId, url: URL, options: TranslateOptions): { intent: Intent; source: IntentSource } {
  let intent = parseAddress(service, url);
  let source: IntentSource = intent.kind === 'none' ? 'none' : 'address';
  if (intent.kind === 'placeId') {
    let place: Place | undefined;
    try {
      place = options.lookupPlace?.(intent.id);
    } catch {
      // The cache is the caller's; a failing read costs the place, never the whole translation.
      place = undefined;
    }
    if (place && (place.name || place.coords)) {
      intent = { kind: 'place', place };
      source = 'cache';
    } else if (intent.name) {
      intent = { kind: 'place', place: { name: intent.name } };
    } else {
      intent = NO_INTENT;
      source = 'none';
    }
  }
  if (intent.kind === 'none' && !hasDetail(url)) return { intent, source: 'home' };
  if (intent.kind === 'none') {
    const query = titleQuery(options.title, service);
    if (query) {
      intent = { kind: 'search', query };
      source = 'title';
    }
  }
  return { intent, source };
}

function buildLink(id: AlternativeId, intent: Intent, context: BuildContext): AlternativeLink | undefined {
  let built: BuiltLink | undefined;
  try {
    built = BUILDERS[id](intent, context);
  } catch {
    built = undefined;
  }
  if (built && built.via === 'app' && context.platform !== 'mobile') built = undefined;
  if (built && isAllowedLink(built.url)) return { alternative: id, ...built };
  const home = getAlternative(id)?.home;
  return home && isAllowedLink(home) ? { alternative: id, url: home, carries: 'home', via: 'web' } : undefined;
}

/**
 * The alternatives for a catalogued service's address, in the given order (default: the catalogue's).
 * Total: undefined for anything that is not a catalogued address, never a throw, and no link that
 * would leave the allow-list. Works offline: nothing here asks a server.
 */
export function translate(url: string, options: TranslateOptions = {}): Translation | undefined {
  const service = serviceForUrl(url);
  if (!service) return undefined;
  const { intent, source } = readIntent(service, new URL(url), options);
  const ids = offeredIds(service, options.order);
  const context: BuildContext = { platform: options.platform ?? 'desktop' };
  const links = ids.map((id) => buildLink(id, intent, context)).filter((link): link is AlternativeLink => link !== undefined);
  return { service, intent, source, links };
}

function offeredIds(service: ServiceId, order: readonly string[] | undefined): AlternativeId[] {
  const catalogued = SERVICES[service].alternatives as readonly string[];
  return [...new Set(order ?? catalogued)].filter((id): id is AlternativeId => catalogued.includes(id));
}

/**
 * What the user typed, as a search on each of the service's alternatives that can search (in the given
 * order): the fallback page's search field. Same builders, same allow-list as every other link; an
 * alternative that can only open its home page is left out.
 */
export function searchLinks(service: ServiceId, text: string, options: Pick<TranslateOptions, 'order' | 'platform'> = {}): AlternativeLink[] {
  const query = cleanQuery(text);
  if (!query) return [];
  const context: BuildContext = { platform: options.platform ?? 'desktop' };
  return offeredIds(service, options.order)
    .map((id) => buildLink(id, { kind: 'search', query }, context))
    .filter((link): link is AlternativeLink => link !== undefined && link.carries === 'search');
}

/** The alternatives of a service that can take a typed search, in the given order. */
export function searchableAlternatives(service: ServiceId, options: Pick<TranslateOptions, 'order' | 'platform'> = {}): AlternativeId[] {
  // Any text will do: whether an alternative searches does not depend on what is searched.
  return searchLinks(service, 'search', options).map((link) => link.alternative);
}

/** Kakao's short-link host: its addresses name nothing but a code only Kakao's server can resolve. */
const SHORT_LINK_HOSTS: ReadonlySet<string> = new Set(['kko.to']);

/**
 * True for a short link (kko.to/...): what it was for is best told by the page it was clicked on, of
 * whatever site, so that page's title is worth keeping as the search text of last resort.
 */
export function isShortLink(url: string): boolean {
  try {
    return SHORT_LINK_HOSTS.has(new URL(url).hostname.toLowerCase().replace(/\.$/, ''));
  } catch {
    return false;
  }
}

/**
 * Whether the title of the page a navigation starts from says what the navigation was for: a page of
 * the same service (a place page reloaded, a search refined), or any page a short link was clicked on,
 * but never a short link's own page (its error page, "503", says nothing).
 */
export function titleSpeaksFor(url: string, pageUrl: string | undefined): boolean {
  if (!pageUrl || isShortLink(pageUrl)) return false;
  if (isShortLink(url)) return true;
  const service = serviceForUrl(url);
  return service !== undefined && serviceForUrl(pageUrl) === service;
}

/** The Kakao place id an address names, if any: the fallback page asks the place cache about it. */
export function placeIdIn(url: string): string | undefined {
  const service = serviceForUrl(url);
  if (!service) return undefined;
  try {
    const intent = parseAddress(service, new URL(url));
    return intent.kind === 'placeId' ? intent.id : undefined;
  } catch {
    return undefined;
  }
}

/** What an intent is about, in words: the query, the place's name or its coordinates. */
export function intentSubject(intent: Intent): string {
  switch (intent.kind) {
    case 'search':
      return intent.query;
    case 'place':
      return placeSubject(intent.place);
    case 'route':
      return placeSubject(intent.to);
    case 'placeId':
    case 'none':
      return '';
  }
}

function placeSubject(place: Place): string {
  if (place.name) return place.name;
  return place.coords ? `${place.coords.lat.toFixed(5)}, ${place.coords.lng.toFixed(5)}` : '';
}
