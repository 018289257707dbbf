/**
 * Detour's stable add-on id (Firefox's gecko id): storage, permissions and the test harness's fixed
 * UUID hang on it, and it is how Detour names itself to apps that ask who calls them (Naver Map's
 * nmap:// `appname`). Firefox for Android is the only browser where an extension can open an app link.
 */
export const GECKO_ID = 'detour@detour-extension';

/** PRIVACY.md, built into the package at this path (vite.config.ts); the options page links to it. */
export const PRIVACY_PAGE = 'privacy.html';
