import { describe, expect, it } from 'vitest';
import { PARTICLE_PLACEHOLDER } from '../../src/core/i18n/particle.ts';
import { BROWSERS, detourMessage, type Tab } from './harness/index.ts';
import { useRig } from './harness/suite.ts';
import { FALLBACK_PAGE_PATH as FALLBACK } from '../../src/core/rescue/fallback-query.ts';
import { OPTIONS_PAGE_PATH as OPTIONS, POPUP_PAGE_PATH as POPUP } from './harness/paths.ts';

// Issue #14: what a Korean user sees in an outage. The fallback page says who speaks, how bad it is
// and since when, and offers the first alternative as the thing to do; text is legible (15 px, Hangul
// kept whole), targets are 44 px; the popup on the fallback tab offers the failed address's
// alternatives; a slow Kakao answer is not lost.

const SEARCH = 'https://map.kakao.com/?q=%ED%8C%90%EA%B5%90%EC%97%AD';
const NAVER_SEARCH = 'https://map.naver.com/p/search/%ED%8C%90%EA%B5%90%EC%97%AD';
const PLACEHOLDER_SOURCE = PARTICLE_PLACEHOLDER.source;

/** The page's body text size, its Hangul line breaking, and any 이(가)-style placeholder left in what it shows. */
const legibility = (tab: Tab) =>
  tab.evaluate<{ fontSize: string; wordBreak: string; placeholders: string[] }>(`(() => {
    const style = getComputedStyle(document.body);
    const text = document.body.innerText;
    return { fontSize: style.fontSize, wordBreak: style.wordBreak, placeholders: text.match(new RegExp(${JSON.stringify(PLACEHOLDER_SOURCE)}, 'gu')) ?? [] };
  })()`);

/** Height and width of every visible button and link in the selector's scope. */
const targetSizes = (tab: Tab, selector: string) =>
  tab.evaluate<Array<{ what: string; h: number; w: number }>>(`[...document.querySelectorAll(${JSON.stringify(selector)})]
    .filter((node) => node.getClientRects().length > 0)
    .map((node) => { const r = node.getBoundingClientRect(); return { what: node.textContent.trim().slice(0, 30), h: Math.round(r.height), w: Math.round(r.width) }; })`);

describe.each(BROWSERS)('outage UI in %s', (browserName) => {
  const rig = useRig(browserName);
  const isFallback = (url: string) => url.startsWith(rig.browser.extensionOrigin + FALLBACK);

  async function fallbackFor(url: string): Promise<Tab> {
    await rig.server.setTransport('refuse', 'kakao');
    const tab = await rig.browser.newTab();
    await tab.goto(url);
    await tab.waitForUrl(isFallback);
    await expect.poll(() => tab.text('[data-testid=title]'), { timeout: 20_000 }).toBe('카카오맵에 연결할 수 없습니다');
    return tab;
  }

  it('the fallback page says who speaks, how bad it is and since when, and leads with the first alternative', async () => {
    const tab = await fallbackFor(SEARCH);
    expect(await tab.evaluate<string>('document.title')).toBe('카카오맵 연결 안 됨 · Detour');
    expect(await tab.text('[data-testid=brand]')).toBe('Detour 안내');
    expect(await tab.evaluate<boolean>(`document.querySelector('[data-testid=brand] img').naturalWidth > 0`)).toBe(true);
    expect(await tab.evaluate<number>(`document.querySelectorAll('[data-testid=warning-mark]').length`)).toBe(1);
    // Once the probes agree: this service only, down since a moment ago.
    await expect.poll(() => tab.text('[data-testid=severity]'), { timeout: 15_000 }).toBe('이 서비스만');
    expect(await tab.text('[data-testid=since]')).toMatch(/^(방금 전|\d+초 전|\d+분 전)부터 장애$/);
    // The first alternative is the page's one filled button, focused, and carries the search.
    const primary = '[data-testid=alternatives] li.primary a';
    expect(await tab.text(`${primary} strong`)).toBe('네이버 지도에서 이어 가기');
    expect(await tab.attribute(primary, 'href')).toBe(NAVER_SEARCH);
    expect(await tab.evaluate<string>(`document.activeElement.getAttribute('data-alternative')`)).toBe('navermap');
    const colours = await tab.evaluate<string[]>(`[...document.querySelectorAll('[data-testid=alternatives] a')].map((a) => getComputedStyle(a).backgroundColor)`);
    expect(new Set(colours.slice(1)).size).toBe(1);
    expect(colours[0]).not.toBe(colours[1]);
    // The error code is there for whoever wants it, folded away.
    expect(await tab.evaluate<boolean>(`document.querySelector('[data-testid=details]').open`)).toBe(false);
    expect(await tab.text('[data-testid=error-code]')).toBe('ERR_CONNECTION_REFUSED');
    // "Is it down for others too?": the news, searched for this outage.
    const news = new URL((await tab.attribute('[data-testid=news]', 'href'))!);
    expect(news.host).toBe('search.naver.com');
    expect(news.searchParams.get('query')).toBe('카카오맵 장애');
    // Legible: 15 px body text in both browsers (Chromium's extension pages shrink body to 75 %), Hangul kept whole.
    expect(await legibility(tab)).toEqual({ fontSize: '15px', wordBreak: 'keep-all', placeholders: [] });
    // Every button and link a finger may need is at least 44 px tall.
    for (const target of await targetSizes(tab, 'main button, [data-testid=alternatives] a, [data-testid=news], label.choice, summary')) {
      expect(target.h, target.what).toBeGreaterThanOrEqual(44);
    }
    await tab.close();
  });

  it('popup and options are legible too, and the options read as Korean: particles fit each name', async () => {
    const popup = await rig.browser.newTab();
    await popup.goto(rig.browser.extensionOrigin + POPUP);
    await expect.poll(() => popup.text('[data-testid=verdict]'), { timeout: 20_000 }).toBeTruthy();
    expect(await legibility(popup)).toMatchObject({ fontSize: '15px', wordBreak: 'keep-all', placeholders: [] });
    expect((await targetSizes(popup, 'main > button')).every((target) => target.h >= 44)).toBe(true);

    const options = await rig.browser.newTab();
    await options.goto(rig.browser.extensionOrigin + OPTIONS);
    await expect.poll(() => options.evaluate<number>(`document.querySelectorAll('legend').length`), { timeout: 20_000 }).toBeGreaterThan(10);
    await options.evaluate(`document.querySelectorAll('details').forEach((details) => { details.open = true; }); true`);
    expect(await legibility(options)).toEqual({ fontSize: '15px', wordBreak: 'keep-all', placeholders: [] });
    const legends = await options.evaluate<string[]>(`[...document.querySelectorAll('legend')].map((legend) => legend.textContent)`);
    expect(legends).toContain('카카오맵이 열리지 않을 때');
    expect(legends).toContain('카카오 T가 열리지 않을 때');
    expect(legends).toContain('Daum 검색이 열리지 않을 때');
    expect(legends).toContain('카카오톡 선물하기가 열리지 않을 때');
    // The all-sites permission is offered, not pushed: not the page's filled button.
    expect(await options.attribute('[data-testid=other-sites-grant]', 'class')).toBe('button secondary');
    await popup.close();
    await options.close();
  });

  it('permanent exceptions are validated before they are saved, and kept', async () => {
    const options = await rig.browser.newTab();
    try {
      await options.goto(rig.browser.extensionOrigin + OPTIONS);
      await expect.poll(() => options.evaluate<boolean>(`document.querySelector('[data-testid=exceptions]')?.disabled === false`), { timeout: 20_000 }).toBe(true);
      // Typed, then the save button waited for: it is enabled only once the page has rendered the new
      // text, and a click on it while still disabled is lost.
      const type = async (text: string) => {
        await options.evaluate(
          `(() => { const area = document.querySelector('[data-testid=exceptions]'); area.value = ${JSON.stringify(text)}; area.dispatchEvent(new Event('input', { bubbles: true })); return true; })()`,
        );
        await expect.poll(() => options.evaluate<boolean>(`document.querySelector('[data-testid=exceptions-save]')?.disabled === false`), { timeout: 20_000 }).toBe(true);
      };
      await type('map.kakao.com\nnot a pattern');
      await options.click('[data-testid=exceptions-save]');
      await expect.poll(() => options.text('[data-testid=exceptions-error]'), { timeout: 20_000 }).toBe('쓸 수 없는 주소 패턴이 있어 저장하지 않았습니다: not a pattern');
      await type('map.kakao.com\n*.daum.net');
      await options.click('[data-testid=exceptions-save]');
      await expect.poll(() => options.evaluate<number>(`document.querySelectorAll('[data-testid=exceptions-error]').length`), { timeout: 20_000 }).toBe(0);
      // Kept: a fresh page of its own shows them (a reload of the same tab can be answered by the old
      // document in Firefox, whose elements then vanish under the next click).
      const reopened = await rig.browser.newTab();
      await reopened.goto(rig.browser.extensionOrigin + OPTIONS);
      await expect.poll(() => reopened.evaluate<string>(`document.querySelector('[data-testid=exceptions]')?.value ?? ''`), { timeout: 20_000 }).toBe('map.kakao.com\n*.daum.net');
      // The permanent "no banner" is its own switch, apart from each service's mode, clicked once the settings are in.
      await expect.poll(() => reopened.evaluate<boolean>(`document.querySelector('[data-testid=no-banner]')?.disabled === false`), { timeout: 20_000 }).toBe(true);
      await reopened.click('[data-testid=no-banner]');
      await reopened.close();
      const third = await rig.browser.newTab();
      await third.goto(rig.browser.extensionOrigin + OPTIONS);
      await expect.poll(() => third.evaluate<boolean>(`document.querySelector('[data-testid=no-banner]')?.checked === true`), { timeout: 20_000 }).toBe(true);
      await third.close();
    } finally {
      // Whatever happened above, the tests after this one start without exceptions and with the banner on.
      await options.evaluate(detourMessage('settings/update', { exceptions: [], banner: true }, '(result) => result.ok')).catch(() => undefined);
      await options.close().catch(() => undefined);
    }
  });

  it('the popup on a fallback tab offers the alternatives of the address that failed there', async () => {
    const popup = await rig.browser.newTab();
    const tab = await fallbackFor(SEARCH);
    // The fallback tab is the active one: the popup opened now belongs to it.
    await popup.goto(rig.browser.extensionOrigin + POPUP);
    await expect.poll(() => popup.attribute('[data-testid=page-alternatives]', 'data-fallback'), { timeout: 10_000 }).toBe('true');
    expect(await popup.text('#page-alts-heading')).toBe('이 탭에서 열려던 카카오맵 페이지를 다른 서비스에서 열기');
    expect(await popup.attribute('[data-testid=page-alternatives] a', 'href')).toBe(NAVER_SEARCH);
    await popup.close().catch(() => undefined);
    await tab.close();
  });

  it('a slow answer is not lost: after the hang limit the page keeps waiting, and goes back to Kakao when it answers (12 s)', async () => {
    rig.server.setRule('map.kakao.com', { kind: 'stall', ms: 12_000 });
    const started = Date.now();
    const tab = await rig.browser.newTab();
    void tab.goto(SEARCH).catch(() => undefined);
    await tab.waitForUrl(isFallback, 15_000);
    await expect.poll(() => tab.text('[data-testid=cause]'), { timeout: 20_000 }).toBe('서버가 응답하지 않습니다 (시간 초과)');
    expect(await tab.text('[data-testid=waiting]')).toContain('카카오맵의 응답을 계속 기다리고 있습니다');
    // The alternatives are there meanwhile.
    expect(await tab.attribute('[data-testid=alternatives] li.primary a', 'href')).toBe(NAVER_SEARCH);
    // Kakao answers at 12 s: the tab is back on its page without a click.
    expect(await tab.waitForUrl((url) => url === SEARCH, 60_000)).toBe(SEARCH);
    expect(Date.now() - started).toBeGreaterThanOrEqual(12_000);
    await tab.close();
  }, 120_000);

  it('a slow answer does not pull back a user who chose an alternative', async () => {
    rig.server.setRule('map.kakao.com', { kind: 'stall', ms: 12_000 });
    const tab = await rig.browser.newTab();
    void tab.goto(SEARCH).catch(() => undefined);
    await tab.waitForUrl(isFallback, 15_000);
    await expect.poll(() => tab.evaluate<number>(`document.querySelectorAll('[data-testid=waiting]').length`), { timeout: 20_000 }).toBe(1);
    await tab.click('[data-testid=alternatives] li.primary a');
    await tab.waitForUrl((url) => url.startsWith('https://map.naver.com/'), 10_000);
    await new Promise((resolve) => setTimeout(resolve, 16_000));
    expect(await tab.url()).toBe(NAVER_SEARCH);
    await tab.close();
  }, 120_000);
});
