import type { KeepInAction } from '../core/rescue/known-down.ts';
import browser from './browser.ts';

/**
 * Browser quirk: how to keep a navigation to a service confirmed down from leaving the browser.
 *
 * Chromium commits its own error page for a navigation a rule blocks ("blocked by an extension",
 * ERR_BLOCKED_BY_CLIENT) before the tab can be moved on. That page costs about 130 ms of the ~330 ms
 * from the navigation to the fallback page's links (median of 6, 2026-11-29); it tells a user in an
 * outage that an extension blocked Kakao; and it stays in the tab's history, so that Back from the
 * fallback page leads to it and from it to the fallback page again. A redirect to about:blank commits
 * at once, and leaves no entry of its own when the background's move to the fallback page (made as the
 * navigation starts) overtakes it, as it usually does: Back goes to the page before. On a loaded
 * machine (seen once: a load average of 6 on 2 cores, both browsers' tests side by side) about:blank
 * commits first, and Back shows an empty page once before the page before; never the fallback page.
 * Firefox shows nothing for a blocked navigation before the tab moves (a redirect there measured no
 * faster), so it keeps the block, which also keeps the address in its address bar.
 *
 * Can go when Chromium lets a tab move cancel a blocked navigation's error page, or lets a rule
 * redirect to an extension page without exposing that page to every site (w3c/webextensions#604).
 */
export function keepInAction(): KeepInAction {
  const isFirefox = typeof (browser.runtime as { getBrowserInfo?: unknown }).getBrowserInfo === 'function';
  return isFirefox ? { type: 'block' } : { type: 'redirect', redirect: { url: 'about:blank' } };
}
