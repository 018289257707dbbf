import proj4 from 'proj4';
import { describe, expect, it } from 'vitest';
import { NO_INTENT, type Intent, type Place, type TravelMode } from '../intent.ts';
import { ALTERNATIVES, normalizeHost, type Alternative, type AlternativeId } from '../../catalog/index.ts';
import { isAllowedLink, type BuildContext, type Builder, type BuiltLink } from '../links.ts';
import { googleMaps, naverMap, tmap, toWebMercator, ut } from './maps.ts';

const DESKTOP: BuildContext = { platform: 'desktop' };
const MOBILE: BuildContext = { platform: 'mobile' };
const enc = encodeURIComponent;

const search = (query: string): Intent => ({ kind: 'search', query });
const at = (lat: number, lng: number, name?: string): Place => (name === undefined ? { coords: { lat, lng } } : { name, coords: { lat, lng } });
const named = (name: string): Place => ({ name });
const place = (p: Place): Intent => ({ kind: 'place', place: p });
const route = (from: Place | undefined, to: Place, mode?: TravelMode): Intent => ({ kind: 'route', ...(from ? { from } : {}), to, ...(mode ? { mode } : {}) });
const webLink = (url: string, carries: BuiltLink['carries']): BuiltLink => ({ url, carries, via: 'web' });
const appLink = (url: string, carries: BuiltLink['carries']): BuiltLink => ({ url, carries, via: 'app' });

const PANGYO = at(37.402056, 127.108212, '카카오판교오피스');
const SEOUL_STATION = at(37.5547, 126.9707, '서울역');
const PANGYO_ENC = '%EC%B9%B4%EC%B9%B4%EC%98%A4%ED%8C%90%EA%B5%90%EC%98%A4%ED%94%BC%EC%8A%A4';
const SEOUL_ENC = '%EC%84%9C%EC%9A%B8%EC%97%AD';

/** Texts that must survive encoding: separators of every URL part these builders write into. */
const NASTY = ['카카오판교', '판교역 1번 출구', '스타벅스,강남', 'A&B #2', 'a+b/c?d=e', '100%', '☕', "it's (here)!", 'x=1&appname=evil', '[dropoff]', '서울/강남,1,2'];

const QUERY_CASES: Array<[string, string]> = [
  ['카카오판교', '%EC%B9%B4%EC%B9%B4%EC%98%A4%ED%8C%90%EA%B5%90'],
  ['판교역 1번 출구', '%ED%8C%90%EA%B5%90%EC%97%AD%201%EB%B2%88%20%EC%B6%9C%EA%B5%AC'],
  ['스타벅스,강남', '%EC%8A%A4%ED%83%80%EB%B2%85%EC%8A%A4%2C%EA%B0%95%EB%82%A8'],
  ['A&B #2', 'A%26B%20%232'],
  ['a+b/c?d=e', 'a%2Bb%2Fc%3Fd%3De'],
  ['100%', '100%25'],
  ['Seoul Station', 'Seoul%20Station'],
  ['☕', '%E2%98%95'],
  ["it's (here)!", "it's%20(here)!"],
];

/** Naver's own share links write points in Web Mercator metres; these are the test points', to 7 places. */
const PANGYO_M = '14149621.4354835,4495297.3651224';
const SEOUL_M = '14134313.6696655,4516709.4454730';
const PLAIN_M = '14137575.3307457,4509031.3930767';
const APP = `appname=${enc('detour@detour-extension')}`;
const VIEW = '?c=15.00,0,0,0,dh';

describe('naverMap', () => {
  it.each(QUERY_CASES)('search %j (desktop web, mobile app)', (query, encoded) => {
    expect(naverMap(search(query), DESKTOP)).toEqual(webLink(`https://map.naver.com/p/search/${encoded}`, 'search'));
    expect(naverMap(search(query), MOBILE)).toEqual(appLink(`nmap://search?query=${encoded}&${APP}`, 'search'));
  });

  it.each<[string, Intent, BuiltLink | undefined, BuiltLink | undefined]>([
    [
      'place with name and coordinates: the named goal of directions',
      place(PANGYO),
      webLink(`https://map.naver.com/p/directions/-/${PANGYO_M},${PANGYO_ENC},,SIMPLE_POI/-/transit${VIEW}`, 'place'),
      appLink(`nmap://place?lat=37.402056&lng=127.108212&name=${PANGYO_ENC}&${APP}`, 'place'),
    ],
    [
      'place with coordinates only: no made-up name',
      place(at(37.5, 127)),
      webLink(`https://map.naver.com/p/directions/-/${PLAIN_M},,,SIMPLE_POI/-/transit${VIEW}`, 'place'),
      appLink(`nmap://place?lat=37.5&lng=127&name=${enc('37.5,127')}&${APP}`, 'place'),
    ],
    ['place with a name only', place(named('서울역')), webLink(`https://map.naver.com/p/search/${SEOUL_ENC}`, 'place'), appLink(`nmap://search?query=${SEOUL_ENC}&${APP}`, 'place')],
    [
      'route from and to, by car',
      route(SEOUL_STATION, PANGYO, 'car'),
      webLink(`https://map.naver.com/p/directions/${SEOUL_M},${SEOUL_ENC},,SIMPLE_POI/${PANGYO_M},${PANGYO_ENC},,SIMPLE_POI/-/car${VIEW}`, 'route'),
      appLink(`nmap://route/car?slat=37.5547&slng=126.9707&sname=${SEOUL_ENC}&dlat=37.402056&dlng=127.108212&dname=${PANGYO_ENC}&${APP}`, 'route'),
    ],
    [
      'route by transit',
      route(SEOUL_STATION, PANGYO, 'transit'),
      webLink(`https://map.naver.com/p/directions/${SEOUL_M},${SEOUL_ENC},,SIMPLE_POI/${PANGYO_M},${PANGYO_ENC},,SIMPLE_POI/-/transit${VIEW}`, 'route'),
      appLink(`nmap://route/public?slat=37.5547&slng=126.9707&sname=${SEOUL_ENC}&dlat=37.402056&dlng=127.108212&dname=${PANGYO_ENC}&${APP}`, 'route'),
    ],
    [
      'route on foot, destination only',
      route(undefined, PANGYO, 'walk'),
      webLink(`https://map.naver.com/p/directions/-/${PANGYO_M},${PANGYO_ENC},,SIMPLE_POI/-/walk${VIEW}`, 'route'),
      appLink(`nmap://route/walk?dlat=37.402056&dlng=127.108212&dname=${PANGYO_ENC}&${APP}`, 'route'),
    ],
    [
      'route by bike',
      route(undefined, PANGYO, 'bike'),
      webLink(`https://map.naver.com/p/directions/-/${PANGYO_M},${PANGYO_ENC},,SIMPLE_POI/-/bicycle${VIEW}`, 'route'),
      appLink(`nmap://route/bicycle?dlat=37.402056&dlng=127.108212&dname=${PANGYO_ENC}&${APP}`, 'route'),
    ],
    [
      'route by taxi drives',
      route(undefined, PANGYO, 'taxi'),
      webLink(`https://map.naver.com/p/directions/-/${PANGYO_M},${PANGYO_ENC},,SIMPLE_POI/-/car${VIEW}`, 'route'),
      appLink(`nmap://route/car?dlat=37.402056&dlng=127.108212&dname=${PANGYO_ENC}&${APP}`, 'route'),
    ],
    [
      "route without a mode: transit on the web, as Naver's share links default",
      route(undefined, at(37.5, 127)),
      webLink(`https://map.naver.com/p/directions/-/${PLAIN_M},,,SIMPLE_POI/-/transit${VIEW}`, 'route'),
      appLink(`nmap://route/car?dlat=37.5&dlng=127&${APP}`, 'route'),
    ],
    [
      'route from a name only: from where the user is',
      route(named('서울역'), PANGYO),
      webLink(`https://map.naver.com/p/directions/-/${PANGYO_M},${PANGYO_ENC},,SIMPLE_POI/-/transit${VIEW}`, 'route'),
      appLink(`nmap://route/car?dlat=37.402056&dlng=127.108212&dname=${PANGYO_ENC}&${APP}`, 'route'),
    ],
    [
      'route from coordinates only',
      route(at(37.5547, 126.9707), PANGYO),
      webLink(`https://map.naver.com/p/directions/${SEOUL_M},,,SIMPLE_POI/${PANGYO_M},${PANGYO_ENC},,SIMPLE_POI/-/transit${VIEW}`, 'route'),
      appLink(`nmap://route/car?slat=37.5547&slng=126.9707&dlat=37.402056&dlng=127.108212&dname=${PANGYO_ENC}&${APP}`, 'route'),
    ],
    [
      'route to a name only: a search for it',
      route(SEOUL_STATION, named('판교역')),
      webLink(`https://map.naver.com/p/search/${enc('판교역')}`, 'place'),
      appLink(`nmap://search?query=${enc('판교역')}&${APP}`, 'place'),
    ],
    ['no intent', NO_INTENT, undefined, undefined],
    ['an unresolved place id', { kind: 'placeId', id: '18577297' }, undefined, undefined],
  ])('%s', (_label, intent, desktop, mobile) => {
    expect(naverMap(intent, DESKTOP)).toEqual(desktop);
    expect(naverMap(intent, MOBILE)).toEqual(mobile);
  });

  it("writes Web Mercator exactly as Naver's own share links do", () => {
    // A point of a share link Naver's directions page produced, copied into public code as a Referer
    // (test/fixtures/naver-evidence.md): "14149906.4245121,4509840.9725981,서울 송파구 백제고분로42길 13,,SIMPLE_POI".
    const naver = toWebMercator({ lat: 37.5057695, lng: 127.1107721 });
    // Within a millimetre (Naver's own float rounding differs in the seventh decimal).
    expect(Number(naver.x)).toBeCloseTo(14149906.4245121, 2);
    expect(Number(naver.y)).toBeCloseTo(4509840.9725981, 2);
    // proj4's EPSG:3857 agrees everywhere in Korea.
    const toMercator = proj4('EPSG:4326', 'EPSG:3857');
    for (const [lat, lng] of [
      [33.2, 126.3],
      [37.5665, 126.978],
      [38.6, 128.6],
      [35.1, 129.04],
    ] as const) {
      const [x, y] = toMercator.forward([lng, lat]) as [number, number];
      const ours = toWebMercator({ lat, lng });
      expect(Number(ours.x)).toBeCloseTo(x, 3);
      expect(Number(ours.y)).toBeCloseTo(y, 3);
    }
    // EPSG:3857's bounds: the antimeridian at 20037508.3427892 m, the equator at 0.
    const edge = toWebMercator({ lat: 0, lng: 180 });
    expect(edge.x).toBe('20037508.3427892');
    expect(Math.abs(Number(edge.y))).toBeLessThan(1e-6);
  });
});

describe('googleMaps', () => {
  it.each(QUERY_CASES)('search %j', (query, encoded) => {
    const expected = webLink(`https://www.google.com/maps/search/?api=1&query=${encoded}`, 'search');
    expect(googleMaps(search(query), DESKTOP)).toEqual(expected);
    expect(googleMaps(search(query), MOBILE)).toEqual(expected);
  });

  it.each<[string, Intent, BuiltLink | undefined]>([
    ['place with coordinates: a pin there', place(PANGYO), webLink('https://www.google.com/maps/search/?api=1&query=37.402056%2C127.108212', 'place')],
    ['place with a name only', place(named('서울역')), webLink(`https://www.google.com/maps/search/?api=1&query=${SEOUL_ENC}`, 'place')],
    [
      'route by car: Google has no driving directions in Korea, so the destination',
      route(SEOUL_STATION, PANGYO, 'car'),
      webLink('https://www.google.com/maps/search/?api=1&query=37.402056%2C127.108212', 'place'),
    ],
    ['route by transit', route(undefined, PANGYO, 'transit'), webLink('https://www.google.com/maps/dir/?api=1&destination=37.402056%2C127.108212&travelmode=transit', 'route')],
    [
      'route on foot: transit, which walks short distances',
      route(undefined, PANGYO, 'walk'),
      webLink('https://www.google.com/maps/dir/?api=1&destination=37.402056%2C127.108212&travelmode=transit', 'route'),
    ],
    ['route by bike: the destination', route(undefined, PANGYO, 'bike'), webLink('https://www.google.com/maps/search/?api=1&query=37.402056%2C127.108212', 'place')],
    ['route by taxi: the destination', route(undefined, PANGYO, 'taxi'), webLink('https://www.google.com/maps/search/?api=1&query=37.402056%2C127.108212', 'place')],
    ['route without a mode: transit', route(undefined, PANGYO), webLink('https://www.google.com/maps/dir/?api=1&destination=37.402056%2C127.108212&travelmode=transit', 'route')],
    [
      'route from and to without a mode keeps the start',
      route(SEOUL_STATION, PANGYO),
      webLink('https://www.google.com/maps/dir/?api=1&origin=37.5547%2C126.9707&destination=37.402056%2C127.108212&travelmode=transit', 'route'),
    ],
    [
      'route between names',
      route(named('서울역'), named('판교역'), 'transit'),
      webLink(`https://www.google.com/maps/dir/?api=1&origin=${SEOUL_ENC}&destination=${enc('판교역')}&travelmode=transit`, 'route'),
    ],
    ['negative coordinates keep their sign', place(at(-33.8567, 151.2152)), webLink('https://www.google.com/maps/search/?api=1&query=-33.8567%2C151.2152', 'place')],
    ['no intent', NO_INTENT, undefined],
  ])('%s', (_label, intent, expected) => {
    expect(googleMaps(intent, DESKTOP)).toEqual(expected);
    expect(googleMaps(intent, MOBILE)).toEqual(expected);
  });
});

describe('tmap', () => {
  it.each<[string, Intent, BuiltLink | undefined]>([
    ['search', search('판교역 1번 출구'), appLink(`tmap://search?name=${enc('판교역 1번 출구')}`, 'search')],
    ['place with coordinates: a route to it', place(PANGYO), appLink(`tmap://route?goalname=${PANGYO_ENC}&goalx=127.108212&goaly=37.402056`, 'place')],
    ['place with coordinates only', place(at(37.5, 127)), appLink(`tmap://route?goalname=${enc('37.5,127')}&goalx=127&goaly=37.5`, 'place')],
    ['place with a name only', place(named('서울역')), appLink(`tmap://search?name=${SEOUL_ENC}`, 'place')],
    [
      'route from and to',
      route(SEOUL_STATION, PANGYO, 'car'),
      appLink(`tmap://route?startname=${SEOUL_ENC}&startx=126.9707&starty=37.5547&goalname=${PANGYO_ENC}&goalx=127.108212&goaly=37.402056`, 'route'),
    ],
    ['route to only, any mode', route(undefined, PANGYO, 'walk'), appLink(`tmap://route?goalname=${PANGYO_ENC}&goalx=127.108212&goaly=37.402056`, 'route')],
    ['route to a name only', route(SEOUL_STATION, named('판교역')), appLink(`tmap://search?name=${enc('판교역')}`, 'place')],
    ['no intent', NO_INTENT, undefined],
  ])('%s (mobile)', (_label, intent, expected) => {
    expect(tmap(intent, MOBILE)).toEqual(expected);
  });

  it.each<Intent>([search('판교'), place(PANGYO), route(SEOUL_STATION, PANGYO, 'car'), NO_INTENT])('offers nothing on desktop (no web map to link into): %j', (intent) => {
    expect(tmap(intent, DESKTOP)).toBeUndefined();
  });
});

describe('ut (Uber)', () => {
  it.each<[string, Intent, BuiltLink | undefined]>([
    [
      'place with name and coordinates',
      place(PANGYO),
      webLink(`https://m.uber.com/ul/?action=setPickup&pickup=my_location&dropoff[latitude]=37.402056&dropoff[longitude]=127.108212&dropoff[nickname]=${PANGYO_ENC}`, 'place'),
    ],
    [
      'place with coordinates only: nicknamed by them',
      place(at(37.5, 127)),
      webLink(`https://m.uber.com/ul/?action=setPickup&pickup=my_location&dropoff[latitude]=37.5&dropoff[longitude]=127&dropoff[nickname]=${enc('37.5,127')}`, 'place'),
    ],
    [
      'taxi route to a destination',
      route(undefined, PANGYO, 'taxi'),
      webLink(`https://m.uber.com/ul/?action=setPickup&pickup=my_location&dropoff[latitude]=37.402056&dropoff[longitude]=127.108212&dropoff[nickname]=${PANGYO_ENC}`, 'route'),
    ],
    [
      'taxi route with a pickup',
      route(SEOUL_STATION, PANGYO, 'taxi'),
      webLink(
        `https://m.uber.com/ul/?action=setPickup&pickup[latitude]=37.5547&pickup[longitude]=126.9707&pickup[nickname]=${SEOUL_ENC}&dropoff[latitude]=37.402056&dropoff[longitude]=127.108212&dropoff[nickname]=${PANGYO_ENC}`,
        'route',
      ),
    ],
    [
      'pickup by name only: from here',
      route(named('서울역'), PANGYO, 'taxi'),
      webLink(`https://m.uber.com/ul/?action=setPickup&pickup=my_location&dropoff[latitude]=37.402056&dropoff[longitude]=127.108212&dropoff[nickname]=${PANGYO_ENC}`, 'route'),
    ],
    ['destination by name only: not carried', route(undefined, named('판교역'), 'taxi'), undefined],
    ['place by name only: not carried', place(named('판교역')), undefined],
    ['search: not carried', search('판교역'), undefined],
    ['no intent', NO_INTENT, undefined],
  ])('%s', (_label, intent, expected) => {
    expect(ut(intent, MOBILE)).toEqual(expected);
    // Uber's universal link fills the ride in only in its app: on a desktop the link says so.
    expect(ut(intent, DESKTOP)).toEqual(expected && { ...expected, note: 'appOnly' });
  });
});

const BUILDERS: Array<[AlternativeId, Builder]> = [
  ['navermap', naverMap],
  ['googlemaps', googleMaps],
  ['tmap', tmap],
  ['ut', ut],
];

const SAMPLE_INTENTS: Intent[] = [
  ...NASTY.map(search),
  ...NASTY.map((name) => place(at(37.5, 127.03, name))),
  ...NASTY.map((name) => place(named(name))),
  ...NASTY.map((name) => route(at(37.55, 126.97, name), at(37.4, 127.1, name), 'transit')),
  ...NASTY.map((name) => route(named(name), named(name), 'walk')),
];

describe('every map builder', () => {
  it.each(BUILDERS)('%s only links to its own catalogued hosts and app schemes, web on desktop', (id, builder) => {
    const alternative: Alternative = ALTERNATIVES[id];
    let built = 0;
    for (const intent of SAMPLE_INTENTS) {
      for (const context of [DESKTOP, MOBILE]) {
        const link = builder(intent, context);
        if (!link) continue;
        built += 1;
        expect(isAllowedLink(link.url), link.url).toBe(true);
        const parsed = new URL(link.url);
        if (link.via === 'app') {
          expect(context).toBe(MOBILE);
          expect(alternative.appSchemes ?? []).toContain(parsed.protocol.slice(0, -1));
        } else {
          expect(parsed.protocol).toBe('https:');
          expect(alternative.hosts).toContain(normalizeHost(parsed.hostname));
        }
      }
    }
    expect(built).toBeGreaterThan(0);
  });

  it('reads every name back exactly from the URL it was encoded into', () => {
    for (const text of NASTY) {
      const naverSearch = naverMap(search(text), DESKTOP)!;
      expect(decodeURIComponent(new URL(naverSearch.url).pathname.replace('/p/search/', ''))).toBe(text);

      const naverPlace = new URL(naverMap(place(at(37.5, 127.03, text)), DESKTOP)!.url);
      const placeGoal = (naverPlace.pathname.split('/')[4] ?? '').split(',');
      expect(placeGoal).toHaveLength(5);
      expect(decodeURIComponent(placeGoal[2] ?? '')).toBe(text);

      const directions = new URL(naverMap(route(at(37.55, 126.97, text), at(37.4, 127.1, text)), DESKTOP)!.url);
      const [, , , start, goal, dash, mode] = directions.pathname.split('/');
      for (const point of [start, goal]) {
        const fields = (point ?? '').split(',');
        expect(fields).toHaveLength(5);
        expect(decodeURIComponent(fields[2] ?? '')).toBe(text);
        expect(fields.slice(3)).toEqual(['', 'SIMPLE_POI']);
      }
      expect([dash, mode]).toEqual(['-', 'transit']);

      const nmap = new URL(naverMap(route(at(37.55, 126.97, text), at(37.4, 127.1, text), 'walk'), MOBILE)!.url);
      expect(nmap.searchParams.get('sname')).toBe(text);
      expect(nmap.searchParams.get('dname')).toBe(text);
      expect(nmap.searchParams.getAll('appname')).toEqual(['detour@detour-extension']);

      const google = new URL(googleMaps(route(named(text), named(text), 'walk'), DESKTOP)!.url);
      expect(google.searchParams.get('origin')).toBe(text);
      expect(google.searchParams.get('destination')).toBe(text);
      expect(google.searchParams.get('travelmode')).toBe('transit');
      expect([...google.searchParams.keys()]).toEqual(['api', 'origin', 'destination', 'travelmode']);

      const googleSearch = new URL(googleMaps(search(text), DESKTOP)!.url);
      expect(googleSearch.searchParams.get('query')).toBe(text);
      expect([...googleSearch.searchParams.keys()]).toEqual(['api', 'query']);

      const tmapRoute = new URL(tmap(route(at(37.55, 126.97, text), at(37.4, 127.1, text)), MOBILE)!.url);
      expect(tmapRoute.searchParams.get('startname')).toBe(text);
      expect(tmapRoute.searchParams.get('goalname')).toBe(text);
      expect(tmapRoute.searchParams.get('goalx')).toBe('127.1');
      expect(tmapRoute.searchParams.get('goaly')).toBe('37.4');

      const uber = new URL(ut(route(at(37.55, 126.97, text), at(37.4, 127.1, text), 'taxi'), DESKTOP)!.url);
      expect(uber.searchParams.get('pickup[nickname]')).toBe(text);
      expect(uber.searchParams.get('dropoff[nickname]')).toBe(text);
      expect(uber.searchParams.get('dropoff[latitude]')).toBe('37.4');
      expect(uber.searchParams.getAll('action')).toEqual(['setPickup']);
    }
  });

  it('writes coordinates as plain decimals of at most seven places', () => {
    const link = googleMaps(place(at(37.40205604362179, 127.10821222694464)), DESKTOP)!;
    expect(link.url).toBe('https://www.google.com/maps/search/?api=1&query=37.402056%2C127.1082122');
    const tiny = naverMap(place(at(1e-8, 127)), DESKTOP)!;
    expect(tiny.url).toBe('https://map.naver.com/p/directions/-/14137575.3307457,0.0011132,,,SIMPLE_POI/-/transit?c=15.00,0,0,0,dh');
  });

  it('refuses unusable coordinates rather than writing NaN', () => {
    const broken = { coords: { lat: Number.NaN, lng: 127 }, name: '판교' } as Place;
    expect(naverMap(place(broken), DESKTOP)).toEqual(webLink(`https://map.naver.com/p/search/${enc('판교')}`, 'place'));
    expect(googleMaps(place(broken), DESKTOP)).toEqual(webLink(`https://www.google.com/maps/search/?api=1&query=${enc('판교')}`, 'place'));
    expect(ut(place(broken), DESKTOP)).toBeUndefined();
    for (const [, builder] of BUILDERS) {
      for (const context of [DESKTOP, MOBILE]) expect(builder(place({ coords: { lat: 95, lng: 200 } }), context)?.url ?? '').not.toMatch(/NaN|Infinity|95/);
    }
  });
});
