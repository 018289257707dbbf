import type { SubresourceOutcome } from '../core/health/signals.ts';
import type { ProbeResult } from '../platform/probe.ts';

/** How long the look at the server may take: it has just answered the page. */
const CHECK_TIMEOUT_MS = 3000;

/**
 * Settles a sub-resource whose response the browser withheld unread (see withheldSubresource) by
 * asking the server once: its status, or its silence, stands in for what the page got. One look per
 * host at a time: a map losing fifty tiles at once costs one request, and each of the fifty counts.
 */
export function createWithheldCheck(probe: (url: string, timeoutMs: number) => Promise<ProbeResult>) {
  const inFlight = new Map<string, Promise<ProbeResult>>();

  return async function settle(outcome: SubresourceOutcome): Promise<SubresourceOutcome> {
    const host = new URL(outcome.url).host;
    let pending = inFlight.get(host);
    if (!pending) {
      pending = probe(outcome.url, CHECK_TIMEOUT_MS).finally(() => inFlight.delete(host));
      inFlight.set(host, pending);
    }
    const result = await pending;
    const { tabId, pageUrl, url } = outcome;
    // Any answer below 500 (even a 404) is the server working: reported as a plain success.
    if (result.ok) return { type: 'response', tabId, pageUrl, url, statusCode: 200 };
    if (result.cause?.kind === 'http') return { type: 'response', tabId, pageUrl, url, statusCode: result.cause.status };
    return { type: 'error', tabId, pageUrl, url, error: 'net::ERR_CONNECTION_FAILED' };
  };
}
