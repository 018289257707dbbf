import type { SubresourceOutcome } from '../../core/health/signals.ts';
import type { ProbeResult } from '../../platform/probe.ts';

/** How long the look at the server may take: it has just answered the page. */
const CHECK_TIMEOUT_MS = 3000;
/**
 * How long one look speaks for its host. Leaving a map page mid-load aborts its tiles (Firefox reports
 * those like a withheld response): the first costs one request, the rest within this time none.
 */
export const WITHHELD_REUSE_MS = 30_000;

/**
 * Settles a sub-resource whose response the browser withheld unread (see withheldSubresource) by
 * asking the server once: its status, or its silence, stands in for what the page got. One look per
 * host at a time, reused for a while: a map losing fifty tiles at once costs one request, and each of
 * the fifty counts.
 */
export function createWithheldCheck(probe: (url: string, timeoutMs: number) => Promise<ProbeResult>, now: () => number = Date.now) {
  const looks = new Map<string, { at: number; result: Promise<ProbeResult> }>();

  return async function settle(outcome: SubresourceOutcome): Promise<SubresourceOutcome> {
    const host = new URL(outcome.url).host;
    let look = looks.get(host);
    if (!look || now() - look.at > WITHHELD_REUSE_MS || now() < look.at) {
      look = { at: now(), result: probe(outcome.url, CHECK_TIMEOUT_MS) };
      looks.set(host, look);
      if (looks.size > 50) looks.delete(looks.keys().next().value as string);
    }
    const result = await look.result;
    const { tabId, pageUrl, url } = outcome;
    // Any answer below 500 (even a 404) is the server working: reported as a plain success.
    if (result.ok) return { type: 'response', tabId, pageUrl, url, statusCode: 200 };
    if (result.cause?.kind === 'http') return { type: 'response', tabId, pageUrl, url, statusCode: result.cause.status };
    return { type: 'error', tabId, pageUrl, url, error: 'net::ERR_CONNECTION_FAILED' };
  };
}
