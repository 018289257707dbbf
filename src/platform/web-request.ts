import type { MainFrameOutcome } from '../core/rescue.ts';
import browser from './browser.ts';
import { keepFirefoxTabIds } from './firefox-tab-id.ts';

/**
 * Reports how main-frame loads to the given hosts ended: a network error, or the response status.
 * Must be called synchronously at background start-up so a woken service worker hears the event
 * that woke it.
 */
export function onMainFrameOutcome(urls: string[], listener: (outcome: MainFrameOutcome) => void): void {
  const filter = { urls, types: ['main_frame' as const] };
  keepFirefoxTabIds(urls);
  browser.webRequest.onErrorOccurred.addListener((details) => {
    listener({ type: 'error', tabId: details.tabId, url: details.url, error: details.error });
  }, filter);
  // Headers, not completion: a 5xx is known before its body arrives, so the fallback comes sooner.
  browser.webRequest.onHeadersReceived.addListener((details) => {
    listener({ type: 'response', tabId: details.tabId, url: details.url, statusCode: details.statusCode });
    return undefined;
  }, filter);
}
