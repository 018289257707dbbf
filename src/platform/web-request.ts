import type { SubresourceOutcome } from '../core/health/signals.ts';
import type { MainFrameOutcome } from '../core/rescue.ts';
import browser from './browser.ts';
import { keepFirefoxTabIds } from './firefox-tab-id.ts';
import { requestPage } from './request-initiator.ts';

export interface MainFrameStart {
  readonly requestId: string;
  readonly tabId: number;
  readonly url: string;
}

export interface MainFrameListeners {
  /** A main-frame load to one of the hosts is starting (the tab still shows the page it leaves). */
  readonly onStart: (start: MainFrameStart) => void;
  /** Its response headers arrived: whatever happens next, it is not hanging. */
  readonly onResponding: (requestId: string) => void;
  /** It ended: a network error, or a response with its status. */
  readonly onOutcome: (outcome: MainFrameOutcome, requestId: string) => void;
}

/**
 * Watches main-frame loads to the given hosts. Must be called synchronously at background start-up
 * so a woken service worker hears the event that woke it.
 */
export function watchMainFrames(urls: string[], { onStart, onResponding, onOutcome }: MainFrameListeners): void {
  const filter = { urls, types: ['main_frame' as const] };
  keepFirefoxTabIds(urls, (details) => onStart({ requestId: details.requestId, tabId: details.tabId, url: details.url }));
  browser.webRequest.onHeadersReceived.addListener((details) => {
    onResponding(details.requestId);
    return undefined;
  }, filter);
  browser.webRequest.onErrorOccurred.addListener((details) => {
    onOutcome({ type: 'error', tabId: details.tabId, url: details.url, error: details.error }, details.requestId);
  }, filter);
  // On completion, not on headers: navigating the tab while the error response is still committing
  // races the browser's own navigation; after completion the tab is ours to move.
  browser.webRequest.onCompleted.addListener((details) => {
    onOutcome({ type: 'response', tabId: details.tabId, url: details.url, statusCode: details.statusCode }, details.requestId);
  }, filter);
}

const SUBRESOURCE_TYPES = ['sub_frame', 'stylesheet', 'script', 'image', 'font', 'object', 'xmlhttprequest', 'ping', 'media', 'websocket', 'other'] as const;

/** Reports how the requests Kakao's pages make (APIs, scripts, tiles) end. */
export function watchSubresources(urls: string[], listener: (outcome: SubresourceOutcome) => void): void {
  const filter = { urls, types: [...SUBRESOURCE_TYPES] };
  browser.webRequest.onErrorOccurred.addListener((details) => {
    listener({ type: 'error', tabId: details.tabId, pageUrl: requestPage(details), error: details.error });
  }, filter);
  browser.webRequest.onCompleted.addListener((details) => {
    listener({ type: 'response', tabId: details.tabId, pageUrl: requestPage(details), statusCode: details.statusCode });
  }, filter);
}
