import { isOtherSite, otherSitesTargetFor, type OtherSitesKind } from '../catalog/other-sites.ts';
import type { ServiceId } from '../catalog/index.ts';
import type { FailureCause } from '../health/cause.ts';
import { classifyNetworkError, classifyStatus } from '../health/classify.ts';
import type { HealthEvent, NetworkStatus } from '../health/types.ts';
import { isWithheldResponse } from '../health/signals.ts';
import { isServerAddress } from '../health/trust.ts';

/** A request another site made, as the platform layer reports it. */
export interface OtherSitesRequest {
  readonly tabId: number;
  readonly url: string;
  /** The page that made it. */
  readonly pageUrl: string;
  /** The browser's id of the document that made it (webRequest documentId), or the page's address where there is none. */
  readonly documentKey: string;
}

/** How such a request ended. */
export type OtherSitesOutcome =
  | (OtherSitesRequest & { readonly type: 'error'; readonly error: string })
  | (OtherSitesRequest & { readonly type: 'response'; readonly statusCode: number })
  /** No response within the hang limit (a script the page waits for). */
  | (OtherSitesRequest & { readonly type: 'hang' })
  /** A response the browser withheld from the page (see withheldResponse), checked by asking the server directly. */
  | (OtherSitesRequest & { readonly type: 'checked'; readonly ok: boolean; readonly cause?: FailureCause });

export interface OtherSitesSignal {
  readonly kind: OtherSitesKind;
  readonly tabId: number;
  readonly documentKey: string;
  readonly ok: boolean;
  /** Why it failed; absent when ok. */
  readonly cause?: FailureCause;
  readonly service?: ServiceId;
}

/**
 * Whether a request is one another site made to Kakao's login, SDK, postcode or map servers, and how
 * it went. Kakao's own pages, the extension (no tab), unwatched addresses and requests the user or
 * the browser called off say nothing.
 */
export function otherSitesSignal(outcome: OtherSitesOutcome): OtherSitesSignal | undefined {
  if (outcome.tabId < 0 || !isOtherSite(outcome.pageUrl)) return undefined;
  // A request to https://dapi.kakao.com:80/ fails by design: only Kakao's own port is Kakao's answer.
  if (!isServerAddress(outcome.url)) return undefined;
  const target = otherSitesTargetFor(outcome.url);
  if (!target) return undefined;
  const base = { kind: target.kind, tabId: outcome.tabId, documentKey: outcome.documentKey, ...(target.service ? { service: target.service } : {}) };
  if (outcome.type === 'hang') return { ...base, ok: false, cause: { kind: 'timeout' } };
  if (outcome.type === 'checked') return outcome.ok ? { ...base, ok: true } : { ...base, ok: false, cause: outcome.cause ?? { kind: 'network' } };
  const cause = outcome.type === 'error' ? classifyNetworkError(outcome.error) : classifyStatus(outcome.statusCode);
  if (outcome.type === 'error' && !cause) return undefined;
  return cause ? { ...base, ok: false, cause } : { ...base, ok: true };
}

/** The kind of a watched request from another site whose response the browser withheld unread; undefined otherwise. */
export function withheldResponse(outcome: OtherSitesOutcome): OtherSitesKind | undefined {
  if (outcome.type !== 'error' || !isWithheldResponse(outcome.error) || outcome.tabId < 0 || !isOtherSite(outcome.pageUrl)) return undefined;
  return otherSitesTargetFor(outcome.url)?.kind;
}

/** Whether a request is worth timing for a hang: one another site made to a watched address. */
export function isWatchedRequest({ tabId, url, pageUrl }: OtherSitesRequest): boolean {
  return tabId >= 0 && isOtherSite(pageUrl) && otherSitesTargetFor(url) !== undefined;
}

export interface NoticeContext {
  /** Detour's master switch. */
  readonly enabled: boolean;
  /** navigator.onLine === false. */
  readonly browserOffline: boolean;
  /** The health engine's view of the user's own connection. */
  readonly network: NetworkStatus;
}

/**
 * Whether a failure calls for the notice on the site. Never while the user's own connection looks
 * down (by the error itself, the browser's word or the health engine's): Kakao is not blamed for it.
 */
export function callsForNotice(signal: OtherSitesSignal, context: NoticeContext): boolean {
  if (signal.ok || !context.enabled) return false;
  if (signal.cause?.kind === 'offline' || context.browserOffline || context.network === 'offline') return false;
  return true;
}

/**
 * What the signal tells the health engine: a request to a catalogued service's servers that worked
 * or failed. An offline error is the user's network, not evidence about Kakao.
 */
export function otherSitesHealthEvent(signal: OtherSitesSignal, at: number): HealthEvent | undefined {
  if (!signal.service || signal.cause?.kind === 'offline') return undefined;
  return { type: 'subresource', service: signal.service, ok: signal.ok, at };
}

/** At most this many tabs are remembered; the oldest is forgotten first. */
const MAX_TABS = 100;

/**
 * Which notice each tab's page was last given, so that a map losing fifty tiles gets one notice, not
 * fifty. Keyed by the document that made the requests: a new page in the tab (another address, a
 * reload) is another document and gets its own notice, without watching every navigation. In
 * memory: a lost entry costs one repeated notice, which the page's banner ignores anyway.
 */
export function createNoticeMemory() {
  const shown = new Map<number, { readonly kind: OtherSitesKind; readonly documentKey: string }>();
  const has = (tabId: number, kind: OtherSitesKind, documentKey: string): boolean => {
    const last = shown.get(tabId);
    return last?.kind === kind && last.documentKey === documentKey;
  };
  return {
    has,
    /** True when this page of the tab has not been given this notice yet; remembers it. */
    take(tabId: number, kind: OtherSitesKind, documentKey: string): boolean {
      if (has(tabId, kind, documentKey)) return false;
      shown.delete(tabId);
      shown.set(tabId, { kind, documentKey });
      if (shown.size > MAX_TABS) shown.delete(shown.keys().next().value as number);
      return true;
    },
    /** Every tab that was given a notice, forgetting them all (the permission was taken back). */
    drain(): number[] {
      const tabs = [...shown.keys()];
      shown.clear();
      return tabs;
    },
  };
}
