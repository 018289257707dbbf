import { describe, expect, it } from 'vitest';
import { BROWSERS } from './harness/index.ts';
import { axeViolations, seriousOrCritical } from './harness/axe.ts';
import { useRig } from './harness/suite.ts';
import type { Tab } from './harness/types.ts';
import { FALLBACK_PAGE_PATH as FALLBACK } from '../../src/core/rescue/fallback-query.ts';
import { OPTIONS_PAGE_PATH } from './harness/paths.ts';

// Addresses as people share them (test/fixtures/real-addresses.tsv has the real ones): a kko.to short
// link clicked on someone's page, KakaoMap's mobile place page for a place Detour has seen, a Tistory
// post under its title.

const enc = encodeURIComponent;

/** Types into the search field as a user would: the field's own input events, then the chosen button. */
async function searchOn(tab: Tab, text: string, alternative: string): Promise<void> {
  await tab.evaluate(`(() => {
    const input = document.querySelector('[data-testid=search-text]');
    input.value = ${JSON.stringify(text)};
    input.dispatchEvent(new Event('input', { bubbles: true }));
  })()`);
  await tab.click(`[data-testid=search-field] button[data-alternative=${alternative}]`);
}

describe.each(BROWSERS)('shared addresses on the fallback page in %s', (browserName) => {
  const rig = useRig(browserName);
  const isFallback = (url: string) => url.startsWith(rig.browser.extensionOrigin + FALLBACK);

  it("a kko.to link clicked in a blog post offers a search filled with the post's title, sent where the user picks", async () => {
    // A Tistory post (a page Detour may read the title of; on other sites that takes the optional permission).
    const invitation = '판교 웨딩홀 오시는 길';
    rig.server.setRule('kko.to', { kind: 'status', status: 502 });
    rig.server.setRule('detour-test.tistory.com', {
      kind: 'page',
      html: `<!doctype html><html lang="ko"><head><meta charset="utf-8"><title>${invitation}</title></head>
        <body><a id="map" href="https://kko.to/E47ZooGW3i">카카오맵으로 보기</a></body></html>`,
    });
    const tab = await rig.browser.newTab();
    await tab.goto('https://detour-test.tistory.com/123');
    await tab.click('#map');
    await tab.waitForUrl(isFallback);
    await expect.poll(() => tab.evaluate<string | null>(`document.querySelector('[data-testid=search-text]')?.value ?? null`), { timeout: 10_000 }).toBe(invitation);
    // The alternatives that can search are the field's buttons, in the catalogue's order; T map (no web map) keeps its row.
    expect(await tab.evaluate<string[]>(`[...document.querySelectorAll('[data-testid=search-field] button')].map((b) => b.dataset.alternative)`)).toEqual(['navermap', 'googlemaps']);
    expect(await tab.evaluate<string[]>(`[...document.querySelectorAll('[data-testid=alternatives] a')].map((a) => a.dataset.alternative)`)).toEqual(['tmap']);

    await searchOn(tab, '판교 웨딩홀', 'googlemaps');
    expect(await tab.waitForUrl((url) => url.startsWith('https://www.google.com/'))).toBe(`https://www.google.com/maps/search/?api=1&query=${enc('판교 웨딩홀')}`);
    await tab.close();
  });

  it('a kko.to link opened on its own offers an empty field; Enter sends the text to the first alternative', async () => {
    rig.server.setRule('kko.to', { kind: 'status', status: 503 });
    const tab = await rig.browser.newTab();
    await tab.goto('https://kko.to/xuwbWyYNFb');
    await tab.waitForUrl(isFallback);
    await expect.poll(() => tab.evaluate<string | null>(`document.querySelector('[data-testid=search-text]')?.value ?? null`), { timeout: 10_000 }).toBe('');
    // Nothing above it takes the focus: the field has it, ready for typing.
    await expect.poll(() => tab.evaluate<string | null>(`document.activeElement?.getAttribute('data-testid') ?? null`)).toBe('search-text');
    await tab.click('[data-testid=search-field] button[data-alternative=navermap]');
    expect(await tab.text('[data-testid=search-empty]')).toBe('검색어를 입력하세요.');
    // The field, its buttons and its message pass axe (no serious or critical WCAG 2.1 A/AA violation).
    expect(seriousOrCritical(await axeViolations(tab)).map((violation) => `${violation.id}: ${violation.nodes.join(', ')}`)).toEqual([]);

    await tab.evaluate(`(() => {
      const input = document.querySelector('[data-testid=search-text]');
      input.value = '판교역';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    })()`);
    await tab.bringToFront();
    await tab.evaluate(`document.querySelector('[data-testid=search-text]').focus()`);
    await tab.press('Enter');
    expect(await tab.waitForUrl((url) => url.startsWith('https://map.naver.com/'))).toBe(`https://map.naver.com/p/search/${enc('판교역')}`);
    await tab.close();
  });

  it('a detailMapView address of a place seen while healthy offers that place by name and position', async () => {
    const id = '404070599';
    rig.server.setRule('place.map.kakao.com', {
      kind: 'page',
      html: `<!doctype html><html><head><meta charset="utf-8"><title>카카오판교아지트 | 카카오맵</title>
        <meta property="og:title" content="카카오판교아지트"></head>
        <body><a href="https://map.kakao.com/link/map/${enc('카카오판교아지트')},37.3952969,127.1109567">지도</a></body></html>`,
    });
    const tab = await rig.browser.newTab();
    await tab.goto(`https://place.map.kakao.com/${id}`);
    const options = await rig.browser.newTab();
    await options.goto(`${rig.browser.extensionOrigin}${OPTIONS_PAGE_PATH}`);
    await expect
      .poll(
        async () => {
          await options.evaluate('location.reload()').catch(() => undefined);
          await new Promise((resolve) => setTimeout(resolve, 300));
          return options.text('[data-testid=place-count]');
        },
        { timeout: 10_000 },
      )
      .toBe('기억한 장소 1곳');

    rig.server.setRule('m.map.kakao.com', { kind: 'status', status: 503 });
    await tab.goto(`https://m.map.kakao.com/actions/detailMapView?id=${id}&refService=place`);
    await tab.waitForUrl(isFallback);
    await expect.poll(() => tab.attribute('a[data-alternative=navermap]', 'data-carries'), { timeout: 10_000 }).toBe('place');
    expect(await tab.text('a[data-alternative=navermap] .detail')).toBe('‘카카오판교아지트’ 위치 보기');
    // Naver Map as its own share links write a point: Web Mercator metres, the name, no Naver id, SIMPLE_POI.
    expect(await tab.attribute('a[data-alternative=navermap]', 'href')).toMatch(
      new RegExp(`^https://map\\.naver\\.com/p/directions/-/1414\\d{4}\\.\\d{7},449\\d{4}\\.\\d{7},${enc('카카오판교아지트')},,SIMPLE_POI/-/transit`),
    );
    expect(await tab.attribute('a[data-alternative=googlemaps]', 'href')).toBe('https://www.google.com/maps/search/?api=1&query=37.3952969%2C127.1109567');
    expect(await tab.text('[data-testid=search-field]')).toBeNull();

    await options.click('[data-testid=clear-places]');
    await tab.close();
    await options.close();
  });

  it('a Tistory post address searches its title on Naver Blog', async () => {
    const url = `https://detour-test.tistory.com/entry/${enc('도커-컴포즈-정리')}`;
    rig.server.setRule('detour-test.tistory.com', { kind: 'status', status: 503 });
    const tab = await rig.browser.newTab();
    await tab.goto(url);
    await tab.waitForUrl(isFallback);
    await expect.poll(() => tab.attribute('[data-testid=alternatives] a', 'data-alternative'), { timeout: 10_000 }).toBe('naverblog');
    expect(await tab.attribute('a[data-alternative=naverblog]', 'href')).toBe(`https://search.naver.com/search.naver?where=blog&query=${enc('도커 컴포즈 정리')}`);
    expect(await tab.text('a[data-alternative=naverblog] .detail')).toBe('‘도커 컴포즈 정리’ 검색');
    expect(await tab.attribute('a[data-alternative=google]', 'href')).toBe(`https://www.google.com/search?q=${enc('도커 컴포즈 정리')}`);
    await tab.close();
  });
});
