/** What the user was trying to do, independent of which service they tried to do it on. */

/** WGS84 degrees. */
export interface LatLng {
  readonly lat: number;
  readonly lng: number;
}

/** A place known by name, by coordinates, or both (never neither). */
export interface Place {
  readonly name?: string;
  readonly coords?: LatLng;
}

export type TravelMode = 'car' | 'transit' | 'walk' | 'bike' | 'taxi';

/** Which tab of a web search the user was on. */
export type Vertical = 'web' | 'news' | 'cafe' | 'blog' | 'image' | 'video';

export type Intent =
  | { readonly kind: 'none' }
  /** A text search: a map search, a web search on a tab, a song, a title. */
  | { readonly kind: 'search'; readonly query: string; readonly vertical?: Vertical }
  | { readonly kind: 'place'; readonly place: Place }
  /**
   * A Kakao place id: meaningless elsewhere until resolved from the local place cache. `name` is what
   * the address itself says of the place (detailMapView's `q`), used when the cache has nothing.
   */
  | { readonly kind: 'placeId'; readonly id: string; readonly name?: string }
  | { readonly kind: 'route'; readonly from?: Place; readonly to: Place; readonly mode?: TravelMode };

export type IntentKind = Intent['kind'];

export const NO_INTENT: Intent = { kind: 'none' };

export function isUsableCoords(coords: LatLng | undefined): coords is LatLng {
  return coords !== undefined && Number.isFinite(coords.lat) && Number.isFinite(coords.lng) && Math.abs(coords.lat) <= 90 && Math.abs(coords.lng) <= 180;
}
