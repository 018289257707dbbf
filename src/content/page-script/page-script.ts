// Declared for Kakao's own pages only (the catalogue's service hosts; see vite.config.ts), run once the
// page is idle. It stays silent on a healthy page of a healthy service: it tells the background about a
// page only when the page reads like Kakao's maintenance or error page, when the page's service is
// listed as not up (then the page may need a banner, and a healthy page clears a maintenance verdict),
// or on a place page (the place cache). It also counts, inside the page, how its requests to Kakao end
// (./request-watch.ts), so no healthy request costs the background an event. The page itself is never
// changed: when the background says the page is broken, a banner of our own is laid over it.
import type { BannerOrder } from '../../core/page-script/banner.ts';
import { classifyErrorPage } from '../../core/health/error-page.ts';
import { hostListed, hostsNotUp, parseFailedElsewhere, shouldReportPage } from '../../core/page-script/report.ts';
import type { PageFacts } from '../../core/places/extract.ts';
import { onExtensionMessage, onExtensionRequest, send } from '../../platform/messaging.ts';
import { readLocal } from '../../platform/storage.ts';
import { showBanner } from '../banner.ts';
import { watchRequests } from './request-watch.ts';
import { PAGE_STATUS_KEY } from '../../core/storage-keys.ts';

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
  const ogTitle = document.querySelector('meta[property="og:title"]')?.getAttribute('content');
  return { ...facts, ...(typeof status === 'number' && status > 0 ? { status } : {}), ...(ogTitle ? { ogTitle } : {}) };
}

function show(order: BannerOrder | null | undefined): void {
  if (!order) return;
  showBanner(order, () => {
    send('banner/snooze', { service: order.service }).catch(() => undefined);
  });
}

let reported = false;

async function consider(): Promise<void> {
  if (reported) return;
  const facts = readFacts();
  const stored = await readLocal([PAGE_STATUS_KEY]).then(
    (found) => found[PAGE_STATUS_KEY],
    () => undefined,
  );
  const situation = {
    serviceNotUp: hostListed(location.hostname, hostsNotUp(stored)),
    looksLikeErrorPage: classifyErrorPage({ title: facts.title, heading: facts.heading ?? '', body: facts.bodyText ?? '' }) !== undefined,
    placePage: location.hostname === 'place.map.kakao.com',
  };
  if (!shouldReportPage(situation)) return;
  reported = true;
  show(await send('page/seen', facts).catch(() => null));
}

/** Set in this script's own world: a second injection into the same document only reads the page again. */
const INJECTED = Symbol.for('detour.page-script');
const scope = globalThis as { [INJECTED]?: { consider: () => Promise<void> } };

if (!scope[INJECTED]) {
  scope[INJECTED] = { consider };
  const requests = watchRequests(() => {
    send('page/requests', requests.counts()).catch(() => undefined);
  });
  // The service may turn degraded after the page loaded (its API calls start failing): the background says so.
  onExtensionMessage('banner/show', show);
  // The background saw requests of this page fail and asks how many others answered.
  onExtensionRequest('page/count', (failed) => requests.counts(parseFailedElsewhere(failed)));
  // Kakao's pages render much of their content after load: look now, and once more when settled.
  setTimeout(() => void consider(), 3000);
  void consider();
} else {
  // Injected again by the background (a page that must show a banner now): read the page again.
  reported = false;
  void scope[INJECTED].consider();
}
