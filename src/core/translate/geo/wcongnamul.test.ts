import proj4 from 'proj4';
import { describe, expect, it } from 'vitest';
import { epsg5181ToWgs84, isInKorea, wcongnamulToWgs84, wgs84ToEpsg5181, wgs84ToWcongnamul } from './wcongnamul.ts';
import { mulberry32 } from '../../../../test/support/random.ts';

// proj4 is the oracle here, and only here: the projection under test is written from the formulas.
const EPSG5181 = '+proj=tmerc +lat_0=38 +lon_0=127 +k=1 +x_0=200000 +y_0=500000 +ellps=GRS80 +units=m +no_defs';
const toEpsg5181 = proj4('EPSG:4326', EPSG5181);

/** Great-circle distance in metres (mean Earth radius): plenty for errors of centimetres. */
function haversine(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * 6371008.8 * Math.asin(Math.sqrt(h));
}

/** 25 x 24 grid over lat 33..38.7, lng 124.5..131.9, corners included, plus 200 seeded random points. */
function koreaPoints(): Array<{ lat: number; lng: number }> {
  const points: Array<{ lat: number; lng: number }> = [];
  for (let i = 0; i < 25; i += 1) {
    for (let j = 0; j < 24; j += 1) points.push({ lat: 33 + (5.7 * i) / 24, lng: 124.5 + (7.4 * j) / 23 });
  }
  const random = mulberry32(5181);
  for (let k = 0; k < 200; k += 1) points.push({ lat: 33 + 5.7 * random(), lng: 124.5 + 7.4 * random() });
  return points;
}

const POINTS = koreaPoints();

describe('WCONGNAMUL <-> WGS84 against proj4', () => {
  it('covers at least 500 points spread over Korea', () => {
    expect(POINTS.length).toBeGreaterThanOrEqual(500);
    expect(Math.min(...POINTS.map((p) => p.lat))).toBeCloseTo(33, 6);
    expect(Math.max(...POINTS.map((p) => p.lat))).toBeCloseTo(38.7, 6);
    expect(Math.min(...POINTS.map((p) => p.lng))).toBeCloseTo(124.5, 6);
    expect(Math.max(...POINTS.map((p) => p.lng))).toBeCloseTo(131.9, 6);
  });

  it('inverse: proj4 EPSG:5181 metres x 2.5 read back to within 1 m (in practice under 1 mm)', () => {
    let worst = 0;
    for (const point of POINTS) {
      const [x, y] = toEpsg5181.forward([point.lng, point.lat]) as [number, number];
      const back = wcongnamulToWgs84(x * 2.5, y * 2.5);
      expect(back, `${point.lat},${point.lng}`).toBeDefined();
      const error = haversine(point, back!);
      worst = Math.max(worst, error);
      expect(error, `${point.lat},${point.lng}`).toBeLessThan(1);
    }
    expect(worst).toBeLessThan(0.001);
  });

  it('inverse agrees with proj4 inverse on the same WCONGNAMUL pairs', () => {
    for (const point of POINTS) {
      const { x, y } = wgs84ToWcongnamul(point);
      const [lng, lat] = toEpsg5181.inverse([x / 2.5, y / 2.5]) as [number, number];
      const ours = wcongnamulToWgs84(x, y)!;
      expect(haversine({ lat, lng }, ours)).toBeLessThan(0.001);
    }
  });

  it('forward: EPSG:5181 metres match proj4 to within 1 mm', () => {
    for (const point of POINTS) {
      const [x, y] = toEpsg5181.forward([point.lng, point.lat]) as [number, number];
      const ours = wgs84ToEpsg5181(point);
      expect(Math.abs(ours.x - x), `${point.lat},${point.lng}`).toBeLessThan(0.001);
      expect(Math.abs(ours.y - y), `${point.lat},${point.lng}`).toBeLessThan(0.001);
    }
  });

  it('round-trips WGS84 -> WCONGNAMUL -> WGS84 to within a millimetre', () => {
    for (const point of POINTS) {
      const { x, y } = wgs84ToWcongnamul(point);
      expect(haversine(point, wcongnamulToWgs84(x, y)!)).toBeLessThan(0.001);
    }
  });

  it('round-trips EPSG:5181 -> WGS84 -> EPSG:5181 to within a millimetre', () => {
    for (let x = 0; x <= 700000; x += 70000) {
      for (let y = 0; y <= 800000; y += 80000) {
        const back = wgs84ToEpsg5181(epsg5181ToWgs84(x, y));
        expect(Math.hypot(back.x - x, back.y - y)).toBeLessThan(0.001);
      }
    }
  });
});

describe('wcongnamulToWgs84 on real addresses and bad input', () => {
  it('maps the origin of the projection to 38N 127E', () => {
    const origin = wcongnamulToWgs84(200000 * 2.5, 500000 * 2.5)!;
    expect(origin.lat).toBeCloseTo(38, 9);
    expect(origin.lng).toBeCloseTo(127, 9);
  });

  it("puts Kakao's Pangyo office (rt=...523953,1084098 in a KakaoMap route link) where Kakao's guide does", () => {
    // Kakao's URL guide places 카카오판교오피스 at 37.402056,127.108212; the route link's point is the same building.
    const office = wcongnamulToWgs84(523953, 1084098)!;
    expect(haversine(office, { lat: 37.402056, lng: 127.108212 })).toBeLessThan(100);
  });

  it('reads the Seoul Startup Hub share link (rt=,,510590,1154375) where the same page centres its map', () => {
    // A public page links 서울창업허브 창동 as rt=,,510590,1154375 and centres its own map on 37.6553254,127.0480123 (5.5 m away).
    const hub = wcongnamulToWgs84(510590, 1154375)!;
    expect(haversine(hub, { lat: 37.6553254, lng: 127.0480123 })).toBeLessThan(20);
  });

  it.each([
    ['NaN', Number.NaN, 1084098],
    ['Infinity', Number.POSITIVE_INFINITY, 1084098],
    ['-Infinity y', 523953, Number.NEGATIVE_INFINITY],
    ['far north (Siberia)', 500000, 4000000],
    ['far east (Japan)', 2500000, 1000000],
    ['far south-west (East China Sea)', -2000000, -2000000],
    ['absurdly large', 1e12, 1e12],
    ['absurdly negative', -1e12, 5e5],
  ])('rejects %s', (_label, x, y) => {
    expect(wcongnamulToWgs84(x, y)).toBeUndefined();
  });

  it('puts 0,0 at the false origin of the grid, in open sea south-west of Korea (callers must treat it as garbage)', () => {
    const zero = wcongnamulToWgs84(0, 0)!;
    expect(zero.lat).toBeCloseTo(33.475, 2);
    expect(zero.lng).toBeCloseTo(124.848, 2);
  });

  it('isInKorea uses the documented box', () => {
    expect(isInKorea({ lat: 37.5665, lng: 126.978 })).toBe(true);
    expect(isInKorea({ lat: 33.2, lng: 126.5 })).toBe(true);
    expect(isInKorea({ lat: 35.68, lng: 139.76 })).toBe(false);
    expect(isInKorea({ lat: 31.4, lng: 127 })).toBe(false);
    expect(isInKorea({ lat: Number.NaN, lng: 127 })).toBe(false);
  });
});
