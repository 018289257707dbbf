import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS, startRig, type Rig } from './harness/index.ts';
import { poll } from './harness/types.ts';
import { OPTIONS_PAGE_PATH, POPUP_PAGE_PATH } from './harness/paths.ts';

/**
 * Firefox for Android shows the extension's pages at the phone's width: 360 CSS pixels on most phones.
 * Each page must fit it: no sideways scrolling, no control cut off at the right edge.
 */
const PHONE = { width: 360, height: 740 };

/** Page-side: how far the document, or any visible element, reaches past the viewport's right edge. */
const OVERFLOW = `(() => {
  const width = document.documentElement.clientWidth;
  const past = [...document.querySelectorAll('body *')]
    .filter((element) => element.getClientRects().length > 0 && getComputedStyle(element).visibility !== 'hidden')
    .map((element) => ({ element, right: element.getBoundingClientRect().right }))
    .filter(({ right }) => right > width + 1)
    .map(({ element, right }) => element.tagName.toLowerCase() + (element.className ? '.' + String(element.className).split(' ')[0] : '') + ' ' + Math.round(right));
  return { scroll: document.documentElement.scrollWidth - width, past: past.slice(0, 5) };
})()`;

describe.each(BROWSERS)('pages at a phone width (360 px) in %s', (browserName) => {
  let rig: Rig;
  beforeAll(async () => {
    rig = await startRig(browserName);
  });
  afterAll(async () => {
    await rig?.close();
  });

  async function fits(path: string, ready: string) {
    const tab = await rig.browser.newTab();
    await tab.setViewport(PHONE.width, PHONE.height);
    if (path.startsWith('https://')) {
      await tab.goto(path);
      await tab.waitForUrl((url) => url.startsWith(`${rig.browser.extensionOrigin}src/ui/fallback/`));
    } else {
      await tab.goto(`${rig.browser.extensionOrigin}${path}`);
    }
    await poll(() => tab.evaluate<boolean>(`!!document.querySelector(${JSON.stringify(ready)})`), Boolean, 10_000, ready);
    const measured = await tab.evaluate<{ scroll: number; past: string[] }>(OVERFLOW);
    await tab.close();
    return measured;
  }

  it('the popup', async () => {
    expect(await fits(POPUP_PAGE_PATH, '[data-testid=verdict], main')).toEqual({ scroll: 0, past: [] });
  });

  it('the options page, a service entry open', async () => {
    expect(await fits(OPTIONS_PAGE_PATH, '[data-service-details=kakaomap] summary')).toEqual({ scroll: 0, past: [] });
  });

  it('the fallback page during an outage', async () => {
    await rig.server.setTransport('refuse', 'kakao');
    try {
      expect(await fits('https://map.kakao.com/?q=%ED%8C%90%EA%B5%90%EC%97%AD', 'a[data-alternative=navermap]')).toEqual({ scroll: 0, past: [] });
    } finally {
      await rig.server.setTransport('normal');
      await rig.recover();
    }
  });
});
