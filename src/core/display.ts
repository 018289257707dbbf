/** Bidirectional-override and invisible formatting characters that could make an address read as another. */
const SPOOFING = /[\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g;

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
  return decoded.replace(SPOOFING, (ch) => `%${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`);
}
