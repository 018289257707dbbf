import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BANNER_HOST, clickBannerButton, hasBanner, readBanner } from './harness/banner-view.ts';
import { BROWSERS, startRig, type Rig, type Tab } from './harness/index.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const enc = encodeURIComponent;

const QUERY = '판교역';
const MAP_URL = `https://map.kakao.com/?q=${enc(QUERY)}`;
const NAVER_SEARCH = `https://map.naver.com/p/search/${enc(QUERY)}`;

/** A KakaoMap page whose API calls (dapi.kakao.com) all fail after it loaded, as in a partial outage. */
const MAP_PAGE_WITH_FAILING_API = `<!doctype html><html><head><meta charset="utf-8"><title>카카오맵</title></head><body><h1 id="top">지도</h1>
<script>for (let i = 0; i < 8; i++) fetch('https://dapi.kakao.com/api?i=' + i).then((r) => r.text()).catch(() => {});</script></body></html>`;

const MAINTENANCE_PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>서비스 점검 안내 | 다음뉴스</title></head>
<body><h1>서비스 점검 중입니다</h1><p>보다 나은 서비스를 위해 시스템 점검을 하고 있습니다. 이용에 불편을 드려 죄송합니다.</p></body></html>`;

describe.each(BROWSERS)('in-page banner in %s', (browserName) => {
  let rig: Rig;
  beforeAll(async () => {
    rig = await startRig(browserName);
  });
  afterAll(async () => {
    await rig?.close();
  });
  beforeEach(() => {
    rig.server.clearRules();
  });

  async function openDegradedMap(): Promise<Tab> {
    rig.server.setRule('map.kakao.com', { kind: 'page', html: MAP_PAGE_WITH_FAILING_API });
    rig.server.setRule('dapi.kakao.com', { kind: 'status', status: 503 });
    const tab = await rig.browser.newTab();
    await tab.goto(MAP_URL);
    await expect.poll(() => tab.evaluate<string>('document.readyState')).toBe('complete');
    return tab;
  }

  it('leaves a healthy Kakao page alone', async () => {
    const tab = await rig.browser.newTab();
    await tab.goto(MAP_URL);
    // Past the content script's second look at the page (3 s after load).
    await sleep(3500);
    expect(await hasBanner(tab)).toBe(false);
    await tab.close();
  });

  it('lays the banner over a page whose API calls start failing, without navigating or moving the page', async () => {
    const tab = await openDegradedMap();
    const headingTop = await tab.evaluate<number>(`document.getElementById('top').getBoundingClientRect().top`);
    await expect.poll(() => hasBanner(tab), { timeout: 10_000 }).toBe(true);
    expect(await tab.url()).toBe(MAP_URL);

    // What the page can see: one host element of ours, fixed over the top, and nothing else.
    expect(await tab.evaluate<number>(`document.querySelectorAll('${BANNER_HOST}').length`)).toBe(1);
    expect(await tab.evaluate<boolean>(`document.querySelector('${BANNER_HOST}').parentElement === document.documentElement`)).toBe(true);
    expect(await tab.evaluate<string>(`getComputedStyle(document.querySelector('${BANNER_HOST}')).position`)).toBe('fixed');
    expect(await tab.evaluate<unknown>(`document.querySelector('${BANNER_HOST}').shadowRoot`)).toBeNull();
    // No name a page could look Detour up by (issue 12, finding 8): no id, no class, no attribute at all.
    expect(await tab.evaluate<number>(`document.querySelector('${BANNER_HOST}').attributes.length`)).toBe(0);
    expect(await tab.evaluate<number>(`document.getElementById('top').getBoundingClientRect().top`)).toBe(headingTop);
    expect(await tab.evaluate<string>(`document.documentElement.getAttribute('style') ?? ''`)).toBe('');

    const banner = await readBanner(tab);
    expect(banner).not.toBeNull();
    expect(banner!.region).toBe('카카오맵 일부 기능이 지금 작동하지 않습니다');
    expect(banner!.texts).toContain('다른 서비스에서 이어 가기');
    expect(banner!.buttons).toEqual(['브라우저를 닫을 때까지 숨기기', '닫기']);
    // A slim bar along the bottom: the page's own search box and menus at the top stay uncovered.
    const box = await tab.evaluate<{ top: number; height: number; viewport: number }>(
      `(() => { const r = document.querySelector('${BANNER_HOST}').getBoundingClientRect(); return { top: r.top, height: r.height, viewport: innerHeight }; })()`,
    );
    expect(box.top + box.height).toBeCloseTo(box.viewport, 0);
    expect(box.height).toBeLessThan(box.viewport / 4);
    // Its targets are at least 44 px, and its first alternative is the one filled button.
    const targets = await tab.inShadow<Array<{ h: number; w: number; bg: string }>>(
      BANNER_HOST,
      `(root) => [...root.querySelectorAll('a, button')].map((node) => { const r = node.getBoundingClientRect(); return { h: r.height, w: r.width, bg: getComputedStyle(node).backgroundColor }; })`,
    );
    for (const target of targets!) expect(Math.min(target.h, target.w)).toBeGreaterThanOrEqual(44);
    expect(targets![0]!.bg).not.toBe(targets![1]!.bg);
    // The first alternative carries the page's search over, labelled as on the fallback page.
    expect(banner!.links[0]).toEqual({ text: `네이버 지도‘${QUERY}’ 검색`, href: NAVER_SEARCH, rel: 'noreferrer' });
    expect(banner!.links.length).toBeGreaterThanOrEqual(2);
    for (const link of banner!.links) expect(link.href).toMatch(/^https:\/\//);
    await tab.close();
  });

  it('is reachable from the keyboard, and its first link opens the alternative with the intent', async () => {
    const tab = await openDegradedMap();
    await expect.poll(() => hasBanner(tab), { timeout: 10_000 }).toBe(true);
    await tab.press('Tab');
    expect((await readBanner(tab))?.focused).toContain('네이버 지도');
    await tab.press('Enter');
    expect(await tab.waitForUrl((url) => url.startsWith('https://map.naver.com/'), 10_000)).toBe(NAVER_SEARCH);
    await tab.close();
  });

  it('closes with Escape, and with 닫기 for the rest of the page', async () => {
    const tab = await openDegradedMap();
    await expect.poll(() => hasBanner(tab), { timeout: 10_000 }).toBe(true);
    await tab.press('Tab');
    await tab.press('Escape');
    await expect.poll(() => hasBanner(tab)).toBe(false);

    await tab.goto(MAP_URL);
    await expect.poll(() => hasBanner(tab), { timeout: 10_000 }).toBe(true);
    expect(await clickBannerButton(tab, '닫기')).toBe(true);
    await expect.poll(() => hasBanner(tab)).toBe(false);
    // The content script's second look at the page must not bring it back.
    await sleep(3500);
    expect(await hasBanner(tab)).toBe(false);
    await tab.close();
  });

  it('lays the banner over a page whose scripts are answered with an HTML 5xx page (which Chromium withholds unread)', async () => {
    const scripts = Array.from({ length: 8 }, (_, i) => `<script src="https://dapi.kakao.com/v2/maps/sdk.js?part=${i}"></script>`).join('');
    rig.server.setRule('map.kakao.com', { kind: 'page', html: `<!doctype html><html><head><meta charset="utf-8"><title>카카오맵</title>${scripts}</head><body><h1>지도</h1></body></html>` });
    rig.server.setRule('dapi.kakao.com', { kind: 'status', status: 503 });
    const tab = await rig.browser.newTab();
    await tab.goto(MAP_URL);
    await expect.poll(() => hasBanner(tab), { timeout: 10_000 }).toBe(true);
    expect((await readBanner(tab))?.region).toBe('카카오맵 일부 기능이 지금 작동하지 않습니다');
    await tab.close();
  });

  it("says so on Kakao's own maintenance page served with 200", async () => {
    rig.server.setRule('news.daum.net', { kind: 'page', html: MAINTENANCE_PAGE });
    const tab = await rig.browser.newTab();
    await tab.goto('https://news.daum.net/');
    await expect.poll(() => hasBanner(tab), { timeout: 10_000 }).toBe(true);
    expect((await readBanner(tab))?.region).toBe('Daum 뉴스가 점검 중이거나 오류 페이지를 보여 주고 있습니다');
    await tab.close();
  });

  it('shows nothing on another service that is healthy', async () => {
    const tab = await rig.browser.newTab();
    await tab.goto('https://search.daum.net/search?q=healthy');
    await sleep(3500);
    expect(await hasBanner(tab)).toBe(false);
    await tab.close();
  });

  // Last for KakaoMap: the snooze holds for the rest of the browser session.
  it('stays hidden for the session once snoozed, across reloads', async () => {
    const tab = await openDegradedMap();
    await expect.poll(() => hasBanner(tab), { timeout: 10_000 }).toBe(true);
    expect(await clickBannerButton(tab, '브라우저를 닫을 때까지 숨기기')).toBe(true);
    await expect.poll(() => hasBanner(tab)).toBe(false);
    await sleep(300);
    const before = rig.server.requestsTo('dapi.kakao.com').length;
    await tab.goto(MAP_URL);
    // The API calls fail again on this load: the service is still degraded, and still snoozed.
    await expect.poll(() => rig.server.requestsTo('dapi.kakao.com').length).toBeGreaterThanOrEqual(before + 8);
    await sleep(4000);
    expect(await hasBanner(tab)).toBe(false);
    await tab.close();
  });
});
