import { describe, expect, it } from 'vitest';
import { BROWSERS, detourMessage, type Tab } from './harness/index.ts';
import { useRig } from './harness/suite.ts';
import { setMode as setKakaoMapMode } from './options-page.ts';
import { FALLBACK_PAGE_PATH as FALLBACK } from '../../src/core/rescue/fallback-query.ts';
import { OPTIONS_PAGE_PATH } from './harness/paths.ts';

const enc = encodeURIComponent;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(BROWSERS)('fallback actions in %s', (browserName) => {
  const rig = useRig(browserName);
  const isFallback = (url: string) => url.startsWith(rig.browser.extensionOrigin + FALLBACK);

  /** A KakaoMap failure, confirmed by the probe that follows it (Kakao fails, Naver answers). */
  async function confirmedOutage(path = `/?q=${enc('판교역')}`): Promise<Tab> {
    rig.server.setRule('map.kakao.com', { kind: 'status', status: 503 });
    const tab = await rig.browser.newTab();
    await tab.goto(`https://map.kakao.com${path}`);
    await tab.waitForUrl(isFallback);
    await expect.poll(() => tab.text('[data-testid=scope]'), { timeout: 10_000 }).toBe('다른 사이트는 정상입니다. 카카오맵만의 장애로 보입니다.');
    return tab;
  }

  const setMode = (mode: 'suggest' | 'redirect') => setKakaoMapMode(rig.browser, 'kakaomap', mode);

  it('names the scope, focuses the first alternative and marks an unreachable one without hiding it', async () => {
    rig.server.setRule('map.naver.com', { kind: 'reset' });
    const tab = await confirmedOutage();
    expect(await tab.evaluate<string | null>(`document.activeElement?.getAttribute('data-alternative') ?? null`)).toBe('navermap');
    await expect.poll(() => tab.attribute('a[data-alternative=navermap]', 'data-reachable'), { timeout: 10_000 }).toBe('false');
    expect(await tab.text('a[data-alternative=navermap]')).toContain('지금 응답 없음');
    expect(await tab.attribute('a[data-alternative=googlemaps]', 'data-reachable')).toBe('true');
    await tab.close();
  });

  it('does not make the user wait again once the outage is confirmed', async () => {
    const first = await confirmedOutage();
    await first.close();
    // Kakao's servers now hang, as in the 2022 fire: without the short-cut this would take the hang limit.
    rig.server.setRule('map.kakao.com', { kind: 'hang' });
    const tab = await rig.browser.newTab();
    const started = Date.now();
    void tab.goto(`https://map.kakao.com/?q=again`);
    // The fallback comes at once, without waiting for the load to fail (it may still go out, in parallel).
    await tab.waitForUrl((url) => isFallback(url) && new URL(url).searchParams.get('known') === '1');
    expect(await tab.text('[data-testid=known-down]')).toContain('카카오맵');
    expect(Date.now() - started).toBeLessThan(5000);
    await tab.close();
  });

  it('goes back to the page before from a known-down fallback page, not round again', async () => {
    const first = await confirmedOutage();
    await first.close();
    const tab = await rig.browser.newTab();
    await tab.goto('https://www.google.com/');
    void tab.goto('https://map.kakao.com/?q=back');
    await tab.waitForUrl((url) => isFallback(url) && new URL(url).searchParams.get('known') === '1');
    // Chromium's "blocked" page used to stay in the history between the two: back led to it, and from
    // it to the fallback page again (src/platform/blocked-navigation.ts).
    // Scheduled, not called: the evaluation must answer before the navigation it starts destroys its
    // page (Playwright then throws "Execution context was destroyed", seen once in a fresh-clone run).
    await tab.evaluate('void setTimeout(() => history.back())');
    // The about:blank the rule redirects to leaves no entry when the tab moves on before it commits;
    // on a loaded machine it commits first and Back shows it once (src/platform/blocked-navigation.ts).
    if ((await tab.waitForUrl((url) => url === 'https://www.google.com/' || url === 'about:blank')) === 'about:blank') {
      await tab.evaluate('void setTimeout(() => history.back())');
      await tab.waitForUrl((url) => url === 'https://www.google.com/');
    }
    await sleep(1000);
    expect(await tab.url()).toBe('https://www.google.com/');
    await tab.close();
  });

  it('never blocks an address the user made an exception, even while its service is confirmed down', async () => {
    const first = await confirmedOutage();
    await first.close();
    const control = await rig.browser.newTab();
    await control.goto(`${rig.browser.extensionOrigin}${OPTIONS_PAGE_PATH}`);
    expect(await control.evaluate<boolean>(detourMessage('settings/update', { exceptions: ['map.kakao.com/link'] }, '(result) => result.ok'))).toBe(true);
    try {
      // Anywhere else on the service the short-cut holds: straight to the fallback page.
      const other = await rig.browser.newTab();
      void other.goto('https://map.kakao.com/?q=not-exempt');
      await other.waitForUrl((url) => isFallback(url) && new URL(url).searchParams.get('known') === '1');
      await other.close();
      // The exception reaches Kakao (which still answers 503) and Detour leaves it there: no "blocked"
      // page, no fallback page. Before the allow rules, the block rule kept it from ever leaving.
      const reached = () => rig.server.requestsTo('map.kakao.com').filter((entry) => entry.path === '/link/search/exempt').length;
      const tab = await rig.browser.newTab();
      await tab.goto('https://map.kakao.com/link/search/exempt');
      await expect.poll(reached, { timeout: 10_000 }).toBe(1);
      await sleep(1500);
      expect(await tab.url()).toBe('https://map.kakao.com/link/search/exempt');
      await tab.close();
    } finally {
      await control.evaluate(detourMessage('settings/update', { exceptions: [] }, '(result) => result.ok')).catch(() => undefined);
      await control.close();
    }
  });

  it('"다시 시도" tries the original once; "그래도 원래 주소 열기" lets the user through', async () => {
    const tab = await confirmedOutage('/?q=retry');
    const tries = () => rig.server.requestsTo('map.kakao.com').filter((entry) => entry.path === '/?q=retry').length;
    const before = tries();
    await tab.click('[data-testid=retry]');
    await expect.poll(tries, { timeout: 10_000 }).toBe(before + 1);
    // It failed again, so the fallback page is back.
    await tab.waitForUrl(isFallback);
    await expect.poll(() => tab.text('[data-testid=go-anyway]')).toBe('그래도 원래 주소 열기');
    await tab.click('[data-testid=go-anyway]');
    await tab.waitForUrl((url) => url === 'https://map.kakao.com/?q=retry');
    await sleep(1500);
    expect(await tab.url()).toBe('https://map.kakao.com/?q=retry');
    await tab.close();
  });

  it('says so when the service recovers, and goes back by itself if asked to', async () => {
    const tab = await confirmedOutage('/?q=back');
    await tab.click('[data-testid=auto-return]');
    expect(await tab.evaluate<boolean>(`document.querySelector('[data-testid=auto-return]').checked`)).toBe(true);
    await rig.recover();
    await tab.waitForUrl((url) => url === 'https://map.kakao.com/?q=back', 15_000);
    await tab.close();
  });

  it('redirect mode goes straight to the first alternative that answers, and never bounces', async () => {
    await setMode('redirect');
    try {
      rig.server.setRule('map.naver.com', { kind: 'reset' });
      rig.server.setRule('map.kakao.com', { kind: 'status', status: 502 });
      const tab = await rig.browser.newTab();
      await tab.goto(`https://map.kakao.com/?q=${enc('판교역')}`);
      // Naver Map does not answer its probe, so Google Maps, with the search carried over.
      await tab.waitForUrl((url) => url === `https://www.google.com/maps/search/?api=1&query=${enc('판교역')}`, 15_000);
      // Back to Kakao in the same tab within minutes: the fallback page, not another redirect.
      await tab.goto(`https://map.kakao.com/?q=${enc('판교역')}`);
      const landed = new URL(await tab.waitForUrl(isFallback, 15_000));
      expect(landed.searchParams.get('skip')).toBe('too-soon');
      expect(await tab.text('[data-testid=redirect-skipped]')).toContain('오가지 않도록');
      await tab.close();
    } finally {
      await setMode('suggest');
    }
  });

  it('redirect mode never sends an offline user anywhere', async () => {
    await setMode('redirect');
    try {
      await rig.server.setTransport('refuse');
      const tab = await rig.browser.newTab();
      await tab.goto('https://map.kakao.com/?q=offline');
      await tab.waitForUrl(isFallback, 15_000);
      await expect.poll(() => tab.text('[data-testid=offline-hint]'), { timeout: 10_000 }).toContain('인터넷 연결');
      await rig.server.setTransport('normal');
      await tab.close();
    } finally {
      await setMode('suggest');
    }
  });
});
