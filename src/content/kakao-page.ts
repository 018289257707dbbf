// Injected by the background into Kakao's own pages only (the catalogue's hosts), once a page has
// finished loading (src/core/page-script.ts says why). Reads, as text, what the page shows: enough
// to recognise Kakao's maintenance and error pages served with 200, and on place pages the place's
// name and coordinates for the local place cache. The page itself is never changed: when the
// background says the page is broken, a banner of our own is laid over it (./banner.ts).
import type { BannerOrder } from '../core/banner.ts';
import type { PageFacts } from '../core/places/extract.ts';
import { onExtensionMessage, send } from '../platform/messaging.ts';
import { showBanner } from './banner.ts';

const MAX_HREFS = 50;
const MAX_TEXT = 500;

function readFacts(): PageFacts {
  const onPlacePage = location.hostname === 'place.map.kakao.com';
  const links = onPlacePage ? document.querySelectorAll<HTMLAnchorElement>('a[href*="map.kakao.com"], a[href*="map.daum.net"]') : [];
  const facts: PageFacts = {
    url: location.href,
    title: document.title,
    heading: document.querySelector('h1, h2')?.textContent?.trim().slice(0, MAX_TEXT) ?? '',
    // biome-ignore lint/performance/useDomNodeTextContent: the text a reader sees (no script or style source) is what an error page says
    bodyText: (document.body?.innerText ?? '').slice(0, MAX_TEXT),
    hrefs: Array.from(links, (link) => link.href).slice(0, MAX_HREFS),
  };
  // The page's own HTTP status, where the browser tells it (Chromium 109+, Firefox 130+): a 5xx body
  // ("503") is no healthy page and no place's name.
  const status = (performance.getEntriesByType('navigation')[0] as { responseStatus?: number } | undefined)?.responseStatus;
  if (typeof status === 'number' && status > 0) return withOg({ ...facts, status });
  return withOg(facts);
}

function withOg(facts: PageFacts): PageFacts {
  const ogTitle = document.querySelector('meta[property="og:title"]')?.getAttribute('content');
  return ogTitle ? { ...facts, ogTitle } : facts;
}

function show(order: BannerOrder | null | undefined): void {
  if (!order) return;
  showBanner(order, () => {
    send('banner/snooze', { service: order.service }).catch(() => undefined);
  });
}

function report(): void {
  send('page/seen', readFacts()).then(show, () => undefined);
}

/** Set in this script's own world: a second injection into the same document only reads the page again. */
const INJECTED = Symbol.for('detour.page-script');
const scope = globalThis as { [INJECTED]?: true };

if (!scope[INJECTED]) {
  scope[INJECTED] = true;
  // The service may turn degraded after the page loaded (its API calls start failing): the background says so.
  onExtensionMessage('banner/show', show);
  // Kakao's pages render much of their content after load: report now, and once more when settled.
  setTimeout(report, 3000);
}
report();
