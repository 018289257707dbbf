import type { ServiceId } from '../../core/catalog/index.ts';
import { subresourceEvent, withheldSubresource, type SubresourceOutcome } from '../../core/health/signals.ts';
import { evidenceServiceForUrl, subresourceServiceFor } from '../../core/health/trust.ts';
import { SUBRESOURCE_MAX_SAMPLES } from '../../core/health/thresholds.ts';
import type { HealthEvent } from '../../core/health/types.ts';
import { parseRequestCounts, type RequestCounts } from '../../core/page-script/report.ts';

export interface SubresourceDeps {
  readonly dispatch: (events: readonly HealthEvent[]) => Promise<unknown>;
  /** Settles a withheld response with one look at the server (./withheld.ts). */
  readonly settleWithheld: (outcome: SubresourceOutcome) => Promise<SubresourceOutcome>;
  /** Asks the tab's page script how its requests to Kakao ended in the last minute. */
  readonly askCounts: (tabId: number, failedUrls: readonly string[]) => Promise<unknown>;
  readonly setTimer: (run: () => void, ms: number) => unknown;
  readonly now: () => number;
  readonly report: (error: unknown) => void;
}

/** Failures of one tab are gathered this long, then weighed against the page's own count of successes. */
export const FAILURE_BATCH_MS = 1000;

/**
 * Sub-resource health without an event per healthy request. The browser tells the background only
 * about requests that fail at the network level (or that it withheld); the page's own script counts
 * the rest (answered, and answered with a 5xx) and is asked for that count when something failed, or
 * speaks up itself when it saw a 5xx. The engine's failure rate then has both sides again.
 */
export function createSubresources(deps: SubresourceDeps) {
  const pending = new Map<number, { pageUrl: string; events: HealthEvent[]; urls: string[] }>();

  /** The page's count, as events: its successes first, so the failures are the newest samples kept. */
  function countEvents(service: ServiceId, counts: RequestCounts, at: number, otherFailures = 0): HealthEvent[] {
    const ok = Math.min(counts.ok, SUBRESOURCE_MAX_SAMPLES - counts.failed.length - otherFailures);
    return [
      ...Array.from({ length: Math.max(0, ok) }, (): HealthEvent => ({ type: 'subresource', service, ok: true, at })),
      ...counts.failed.map((): HealthEvent => ({ type: 'subresource', service, ok: false, at })),
    ];
  }

  async function flush(tabId: number): Promise<void> {
    const batch = pending.get(tabId);
    pending.delete(tabId);
    if (!batch || batch.events.length === 0) return;
    const service = evidenceServiceForUrl(batch.pageUrl);
    if (!service) return;
    const counts = parseRequestCounts(await deps.askCounts(tabId, batch.urls));
    // Without the page's answer (not read yet, or gone) the failures alone are weighed.
    const events = counts ? [...countEvents(service, counts, deps.now(), batch.events.length), ...batch.events] : batch.events;
    await deps.dispatch(events);
  }

  function add(tabId: number, pageUrl: string, url: string, event: HealthEvent): void {
    let batch = pending.get(tabId);
    if (!batch) {
      batch = { pageUrl, events: [], urls: [] };
      pending.set(tabId, batch);
      deps.setTimer(() => void flush(tabId).catch(deps.report), FAILURE_BATCH_MS);
    }
    batch.events.push(event);
    if (event.type === 'subresource' && !event.ok && batch.urls.length < 200) batch.urls.push(url);
  }

  return {
    /** A request of a Kakao page failed at the network level, or the browser withheld its answer. */
    onError(outcome: SubresourceOutcome): void {
      if (withheldSubresource(outcome)) {
        deps.settleWithheld(outcome).then((settled) => {
          const event = subresourceEvent(settled, deps.now());
          if (event) add(outcome.tabId, outcome.pageUrl, outcome.url, event);
        }, deps.report);
        return;
      }
      const event = subresourceEvent(outcome, deps.now());
      if (event) add(outcome.tabId, outcome.pageUrl, outcome.url, event);
    },

    /** A Kakao page's own script saw 5xx answers; `pageUrl` is the sender's, never the page's say. */
    async onPageReport(report: unknown, pageUrl: string | undefined): Promise<void> {
      // The same rule as the browser's reports (src/core/health/trust.ts): a page on one of the
      // service's named hosts, https on port 443, and only its requests to the service's own hosts.
      // A blog's script, or a plain-http page on a Kakao name, says nothing.
      const service = pageUrl ? evidenceServiceForUrl(pageUrl) : undefined;
      const parsed = parseRequestCounts(report);
      if (!service || !parsed || !pageUrl) return;
      const counts = { ok: parsed.ok, failed: parsed.failed.filter((url) => subresourceServiceFor(url, pageUrl) === service) };
      if (counts.failed.length === 0) return;
      await deps.dispatch(countEvents(service, counts, deps.now()));
    },
  };
}
