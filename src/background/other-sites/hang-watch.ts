/**
 * Times other sites' requests to Kakao (login, SDK, postcode, map) that have had no answer yet: the
 * browser alone waits indefinitely on a server that accepts and never answers. Main-frame loads of
 * Kakao's own pages have their own owner (./loads.ts).
 */
export function createHangWatch(onHang: (requestId: string, tabId: number, url: string, waitedMs: number) => void) {
  const timers = new Map<string, ReturnType<typeof setTimeout>>();

  function settle(requestId: string): void {
    const timer = timers.get(requestId);
    if (timer !== undefined) clearTimeout(timer);
    timers.delete(requestId);
  }

  return {
    start(requestId: string, tabId: number, url: string, limitMs: number): void {
      settle(requestId);
      if (tabId < 0) return;
      timers.set(
        requestId,
        setTimeout(() => {
          timers.delete(requestId);
          onHang(requestId, tabId, url, limitMs);
        }, limitMs),
      );
    },
    settle,
  };
}
