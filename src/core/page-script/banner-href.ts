// Imported by the content script: no imports, so the catalogue stays out of every Kakao page.

/** The catalogued apps' schemes (banner-href.test.ts keeps this list equal to the catalogue's). */
export const BANNER_APP_SCHEMES: readonly string[] = ['nmap:', 'tmap:', 'uber:'];

/**
 * The content script's own last check of a link the background sent: https without credentials, or
 * a catalogued app's scheme. The background allow-lists hosts already; this keeps a javascript: or
 * data: address out of the page whatever arrives.
 */
export function isBannerHref(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (BANNER_APP_SCHEMES.includes(parsed.protocol)) return true;
  return parsed.protocol === 'https:' && parsed.username === '' && parsed.password === '' && parsed.hostname !== '';
}
