import { outcomeCause, type MainFrameOutcome } from './main-frame.ts';
import { evidenceServiceForUrl, intentServiceForUrl, subresourceServiceFor } from './trust.ts';
import { classifyNetworkError, classifyStatus } from './classify.ts';
import type { HealthEvent } from './types.ts';
import type { ServiceId } from '../catalog/index.ts';

/**
 * What a finished main-frame load tells the health engine. Aborted and replaced loads tell it
 * nothing; anything that got a non-5xx answer says the service is answering.
 */
export function mainFrameEvent(outcome: MainFrameOutcome, at: number): HealthEvent | undefined {
  if (outcome.tabId < 0) return undefined;
  const service = evidenceServiceForUrl(outcome.url);
  if (!service) return undefined;
  const cause = outcomeCause(outcome);
  if (outcome.type === 'hang') return { type: 'hang', service, url: outcome.url, waitedMs: outcome.waitedMs, at };
  if (cause) return { type: 'main-frame-failure', service, cause, url: outcome.url, at };
  return outcome.type === 'response' ? { type: 'main-frame-ok', service, url: outcome.url, at } : undefined;
}

/**
 * The service whose own probe should be asked about a failed load that is no evidence itself (plain
 * http, another port, a name only a wildcard matches): at most a reason to ask Kakao's server, which
 * then speaks for itself. Undefined for evidence (mainFrameEvent carries it) and for non-failures.
 */
export function serviceToAsk(outcome: MainFrameOutcome): ServiceId | undefined {
  // Evidence is mainFrameEvent's to carry; this is for the failures it leaves out.
  if (outcome.tabId < 0 || evidenceServiceForUrl(outcome.url) !== undefined) return undefined;
  const cause = outcomeCause(outcome);
  if (!cause || cause.kind === 'offline') return undefined;
  return intentServiceForUrl(outcome.url);
}

/** A sub-resource (XHR, script, tile, API call) of a page, as the platform layer reports it. */
export type SubresourceOutcome =
  | { readonly type: 'error'; readonly tabId: number; readonly pageUrl: string; readonly url: string; readonly error: string; readonly resource?: string }
  | { readonly type: 'response'; readonly tabId: number; readonly pageUrl: string; readonly url: string; readonly statusCode: number };

/**
 * Chromium's Opaque Response Blocking: a script or image answered with something else (an HTML error
 * page, as a server in trouble sends with its 503) is withheld from the page, and the extension sees
 * only this error, without the status. Whether that was an outage takes a look at the server itself.
 */
const WITHHELD = /^net::ERR_BLOCKED_BY_ORB$/;
/**
 * Firefox delivers such a response's headers and then aborts it (NS_BINDING_ABORTED), the same error a
 * request gets when the user leaves the page. Without a listener on every response's headers (which
 * cost an event per healthy request) the two look alike, so for the kinds of request the browser
 * withholds, the server is asked once (per host, and rarely: see background/health/withheld.ts).
 */
const ABORTED = /^NS_BINDING_ABORTED$/;
const WITHHELD_KINDS = new Set(['script', 'image', 'stylesheet', 'font', 'media', 'xmlhttprequest', 'other']);

export function isWithheldResponse(error: string, resource?: string): boolean {
  const code = error.trim();
  return WITHHELD.test(code) || (ABORTED.test(code) && resource !== undefined && WITHHELD_KINDS.has(resource));
}

/** A sub-resource of a Kakao page whose response the browser withheld unread: the request to check with the server. */
export function withheldSubresource(outcome: SubresourceOutcome): boolean {
  return outcome.type === 'error' && outcome.tabId >= 0 && isWithheldResponse(outcome.error, outcome.resource) && subresourceServiceFor(outcome.url, outcome.pageUrl) !== undefined;
}

/**
 * What a sub-resource tells about the service whose page loaded it. The extension's own probes (no
 * tab), requests from pages Kakao did not write (a blog's own script), and requests anywhere but the
 * service's own hosts over https on port 443 say nothing (src/core/health/trust.ts); neither do aborted ones.
 */
export function subresourceEvent(outcome: SubresourceOutcome, at: number): HealthEvent | undefined {
  if (outcome.tabId < 0) return undefined;
  const service = subresourceServiceFor(outcome.url, outcome.pageUrl);
  if (!service) return undefined;
  if (outcome.type === 'error') {
    return classifyNetworkError(outcome.error) ? { type: 'subresource', service, ok: false, at } : undefined;
  }
  return { type: 'subresource', service, ok: classifyStatus(outcome.statusCode) === undefined, at };
}
