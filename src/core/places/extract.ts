import { isUsableCoords, type LatLng } from '../translate/intent.ts';
import { parseKakaoMapUrl } from '../translate/parse/kakaomap.ts';
import { titleQuery } from '../translate/title.ts';
import { isServerAddress } from '../health/trust.ts';
import { isPlaceId } from './cache.ts';

/** What the content script reads off a loaded Kakao page: text only, never markup. */
export interface PageFacts {
  readonly url: string;
  readonly title: string;
  /** The page's first h1 (or h2), for recognising Kakao's own error and maintenance pages. */
  readonly heading?: string;
  /** The start of the page's visible text, bounded by the content script. */
  readonly bodyText?: string;
  readonly ogTitle?: string;
  /** The HTTP status the page came with, when the browser reveals it. */
  readonly status?: number;
  /** Addresses of links on the page that point into KakaoMap (they often carry the coordinates). */
  readonly hrefs: readonly string[];
}

export const MAX_HREFS = 50;

export interface SeenPlace {
  readonly id: string;
  readonly name: string;
  readonly coords?: LatLng;
}

/** The place id of a place page address (place.map.kakao.com/8130474), if it is one. */
export function placeIdOf(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    if (parsed.hostname !== 'place.map.kakao.com') return undefined;
    const id = /^\/(\d+)\/?$/.exec(parsed.pathname)?.[1];
    return isPlaceId(id) ? id : undefined;
  } catch {
    return undefined;
  }
}

function coordsFrom(hrefs: readonly string[]): LatLng | undefined {
  for (const href of hrefs.slice(0, MAX_HREFS)) {
    try {
      const url = new URL(href);
      if (!['map.kakao.com', 'm.map.kakao.com', 'map.daum.net'].includes(url.hostname)) continue;
      const intent = parseKakaoMapUrl(url);
      const coords = intent.kind === 'place' ? intent.place.coords : intent.kind === 'route' ? intent.to.coords : undefined;
      if (isUsableCoords(coords)) return coords;
    } catch {
      // A malformed link on the page says nothing about the place.
    }
  }
  return undefined;
}

/** The place a healthy place page shows, or undefined when the page does not say enough. */
export function extractPlace(facts: PageFacts): SeenPlace | undefined {
  // Only a page from Kakao's own server names a place: a plain-http page may be a hostile network's.
  const id = isServerAddress(facts.url) ? placeIdOf(facts.url) : undefined;
  if (!id) return undefined;
  // An error body ("503", "페이지를 찾을 수 없습니다") names no place.
  if (typeof facts.status === 'number' && facts.status >= 400) return undefined;
  const name = titleQuery(facts.ogTitle, 'kakaomap') ?? titleQuery(facts.title, 'kakaomap');
  if (!name) return undefined;
  const coords = coordsFrom(facts.hrefs);
  return coords ? { id, name, coords } : { id, name };
}
