import type { LatLng } from '../intent.ts';
import { wcongnamulToWgs84 } from './wcongnamul.ts';

/** A plain decimal: digits with at most one point, an optional sign; no exponents, hex, or words. */
const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;

/** The number a text spells as a plain decimal (surrounding spaces allowed), else undefined. Total. */
export function parseDecimal(text: string | null | undefined): number | undefined {
  if (typeof text !== 'string') return undefined;
  const trimmed = text.trim();
  if (trimmed.length > 40 || !DECIMAL.test(trimmed)) return undefined;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : undefined;
}

/** True for text that reads as a number or nothing: what a garbled coordinate field looks like. */
export function isNumberOrEmpty(text: string): boolean {
  return text.trim() === '' || DECIMAL.test(text.trim());
}

/**
 * WGS84 degrees from two numbers, or undefined when either is missing or out of range. 0,0 is
 * refused too: it is what an empty form field or a failed geocode turns into, never a real address here.
 */
export function toLatLng(lat: number | undefined, lng: number | undefined): LatLng | undefined {
  if (lat === undefined || lng === undefined || !Number.isFinite(lat) || !Number.isFinite(lng)) return undefined;
  if (Math.abs(lat) > 90 || Math.abs(lng) > 180 || (lat === 0 && lng === 0)) return undefined;
  return { lat, lng };
}

/** "LAT,LNG" (Kakao's `p=`, `sp=`, `ep=` order), or undefined. */
export function parseLatLngPair(text: string | null | undefined): LatLng | undefined {
  if (typeof text !== 'string') return undefined;
  const fields = text.split(',');
  return fields.length === 2 ? toLatLng(parseDecimal(fields[0]), parseDecimal(fields[1])) : undefined;
}

/** Seven decimals: about a centimetre, more than any address carries. */
export function roundCoords(coords: LatLng): LatLng {
  return { lat: Math.round(coords.lat * 1e7) / 1e7, lng: Math.round(coords.lng * 1e7) / 1e7 };
}

/** A coordinate as URL text: plain decimal, at most seven places, no exponent, no "-0". */
export function formatDegrees(value: number): string {
  const text = value.toFixed(7).replace(/\.?0+$/, '');
  return text === '-0' ? '0' : text;
}

/**
 * A WCONGNAMUL pair from two texts, converted to WGS84 and rounded, or undefined. Pairs within
 * 1000 units of the grid's false origin (open sea south-west of Korea) are refused: that is where
 * 0,0 and WGS84 degrees put where WCONGNAMUL belongs ("urlX=127.03&urlY=37.48") would land.
 */
export function parseWcongnamulPair(xText: string | null | undefined, yText: string | null | undefined): LatLng | undefined {
  const x = parseDecimal(xText);
  const y = parseDecimal(yText);
  if (x === undefined || y === undefined || (Math.abs(x) < 1000 && Math.abs(y) < 1000)) return undefined;
  const coords = wcongnamulToWgs84(x, y);
  return coords ? roundCoords(coords) : undefined;
}
