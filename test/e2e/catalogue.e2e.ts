import { describe, expect, it } from 'vitest';
import { BROWSERS } from './harness/index.ts';
import { useRig } from './harness/suite.ts';
import { FALLBACK_PAGE_PATH as FALLBACK } from '../../src/core/rescue/fallback-query.ts';
import { OPTIONS_PAGE_PATH } from './harness/paths.ts';

const enc = encodeURIComponent;

/** Addresses of four kinds of Kakao service, and the first link the fallback page must offer. */
const SERVICES = [
  { kind: 'map', url: `https://map.kakao.com/link/search/${enc('판교역')}`, first: 'navermap', href: `https://map.naver.com/p/search/${enc('판교역')}` },
  { kind: 'search', url: `https://search.daum.net/search?w=news&q=${enc('카카오 장애')}`, first: 'naver', href: `https://search.naver.com/search.naver?where=news&query=${enc('카카오 장애')}` },
  { kind: 'music', url: `https://www.melon.com/search/total/index.htm?q=${enc('아이유')}`, first: 'vibe', href: `https://vibe.naver.com/search?query=${enc('아이유')}` },
  { kind: 'taxi', url: 'https://t.kakao.com/', first: 'ut', href: 'https://m.uber.com/' },
] as const;

describe.each(BROWSERS)('the catalogue on the fallback page in %s', (browserName) => {
  const rig = useRig(browserName);
  const isFallback = (url: string) => url.startsWith(rig.browser.extensionOrigin + FALLBACK);

  it.each(SERVICES)('a failed $kind service offers its alternatives', async ({ url, first, href }) => {
    rig.server.setRule(new URL(url).hostname, { kind: 'status', status: 502 });
    const tab = await rig.browser.newTab();
    await tab.goto(url);
    await tab.waitForUrl(isFallback);
    await expect.poll(() => tab.attribute('[data-testid=alternatives] a', 'data-alternative')).toBe(first);
    expect(await tab.attribute('[data-testid=alternatives] a', 'href')).toBe(href);
    await tab.close();
  });

  it('remembers a place seen while healthy and offers it by name and position during an outage', async () => {
    const placeUrl = 'https://place.map.kakao.com/8130474';
    rig.server.setRule('place.map.kakao.com', {
      kind: 'page',
      html: `<!doctype html><html><head><meta charset="utf-8"><title>카카오판교아지트 | 카카오맵</title>
        <meta property="og:title" content="카카오판교아지트"></head>
        <body><a href="https://map.kakao.com/link/map/${enc('카카오판교아지트')},37.3952969,127.1109567">지도</a></body></html>`,
    });
    const tab = await rig.browser.newTab();
    await tab.goto(placeUrl);
    // The content script reports the page; wait until the options page counts the place.
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

    rig.server.setRule('place.map.kakao.com', { kind: 'status', status: 503 });
    await tab.goto(`${placeUrl}?again`);
    await tab.goto(placeUrl);
    await tab.waitForUrl(isFallback);
    await expect.poll(() => tab.attribute('a[data-alternative=navermap]', 'data-carries')).toBe('place');
    expect(await tab.text('a[data-alternative=navermap] .detail')).toContain('카카오판교아지트');
    const google = await tab.attribute('a[data-alternative=googlemaps]', 'href');
    expect(google).toContain('37.3952969');

    await options.click('[data-testid=clear-places]');
    await expect.poll(() => options.text('[data-testid=place-count]')).toBe('기억한 장소 0곳');
    await tab.close();
    await options.close();
  });
});
