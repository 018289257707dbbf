import browser from './browser.ts';

/**
 * Firefox 153 reports tabId -1 for main-frame webRequest.onCompleted/onHeadersReceived unless an
 * onBeforeRequest listener is registered for the same requests (measured: with one, 5 of 5 correct).
 */
export function keepFirefoxTabIds(
  urls: string[],
  listener: (details: { requestId: string; tabId: number; url: string; frameId?: number; documentId?: string; documentLifecycle?: string }) => void,
): void {
  browser.webRequest.onBeforeRequest.addListener(
    (details) => {
      listener(details);
      return undefined;
    },
    { urls, types: ['main_frame'] },
  );
}
