// Runs on place.map.kakao.com only. Reads, as text, what a healthy place page says about the place
// (title, og:title, links into KakaoMap) and hands it to the background for the local place cache.
import type { PageFacts } from '../core/places/extract.ts';
import { send } from '../platform/messaging.ts';

const MAX_HREFS = 50;

function readFacts(): PageFacts {
  const links = document.querySelectorAll<HTMLAnchorElement>('a[href*="map.kakao.com"], a[href*="map.daum.net"]');
  const hrefs = Array.from(links, (link) => link.href).slice(0, MAX_HREFS);
  const ogTitle = document.querySelector('meta[property="og:title"]')?.getAttribute('content') ?? undefined;
  return ogTitle === undefined ? { url: location.href, title: document.title, hrefs } : { url: location.href, title: document.title, ogTitle, hrefs };
}

function report(): void {
  send('place/seen', readFacts()).catch(() => undefined);
}

// Place pages render their details after load: report now, and once more when the page has settled.
report();
setTimeout(report, 3000);
