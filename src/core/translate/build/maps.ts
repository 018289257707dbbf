import { isUsableCoords, type Intent, type LatLng, type Place, type TravelMode } from '../intent.ts';
import { app, web, type Builder, type BuiltLink, type Carries } from '../links.ts';
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

/** Naver asks every nmap:// link to name the caller ("appname ... 필수"). */
const NAVER_APP_NAME = 'detour';

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
 * ncloud-forums.com/topic/242, as quoted in public code: "Web Url Scheme 관련 문서는 제공하지 않습니다");
 * these are the addresses map.naver.com itself produces and accepts, as used across public code:
 *   search:     https://map.naver.com/p/search/{query}                (its own search box and share button)
 *   a point:    https://map.naver.com/?lat={lat}&lng={lng}&title={name} (the "위치 표시" link the forum cites)
 *   directions: https://map.naver.com/p/directions/{start}/{goal}/-/{car|transit|walk|bike}
 *               with a point written {lng},{lat},{name} and "-" for "from where I am"
 *               (the directions page's own path; its share links use the same mode names).
 */
const NAVER_WEB_MODES: Readonly<Record<TravelMode, string>> = { car: 'car', transit: 'transit', walk: 'walk', bike: 'bike', taxi: 'car' };

function naverWebPoint(place: Place | undefined): string {
  const coords = coordsOf(place);
  if (!place || !coords) return '-';
  return `${formatDegrees(coords.lng)},${formatDegrees(coords.lat)},${enc(labelOf(place, coords))}`;
}

function naverWeb(intent: Intent): BuiltLink | undefined {
  const search = (query: string, carries: Carries) => web(`https://map.naver.com/p/search/${enc(query)}`, carries);
  switch (intent.kind) {
    case 'search':
      return search(intent.query, 'search');
    case 'place': {
      const coords = coordsOf(intent.place);
      if (coords) {
        const title = intent.place.name ? `&title=${enc(intent.place.name)}` : '';
        return web(`https://map.naver.com/?lat=${formatDegrees(coords.lat)}&lng=${formatDegrees(coords.lng)}${title}`, 'place');
      }
      return intent.place.name ? search(intent.place.name, 'place') : undefined;
    }
    case 'route': {
      if (coordsOf(intent.to)) {
        const mode = NAVER_WEB_MODES[intent.mode ?? 'car'];
        return web(`https://map.naver.com/p/directions/${naverWebPoint(intent.from)}/${naverWebPoint(intent.to)}/-/${mode}`, 'route');
      }
      return intent.to.name ? search(intent.to.name, 'place') : undefined;
    }
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
 *   directions: https://www.google.com/maps/dir/?api=1[&origin=...]&destination=...
 *               [&travelmode=driving|walking|bicycling|transit]   (no origin: from the user's position)
 * A place with coordinates is searched by "lat,lng" (a pin exactly there); by name when that is all
 * there is. Google has no taxi mode: a taxi ride is a drive.
 */
const GOOGLE_MODES: Readonly<Record<TravelMode, string>> = { car: 'driving', transit: 'transit', walk: 'walking', bike: 'bicycling', taxi: 'driving' };

function googlePoint(place: Place | undefined): string | undefined {
  if (!place) return undefined;
  const coords = coordsOf(place);
  return coords ? latLngText(coords) : place.name || undefined;
}

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
      const origin = googlePoint(intent.from);
      const mode = intent.mode ? `&travelmode=${GOOGLE_MODES[intent.mode]}` : '';
      return web(`https://www.google.com/maps/dir/?api=1${origin ? `&origin=${enc(origin)}` : ''}&destination=${enc(destination)}${mode}`, 'route');
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

export const ut: Builder = (intent) => {
  let to: Place | undefined;
  let from: Place | undefined;
  if (intent.kind === 'place') to = intent.place;
  else if (intent.kind === 'route') ({ to, from } = intent);
  const toCoords = coordsOf(to);
  if (!to || !toCoords) return undefined;
  const fromCoords = coordsOf(from);
  const pickup = from && fromCoords ? uberPoint('pickup', from, fromCoords) : 'pickup=my_location';
  return web(`https://m.uber.com/ul/?action=setPickup&${pickup}&${uberPoint('dropoff', to, toCoords)}`, intent.kind === 'route' ? 'route' : 'place');
};
