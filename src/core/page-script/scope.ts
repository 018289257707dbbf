import { evidenceServiceForUrl } from '../health/trust.ts';

/**
 * The script that reads a Kakao page (and lays the banner over it), as shipped in each build: one
 * self-contained classic file, declared for the service pages at document_idle (vite.config.ts), and
 * injected by the background into a page that must show a banner before it has gone idle.
 */
export const PAGE_SCRIPT_FILE = 'src/content/page-script/page-script.js';

/** Only Kakao's own pages are ever read; every other page never gets a line of Detour's code. */
export function shouldReadPage(url: string | undefined): boolean {
  // Only pages from Kakao's own server (https, port 443): a plain-http page may be anyone's, and
  // neither its text nor its place names are Kakao's.
  return url !== undefined && evidenceServiceForUrl(url) !== undefined;
}
