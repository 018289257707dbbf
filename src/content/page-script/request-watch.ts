import { REQUEST_WINDOW_MS, countRequests, isKakaoRequest, type RequestCounts, type TimedRequest } from '../../core/page-script/report.ts';

/** Bounded: a page that makes thousands of requests a minute keeps only the newest. */
const MAX_KEPT = 2000;

/**
 * Watches, from inside a Kakao page, how its requests to Kakao end, through the page's own Resource
 * Timing: no event reaches the background for a request that succeeds. Calls `onServerError` (at most
 * once a second) when one was answered with a 5xx; `counts()` answers the background's question when it
 * saw requests fail at the network level.
 */
export function watchRequests(onServerError: () => void) {
  const kept: TimedRequest[] = [];
  let pending: ReturnType<typeof setTimeout> | undefined;
  const origin = performance.timeOrigin;

  function take(entries: PerformanceEntryList): void {
    let sawServerError = false;
    for (const entry of entries) {
      if (!isKakaoRequest(entry.name)) continue;
      const status = (entry as PerformanceResourceTiming & { responseStatus?: number }).responseStatus ?? 0;
      kept.push({ url: entry.name, status, at: origin + entry.startTime + entry.duration });
      if (status >= 500) sawServerError = true;
    }
    if (kept.length > MAX_KEPT) kept.splice(0, kept.length - MAX_KEPT);
    if (sawServerError && pending === undefined) {
      pending = setTimeout(() => {
        pending = undefined;
        onServerError();
      }, 1000);
    }
  }

  try {
    // An observer, not the timeline buffer: that holds only the first 250 entries, and a map makes more.
    new PerformanceObserver((list) => take(list.getEntries())).observe({ type: 'resource', buffered: true });
  } catch {
    // No Resource Timing here: the background still sees requests that fail at the network level.
  }

  return {
    counts(failedElsewhere?: ReadonlySet<string>): RequestCounts {
      const now = Date.now();
      const recent = kept.filter((request) => now - request.at <= REQUEST_WINDOW_MS);
      return countRequests(recent, now, failedElsewhere);
    },
  };
}
