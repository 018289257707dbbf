// Imported by the injected banner script: no imports, so nothing else is bundled into it.

/** The isolated-world global through which the background hands the injected banner its notice. */
export const LEANING_BANNER_KEY = 'detourLeaningBanner';
