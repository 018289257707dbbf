import type { MainFrameOutcome } from '../core/rescue.ts';
import browser from './browser.ts';
import { keepFirefoxTabIds } from './firefox-tab-id.ts';

export interface MainFrameListeners {
  /** A main-frame load to one of the hosts is starting (the tab still shows the page it leaves). */
  readonly onStart: (start: { tabId: number; url: string }) => void;
  /** It ended: a network error, or a response with its status. */
  readonly onOutcome: (outcome: MainFrameOutcome) => void;
}

/**
 * Watches main-frame loads to the given hosts. Must be called synchronously at background start-up
 * so a woken service worker hears the event that woke it.
 */
export function watchMainFrames(urls: string[], { onStart, onOutcome }: MainFrameListeners): void {
  const filter = { urls, types: ['main_frame' as const] };
  keepFirefoxTabIds(urls, (details) => onStart({ tabId: details.tabId, url: details.url }));
  browser.webRequest.onErrorOccurred.addListener((details) => {
    onOutcome({ type: 'error', tabId: details.tabId, url: details.url, error: details.error });
  }, filter);
  // On completion, not on headers: navigating the tab while the error response is still committing
  // races the browser's own navigation; after completion the tab is ours to move.
  browser.webRequest.onCompleted.addListener((details) => {
    onOutcome({ type: 'response', tabId: details.tabId, url: details.url, statusCode: details.statusCode });
  }, filter);
}
