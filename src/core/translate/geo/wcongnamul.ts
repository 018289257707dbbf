import type { LatLng } from '../intent.ts';

/**
 * Kakao's WCONGNAMUL coordinates, the `urlX`/`urlY`, `rt` and `sX`/`eX` numbers in KakaoMap addresses:
 * EPSG:5181 (Korea 2000 / Central Belt: Transverse Mercator on GRS80, latitude of origin 38°N, central
 * meridian 127°E, scale 1, false easting 200 000 m, false northing 500 000 m) with both axes times 2.5.
 * (Kakao's Local API names the system in its `transcoord` endpoint; the 2.5 factor is why a WCONGNAMUL
 * pair like 523953,1084098 is about 2.5 times the EPSG:5181 metres of the same spot.)
 *
 * The projection is the Krüger series to sixth order in n (Karney, "Transverse Mercator with an accuracy
 * of a few nanometers", J. Geodesy 85, 2011, eqs. 7-11, 35-36): far below a millimetre across Korea,
 * which is well inside the 5 degrees either side of the central meridian this needs.
 */

const A_AXIS = 6378137; // GRS80 semi-major axis, metres
const FLATTENING = 1 / 298.257222101;
const LAT0 = 38;
const LON0 = 127;
const K0 = 1;
const FALSE_EASTING = 200000;
const FALSE_NORTHING = 500000;
const WCONG_SCALE = 2.5;

const DEG = Math.PI / 180;
const N = FLATTENING / (2 - FLATTENING);
const E2 = FLATTENING * (2 - FLATTENING);
const E = Math.sqrt(E2);
const N2 = N * N;
const N3 = N2 * N;
const N4 = N3 * N;
const N5 = N4 * N;
const N6 = N5 * N;

/** The rectifying radius: a meridian arc of one radian is this long. */
const RECTIFYING = (A_AXIS / (1 + N)) * (1 + N2 / 4 + N4 / 64 + N6 / 256);

const ALPHA = [
  N / 2 - (2 * N2) / 3 + (5 * N3) / 16 + (41 * N4) / 180 - (127 * N5) / 288 + (7891 * N6) / 37800,
  (13 * N2) / 48 - (3 * N3) / 5 + (557 * N4) / 1440 + (281 * N5) / 630 - (1983433 * N6) / 1935360,
  (61 * N3) / 240 - (103 * N4) / 140 + (15061 * N5) / 26880 + (167603 * N6) / 181440,
  (49561 * N4) / 161280 - (179 * N5) / 168 + (6601661 * N6) / 7257600,
  (34729 * N5) / 80640 - (3418889 * N6) / 1995840,
  (212378941 * N6) / 319334400,
];

const BETA = [
  N / 2 - (2 * N2) / 3 + (37 * N3) / 96 - N4 / 360 - (81 * N5) / 512 + (96199 * N6) / 604800,
  N2 / 48 + N3 / 15 - (437 * N4) / 1440 + (46 * N5) / 105 - (1118711 * N6) / 3870720,
  (17 * N3) / 480 - (37 * N4) / 840 - (209 * N5) / 4480 + (5569 * N6) / 90720,
  (4397 * N4) / 161280 - (11 * N5) / 504 - (830251 * N6) / 7257600,
  (4583 * N5) / 161280 - (108847 * N6) / 3991680,
  (20648693 * N6) / 638668800,
];

/** Conformal latitude's tangent from the geodetic latitude's tangent. */
function conformalTan(tau: number): number {
  const sigma = Math.sinh(E * Math.atanh((E * tau) / Math.hypot(1, tau)));
  return tau * Math.hypot(1, sigma) - sigma * Math.hypot(1, tau);
}

/** Geodetic latitude's tangent from the conformal one, by Newton's method (Karney 2011, eq. 19-21). */
function geodeticTan(tauPrime: number): number {
  let tau = tauPrime;
  for (let i = 0; i < 5; i += 1) {
    const tauPrimeI = conformalTan(tau);
    const step = ((tauPrime - tauPrimeI) / Math.hypot(1, tauPrimeI)) * ((1 + (1 - E2) * tau * tau) / ((1 - E2) * Math.hypot(1, tau)));
    tau += step;
    if (Math.abs(step) < 1e-14) break;
  }
  return tau;
}

/** Transverse Mercator (x east, y north from the equator), metres, for a longitude relative to LON0. */
function forwardRaw(latDeg: number, dLonDeg: number): { x: number; y: number } {
  const lambda = dLonDeg * DEG;
  const tauP = conformalTan(Math.tan(latDeg * DEG));
  const xiP = Math.atan2(tauP, Math.cos(lambda));
  const etaP = Math.asinh(Math.sin(lambda) / Math.hypot(tauP, Math.cos(lambda)));
  let xi = xiP;
  let eta = etaP;
  for (let j = 1; j <= 6; j += 1) {
    const a = ALPHA[j - 1] ?? 0;
    xi += a * Math.sin(2 * j * xiP) * Math.cosh(2 * j * etaP);
    eta += a * Math.cos(2 * j * xiP) * Math.sinh(2 * j * etaP);
  }
  return { x: K0 * RECTIFYING * eta, y: K0 * RECTIFYING * xi };
}

/** Northing of the latitude of origin on the central meridian. */
const Y0 = forwardRaw(LAT0, 0).y;

/**
 * The box Detour treats as Korea: the coordinate range Naver's map app accepts
 * (latitude 31.43-44.35, longitude 122.37-132.00, "지도 앱 연동 URL Scheme", guide.ncloud-docs.com).
 */
export const KOREA_BOUNDS = { minLat: 31.43, maxLat: 44.35, minLng: 122.37, maxLng: 132 } as const;

export function isInKorea(coords: LatLng): boolean {
  return coords.lat >= KOREA_BOUNDS.minLat && coords.lat <= KOREA_BOUNDS.maxLat && coords.lng >= KOREA_BOUNDS.minLng && coords.lng <= KOREA_BOUNDS.maxLng;
}

/** WGS84 (GRS80; the two differ by well under a millimetre) to EPSG:5181 metres. */
export function wgs84ToEpsg5181(coords: LatLng): { x: number; y: number } {
  const { x, y } = forwardRaw(coords.lat, coords.lng - LON0);
  return { x: FALSE_EASTING + x, y: FALSE_NORTHING + (y - Y0) };
}

/** EPSG:5181 metres to WGS84 degrees; NaN for input the series cannot take (infinite, absurdly far). */
export function epsg5181ToWgs84(x: number, y: number): LatLng {
  const xi = (y - FALSE_NORTHING + Y0) / (K0 * RECTIFYING);
  const eta = (x - FALSE_EASTING) / (K0 * RECTIFYING);
  let xiP = xi;
  let etaP = eta;
  for (let j = 1; j <= 6; j += 1) {
    const b = BETA[j - 1] ?? 0;
    xiP -= b * Math.sin(2 * j * xi) * Math.cosh(2 * j * eta);
    etaP -= b * Math.cos(2 * j * xi) * Math.sinh(2 * j * eta);
  }
  const tauP = Math.sin(xiP) / Math.hypot(Math.sinh(etaP), Math.cos(xiP));
  const lambda = Math.atan2(Math.sinh(etaP), Math.cos(xiP));
  const lat = Math.atan(geodeticTan(tauP)) / DEG;
  return { lat, lng: LON0 + lambda / DEG };
}

/** WGS84 to WCONGNAMUL: EPSG:5181 times 2.5. The inverse of wcongnamulToWgs84, for tests and round trips. */
export function wgs84ToWcongnamul(coords: LatLng): { x: number; y: number } {
  const { x, y } = wgs84ToEpsg5181(coords);
  return { x: x * WCONG_SCALE, y: y * WCONG_SCALE };
}

/**
 * WCONGNAMUL (Kakao's urlX/urlY) to WGS84 degrees, or undefined for a non-finite pair or one that
 * lands outside Korea (garbage, or a WGS84 pair someone put where WCONGNAMUL belongs).
 */
export function wcongnamulToWgs84(x: number, y: number): LatLng | undefined {
  if (!Number.isFinite(x) || !Number.isFinite(y)) return undefined;
  // All of Korea lies within about -0.03 to 1.6 million (x) by -0.12 to 2.7 million (y) WCONGNAMUL units;
  // far beyond that the series is meaningless.
  if (Math.abs(x) > 1e8 || Math.abs(y) > 1e8) return undefined;
  const coords = epsg5181ToWgs84(x / WCONG_SCALE, y / WCONG_SCALE);
  return Number.isFinite(coords.lat) && Number.isFinite(coords.lng) && isInKorea(coords) ? coords : undefined;
}
