import type { Rig } from './index.ts';
import { poll, type Tab } from './types.ts';

/** A Daum search page whose own API calls (CORS requests, as Kakao's pages make them) all fail, as in a partial outage. */
export const PAGE_WITH_FAILING_API = `<!doctype html><html><head><meta charset="utf-8"><title>다음 검색</title></head><body><h1>검색</h1>
<script>for (let i = 0; i < 8; i++) fetch('https://search1.kakaocdn.net/api?i=' + i).then((r) => r.text()).catch(() => {});</script></body></html>`;

/** Opens that page at search.daum.net (its API answering 503) and waits until all 8 calls have failed. */
export async function openDegradedDaumSearch(rig: Rig, query: string): Promise<Tab> {
  rig.server.setRule('search.daum.net', { kind: 'page', html: PAGE_WITH_FAILING_API });
  rig.server.setRule('search1.kakaocdn.net', { kind: 'status', status: 503 });
  const before = rig.server.requestsTo('search1.kakaocdn.net').length;
  const tab = await rig.browser.newTab();
  await tab.goto(`https://search.daum.net/search?q=${encodeURIComponent(query)}`);
  await poll(
    async () => rig.server.requestsTo('search1.kakaocdn.net').length - before,
    (count) => count >= 8,
    10_000,
    'the page to call its API',
  );
  return tab;
}
