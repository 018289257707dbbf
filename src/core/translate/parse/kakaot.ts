import { decodeLoosely } from '../text.ts';
import { NO_INTENT, type Intent, type LatLng, type Place, type TravelMode } from '../intent.ts';
import { isInKorea } from '../geo/wcongnamul.ts';
import { parseDecimal, roundCoords, toLatLng } from '../geo/coords.ts';
import { cleanName, makePlace } from './common.ts';

/*
 * Kakao Mobility's addresses. Kakao publishes no URL format for either host, so everything read here is
 * what Kakao's own SDKs and widely shared links put in the address; anything else is left alone (no
 * intent: the alternative's home page). Kakao Mobility's web pages proper (t.kakao.com's service pages)
 * carry nothing in their addresses.
 */

function route(from: Place | undefined, to: Place | undefined, mode: TravelMode | undefined): Intent {
  if (!to) return NO_INTENT;
  return { kind: 'route', ...(from ? { from } : {}), to, ...(mode ? { mode } : {}) };
}

/** WGS84 from two parameter texts, kept only inside Korea (both services only serve Korea). */
function koreanLatLng(latText: string | null | undefined, lngText: string | null | undefined): LatLng | undefined {
  const coords = toLatLng(parseDecimal(latText), parseDecimal(lngText));
  return coords && isInKorea(coords) ? roundCoords(coords) : undefined;
}

/**
 * Kakao T's call-a-taxi link: https://t.kakao.com/launch?type=taxi&dest_lat={lat}&dest_lng={lng}
 * [&origin_lat=&origin_lng=][&ref=...] — the web twin of the app's kakaot://taxi?dest_lat=&dest_lng=
 * &origin_lat=&origin_lng=[&dest_name=] scheme. Kakao does not document it; it is the link Kakao's
 * "택시 호출" buttons and many public pages use (found through the code corpus). Names (dest_name,
 * origin_name) are read when present. A missing `type` means taxi; another type (a designated driver,
 * a bike) keeps the destination but no mode.
 */
export function parseKakaoT(url: URL): Intent {
  if (!/^\/launch\/?$/i.test(url.pathname)) return NO_INTENT;
  const params = url.searchParams;
  const to = makePlace(cleanName(params.get('dest_name')), koreanLatLng(params.get('dest_lat'), params.get('dest_lng')));
  const from = makePlace(cleanName(params.get('origin_name')), koreanLatLng(params.get('origin_lat'), params.get('origin_lng')));
  const type = (params.get('type') ?? 'taxi').trim().toLowerCase();
  return route(from, to, type === 'taxi' || type === '' ? 'taxi' : undefined);
}

interface NaviParam {
  readonly destination?: { readonly name?: unknown; readonly x?: unknown; readonly y?: unknown };
  readonly option?: { readonly coord_type?: unknown };
}

function numberOf(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  return typeof value === 'string' ? parseDecimal(value) : undefined;
}

/**
 * Kakao Navi's web guide, where Kakao's JavaScript SDK sends Kakao.Navi.start/share when the app is not
 * installed (the SDK's naviWeb constant: https://kakaonavi-wguide.kakao.com/openapi; pages also seen at
 * /navigate.html). The SDK puts the destination in a JSON `param`:
 *   ?appkey=...&apiver=1.0&extras=...&param={"destination":{"name":"...","x":127.03,"y":37.49},
 *                                             "option":{"coord_type":"wgs84",...}}
 * Per the SDK reference (developers.kakao.com/sdk/reference/js/release/Kakao.Navi.html), x is the
 * longitude, y the latitude, and coordType defaults to "katec". Only "wgs84" coordinates are read: KATEC
 * (a Bessel-datum grid) is not converted, so such a link carries the destination's name alone.
 * An older page, drive.html?ak=&ctype=1&lt={lat}&ln={lng}&dt={name}, seen in public code but not
 * documented, is read the same way when ctype=1 and the numbers are degrees inside Korea.
 * Navi drives: the mode is car. The origin is always the phone's position, so there is none to carry.
 */
export function parseKakaoNavi(url: URL): Intent {
  const params = url.searchParams;
  const raw = params.get('param');
  if (raw !== null) {
    let parsed: unknown;
    // URLSearchParams decoded one layer; a link passed through a redirector may carry a second.
    try {
      parsed = JSON.parse(raw);
    } catch {
      try {
        parsed = JSON.parse(decodeLoosely(raw));
      } catch {
        parsed = undefined;
      }
    }
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
      const { destination, option } = parsed as NaviParam;
      if (destination && typeof destination === 'object') {
        const name = typeof destination.name === 'string' ? cleanName(destination.name) : undefined;
        const wgs84 = typeof option?.coord_type === 'string' && option.coord_type.trim().toLowerCase() === 'wgs84';
        const coords = wgs84 ? toLatLng(numberOf(destination.y), numberOf(destination.x)) : undefined;
        return route(undefined, makePlace(name, coords && isInKorea(coords) ? roundCoords(coords) : undefined), 'car');
      }
    }
    return NO_INTENT;
  }
  if (/\/drive\.html$/i.test(url.pathname)) {
    const coords = (params.get('ctype') ?? '').trim() === '1' ? koreanLatLng(params.get('lt'), params.get('ln')) : undefined;
    return route(undefined, makePlace(cleanName(params.get('dt')), coords), 'car');
  }
  return NO_INTENT;
}
