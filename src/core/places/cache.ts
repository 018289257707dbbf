import { isUsableCoords, type LatLng, type Place } from '../translate/intent.ts';
import { cleanQuery } from '../translate/text.ts';

/**
 * The local place cache: Kakao place id -> the name and coordinates Detour saw on a healthy visit.
 * During an outage a bare place id (place.map.kakao.com/8130474) means nothing to Naver or Google;
 * this is what lets Detour still offer the place. Plain data, stored in extension storage only.
 */
export interface CachedPlace {
  readonly name: string;
  readonly coords?: LatLng;
  /** Epoch ms of the last visit; the oldest entries go first when the cache is full. */
  readonly seenAt: number;
}

export type PlaceCache = Readonly<Record<string, CachedPlace>>;

/** About 60 KB at most in storage: enough for every place a person visits in months. */
export const PLACE_CACHE_LIMIT = 500;

export function isPlaceId(id: unknown): id is string {
  return typeof id === 'string' && /^[1-9]\d{0,14}$/.test(id);
}

function cleanEntry(value: unknown): CachedPlace | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { name, coords, seenAt } = value as Record<string, unknown>;
  if (typeof name !== 'string' || typeof seenAt !== 'number' || !Number.isFinite(seenAt)) return undefined;
  const cleaned = cleanQuery(name);
  if (!cleaned) return undefined;
  const point = coords as LatLng | undefined;
  const usable = typeof point === 'object' && point !== null && isUsableCoords({ lat: Number(point.lat), lng: Number(point.lng) });
  return usable ? { name: cleaned, coords: { lat: Number(point.lat), lng: Number(point.lng) }, seenAt } : { name: cleaned, seenAt };
}

/** Reads a stored cache back, dropping whatever is corrupt rather than failing whole. */
export function parsePlaceCache(stored: unknown): PlaceCache {
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) return {};
  const out: Record<string, CachedPlace> = {};
  for (const [id, value] of Object.entries(stored)) {
    const entry = isPlaceId(id) ? cleanEntry(value) : undefined;
    if (entry) out[id] = entry;
  }
  return out;
}

/** The cache with this visit added (or refreshed), the oldest entries evicted beyond the limit. */
export function rememberPlace(cache: PlaceCache, id: string, place: { readonly name: string; readonly coords?: LatLng }, now: number, limit = PLACE_CACHE_LIMIT): PlaceCache {
  const entry = isPlaceId(id) ? cleanEntry({ ...place, seenAt: now }) : undefined;
  if (!entry) return cache;
  const entries = Object.entries(cache).filter(([key]) => key !== id);
  entries.push([id, entry]);
  entries.sort((a, b) => a[1].seenAt - b[1].seenAt);
  return Object.fromEntries(entries.slice(Math.max(0, entries.length - limit)));
}

export function lookupPlace(cache: PlaceCache, id: string): Place | undefined {
  if (!isPlaceId(id) || !Object.hasOwn(cache, id)) return undefined;
  const entry = cache[id];
  if (!entry) return undefined;
  return entry.coords ? { name: entry.name, coords: entry.coords } : { name: entry.name };
}
