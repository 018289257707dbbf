/**
 * Times main-frame loads that have had no response yet. The browser alone waits indefinitely on a
 * server that accepts and never answers; Detour gives up after the hang limit. The timer lives in the
 * worker: a pending load keeps an MV3 worker awake, and a lost timer costs only this one rescue.
 */
export function createHangWatch(onHang: (requestId: string, tabId: number, url: string, waitedMs: number) => void) {
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** Loads already rescued (for hanging, or at their start): their late ending must not move the tab again. */
  const rescued = new Set<string>();
  const markRescued = (requestId: string) => {
    rescued.add(requestId);
    // Bounded: only the most recent rescues matter for late endings.
    if (rescued.size > 100) rescued.delete(rescued.values().next().value as string);
  };

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
          markRescued(requestId);
          onHang(requestId, tabId, url, limitMs);
        }, limitMs),
      );
    },
    settle,
    markRescued,
    wasRescued(requestId: string): boolean {
      return rescued.has(requestId);
    },
  };
}
