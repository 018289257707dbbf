import { UNSAFE_IN_ADDRESS, shortenForDisplay } from './safe-text.ts';

/** The most characters of an address shown: a 40 KB address is shown by its start and its end. */
export const MAX_DISPLAYED_URL = 300;

/**
 * An address as a person reads it: "https://map.kakao.com/?q=판교역" rather than "%ED%8C%90...".
 * Only unreserved escapes are decoded (decodeURI keeps / ? & = # encoded, so the address's structure
 * cannot change), and characters that could disguise it (UNSAFE_IN_ADDRESS in safe-text.ts) are
 * shown escaped as %XXXX. Text only: the result is never treated as HTML or followed as a link.
 */
export function readableUrl(url: string): string {
  let decoded: string;
  try {
    decoded = decodeURI(url);
  } catch {
    decoded = url;
  }
  const escaped = decoded.replace(UNSAFE_IN_ADDRESS, (ch) => `%${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`);
  return shortenForDisplay(escaped, MAX_DISPLAYED_URL);
}
