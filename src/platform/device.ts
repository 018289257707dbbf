import type { Platform } from '../core/translate/index.ts';

/** Mobile where an app can take an app link (Firefox for Android); desktop everywhere else. */
export function devicePlatform(): Platform {
  return /\bAndroid\b/.test(navigator.userAgent) ? 'mobile' : 'desktop';
}
