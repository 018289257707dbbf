import type { SubresourceOutcome } from '../core/health/signals.ts';
import type { OtherSitesOutcome, OtherSitesRequest } from '../core/other-sites/watch.ts';
import type { MainFrameOutcome } from '../core/health/main-frame.ts';
import browser from './browser.ts';
import { keepFirefoxTabIds } from './firefox-tab-id.ts';
import { requestPage } from './request-initiator.ts';
import { isPrerendering, isSpeculativeLoad } from './speculative-load.ts';

export interface MainFrameStart {
  readonly requestId: string;
  readonly tabId: number;
  readonly url: string;
}

export interface MainFrameListeners {
  /** A main-frame load to one of the hosts is starting (the tab still shows the page it leaves). */
  readonly onStart: (start: MainFrameStart) => void;
  /** Its response headers arrived, with their status: whatever happens next, it is not hanging. */
  readonly onAnswered: (requestId: string, statusCode: number) => void;
  /** It ended: a network error, or a response with its status. */
  readonly onOutcome: (outcome: MainFrameOutcome, requestId: string) => void;
}

/**
 * Watches main-frame loads to the given hosts. Must be called synchronously at background start-up
 * so a woken service worker hears the event that woke it.
 */
export function watchMainFrames(urls: string[], { onStart, onAnswered, onOutcome }: MainFrameListeners): void {
  const filter = { urls, types: ['main_frame' as const] };
  // Speculative loads (prefetch, prerender) are nobody's navigation: not a load of the tab, never
  // rescued, never evidence (./speculative-load.ts). Each event is judged on its own details.
  keepFirefoxTabIds(urls, (details) => {
    if (!isSpeculativeLoad(details)) onStart({ requestId: details.requestId, tabId: details.tabId, url: details.url });
  });
  browser.webRequest.onHeadersReceived.addListener((details) => {
    if (!isSpeculativeLoad(details)) onAnswered(details.requestId, details.statusCode);
    return undefined;
  }, filter);
  browser.webRequest.onErrorOccurred.addListener((details) => {
    if (!isSpeculativeLoad(details)) onOutcome({ type: 'error', tabId: details.tabId, url: details.url, error: details.error }, details.requestId);
  }, filter);
  // On completion, not on headers: navigating the tab while the error response is still committing
  // races the browser's own navigation; after completion the tab is ours to move.
  browser.webRequest.onCompleted.addListener((details) => {
    if (!isSpeculativeLoad(details)) onOutcome({ type: 'response', tabId: details.tabId, url: details.url, statusCode: details.statusCode }, details.requestId);
  }, filter);
}

const SUBRESOURCE_TYPES = ['sub_frame', 'stylesheet', 'script', 'image', 'font', 'object', 'xmlhttprequest', 'ping', 'media', 'websocket', 'other'] as const;

/**
 * Reports the requests of Kakao's pages (APIs, scripts, tiles) that FAIL, and only those: a request that
 * succeeds costs the background nothing, not even an event (a map load makes hundreds). A 5xx that the
 * page can read is counted by the page itself (Resource Timing, src/content/page-script/request-watch.ts);
 * a 5xx the browser withholds from the page ends here as an error (see withheldSubresource).
 */
export function watchSubresourceErrors(urls: string[], listener: (outcome: SubresourceOutcome) => void): void {
  browser.webRequest.onErrorOccurred.addListener(
    (details) => {
      // A page being prerendered is no page the user opened (./speculative-load.ts).
      if (isPrerendering(details as { documentLifecycle?: string })) return;
      listener({ type: 'error', tabId: details.tabId, pageUrl: requestPage(details), url: details.url, error: details.error, resource: details.type });
    },
    { urls, types: [...SUBRESOURCE_TYPES] },
  );
}

/** The requests other sites make to Kakao that can break their login, address search or map. */
const OTHER_SITES_TYPES = ['sub_frame', 'script', 'stylesheet', 'xmlhttprequest', 'image', 'other'] as const;

export interface OtherSitesListeners {
  /** A request is starting (to time it for a hang). */
  readonly onStart: (requestId: string, request: OtherSitesRequest) => void;
  /** Its response headers arrived, or it failed: it is not hanging. */
  readonly onSettled: (requestId: string) => void;
  readonly onOutcome: (outcome: OtherSitesOutcome) => void;
}

type OtherSitesDetails = { tabId: number; url: string; documentId?: string; parentDocumentId?: string } & Parameters<typeof requestPage>[0];

function otherSitesRequest(details: OtherSitesDetails): OtherSitesRequest {
  const pageUrl = requestPage(details);
  // A frame's own load has no document of its own yet: the page around it (its parent) made it.
  return { tabId: details.tabId, url: details.url, pageUrl, documentKey: details.documentId ?? details.parentDocumentId ?? pageUrl };
}

/**
 * Watches requests to the given hosts from any page. The browsers deliver them only for pages the
 * extension may access, which for other sites means the optional all-sites permission; the caller
 * still checks it holds. Called synchronously at start-up, like the other watchers.
 */
export function watchOtherSites(urls: string[], { onStart, onSettled, onOutcome }: OtherSitesListeners): () => void {
  const filter = { urls, types: [...OTHER_SITES_TYPES] };
  // Each listener is written where it is added (the benchmark counts a worker's events by the
  // function passed to `.addListener(`) and kept for removal.
  let started: (details: OtherSitesDetails & { requestId: string }) => undefined;
  let headers: (details: OtherSitesDetails & { requestId: string; statusCode: number }) => undefined;
  let failed: (details: OtherSitesDetails & { requestId: string; error: string }) => void;
  browser.webRequest.onBeforeRequest.addListener(
    // biome-ignore lint/suspicious/noAssignInExpressions: kept for removal, written where it is added (see above)
    (started = (details) => {
      onStart(details.requestId, otherSitesRequest(details));
      return undefined;
    }),
    filter,
  );
  // The status at the headers, not at completion: a script or image answered with an HTML error page
  // is then cut off by the browser's opaque-response blocking (Firefox: NS_BINDING_ABORTED after
  // these headers; Chromium blocks before them, see withheldResponse).
  browser.webRequest.onHeadersReceived.addListener(
    // biome-ignore lint/suspicious/noAssignInExpressions: kept for removal, written where it is added (see above)
    (headers = (details) => {
      onSettled(details.requestId);
      onOutcome({ type: 'response', ...otherSitesRequest(details), statusCode: details.statusCode });
      return undefined;
    }),
    filter,
  );
  browser.webRequest.onErrorOccurred.addListener(
    // biome-ignore lint/suspicious/noAssignInExpressions: kept for removal, written where it is added (see above)
    (failed = (details) => {
      onSettled(details.requestId);
      onOutcome({ type: 'error', ...otherSitesRequest(details), error: details.error });
    }),
    filter,
  );
  return () => {
    browser.webRequest.onBeforeRequest.removeListener(started);
    browser.webRequest.onHeadersReceived.removeListener(headers);
    browser.webRequest.onErrorOccurred.removeListener(failed);
  };
}
