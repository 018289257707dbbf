import { describe, expect, it } from 'vitest';
import type { Intent, Place, TravelMode } from '../intent.ts';
import { parseKakaoNavi, parseKakaoT } from './kakaot.ts';

const NONE: Intent = { kind: 'none' };
const enc = encodeURIComponent;
const at = (lat: number, lng: number, name?: string): Place => (name === undefined ? { coords: { lat, lng } } : { name, coords: { lat, lng } });
const named = (name: string): Place => ({ name });
const route = (from: Place | undefined, to: Place, mode?: TravelMode): Intent => ({ kind: 'route', ...(from ? { from } : {}), to, ...(mode ? { mode } : {}) });

describe('parseKakaoT', () => {
  it.each<[string, Intent]>([
    ['https://t.kakao.com/launch?type=taxi&dest_lat=37.3952&dest_lng=127.1099&ref=localweb', route(undefined, at(37.3952, 127.1099), 'taxi')],
    ['https://t.kakao.com/launch?type=taxi&amp;dest_lat=37.49878007763176&amp;dest_lng=127.03170076652506&amp;ref=localweb', NONE],
    ['https://t.kakao.com/launch?type=taxi&dest_lat=37.49878007763176&dest_lng=127.03170076652506', route(undefined, at(37.4987801, 127.0317008), 'taxi')],
    ['https://t.kakao.com/launch?dest_lat=37.5559&dest_lng=126.9723', route(undefined, at(37.5559, 126.9723), 'taxi')],
    ['https://t.kakao.com/launch/?type=TAXI&dest_lat=37.5559&dest_lng=126.9723', route(undefined, at(37.5559, 126.9723), 'taxi')],
    ['https://t.kakao.com/launch?type=taxi&origin_lat=37.5547&origin_lng=126.9706&dest_lat=37.4979&dest_lng=127.0276', route(at(37.5547, 126.9706), at(37.4979, 127.0276), 'taxi')],
    [
      `https://t.kakao.com/launch?type=taxi&dest_lat=37.4979&dest_lng=127.0276&dest_name=${enc('강남역 2호선')}&origin_name=${enc(enc('서울역'))}&origin_lat=37.5547&origin_lng=126.9706`,
      route(at(37.5547, 126.9706, '서울역'), at(37.4979, 127.0276, '강남역 2호선'), 'taxi'),
    ],
    [`https://t.kakao.com/launch?type=taxi&dest_name=${enc('판교역')}`, route(undefined, named('판교역'), 'taxi')],
    ['https://t.kakao.com/launch?type=driver&dest_lat=37.4979&dest_lng=127.0276', route(undefined, at(37.4979, 127.0276))],
    // Garbage and out-of-Korea numbers are refused; the origin alone is no intent.
    ['https://t.kakao.com/launch?type=taxi&dest_lat=abc&dest_lng=127.0276', NONE],
    ['https://t.kakao.com/launch?type=taxi&dest_lat=127.0276&dest_lng=37.4979', NONE],
    ['https://t.kakao.com/launch?type=taxi&dest_lat=35.68&dest_lng=139.76', NONE],
    ['https://t.kakao.com/launch?type=taxi&dest_lat=0&dest_lng=0', NONE],
    ['https://t.kakao.com/launch?type=taxi&dest_lat=1e1&dest_lng=1e2', NONE],
    ['https://t.kakao.com/launch?type=taxi&origin_lat=37.5547&origin_lng=126.9706', NONE],
    ['https://t.kakao.com/launch?type=taxi&dest_lat=37.4979&dest_lng=127.0276&origin_lat=x&origin_lng=y', route(undefined, at(37.4979, 127.0276), 'taxi')],
    ['https://t.kakao.com/launch?type=taxi', NONE],
    // Other pages carry nothing.
    ['https://t.kakao.com/', NONE],
    ['https://t.kakao.com/events?dest_lat=37.4979&dest_lng=127.0276', NONE],
    ['https://t.kakao.com/launcher?dest_lat=37.4979&dest_lng=127.0276', NONE],
  ])('%s', (address, expected) => {
    expect(parseKakaoT(new URL(address))).toEqual(expected);
  });
});

/** A Kakao JS SDK navi-web address, built the way the SDK builds it (param is URL-encoded JSON). */
function sdkUrl(param: unknown, path = '/openapi'): string {
  const extras = enc(JSON.stringify({ KA: 'sdk/1.40.14 os/javascript' }));
  return `https://kakaonavi-wguide.kakao.com${path}?appkey=0123456789abcdef&apiver=1.0&extras=${extras}&param=${enc(JSON.stringify(param))}`;
}

describe('parseKakaoNavi', () => {
  it.each<[string, string, Intent]>([
    [
      'SDK start, wgs84',
      sdkUrl({ destination: { name: '현대백화점 판교점', x: 127.11205203011632, y: 37.39279717586919 }, option: { coord_type: 'wgs84', vehicle_type: 1 } }, '/navigate.html'),
      route(undefined, at(37.3927972, 127.112052, '현대백화점 판교점'), 'car'),
    ],
    [
      'SDK share, wgs84, /openapi/',
      sdkUrl({ destination: { name: '서울 금천구 디지털로9길 32', x: 126.88751109358344, y: 37.47951408984022 }, option: { coord_type: 'wgs84' } }, '/openapi/'),
      route(undefined, at(37.4795141, 126.8875111, '서울 금천구 디지털로9길 32'), 'car'),
    ],
    ['numbers as strings', sdkUrl({ destination: { name: 'A', x: '127.1', y: '37.4' }, option: { coord_type: 'WGS84' } }), route(undefined, at(37.4, 127.1, 'A'), 'car')],
    [
      'katec (the SDK default): the name only',
      sdkUrl({ destination: { name: '카카오판교오피스', x: 321286, y: 533707 }, option: { coord_type: 'katec' } }),
      route(undefined, named('카카오판교오피스'), 'car'),
    ],
    ['no coord_type means katec', sdkUrl({ destination: { name: '카카오판교오피스', x: 127.1, y: 37.4 } }), route(undefined, named('카카오판교오피스'), 'car')],
    ['wgs84 outside Korea: the name only', sdkUrl({ destination: { name: 'Tokyo', x: 139.76, y: 35.68 }, option: { coord_type: 'wgs84' } }), route(undefined, named('Tokyo'), 'car')],
    ['x and y swapped: the name only', sdkUrl({ destination: { name: 'A', x: 37.4, y: 127.1 }, option: { coord_type: 'wgs84' } }), route(undefined, named('A'), 'car')],
    ['no name, wgs84', sdkUrl({ destination: { x: 127.1, y: 37.4 }, option: { coord_type: 'wgs84' } }), route(undefined, at(37.4, 127.1), 'car')],
    ['no name, katec: nothing', sdkUrl({ destination: { x: 321286, y: 533707 } }), NONE],
    ['name is not a string', sdkUrl({ destination: { name: 42, x: 127.1, y: 37.4 }, option: { coord_type: 'wgs84' } }), route(undefined, at(37.4, 127.1), 'car')],
    ['no destination', sdkUrl({ option: { coord_type: 'wgs84' } }), NONE],
    ['param is an array', sdkUrl([1, 2, 3]), NONE],
    ['param is not JSON', 'https://kakaonavi-wguide.kakao.com/openapi?param=%7Bnot-json', NONE],
    [
      'param is double-encoded',
      `https://kakaonavi-wguide.kakao.com/openapi?param=${enc(enc(JSON.stringify({ destination: { name: '판교', x: 127.1, y: 37.4 }, option: { coord_type: 'wgs84' } })))}`,
      route(undefined, at(37.4, 127.1, '판교'), 'car'),
    ],
    ['name control characters cleaned', sdkUrl({ destination: { name: '판교\u0000\n역', x: 127.1, y: 37.4 }, option: { coord_type: 'wgs84' } }), route(undefined, at(37.4, 127.1, '판교 역'), 'car')],
    [
      'old drive.html, ctype=1',
      `http://kakaonavi-wguide.kakao.com/drive.html?ak=8c7ac8fdd6138eab66a85f46aec3a618&ctype=1&lt=37.5&ln=127.03&dt=${enc('역삼역')}`,
      route(undefined, at(37.5, 127.03, '역삼역'), 'car'),
    ],
    ['old drive.html, other ctype: the name only', `http://kakaonavi-wguide.kakao.com/drive.html?ctype=2&lt=533707&ln=321286&dt=${enc('역삼역')}`, route(undefined, named('역삼역'), 'car')],
    ['old drive.html, nothing', 'http://kakaonavi-wguide.kakao.com/drive.html?ak=x', NONE],
    ['front page', 'https://kakaonavi-wguide.kakao.com/', NONE],
    ['kakaonavi.kakao.com front page', 'https://kakaonavi.kakao.com/', NONE],
    [
      'kakaonavi.kakao.com with an SDK param',
      `https://kakaonavi.kakao.com/launch?param=${enc(JSON.stringify({ destination: { name: 'B', x: 127.2, y: 37.3 }, option: { coord_type: 'wgs84' } }))}`,
      route(undefined, at(37.3, 127.2, 'B'), 'car'),
    ],
  ])('%s', (_label, address, expected) => {
    expect(parseKakaoNavi(new URL(address))).toEqual(expected);
  });
});
