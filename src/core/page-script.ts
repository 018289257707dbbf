import { trustedServiceForUrl } from './trust.ts';

/**
 * The script that reads a loaded Kakao page (and lays the banner over it), as shipped in each build.
 * The background injects it after the page has finished loading instead of declaring a content script:
 * a declared one runs while the page is still loading and measurably delayed its load event.
 */
export const PAGE_SCRIPT_FILE = 'src/content/kakao-page.js';

/** Only Kakao's own pages are ever read; every other page never gets a line of Detour's code. */
export function shouldReadPage(url: string | undefined): boolean {
  // Only pages from Kakao's own server (https, port 443): a plain-http page may be anyone's, and
  // neither its text nor its place names are Kakao's.
  return url !== undefined && trustedServiceForUrl(url) !== undefined;
}
