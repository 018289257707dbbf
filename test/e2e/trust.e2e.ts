import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { hasBanner } from './harness/banner-view.ts';
import { FALLBACK_PAGE_PATH } from '../../src/core/rescue/fallback-query.ts';
import { BROWSERS, detourMessage, startRig, type Rig, type Tab } from './harness/index.ts';
import { UNRESOLVABLE_NAMES } from './harness/kakao-hosts.ts';
import { OPTIONS_PAGE_PATH } from './harness/paths.ts';

// Nothing but Kakao's own servers can make Detour say Kakao is down, and nothing but the user moves
// their tab. Each case is what an attacker tried on an older build: findings 1-3 (issue 12), then the
// browser's own machinery (issue 19: speculative loads, names only a wildcard matches, the page
// script's counts) and old http:// links in a real outage, which must get their alternatives.

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const FALLBACK = FALLBACK_PAGE_PATH;
const OPTIONS = OPTIONS_PAGE_PATH;

/** Anyone can write a blog post like this one: a title and a heading are all it takes. */
const BLOG_MAINTENANCE = `<!doctype html><html><head><meta charset="utf-8"><title>서비스 점검 중</title></head>
<body><h1>서비스 점검 중입니다</h1><p>보다 나은 서비스를 위해 시스템 점검을 하고 있습니다. 이용에 불편을 드려 죄송합니다.</p></body></html>`;

/** A blog whose script asks other blogs on port 80 (nothing listens there): ten failed requests. */
const BLOG_FETCHING_PORT_80 = `<!doctype html><html><head><meta charset="utf-8"><title>내 블로그</title></head><body><h1 id="top">일기</h1>
<script>for (let i = 0; i < 10; i++) fetch('https://x' + i + '.tistory.com:80/', { mode: 'no-cors' }).catch(() => {});</script></body></html>`;

/** Names no resolver accepts: a label of 64 characters (Chromium fails them itself, on any network). */
const IMPOSSIBLE = UNRESOLVABLE_NAMES;
/** Words a page wants Detour to say, with a place to go. */
const PLANTED = '공지-자세한-내용은-tistory-help.example-에서';
/** A blog that pays attention to nothing: a page served by the "other" front, where anyone writes. */
const ATTACKER = 'attacker.example';

/** Declares speculative loads of each kind for these addresses, and nothing else: no click, no script. */
const speculating = (urls: readonly string[]) => `<!doctype html><html><head><meta charset="utf-8"><title>그냥 블로그</title>
<script type="speculationrules">${JSON.stringify({ prefetch: [{ source: 'list', urls }], prerender: [{ source: 'list', urls }] })}</script>
${urls.map((url) => `<link rel="prefetch" href="${url}"><link rel="prerender" href="${url}">`).join('\n')}
</head><body><h1 id="top">일기</h1></body></html>`;

/**
 * A blog post with an old link, an http:// Kakao address, followed as soon as the page is shown: a
 * navigation from the page (renderer-initiated, as a user's click is, so the browser's HTTPS upgrade
 * applies), without the test evaluating anything in a page whose navigation hangs on purpose.
 */
const linking = (url: string) => `<!doctype html><html><head><meta charset="utf-8"><title>맛집 모음</title></head>
<body><h1 id="top">판교 맛집</h1><p><a id="old-link" href="${url}">지도 보기</a></p>
<script>setTimeout(() => document.getElementById('old-link').click(), 200);</script></body></html>`;

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
  // Some cases are real outages that Detour rightly remembers: each starts from a healthy Kakao.
  beforeEach(async () => {
    await rig.recover();
  });

  const isFallback = (url: string) => url.startsWith(rig.browser.extensionOrigin + FALLBACK);

  /** What Detour believes about a service, read as its own pages read it. */
  async function health(service: string): Promise<Health> {
    const page = await rig.browser.newTab();
    await page.goto(rig.browser.extensionOrigin + OPTIONS);
    await page.waitForUrl((url) => url.startsWith(rig.browser.extensionOrigin));
    const answer = await page.evaluate<Health>(
      detourMessage('health/get', null, `(view) => ({ status: view.state.services[${JSON.stringify(service)}].status, confirmed: view.state.services[${JSON.stringify(service)}].confirmed })`),
    );
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

  it('finding 2: links to Kakao hosts on other ports are helped as addresses, and the healthy service is neither blamed nor replaced', async () => {
    const tab = await rig.browser.newTab();
    for (const port of [80, 81]) {
      const url = `https://map.kakao.com:${port}/?q=%ED%8C%90%EA%B5%90%EC%97%AD`;
      await tab.goto(url);
      // This tab's own load failed: it gets its alternatives, on a page that claims no outage.
      await tab.waitForUrl(isFallback, 15_000);
      expect(await tab.attribute('[data-testid=severity]', 'class')).toContain('severity-address');
      expect(await tab.evaluate<string>('document.querySelector("[data-alternative]")?.href ?? ""')).toContain(encodeURIComponent('판교역'));
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

  it('speculative loads: a page that only declares prefetch and prerender moves no tab and takes nothing down', async () => {
    for (const host of ['map.kakao.com', 'detour-test.tistory.com']) rig.server.setRule(host, { kind: 'status', status: 503 });
    const targets = [...IMPOSSIBLE.map((host) => `https://${host}/entry/${PLANTED}`), 'https://map.kakao.com/?q=speculated', 'https://detour-test.tistory.com/speculated'];
    rig.server.setRule(ATTACKER, { kind: 'page', html: speculating(targets) });
    const tab = await rig.browser.newTab();
    await tab.goto(`https://${ATTACKER}/`);
    await sleep(4000);
    // On the old build (Chromium): Tistory confirmed down, the badge, a notification, the known-down
    // rule, and this very tab moved to the fallback page without a click.
    expect(await tab.url()).toBe(`https://${ATTACKER}/`);
    expect(await tab.text('#top')).toBe('일기');
    await tab.close();
    expect(await health('tistory')).toMatchObject({ confirmed: false });
    expect((await health('tistory')).status).not.toBe('down');
    expect((await health('kakaomap')).status).not.toBe('down');
  });

  it('names only a wildcard matches are no evidence: two failed blogs confirm nothing, and their words carry no address', async () => {
    const blogs = ['detour-test.tistory.com', 'detour-other.tistory.com'];
    for (const host of blogs) rig.server.setRule(host, { kind: 'status', status: 503 });
    const tab = await rig.browser.newTab();
    for (const host of blogs) {
      await tab.goto(`https://${host}/entry/${PLANTED}`);
      await tab.waitForUrl(isFallback, 15_000);
      // Helped as an address the tab failed to load; no outage claimed, no address carried.
      await expect.poll(() => tab.text('[data-testid=title]'), { timeout: 5000 }).toBe('이 주소를 열 수 없습니다');
      await expect.poll(() => tab.evaluate<number>('document.querySelectorAll("[data-testid=search-text], [data-alternative]").length'), { timeout: 5000 }).toBeGreaterThan(0);
      const carried = await tab.evaluate<string>('[...document.querySelectorAll("a[href], input")].map((el) => el.href ?? el.value).join(" ") + (document.body?.innerText ?? "")');
      expect(decodeURIComponent(carried)).not.toContain('tistory-help');
      expect(await tab.text('[data-testid=scope]')).not.toMatch(/장애로 보입니다|만의 장애/);
    }
    await tab.close();
    // On the old build: two failures and Tistory was confirmed down before any probe answered.
    expect(await health('tistory')).not.toMatchObject({ status: 'down', confirmed: true });
    rig.server.clearRules();
    await expectOpensAsItself('https://www.tistory.com/', 'www.tistory.com');
  });

  it("the page script's counts pass the same rule: a blog's own script meeting Kakao's 5xx makes nothing degraded", async () => {
    rig.server.setRule('detour-test.tistory.com', {
      kind: 'page',
      html: `<!doctype html><html><head><meta charset="utf-8"><title>내 블로그</title></head><body><h1 id="top">일기</h1>
<script>for (let i = 0; i < 10; i++) fetch('https://t1.daumcdn.net/x?i=' + i).then((r) => r.text()).catch(() => {});</script></body></html>`,
    });
    rig.server.setRule('t1.daumcdn.net', { kind: 'status', status: 503 });
    const blog = await openAndRead('https://detour-test.tistory.com/3');
    expect(await hasBanner(blog)).toBe(false);
    await blog.close();
    // On the old build: Tistory degraded on the blog's word, and the banner on healthy Tistory tabs.
    expect((await health('tistory')).status).not.toBe('degraded');
    rig.server.clearRules();
    const home = await openAndRead('https://www.tistory.com/');
    expect(await hasBanner(home)).toBe(false);
    await home.close();
  });

  it("a site that opened the failing Kakao page sees what the browser's own error page shows it: no sign of Detour", async () => {
    rig.server.setRule('map.kakao.com', { kind: 'status', status: 503 });
    rig.server.setRule(ATTACKER, { kind: 'page', html: '<!doctype html><meta charset="utf-8"><title>a</title><h1 id="top">a</h1>' });
    const opener = await rig.browser.newTab();
    await opener.goto(`https://${ATTACKER}/`);
    await opener.evaluate(`void (window.opened = window.open('https://map.kakao.com/?q=opened'))`);
    await sleep(3000);
    // As measured with the browser alone (its error page for the 503), in both browsers: the window
    // is open, its address unreadable (cross-origin), no frames. Chromium answers the same with
    // Detour's page. Firefox does not: moving a tab to a moz-extension:// page replaces its browsing
    // context, and the opener's handle then reads closed (measured 5 of 5; listed in the README as
    // what a page can still learn). Pinned here so that a change either way shows.
    const seen = await opener.evaluate<{ closed: boolean; location: string; frames: number }>(`(() => {
      const w = window.opened;
      let location;
      try { location = String(w.location.href); } catch (error) { location = error.name; }
      return { closed: w.closed, location, frames: w.length };
    })()`);
    expect(seen).toEqual({ closed: browserName === 'firefox', location: 'SecurityError', frames: 0 });
    await opener.evaluate('window.opened.close()').catch(() => undefined);
    await opener.close();
  });

  describe("old http:// links in a real outage get their alternatives (with the browser's own HTTPS upgrade on)", () => {
    const link = 'http://map.kakao.com/?q=%ED%8C%90%EA%B5%90%EC%97%AD';

    /** Follows the old link from a blog post, as a user would, and expects the fallback page for it. */
    async function followOldLink(timeoutMs: number): Promise<Tab> {
      rig.server.setRule(ATTACKER, { kind: 'page', html: linking(link) });
      const tab = await rig.browser.newTab();
      await tab.goto(`https://${ATTACKER}/`);
      const landed = new URL(await tab.waitForUrl(isFallback, timeoutMs));
      expect(landed.searchParams.get('service')).toBe('kakaomap');
      await expect.poll(() => tab.evaluate<string>('document.querySelector("[data-alternative]")?.href ?? ""'), { timeout: 5000 }).toContain(encodeURIComponent('판교역'));
      return tab;
    }

    it('https hangs (the browser falls back to http) and http hangs: alternatives within the hang limit of the http attempt', async () => {
      rig.server.setRule('map.kakao.com', { kind: 'hang' });
      // Chrome gives up on https after 3 s, Firefox after 2-3 s; then the hang limit (8 s) of the http load.
      const tab = await followOldLink(20_000);
      // Chromium once took over 15 s to close this tab while the hung requests were still open.
      rig.server.endHangs();
      await tab.close();
    });

    it('https hangs and http answers 503: alternatives', async () => {
      rig.server.setRule('map.kakao.com', { kind: 'hang' }, 'https');
      rig.server.setRule('map.kakao.com', { kind: 'status', status: 503 }, 'http');
      const tab = await followOldLink(15_000);
      expect(new URL(await tab.url()).searchParams.get('url')).toBe(link);
      await tab.close();
    });

    it('refused over both: alternatives, whichever scheme the browser tried last', async () => {
      await rig.server.setTransport('refuse', 'kakao');
      try {
        const tab = await followOldLink(15_000);
        await tab.close();
      } finally {
        await rig.server.setTransport('normal');
      }
    });

    it('an untrusted failure changes no health state: a plain-http 503 alone leaves KakaoMap as it was', async () => {
      rig.server.setRule('map.kakao.com', { kind: 'status', status: 503 }, 'http');
      const before = await health('kakaomap');
      // Twice, quickly: two failures of Kakao's own server would confirm it down before any probe
      // answers. Typed (Chrome upgrades no typed http:// address): the 503s are plain http's alone.
      const tabs = [await rig.browser.newTab(), await rig.browser.newTab()];
      await Promise.all(tabs.map((tab) => tab.goto(link)));
      await sleep(3000);
      for (const tab of tabs) await tab.close();
      const after = await health('kakaomap');
      // The https server answers: the probe Detour asks says KakaoMap is up.
      expect(after.status === 'down' && after.confirmed).toBe(false);
      expect(before.status === 'down').toBe(false);
    });
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
