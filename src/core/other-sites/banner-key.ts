// Imported by the injected banner script (and the build): no imports, so nothing else comes along.

/** The isolated-world global through which the background hands the injected banner its notice. */
export const OTHER_SITES_BANNER_KEY = 'detourOtherSitesBanner';

/** Where the build puts that script (vite.config.ts builds it on its own, as one file). */
export const OTHER_SITES_BANNER_FILE = 'src/content/other-sites/banner.js';
