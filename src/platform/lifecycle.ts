import browser from './browser.ts';

/**
 * Calls back when the browser is about to unload the background (Firefox's event page says so; a
 * Chromium service worker gets no such warning, which is why the health store also writes on every
 * transition and at most a minute after anything else).
 */
export function onSuspend(listener: () => void): void {
  const event = (browser.runtime as { onSuspend?: { addListener(listener: () => void): void } }).onSuspend;
  event?.addListener(listener);
}
