import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS, startRig, type Rig } from './harness/index.ts';
import { openService } from './options-page.ts';
import { FALLBACK_PAGE_PATH as FALLBACK } from '../../src/core/rescue/fallback-query.ts';
import { OPTIONS_PAGE_PATH } from './harness/paths.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(BROWSERS)('options page in %s', (browserName) => {
  let rig: Rig;
  beforeAll(async () => {
    rig = await startRig(browserName);
  });
  afterAll(async () => {
    await rig?.close();
  });

  it("KakaoMap's mode set to off leaves failures alone, and back to suggest rescues again", async () => {
    const options = await rig.browser.newTab();
    await options.goto(`${rig.browser.extensionOrigin}${OPTIONS_PAGE_PATH}`);
    await expect.poll(() => options.evaluate<boolean>(`document.querySelector('input[name=mode-kakaomap][value=suggest]')?.checked === true`)).toBe(true);
    expect(await options.text('h1')).toBe('Detour 설정');

    await openService(options, 'kakaomap');
    await options.click('input[name=mode-kakaomap][value=off]');
    await expect.poll(() => options.text('[data-testid=save-status]')).toBe('저장했습니다.');

    rig.server.setRule('map.kakao.com', { kind: 'status', status: 503 });
    const tab = await rig.browser.newTab();
    await tab.goto('https://map.kakao.com/?q=off');
    await sleep(1500);
    expect(rig.server.requestsTo('map.kakao.com').some((entry) => entry.path === '/?q=off')).toBe(true);
    expect(await tab.url()).toBe('https://map.kakao.com/?q=off');

    await options.click('input[name=mode-kakaomap][value=suggest]');
    await expect.poll(() => options.evaluate<boolean>(`document.querySelector('input[name=mode-kakaomap][value=suggest]')?.checked === true`)).toBe(true);
    await tab.goto('https://map.kakao.com/?q=on');
    await tab.waitForUrl((url) => url.startsWith(rig.browser.extensionOrigin + FALLBACK));
    await tab.close();
    await options.close();
  });
});

describe.each(BROWSERS)('an English %s', (browserName) => {
  let rig: Rig;
  beforeAll(async () => {
    rig = await startRig(browserName, { language: 'en' });
  });
  afterAll(async () => {
    await rig?.close();
  });

  it('shows the fallback page in English', async () => {
    await rig.server.setTransport('refuse', 'kakao');
    const tab = await rig.browser.newTab();
    await tab.goto('https://map.kakao.com/link/search/Seoul%20Station');
    await tab.waitForUrl((url) => url.startsWith(rig.browser.extensionOrigin + FALLBACK));
    await expect.poll(() => tab.text('[data-testid=title]')).toBe("KakaoMap can't be reached");
    expect(await tab.text('[data-testid=cause]')).toBe('The connection was refused');
    expect(await tab.text('[data-testid=retry]')).toBe('Try again');
    expect(await tab.attribute('a[data-alternative=navermap]', 'href')).toBe('https://map.naver.com/p/search/Seoul%20Station');
    expect(await tab.evaluate<string>('document.documentElement.lang')).toBe('en');
    // The first alternative has the focus, so Enter opens it.
    expect(await tab.evaluate<string | null>(`document.activeElement?.getAttribute('data-alternative') ?? null`)).toBe('navermap');
    await tab.close();
  });
});
