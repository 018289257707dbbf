import { beforeEach, describe, expect, it } from 'vitest';
import { BROWSERS, detourMessage, runsIn, type Tab } from './harness/index.ts';
import { openDegradedDaumSearch } from './harness/outages.ts';
import { useRig } from './harness/suite.ts';
import { FALLBACK_PAGE_PATH as FALLBACK } from '../../src/core/rescue/fallback-query.ts';
import { OPTIONS_PAGE_PATH, POPUP_PAGE_PATH as POPUP } from './harness/paths.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// Each case uses its own service: the tests share one browser, and so one health state.

const MAINTENANCE_PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>서비스 점검 안내 | 카카오맵</title></head>
<body><h1>서비스 점검 중입니다</h1><p>보다 나은 서비스를 위해 시스템 점검을 하고 있습니다. 이용에 불편을 드려 죄송합니다.</p></body></html>`;

describe.each(BROWSERS)('health in %s', (browserName) => {
  const rig = useRig(browserName, { recoverBeforeEach: false });
  beforeEach(async () => {
    rig.server.clearRules();
    await rig.server.setTransport('normal');
  });
  const isFallback = (url: string) => url.startsWith(rig.browser.extensionOrigin + FALLBACK);

  async function openPopup(): Promise<Tab> {
    const popup = await rig.browser.newTab();
    await popup.goto(rig.browser.extensionOrigin + POPUP);
    await expect.poll(() => popup.evaluate<boolean>(`document.querySelector('[data-testid=check-now]')?.disabled === false`), { timeout: 10_000 }).toBe(true);
    return popup;
  }
  const statusOf = (popup: Tab, service: string) => popup.attribute(`[data-service=${service}]`, 'data-status');

  async function checkNow(popup: Tab): Promise<void> {
    await popup.click('[data-testid=check-now]');
    await expect.poll(() => popup.evaluate<boolean>(`document.querySelector('[data-testid=check-now]')?.disabled === false`), { timeout: 15_000 }).toBe(true);
  }

  it('gives up on a server that never answers after the hang limit, and stays on the fallback page', async () => {
    rig.server.setRule('map.kakao.com', { kind: 'hang' });
    const tab = await rig.browser.newTab();
    const started = Date.now();
    void tab.goto('https://map.kakao.com/?q=hang');
    const landed = new URL(await tab.waitForUrl(isFallback, 15_000));
    const waited = Date.now() - started;
    expect(landed.searchParams.get('cause')).toBe('timeout');
    // The default hang limit is 8 s: not before it, and not long after it.
    expect(waited).toBeGreaterThanOrEqual(7900);
    expect(waited).toBeLessThan(11_000);
    expect(await tab.text('[data-testid=cause]')).toBe('서버가 응답하지 않습니다 (시간 초과)');
    await sleep(1500);
    expect(isFallback(await tab.url())).toBe(true);
    await tab.close();
  }, 30_000);

  it('never takes a fast, healthy load for a hang (with a 3 s hang limit, set on the options page)', async () => {
    // The test before left KakaoMap down (rightly): this one starts from a recovered service.
    await rig.recover();
    const options = await rig.browser.newTab();
    await options.goto(`${rig.browser.extensionOrigin}${OPTIONS_PAGE_PATH}`);
    const setLimit = async (seconds: number) => {
      await expect
        .poll(() => options.evaluate<boolean>(`!!document.querySelector('[data-testid=hang-limit]') && !document.querySelector('[data-testid=hang-limit]').disabled`), { timeout: 5000 })
        .toBe(true);
      await options.evaluate(
        `(() => { const input = document.querySelector('[data-testid=hang-limit]'); input.value = '${seconds}'; input.dispatchEvent(new Event('change', { bubbles: true })); })()`,
      );
      await expect.poll(() => options.text('[data-testid=save-status]')).toBe('저장했습니다.');
    };
    await setLimit(3);
    try {
      const tabs = [];
      for (let i = 0; i < 4; i += 1) {
        const tab = await rig.browser.newTab();
        await tab.goto(`https://map.kakao.com/?q=fast${i}`);
        tabs.push(tab);
      }
      await sleep(4000);
      for (let i = 0; i < tabs.length; i += 1) expect(await tabs[i]!.url()).toBe(`https://map.kakao.com/?q=fast${i}`);
      for (const tab of tabs) await tab.close();
    } finally {
      await setLimit(8);
      await options.close();
    }
  });

  it('marks a page whose API calls fail as partly down, and leaves the page alone', async () => {
    const tab = await openDegradedDaumSearch(rig, 'api');
    const popup = await openPopup();
    await expect
      .poll(
        async () => {
          await popup.evaluate('location.reload()').catch(() => undefined);
          await sleep(400);
          return statusOf(popup, 'daumsearch');
        },
        { timeout: 10_000 },
      )
      .toBe('degraded');
    expect(await tab.url()).toBe('https://search.daum.net/search?q=api');
    await popup.close();
    await tab.close();
  });

  it("recognises Kakao's maintenance page served with 200", async () => {
    rig.server.setRule('news.daum.net', { kind: 'page', html: MAINTENANCE_PAGE });
    const tab = await rig.browser.newTab();
    await tab.goto('https://news.daum.net/');
    const popup = await openPopup();
    await expect
      .poll(
        async () => {
          await popup.evaluate('location.reload()').catch(() => undefined);
          await sleep(400);
          return statusOf(popup, 'daumnews');
          // Page text makes a service suspect, never down by itself: Kakao's probe has to agree (issue 12).
        },
        { timeout: 10_000 },
      )
      .toBe('suspect');
    await popup.close();
    await tab.close();
  });

  it('confirms an outage by probing, and calls it over only after two good probes', async () => {
    rig.server.setRule('www.melon.com', { kind: 'status', status: 503 });
    const tab = await rig.browser.newTab();
    await tab.goto('https://www.melon.com/search/total/index.htm?q=outage');
    await tab.waitForUrl(isFallback);
    const popup = await openPopup();
    // The probe that follows the failure confirms it: Naver answers, Kakao does not.
    await expect
      .poll(
        async () => {
          await popup.evaluate('location.reload()').catch(() => undefined);
          await sleep(400);
          return statusOf(popup, 'melon');
        },
        { timeout: 10_000 },
      )
      .toBe('down');
    expect(await popup.evaluate<string>(`browser.action.getBadgeText({})`).catch(() => popup.evaluate<string>(`chrome.action.getBadgeText({})`))).not.toBe('');

    rig.server.clearRules();
    await checkNow(popup);
    expect(await statusOf(popup, 'melon')).toBe('down');
    await checkNow(popup);
    expect(await statusOf(popup, 'melon')).toBe('up');
    await popup.close();
    await tab.close();
  });

  it("says the user's own connection looks down when nothing answers, Naver included", async () => {
    await rig.server.setTransport('refuse');
    const tab = await rig.browser.newTab();
    await tab.goto('https://webtoon.kakao.com/content/offline/1');
    await tab.waitForUrl(isFallback);
    await expect.poll(() => tab.text('[data-testid=offline-hint]'), { timeout: 10_000 }).toContain('인터넷 연결');
    expect(await tab.evaluate<number>(`document.querySelectorAll('[data-testid=alternatives] a').length`)).toBe(0);
    await rig.server.setTransport('normal');
    const popup = await openPopup();
    expect(await popup.text('[data-testid=verdict]')).toContain('인터넷 연결');
    await popup.close();
    await tab.close();
  });
});

describe.runIf(runsIn('chromium'))('a stopped service worker in chromium', () => {
  const rig = useRig('chromium', { recoverBeforeEach: false });

  it('loses no state mid-outage and repeats no notification', async () => {
    rig.server.setRule('page.kakao.com', { kind: 'status', status: 503 });
    const tab = await rig.browser.newTab();
    await tab.goto('https://page.kakao.com/content/1');
    await tab.waitForUrl((url) => url.startsWith(rig.browser.extensionOrigin + FALLBACK));
    const read = (popup: Tab) =>
      popup.evaluate<{ status: string; confirmed: boolean; notified: string | undefined }>(
        detourMessage('health/get', null, '(view) => ({ status: view.state.services.kakaopage.status, confirmed: view.state.services.kakaopage.confirmed, notified: view.state.notified.kakaopage })'),
      );
    let popup = await rig.browser.newTab();
    await popup.goto(rig.browser.extensionOrigin + POPUP);
    await expect.poll(() => read(popup), { timeout: 10_000 }).toEqual({ status: 'down', confirmed: true, notified: 'down' });
    await popup.close();

    await rig.browser.stopBackground!();

    popup = await rig.browser.newTab();
    await popup.goto(rig.browser.extensionOrigin + POPUP);
    expect(await read(popup)).toEqual({ status: 'down', confirmed: true, notified: 'down' });
    // And it goes on from there: two good probes and the outage is over.
    rig.server.clearRules();
    for (let i = 0; i < 2; i += 1) {
      await popup.click('[data-testid=check-now]');
      await expect.poll(() => popup.evaluate<boolean>(`document.querySelector('[data-testid=check-now]')?.disabled === false`), { timeout: 15_000 }).toBe(true);
    }
    expect(await read(popup)).toEqual({ status: 'up', confirmed: false, notified: 'up' });
    await popup.close();
    await tab.close();
  });
});
