import { shortenForDisplay } from './safe-text.ts';

/**
 * Bidirectional-override, invisible formatting and Hangul filler characters (and controls) that could
 * make an address read as another.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point: they are removed.
const SPOOFING = /[\u0000-\u001F\u007F-\u009F\u061C\u115F\u1160\u200B-\u200F\u202A-\u202E\u2060\u2066-\u2069\u3164\uFEFF\uFFA0]/g;

/** The most characters of an address shown: a 40 KB address is shown by its start and its end. */
export const MAX_DISPLAYED_URL = 300;

/**
 * An address as a person reads it: "https://map.kakao.com/?q=판교역" rather than "%ED%8C%90...".
 * Only unreserved escapes are decoded (decodeURI keeps / ? & = # encoded, so the address's structure
 * cannot change), and formatting characters that could disguise it are shown escaped. Text only:
 * the result is never treated as HTML or followed as a link.
 */
export function readableUrl(url: string): string {
  let decoded: string;
  try {
    decoded = decodeURI(url);
  } catch {
    decoded = url;
  }
  const escaped = decoded.replace(SPOOFING, (ch) => `%${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`);
  return shortenForDisplay(escaped, MAX_DISPLAYED_URL);
}
