import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { hasBanner } from './harness/banner-view.ts';
import { BROWSERS, detourMessage, startRig, type Rig, type Tab } from './harness/index.ts';

// Issue 12: nothing but Kakao's own servers can make Detour say Kakao is down. Each case is what an
// attacker tried on the old build (findings 1-3); each ended with a healthy Kakao page replaced.

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const FALLBACK = 'src/ui/fallback/index.html';
const OPTIONS = 'src/ui/options/index.html';

/** Anyone can write a blog post like this one: a title and a heading are all it takes. */
const BLOG_MAINTENANCE = `<!doctype html><html><head><meta charset="utf-8"><title>서비스 점검 중</title></head>
<body><h1>서비스 점검 중입니다</h1><p>보다 나은 서비스를 위해 시스템 점검을 하고 있습니다. 이용에 불편을 드려 죄송합니다.</p></body></html>`;

/** A blog whose script asks other blogs on port 80 (nothing listens there): ten failed requests. */
const BLOG_FETCHING_PORT_80 = `<!doctype html><html><head><meta charset="utf-8"><title>내 블로그</title></head><body><h1 id="top">일기</h1>
<script>for (let i = 0; i < 10; i++) fetch('https://x' + i + '.tistory.com:80/', { mode: 'no-cors' }).catch(() => {});</script></body></html>`;

interface Health {
  readonly status: string;
  readonly confirmed: boolean;
}

describe.each(BROWSERS)('trust boundary in %s', (browserName) => {
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

  const isFallback = (url: string) => url.startsWith(rig.browser.extensionOrigin + FALLBACK);

  /** What Detour believes about a service, read as its own pages read it. */
  async function health(service: string): Promise<Health> {
    const page = await rig.browser.newTab();
    await page.goto(rig.browser.extensionOrigin + OPTIONS);
    await page.waitForUrl((url) => url.startsWith(rig.browser.extensionOrigin));
    const answer = await page.evaluate<Health>(detourMessage('health/get', null, `(view) => ({ status: view.state.services[${JSON.stringify(service)}].status, confirmed: view.state.services[${JSON.stringify(service)}].confirmed })`));
    await page.close();
    return answer;
  }

  /** Loads the page and waits past the page script's look at it (injected after load, second look at 3 s). */
  async function openAndRead(url: string): Promise<Tab> {
    const tab = await rig.browser.newTab();
    await tab.goto(url);
    await expect.poll(() => tab.evaluate<string>('document.readyState'), { timeout: 10_000 }).toBe('complete');
    await sleep(4000);
    return tab;
  }

  /** A healthy Kakao page opens as itself: neither replaced by the fallback page nor by anything else. */
  async function expectOpensAsItself(url: string, host: string): Promise<void> {
    const tab = await rig.browser.newTab();
    await tab.goto(url);
    await sleep(1500);
    expect(isFallback(await tab.url()), `${url} was replaced by the fallback page`).toBe(false);
    expect(await tab.attribute('h1', 'data-host')).toBe(host);
    await tab.close();
  }

  it('finding 1: a blog titled "서비스 점검 중" does not take Tistory down, nor confirm anything', async () => {
    rig.server.setRule('detour-test.tistory.com', { kind: 'page', html: BLOG_MAINTENANCE });
    const blog = await openAndRead('https://detour-test.tistory.com/1');
    expect(await hasBanner(blog)).toBe(false);
    await blog.close();
    // On the old build: Tistory down and confirmed at once, and www.tistory.com replaced from then on.
    expect(await health('tistory')).not.toMatchObject({ status: 'down' });
    await expectOpensAsItself('https://www.tistory.com/', 'www.tistory.com');
  });

  it('finding 2: links to Kakao hosts on other ports fail alone, and the healthy service is not replaced', async () => {
    const tab = await rig.browser.newTab();
    for (const port of [80, 81]) {
      await tab.goto(`https://map.kakao.com:${port}/?q=%ED%8C%90%EA%B5%90%EC%97%AD`);
      await sleep(2000);
      // The browser's own error page: this was never Kakao's server.
      expect(isFallback(await tab.url()), `port ${port} was rescued as a Kakao failure`).toBe(false);
    }
    await tab.close();
    expect((await health('kakaomap')).status).not.toBe('down');
    await expectOpensAsItself('https://map.kakao.com/?q=%ED%8C%90%EA%B5%90%EC%97%AD', 'map.kakao.com');
  });

  it("finding 3: a blog's failing requests to other blogs on port 80 make nothing degraded, and show no banner", async () => {
    rig.server.setRule('detour-test.tistory.com', { kind: 'page', html: BLOG_FETCHING_PORT_80 });
    const blog = await openAndRead('https://detour-test.tistory.com/2');
    expect(await hasBanner(blog)).toBe(false);
    await blog.close();
    expect(await health('tistory')).toMatchObject({ confirmed: false });
    expect((await health('tistory')).status).not.toBe('degraded');
  });

  it("still: Kakao's own page with failing API calls gets its banner (the detection that must keep working)", async () => {
    rig.server.setRule('map.kakao.com', {
      kind: 'page',
      html: `<!doctype html><html><head><meta charset="utf-8"><title>카카오맵</title></head><body><h1 id="top">지도</h1>
<script>for (let i = 0; i < 8; i++) fetch('https://dapi.kakao.com/api?i=' + i).then((r) => r.text()).catch(() => {});</script></body></html>`,
    });
    rig.server.setRule('dapi.kakao.com', { kind: 'status', status: 503 });
    const tab = await rig.browser.newTab();
    await tab.goto('https://map.kakao.com/?q=x');
    await expect.poll(() => hasBanner(tab), { timeout: 10_000 }).toBe(true);
    await tab.close();
  });
});
