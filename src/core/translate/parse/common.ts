import { cleanQuery, decodeLoosely } from '../text.ts';
import { NO_INTENT, type Intent, type LatLng, type Place, type Vertical } from '../intent.ts';

/** The first non-empty query parameter among `names`, decoded (twice at most) and cleaned. */
export function queryParam(url: URL, names: readonly string[]): string | undefined {
  for (const name of names) {
    const value = url.searchParams.get(name);
    if (value === null) continue;
    const query = cleanQuery(decodeLoosely(value));
    if (query) return query;
  }
  return undefined;
}

/** A search intent from the first usable parameter, else no intent. */
export function searchFrom(url: URL, names: readonly string[], vertical?: Vertical): Intent {
  const query = queryParam(url, names);
  if (!query) return NO_INTENT;
  return vertical ? { kind: 'search', query, vertical } : { kind: 'search', query };
}

/** A path segment, decoded and cleaned; "" when absent. */
export function pathSegment(url: URL, index: number): string {
  const segment = url.pathname.split('/').filter(Boolean)[index];
  return segment === undefined ? '' : cleanQuery(decodeLoosely(segment));
}

/** A place name from an address part, decoded and cleaned; undefined when nothing is left. */
export function cleanName(text: string | null | undefined): string | undefined {
  if (typeof text !== 'string') return undefined;
  const name = cleanQuery(decodeLoosely(text));
  return name === '' ? undefined : name;
}

/** A place from what an address gave: a name, coordinates, or both; undefined with neither. */
export function makePlace(name: string | undefined, coords: LatLng | undefined): Place | undefined {
  if (name && coords) return { name, coords };
  if (coords) return { coords };
  return name ? { name } : undefined;
}
