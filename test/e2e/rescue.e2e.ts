import { describe, expect, it } from 'vitest';
import { BROWSERS } from './harness/index.ts';
import { useRig } from './harness/suite.ts';
import { FALLBACK_PAGE_PATH as FALLBACK } from '../../src/core/rescue/fallback-query.ts';
import { POPUP_PAGE_PATH } from './harness/paths.ts';

const SEARCH = 'https://map.kakao.com/?q=%ED%8C%90%EA%B5%90%EC%97%AD';
const NAVER_SEARCH = 'https://map.naver.com/p/search/%ED%8C%90%EA%B5%90%EC%97%AD';
/** Long enough for the extension to have acted on the load's end, had it wanted to. */
const SETTLE_MS = 1500;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(BROWSERS)('KakaoMap rescue in %s', (browserName) => {
  const rig = useRig(browserName);

  const isFallback = (url: string) => url.startsWith(rig.browser.extensionOrigin + FALLBACK);

  it('sends a refused connection to the fallback page with the search on Naver Map', async () => {
    await rig.server.setTransport('refuse', 'kakao');
    const tab = await rig.browser.newTab();
    await tab.goto(SEARCH);
    const landed = await tab.waitForUrl(isFallback);
    expect(new URL(landed).searchParams.get('url')).toBe(SEARCH);
    expect(new URL(landed).searchParams.get('cause')).toBe('refused');
    expect(await tab.text('[data-testid=cause]')).toBe('연결이 거부되었습니다');
    expect(await tab.text('[data-testid=title]')).toBe('카카오맵에 연결할 수 없습니다');
    expect(await tab.text('[data-testid=original]')).toBe('https://map.kakao.com/?q=판교역');
    expect(await tab.attribute('a[data-alternative=navermap]', 'href')).toBe(NAVER_SEARCH);
    expect(await tab.attribute('a[data-alternative=googlemaps]', 'href')).toBe('https://www.google.com/maps/search/?api=1&query=%ED%8C%90%EA%B5%90%EC%97%AD');
    expect(await tab.text('[data-testid=retry]')).toBe('다시 시도');
    // Painted in the page's first task, from its address: before DOMContentLoaded, before any storage
    // read or message (issue 11). The page as it was, which read its settings first, fails this.
    const timing = await tab.evaluate<{ links: number | null; dcl: number }>(
      `({ links: performance.getEntriesByName('detour-links')[0]?.startTime ?? null, dcl: performance.getEntriesByType('navigation')[0].domContentLoadedEventStart })`,
    );
    expect(timing.links).not.toBeNull();
    expect(timing.links!).toBeLessThanOrEqual(timing.dcl);
    await tab.close();
  });

  it('sends an HTTP 503 to the fallback page, and the Naver link opens Naver Map with the search', async () => {
    rig.server.setRule('map.kakao.com', { kind: 'status', status: 503 });
    const tab = await rig.browser.newTab();
    await tab.goto('https://map.kakao.com/link/search/%ED%8C%90%EA%B5%90%EC%97%AD');
    await tab.waitForUrl(isFallback);
    expect(await tab.text('[data-testid=cause]')).toBe('서버 오류 503');
    expect(await tab.attribute('a[data-alternative=navermap]', 'href')).toBe(NAVER_SEARCH);
    await tab.click('a[data-alternative=navermap]');
    await tab.waitForUrl((url) => url === NAVER_SEARCH);
    expect(rig.server.requestsTo('map.naver.com').map((entry) => entry.path)).toContain('/p/search/%ED%8C%90%EA%B5%90%EC%97%AD');
    await tab.close();
  });

  it.each([
    ['a healthy page', { kind: 'ok' } as const],
    ['a 404', { kind: 'status', status: 404 } as const],
  ])('leaves %s alone', async (_label, rule) => {
    rig.server.setRule('map.kakao.com', rule);
    const tab = await rig.browser.newTab();
    const before = rig.server.requestsTo('map.kakao.com').length;
    await tab.goto(SEARCH);
    await sleep(SETTLE_MS);
    expect(rig.server.requestsTo('map.kakao.com').length).toBeGreaterThan(before);
    expect(await tab.url()).toBe(SEARCH);
    await tab.close();
  });

  it('leaves a navigation the user replaced alone', async () => {
    rig.server.setRule('map.kakao.com', { kind: 'hang' });
    const tab = await rig.browser.newTab();
    void tab.goto(SEARCH);
    await sleep(500);
    expect(rig.server.requestsTo('map.kakao.com').some((entry) => entry.path.startsWith('/?q='))).toBe(true);
    await tab.goto('https://www.daum.net/');
    await sleep(SETTLE_MS);
    expect(await tab.url()).toBe('https://www.daum.net/');
    await tab.close();
  });

  it('does nothing once the popup switch turns Detour off', async () => {
    const popup = await rig.browser.newTab();
    await popup.goto(`${rig.browser.extensionOrigin}${POPUP_PAGE_PATH}`);
    await popup.waitForUrl((url) => url.includes('popup'));
    await waitFor(() => popup.evaluate<boolean>(`document.querySelector('[data-testid=enabled-switch]')?.disabled === false`));
    expect(await popup.text('[data-testid=last-failure]')).toContain('카카오맵');
    await popup.click('label.switch');
    await waitFor(() => popup.evaluate<boolean>(`document.querySelector('[data-testid=enabled-switch]')?.checked === false`));

    await rig.server.setTransport('refuse', 'kakao');
    const tab = await rig.browser.newTab();
    await tab.goto(SEARCH);
    await sleep(SETTLE_MS);
    expect(isFallback(await tab.url())).toBe(false);

    // And on again: the next failure is rescued.
    await popup.click('label.switch');
    await waitFor(() => popup.evaluate<boolean>(`document.querySelector('[data-testid=enabled-switch]')?.checked === true`));
    await tab.goto('https://map.kakao.com/?q=again');
    await tab.waitForUrl(isFallback);
    await tab.close();
    await popup.close();
  });
});

async function waitFor(check: () => Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await sleep(50);
  }
  throw new Error('condition not met in time');
}
