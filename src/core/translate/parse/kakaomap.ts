import { normalizeHost } from '../../catalog/index.ts';
import { decodeLoosely } from '../text.ts';
import { NO_INTENT, type Intent, type Place, type TravelMode } from '../intent.ts';
import { isNumberOrEmpty, parseDecimal, parseLatLngPair, parseWcongnamulPair, toLatLng } from '../geo/coords.ts';
import { cleanName, makePlace } from './common.ts';

/**
 * Reads the intent out of a KakaoMap address (map.kakao.com, m.map.kakao.com, place.map.kakao.com and
 * Daum's older map.daum.net, which takes the same shapes) without asking Kakao, which may be down.
 * Total: any URL in, an intent out. Names go through cleanQuery(decodeLoosely(...)), so encoded and
 * double-encoded text reads the same as raw text.
 */
export function parseKakaoMapUrl(url: URL): Intent {
  const segments = url.pathname.split('/').filter(Boolean);
  const head = segments[0]?.toLowerCase();
  const host = normalizeHost(url.hostname);
  let intent: Intent = NO_INTENT;
  // kko.to/{code}: a short link whose target only Kakao's server knows (the caller falls back to the
  // title of the page the user came from).
  if (host === 'kko.to') return NO_INTENT;
  if (head === 'link') intent = parseLink(url.pathname, segments.slice(1));
  else if (host === 'place.map.kakao.com') intent = parsePlacePage(segments);
  else if (host === 'applink.map.kakao.com') intent = parseScheme(segments[0] ?? '', url.searchParams);
  else if (head === 'scheme') intent = parseScheme(segments[1] ?? '', url.searchParams);
  else if (head === 'actions') intent = parseActions(segments[1] ?? '', url.searchParams);
  return intent.kind === 'none' ? parseQuery(url.searchParams) : intent;
}

const PLACE_ID = /^\d{1,20}$/;

/**
 * One "NAME,LAT,LNG" or "LAT,LNG" point of a /link/ address. A name may hold commas: the last two
 * comma fields are the coordinates. When they are missing, garbled or out of range, the point keeps
 * its name (trailing number-like or empty fields dropped) and loses its coordinates.
 */
function parsePoint(raw: string): Place | undefined {
  const fields = decodeLoosely(raw).split(',');
  if (fields.length >= 2) {
    const coords = toLatLng(parseDecimal(fields[fields.length - 2]), parseDecimal(fields[fields.length - 1]));
    if (coords) return makePlace(cleanName(fields.slice(0, -2).join(',')), coords);
  }
  while (fields.length > 0 && isNumberOrEmpty(fields[fields.length - 1] ?? '')) fields.pop();
  return makePlace(cleanName(fields.join(',')), undefined);
}

/** A place id (all digits) or a point. */
function parseIdOrPoint(raw: string): { id: string } | { place: Place } | undefined {
  const decoded = decodeLoosely(raw).trim();
  if (PLACE_ID.test(decoded)) return { id: decoded };
  const point = parsePoint(raw);
  return point ? { place: point } : undefined;
}

function route(from: Place | undefined, to: Place | undefined, mode: TravelMode | undefined): Intent {
  if (!to) return NO_INTENT;
  return { kind: 'route', ...(from ? { from } : {}), to, ...(mode ? { mode } : {}) };
}

/** Kakao's web route tabs: `/link/by/{car|traffic|walk|bicycle}/...` and `?target=`. */
const WEB_MODES: Readonly<Record<string, TravelMode>> = { car: 'car', traffic: 'transit', transit: 'transit', subway: 'transit', walk: 'walk', foot: 'walk', bicycle: 'bike', bike: 'bike' };

function webMode(value: string | null | undefined): TravelMode | undefined {
  const key = (value ?? '').trim().toLowerCase();
  return Object.hasOwn(WEB_MODES, key) ? WEB_MODES[key] : undefined;
}

/**
 * Kakao's "URL로 지도 열기" guide (apis.map.kakao.com/web/guide/#url) documents:
 *   /link/map/{lat},{lng}        /link/map/{name},{lat},{lng}        /link/map/{placeId}
 *   /link/to/{name},{lat},{lng}  /link/to/{placeId}
 *   /link/roadview/{lat},{lng}   /link/roadview/{placeId}
 *   /link/search/{query}
 *   /link/from/{name},{lat},{lng}/to/{name},{lat},{lng}
 * (its table as transcribed in public code, e.g. the "지도 바로가기 / 길찾기 바로가기 / 로드뷰 바로가기"
 * comment block found by the search corpus; the from/to pattern is quoted as "공식 형식" in several repos).
 * The mode variant /link/by/{car|traffic|walk|bicycle}/{point}/{point}[/...] (waypoints between) is the
 * address KakaoMap's own route share produces and is widely used; it is read here as a route from the
 * first point to the last, waypoints dropped.
 */
function parseLink(pathname: string, rest: readonly string[]): Intent {
  const kind = rest[0]?.toLowerCase();
  const args = rest.slice(1);
  switch (kind) {
    case 'search': {
      // The query is everything after /link/search/, slashes included ("서울/강남구").
      const match = /^\/+link\/+search\/+(.+)$/i.exec(pathname);
      const query = match?.[1] ? cleanName(match[1]) : undefined;
      return query ? { kind: 'search', query } : NO_INTENT;
    }
    case 'map':
    case 'roadview': {
      const target = args[0] === undefined ? undefined : parseIdOrPoint(args[0]);
      if (!target) return NO_INTENT;
      return 'id' in target ? { kind: 'placeId', id: target.id } : { kind: 'place', place: target.place };
    }
    case 'to': {
      const target = args[0] === undefined ? undefined : parseIdOrPoint(args[0]);
      if (!target) return NO_INTENT;
      return 'id' in target ? { kind: 'placeId', id: target.id } : route(undefined, target.place, undefined);
    }
    case 'from': {
      const toIndex = args.findIndex((segment, index) => index > 0 && segment.toLowerCase() === 'to');
      if (toIndex < 0 || args[toIndex + 1] === undefined) return NO_INTENT;
      const from = args[0] === undefined ? undefined : parsePoint(args[0]);
      return route(from, parsePoint(args[toIndex + 1] ?? ''), undefined);
    }
    case 'by': {
      const mode = webMode(args[0]);
      const points = args.slice(1);
      const last = points[points.length - 1];
      if (last === undefined) return NO_INTENT;
      // The destination may be a place id (as /link/to/{placeId}): only the place cache can name it.
      const target = parseIdOrPoint(last);
      if (target && 'id' in target) return { kind: 'placeId', id: target.id };
      const first = points.length >= 2 ? parsePoint(points[0] ?? '') : undefined;
      return route(first, target?.place, mode);
    }
    default:
      return NO_INTENT;
  }
}

/** place.map.kakao.com/{id} (and its mobile page /m/{id}): the place page's address names only the id. */
function parsePlacePage(segments: readonly string[]): Intent {
  const id = segments.find((segment) => PLACE_ID.test(segment));
  return id ? { kind: 'placeId', id } : NO_INTENT;
}

/** The app scheme's `by`: CAR, PUBLICTRANSIT, FOOT, BICYCLE (any case). */
const SCHEME_MODES: Readonly<Record<string, TravelMode>> = { car: 'car', publictransit: 'transit', foot: 'walk', bicycle: 'bike' };

/**
 * The mobile-web twins of the kakaomap:// app scheme, from Kakao's "카카오맵 URL Scheme" page
 * (apis.map.kakao.com/ios_v2/docs/getting-started/urlscheme, android_v2/docs/api-guide/urlscheme):
 *   m.map.kakao.com/scheme/look?p={lat},{lng}
 *   m.map.kakao.com/scheme/place?id={placeId}
 *   m.map.kakao.com/scheme/search?q={query}[&p={lat},{lng}]
 *   m.map.kakao.com/scheme/route?sp={lat},{lng}&ep={lat},{lng}&by={CAR|PUBLICTRANSIT|FOOT|BICYCLE}
 *   m.map.kakao.com/scheme/roadView?p={lat},{lng}   (and ?id={placeId})
 *   m.map.kakao.com/scheme/open[?page=...|layer=...]  (opens the app: no intent)
 * The scheme carries no place names, only coordinates.
 */
function parseScheme(action: string, params: URLSearchParams): Intent {
  switch (action.toLowerCase()) {
    case 'look':
    case 'roadview': {
      const coords = parseLatLngPair(params.get('p'));
      if (coords) return { kind: 'place', place: { coords } };
      const id = params.get('id')?.trim();
      return id && PLACE_ID.test(id) ? { kind: 'placeId', id } : NO_INTENT;
    }
    case 'place': {
      const id = params.get('id')?.trim();
      return id && PLACE_ID.test(id) ? { kind: 'placeId', id } : NO_INTENT;
    }
    case 'search': {
      const query = cleanName(params.get('q') ?? '');
      return query ? { kind: 'search', query } : NO_INTENT;
    }
    case 'route': {
      // Names ride along as sn/en (not in Kakao's scheme guide; what KakaoMap's own route share puts
      // on applink.map.kakao.com/route, and what public code adds to /scheme/route).
      const to = makePlace(param(params, 'en'), parseLatLngPair(params.get('ep')));
      const from = makePlace(param(params, 'sn'), parseLatLngPair(params.get('sp')));
      const by = (params.get('by') ?? '').trim().toLowerCase();
      return route(from, to, Object.hasOwn(SCHEME_MODES, by) ? SCHEME_MODES[by] : undefined);
    }
    default:
      return NO_INTENT;
  }
}

/**
 * KakaoMap's mobile web pages (m.map.kakao.com/actions/...), as its own share and route buttons make them
 * (not documented; observed throughout public code):
 *   detailMapView?id={placeId}[&q={name}]                    a place page
 *   searchView?q={query}                                      a search (read by parseQuery)
 *   publicRoute?startLoc={name}&endLoc={name}[&sxEnc=...]     transit directions
 *   routeView?startLoc={name}&endLoc={name}[&ex=&ey=]         directions, the mode chosen on the page
 * The *Enc coordinates are in an undocumented letter code and are not read; plain sx/sy/ex/ey are
 * WCONGNAMUL, as on the desktop site.
 */
function parseActions(action: string, params: URLSearchParams): Intent {
  switch (action.toLowerCase()) {
    case 'detailmapview': {
      const id = params.get('id')?.trim();
      if (!id || !PLACE_ID.test(id)) return NO_INTENT;
      const name = param(params, 'q');
      return name ? { kind: 'placeId', id, name } : { kind: 'placeId', id };
    }
    case 'publicroute':
    case 'routeview': {
      const to = makePlace(param(params, 'endLoc'), parseWcongnamulPair(params.get('ex'), params.get('ey')));
      const from = makePlace(param(params, 'startLoc'), parseWcongnamulPair(params.get('sx'), params.get('sy')));
      return route(from, to, action.toLowerCase() === 'publicroute' ? 'transit' : undefined);
    }
    default:
      return NO_INTENT;
  }
}

/** The first non-empty parameter among `names`, decoded (twice at most) and cleaned. */
function param(params: URLSearchParams, ...names: string[]): string | undefined {
  for (const name of names) {
    const value = params.get(name);
    const cleaned = value === null ? undefined : cleanName(value);
    if (cleaned) return cleaned;
  }
  return undefined;
}

/**
 * The site's own query-string addresses, as KakaoMap's share and "길찾기" buttons and Daum's older map
 * produce them (not in Kakao's guide; observed throughout public code). All coordinates here are
 * WCONGNAMUL (see geo/wcongnamul.ts):
 *   ?target={car|traffic|walk|bike}&rt={x1},{y1},...,{xn},{yn}&rt1={name}&...&rtn={name}  (route; an
 *        empty first pair ",,x,y" means "from here"; middle points are waypoints)
 *   ?sX=&sY=&sName=&eX=&eY=&eName=  (Daum map's older route form)
 *   ?urlX=&urlY=[&itemId=][&q=]     (a map or place share; q names the place)
 *   ?itemId={placeId}               (a place, known by id)
 *   ?q={query}                       (search; also m.map.kakao.com/actions/searchView?q=)
 */
function parseQuery(params: URLSearchParams): Intent {
  const rt = params.get('rt');
  if (rt !== null) {
    const fields = rt.split(',');
    const count = Math.floor(fields.length / 2);
    const points: Array<Place | undefined> = [];
    for (let i = 0; i < count; i += 1) {
      points.push(makePlace(param(params, `rt${i + 1}`), parseWcongnamulPair(fields[2 * i], fields[2 * i + 1])));
    }
    const to = points[count - 1];
    if (to) return route(count >= 2 ? points[0] : undefined, to, webMode(params.get('target')));
  }

  const end = makePlace(param(params, 'eName'), parseWcongnamulPair(params.get('eX'), params.get('eY')));
  if (end) return route(makePlace(param(params, 'sName'), parseWcongnamulPair(params.get('sX'), params.get('sY'))), end, undefined);

  const shared = parseWcongnamulPair(params.get('urlX'), params.get('urlY'));
  if (shared) return { kind: 'place', place: makePlace(param(params, 'q', 'name'), shared) ?? { coords: shared } };
  // A share whose numbers are unreadable still names its place.
  const sharedName = params.has('urlX') || params.has('urlY') ? param(params, 'name') : undefined;
  if (sharedName) return { kind: 'place', place: { name: sharedName } };

  const itemId = params.get('itemId')?.trim();
  if (itemId && PLACE_ID.test(itemId)) return { kind: 'placeId', id: itemId };

  // URLSearchParams already decoded once; a second layer means the link was double-encoded.
  const query = param(params, 'q');
  return query ? { kind: 'search', query } : NO_INTENT;
}
