// Runs on Kakao's own pages only (the catalogue's hosts). Reads, as text, what the page shows: enough
// to recognise Kakao's maintenance and error pages served with 200, and on place pages the place's
// name and coordinates for the local place cache. Nothing is changed on the page.
import type { PageFacts } from '../core/places/extract.ts';
import { send } from '../platform/messaging.ts';

const MAX_HREFS = 50;
const MAX_TEXT = 500;

function readFacts(): PageFacts {
  const onPlacePage = location.hostname === 'place.map.kakao.com';
  const links = onPlacePage ? document.querySelectorAll<HTMLAnchorElement>('a[href*="map.kakao.com"], a[href*="map.daum.net"]') : [];
  const facts: PageFacts = {
    url: location.href,
    title: document.title,
    heading: document.querySelector('h1, h2')?.textContent?.trim().slice(0, MAX_TEXT) ?? '',
    bodyText: (document.body?.innerText ?? '').slice(0, MAX_TEXT),
    hrefs: Array.from(links, (link) => link.href).slice(0, MAX_HREFS),
  };
  const ogTitle = document.querySelector('meta[property="og:title"]')?.getAttribute('content');
  return ogTitle ? { ...facts, ogTitle } : facts;
}

function report(): void {
  send('page/seen', readFacts()).catch(() => undefined);
}

// Kakao's pages render much of their content after load: report now, and once more when settled.
report();
setTimeout(report, 3000);
