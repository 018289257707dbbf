// Renders what a user sees, from the real built extension in the real browsers against the fault
// server, into docs/screenshots (shown in the README): the fallback page, the popup (healthy and
// during an outage), the options page and the in-page banner, in Korean and English, light and dark,
// at 1280 px and at a phone's 390 px.
// Run: npm run screenshots (after npm run build; root, as for the Firefox tests).
// SHOTS_BROWSERS=chromium SHOTS_LANGUAGES=ko SHOTS_SCHEMES=dark narrow a run down while iterating.
import { hasBanner } from '../test/e2e/harness/banner-view.ts';
import { mkdirSync } from 'node:fs';
import { OPTIONS_PAGE_PATH, POPUP_PAGE_PATH, ROOT } from '../test/e2e/harness/paths.ts';
import { startRig, type BrowserName } from '../test/e2e/harness/index.ts';
import { openDegradedDaumSearch } from '../test/e2e/harness/outages.ts';
import { poll, type Tab } from '../test/e2e/harness/types.ts';

const OUT = `${ROOT}docs/screenshots`;
mkdirSync(OUT, { recursive: true });
const settle = () => new Promise((resolve) => setTimeout(resolve, 500));
type Scheme = 'light' | 'dark';
const WIDE = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

const pick = <T extends string>(env: string | undefined, all: readonly T[]): readonly T[] => (env ? all.filter((value) => env.split(',').includes(value)) : all);

async function shoot(browserName: BrowserName, language: 'ko' | 'en', scheme: Scheme): Promise<void> {
  const rig = await startRig(browserName, { language, colorScheme: scheme });
  const name = (what: string, phone = false) => `${OUT}/${what}-${browserName}-${language}${scheme === 'dark' ? '-dark' : ''}${phone ? '-390' : ''}.png`;
  /** The page at 1280 px, then at 390 px (whole page, so what is below the fold shows too). */
  const both = async (tab: Tab, what: string) => {
    await tab.setViewport(WIDE.width, WIDE.height);
    await settle();
    await tab.screenshot(name(what));
    await tab.setViewport(PHONE.width, PHONE.height);
    await settle();
    await tab.screenshot(name(what, true), { fullPage: true });
    await tab.setViewport(WIDE.width, WIDE.height);
  };
  try {
    const popup = await rig.browser.newTab();
    await popup.setViewport(360, 600);
    await popup.goto(`${rig.browser.extensionOrigin}${POPUP_PAGE_PATH}`);
    await settle();
    await popup.screenshot(name('popup'));

    const options = await rig.browser.newTab();
    await options.goto(`${rig.browser.extensionOrigin}${OPTIONS_PAGE_PATH}`);
    // KakaoMap's entry open: its mode and its alternatives, in order, with the controls to reorder them.
    await poll(() => options.evaluate<boolean>(`!!document.querySelector('[data-service-details=kakaomap] summary')`), Boolean, 5000, 'the options page');
    await options.click('[data-service-details=kakaomap] summary');
    await both(options, 'options');

    await rig.server.setTransport('refuse', 'kakao');
    const tab = await rig.browser.newTab();
    await tab.goto('https://map.kakao.com/?q=%ED%8C%90%EA%B5%90%EC%97%AD');
    await tab.waitForUrl((url) => url.startsWith(`${rig.browser.extensionOrigin}src/ui/fallback/`));
    await poll(
      () => tab.text('[data-testid=severity]'),
      (text) => text !== null,
      5000,
      'the fallback page',
    );
    await settle();
    await both(tab, 'fallback');
    await popup.goto(`${rig.browser.extensionOrigin}${POPUP_PAGE_PATH}`);
    await settle();
    await popup.screenshot(name('popup-outage'));
    await rig.server.setTransport('normal');
    await rig.recover();

    const degraded = await openDegradedDaumSearch(rig, language === 'ko' ? '날씨' : 'weather');
    await poll(() => hasBanner(degraded), Boolean, 10_000, 'the banner');
    await both(degraded, 'banner');
  } finally {
    await rig.close();
  }
}

for (const browserName of pick(process.env.SHOTS_BROWSERS, ['chromium', 'firefox'] as const)) {
  for (const language of pick(process.env.SHOTS_LANGUAGES, ['ko', 'en'] as const)) {
    for (const scheme of pick(process.env.SHOTS_SCHEMES, ['light', 'dark'] as const)) {
      await shoot(browserName, language, scheme);
      console.log(`docs/screenshots/*-${browserName}-${language}${scheme === 'dark' ? '-dark' : ''}*.png`);
    }
  }
}
