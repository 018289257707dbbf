/** The browser's own word on connectivity (navigator.onLine and its events), in worker and page alike. */
export function onBrowserNetworkChange(listener: (online: boolean) => void): void {
  globalThis.addEventListener('online', () => listener(true));
  globalThis.addEventListener('offline', () => listener(false));
}

export function browserSaysOffline(): boolean {
  return typeof navigator !== 'undefined' && navigator.onLine === false;
}
