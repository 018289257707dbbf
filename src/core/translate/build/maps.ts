import { isUsableCoords, type Intent, type LatLng, type Place, type TravelMode } from '../intent.ts';
import { app, web, type Builder, type BuiltLink, type Carries } from '../links.ts';
import { GECKO_ID } from '../../identity.ts';
import { formatDegrees } from '../geo/coords.ts';

/*
 * Map and mobility alternatives. Every piece of user text goes through encodeURIComponent; coordinates
 * are written as plain decimals (geo/coords.ts formatDegrees), never as text from the failed address.
 * A builder returns undefined when its alternative cannot carry the intent; the framework then offers
 * the alternative's home page. `carries` says what the link holds: 'route' for directions, 'place' for
 * one point (including a route that could only be carried as a search for its destination), 'search'.
 * App links (nmap://, tmap://) are offered on mobile only (the framework drops them elsewhere), so a
 * builder returns its web link on desktop where one exists.
 */

const enc = encodeURIComponent;

/**
 * Naver's guide asks every nmap:// link to name its caller: "appname: 앱 식별자 (Android 패키지명, iOS
 * 번들 ID 또는 웹 페이지 URL)". nmap:// links are only offered on mobile, where the one browser with
 * extensions is Firefox for Android: the add-on's own id names it.
 */
const NAVER_APP_NAME = encodeURIComponent(GECKO_ID);

function coordsOf(place: Place | undefined): LatLng | undefined {
  return place && isUsableCoords(place.coords) ? place.coords : undefined;
}

/** "lat,lng" as text, for the services that take a point as one parameter. */
function latLngText(coords: LatLng): string {
  return `${formatDegrees(coords.lat)},${formatDegrees(coords.lng)}`;
}

/** What to call a point on screen: its name, else its coordinates. */
function labelOf(place: Place, coords: LatLng): string {
  return place.name ? place.name : latLngText(coords);
}

// ---------------------------------------------------------------------------------------------------
// Naver Map

/**
 * Naver Map web. Naver documents no web URL format (a Naver Maps staff answer on the NCP forum,
 * ncloud-forums.com/topic/242: "Web Url Scheme 관련 문서는 제공하지 않습니다"), so these follow the
 * addresses map.naver.com itself makes today (its /p/ pages, since 2023), as found in public code that
 * copied them from Naver's own share button and address bar (test/fixtures/naver-evidence.md lists them):
 *   search:     https://map.naver.com/p/search/{query}
 *   directions: https://map.naver.com/p/directions/{start}/{goal}/{via}/{car|transit|walk|bicycle}?c=...
 *     a point is five fields, {x},{y},{name},{placeId},{type}: x,y in Web Mercator metres (EPSG:3857,
 *     "14149906.4245121,4509840.9725981"), the name URL-encoded, and for a point that is not one of
 *     Naver's places an empty id with type SIMPLE_POI ("...,서울 송파구 백제고분로42길 13,,SIMPLE_POI");
 *     "-" is "from where I am" (start) and "no waypoint" (via).
 * The pre-2023 point form (/?lat=&lng=&title=) is not used: no current share link carries it. A place
 * with coordinates is therefore shown as the goal of directions (a pin exactly there, named, with the
 * start left to the user); a name alone is searched. Naver's directions need a goal's coordinates, so
 * a route known only by names searches its destination (the start cannot be carried).
 */
const NAVER_WEB_MODES: Readonly<Record<TravelMode, string>> = { car: 'car', transit: 'transit', walk: 'walk', bike: 'bicycle', taxi: 'car' };
/** Naver's share links end with the map view; zoom 15, no tilt or rotation, as they write it. */
const NAVER_VIEW = '?c=15.00,0,0,0,dh';
const EARTH_RADIUS = 6378137;

/** WGS84 degrees to Web Mercator metres (EPSG:3857), seven decimals as Naver writes them. */
export function toWebMercator(coords: LatLng): { readonly x: string; readonly y: string } {
  const x = (EARTH_RADIUS * coords.lng * Math.PI) / 180;
  const y = EARTH_RADIUS * Math.log(Math.tan(Math.PI / 4 + (coords.lat * Math.PI) / 360));
  return { x: x.toFixed(7), y: y.toFixed(7) };
}

function naverWebPoint(place: Place | undefined): string {
  const coords = coordsOf(place);
  if (!place || !coords) return '-';
  const { x, y } = toWebMercator(coords);
  return `${x},${y},${place.name ? enc(place.name) : ''},,SIMPLE_POI`;
}

function naverDirections(from: Place | undefined, to: Place, mode: TravelMode): string {
  return `https://map.naver.com/p/directions/${naverWebPoint(from)}/${naverWebPoint(to)}/-/${NAVER_WEB_MODES[mode]}${NAVER_VIEW}`;
}

function naverWeb(intent: Intent): BuiltLink | undefined {
  const search = (query: string, carries: Carries) => web(`https://map.naver.com/p/search/${enc(query)}`, carries);
  switch (intent.kind) {
    case 'search':
      return search(intent.query, 'search');
    case 'place':
      if (coordsOf(intent.place)) return web(naverDirections(undefined, intent.place, 'transit'), 'place');
      return intent.place.name ? search(intent.place.name, 'place') : undefined;
    case 'route':
      if (coordsOf(intent.to)) return web(naverDirections(intent.from, intent.to, intent.mode ?? 'transit'), 'route');
      return intent.to.name ? search(intent.to.name, 'place') : undefined;
    default:
      return undefined;
  }
}

/**
 * Naver Map app, from Naver's "지도 앱 연동 URL Scheme" guide (guide.ncloud-docs.com/docs/maps-url-scheme):
 *   nmap://search?query={query}&appname={app}
 *   nmap://place?lat={lat}&lng={lng}&name={name}&appname={app}
 *   nmap://route/{car|public|walk|bicycle}?[slat=&slng=&sname=&]dlat={lat}&dlng={lng}[&dname={name}]&appname={app}
 *   (no start: from the phone's position)
 */
const NAVER_APP_MODES: Readonly<Record<TravelMode, string>> = { car: 'car', transit: 'public', walk: 'walk', bike: 'bicycle', taxi: 'car' };

function naverApp(intent: Intent): BuiltLink | undefined {
  const search = (query: string, carries: Carries) => app(`nmap://search?query=${enc(query)}&appname=${NAVER_APP_NAME}`, carries);
  switch (intent.kind) {
    case 'search':
      return search(intent.query, 'search');
    case 'place': {
      const coords = coordsOf(intent.place);
      if (coords) {
        return app(`nmap://place?lat=${formatDegrees(coords.lat)}&lng=${formatDegrees(coords.lng)}&name=${enc(labelOf(intent.place, coords))}&appname=${NAVER_APP_NAME}`, 'place');
      }
      return intent.place.name ? search(intent.place.name, 'place') : undefined;
    }
    case 'route': {
      const to = coordsOf(intent.to);
      if (!to) return intent.to.name ? search(intent.to.name, 'place') : undefined;
      const from = coordsOf(intent.from);
      const start = intent.from && from ? `slat=${formatDegrees(from.lat)}&slng=${formatDegrees(from.lng)}${intent.from.name ? `&sname=${enc(intent.from.name)}` : ''}&` : '';
      const goal = `dlat=${formatDegrees(to.lat)}&dlng=${formatDegrees(to.lng)}${intent.to.name ? `&dname=${enc(intent.to.name)}` : ''}`;
      return app(`nmap://route/${NAVER_APP_MODES[intent.mode ?? 'car']}?${start}${goal}&appname=${NAVER_APP_NAME}`, 'route');
    }
    default:
      return undefined;
  }
}

/** Naver Map: its documented app scheme on mobile, its web map on desktop. */
export const naverMap: Builder = (intent, context) => (context.platform === 'mobile' ? naverApp(intent) : naverWeb(intent));

// ---------------------------------------------------------------------------------------------------
// Google Maps

/**
 * Google Maps URLs (developers.google.com/maps/documentation/urls/get-started), the same on every
 * platform (they open the app where it is installed), no key needed:
 *   search:     https://www.google.com/maps/search/?api=1&query={text or "lat,lng"}
 *   directions: https://www.google.com/maps/dir/?api=1[&origin=...]&destination=...&travelmode=transit
 *               (no origin: from the user's position)
 * In South Korea Google Maps gives transit directions only: driving, walking and cycling end at "Can't
 * find a way there" (Korea's map-data export rules; The Straits Times, "Why Google Maps is still broken
 * in South Korea", May 2025: walking directions dead-end, transit routes work, their walking legs drawn
 * as dotted lines). So every route Detour sends to Google is a transit route (a walk included: transit
 * directions walk short distances); one by car, taxi or bike is sent as its destination instead, a pin
 * the user can act on, never a link that dead-ends.
 * A place with coordinates is searched by "lat,lng" (a pin exactly there); by name when that is all.
 */
function googlePoint(place: Place | undefined): string | undefined {
  if (!place) return undefined;
  const coords = coordsOf(place);
  return coords ? latLngText(coords) : place.name || undefined;
}

/** The travel modes Google routes in Korea, as the modes Detour reads: transit, and walking as part of it. */
const GOOGLE_ROUTES_IN_KOREA: ReadonlySet<TravelMode | undefined> = new Set([undefined, 'transit', 'walk']);

export const googleMaps: Builder = (intent) => {
  const search = (query: string, carries: Carries) => web(`https://www.google.com/maps/search/?api=1&query=${enc(query)}`, carries);
  switch (intent.kind) {
    case 'search':
      return search(intent.query, 'search');
    case 'place': {
      const point = googlePoint(intent.place);
      return point ? search(point, 'place') : undefined;
    }
    case 'route': {
      const destination = googlePoint(intent.to);
      if (!destination) return undefined;
      if (!GOOGLE_ROUTES_IN_KOREA.has(intent.mode)) return search(destination, 'place');
      const origin = googlePoint(intent.from);
      return web(`https://www.google.com/maps/dir/?api=1${origin ? `&origin=${enc(origin)}` : ''}&destination=${enc(destination)}&travelmode=transit`, 'route');
    }
    default:
      return undefined;
  }
};

// ---------------------------------------------------------------------------------------------------
// TMAP

/**
 * TMAP is an app; its web sites (www.tmap.co.kr, tmap.life) are company pages with no map to link into,
 * so on desktop there is nothing to carry: undefined (the home page). On mobile, the app's scheme:
 *   tmap://search?name={query}
 *   tmap://route?[startname={name}&startx={lng}&starty={lat}&]goalname={name}&goalx={lng}&goaly={lat}
 * (x is the longitude, y the latitude, WGS84). SK publishes no document for tmap://; these are the forms
 * public code has used for years (found through the code corpus), so treat them as unverified by SK.
 * TMAP routes by car whatever the intent's mode.
 */
export const tmap: Builder = (intent, context) => {
  if (context.platform !== 'mobile') return undefined;
  const search = (query: string, carries: Carries) => app(`tmap://search?name=${enc(query)}`, carries);
  const goal = (place: Place, coords: LatLng) => `goalname=${enc(labelOf(place, coords))}&goalx=${formatDegrees(coords.lng)}&goaly=${formatDegrees(coords.lat)}`;
  switch (intent.kind) {
    case 'search':
      return search(intent.query, 'search');
    case 'place': {
      const coords = coordsOf(intent.place);
      if (coords) return app(`tmap://route?${goal(intent.place, coords)}`, 'place');
      return intent.place.name ? search(intent.place.name, 'place') : undefined;
    }
    case 'route': {
      const to = coordsOf(intent.to);
      if (!to) return intent.to.name ? search(intent.to.name, 'place') : undefined;
      const from = coordsOf(intent.from);
      const start = intent.from && from ? `startname=${enc(labelOf(intent.from, from))}&startx=${formatDegrees(from.lng)}&starty=${formatDegrees(from.lat)}&` : '';
      return app(`tmap://route?${start}${goal(intent.to, to)}`, 'route');
    }
    default:
      return undefined;
  }
};

// ---------------------------------------------------------------------------------------------------
// UT (Uber)

/**
 * Uber's universal deep link (developer.uber.com/docs/riders/ride-requests/tutorials/deep-links):
 *   https://m.uber.com/ul/?action=setPickup&pickup=my_location
 *     &dropoff[latitude]={lat}&dropoff[longitude]={lng}&dropoff[nickname]={name}
 * with pickup[latitude]/[longitude]/[nickname] in place of pickup=my_location when the start is known.
 * Uber's deep-link FAQ: the drop-off only shows when a nickname or formatted address comes with it, so a
 * point without a name is nicknamed by its coordinates. Uber needs coordinates: a name alone (which is
 * not the "fully qualified address" formatted_address asks for) or a search is not carried (undefined).
 */
function uberPoint(role: 'pickup' | 'dropoff', place: Place, coords: LatLng): string {
  return `${role}[latitude]=${formatDegrees(coords.lat)}&${role}[longitude]=${formatDegrees(coords.lng)}&${role}[nickname]=${enc(labelOf(place, coords))}`;
}

export const ut: Builder = (intent, context) => {
  let to: Place | undefined;
  let from: Place | undefined;
  if (intent.kind === 'place') to = intent.place;
  else if (intent.kind === 'route') ({ to, from } = intent);
  const toCoords = coordsOf(to);
  if (!to || !toCoords) return undefined;
  const fromCoords = coordsOf(from);
  const pickup = from && fromCoords ? uberPoint('pickup', from, fromCoords) : 'pickup=my_location';
  const link = web(`https://m.uber.com/ul/?action=setPickup&${pickup}&${uberPoint('dropoff', to, toCoords)}`, intent.kind === 'route' ? 'route' : 'place');
  // Uber's deep-link FAQ (developer.uber.com/docs/riders/ride-requests/tutorials/deep-links/faq): "Can I
  // set URL parameter to Deeplink into the mobile Uber website https://m.uber.com? No, the Deeplink and
  // universal link features are designed for our native Uber app." On a desktop the link opens Uber's
  // web page without the ride filled in: the label says so instead of promising the destination.
  return context.platform === 'mobile' ? link : { ...link, note: 'appOnly' };
};
