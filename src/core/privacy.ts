/** PRIVACY.md, built into the package at this path (vite.config.ts); the options page links to it. */
export const PRIVACY_PAGE = 'privacy.html';
