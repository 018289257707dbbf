/**
 * Chromium quirk: a page's speculative loads reach webRequest as `main_frame` requests carrying the
 * page's own tab id, so they look like that tab's navigation. Nobody navigated: a page that only
 * declares speculation rules for a failing Kakao address must not move the visitor's tab, nor count as
 * evidence. Measured in Chromium 156 (speculation rules and `<link rel=prefetch>`):
 * - a prefetch, and the prefetch that starts a prerender (`Sec-Purpose: prefetch` /
 *   `prefetch;prerender`), arrive in frame 0 with the `documentId` of the page that asked for them.
 *   A real navigation's request has no document yet: no `documentId`;
 * - a prerender's own navigation arrives in a frame of its own (frameId > 0, the prerendered page's
 *   outermost frame) with `documentLifecycle: 'prerender'`.
 * When the user then follows the link, a prerendered or prefetched page is shown without a request;
 * one that failed is not used, and the browser makes a real navigation, which Detour sees as usual.
 * Firefox 153 has no speculation rules, and its `<link rel=prefetch>` is no `main_frame` request.
 * See https://developer.chrome.com/docs/extensions/reference/api/webRequest (documentId,
 * documentLifecycle, frameType) and https://developer.chrome.com/docs/web-platform/prerender-pages.
 * Can go when Chromium stops reporting speculative loads as the tab's main frame.
 */
export interface RequestFrame {
  readonly frameId?: number;
  readonly documentId?: string;
  readonly documentLifecycle?: string;
}

/** A request of a page being prerendered (its own main frame or its sub-resources): no page the user opened. */
export function isPrerendering(details: Pick<RequestFrame, 'documentLifecycle'>): boolean {
  return details.documentLifecycle === 'prerender';
}

export function isSpeculativeLoad(details: RequestFrame): boolean {
  return details.documentId !== undefined || isPrerendering(details) || (details.frameId !== undefined && details.frameId !== 0);
}
