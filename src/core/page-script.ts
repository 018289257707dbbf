import { serviceForUrl } from './catalog/index.ts';

/**
 * The script that reads a loaded Kakao page (and lays the banner over it), as shipped in each build.
 * The background injects it after the page has finished loading instead of declaring a content script:
 * a declared one runs while the page is still loading and measurably delayed its load event.
 */
export const PAGE_SCRIPT_FILE = 'src/content/kakao-page.js';

/** Only Kakao's own pages are ever read; every other page never gets a line of Detour's code. */
export function shouldReadPage(url: string | undefined): boolean {
  // serviceForUrl takes only well-formed http(s) addresses on a catalogued service host.
  return url !== undefined && serviceForUrl(url) !== undefined;
}
