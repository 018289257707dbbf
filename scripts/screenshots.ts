// Renders what a user sees, from the real built extension in the real browsers against the fault
// server, into docs/screenshots (shown in the README): the fallback page, the popup (healthy and
// during an outage), the options page and the in-page banner, in Korean and English.
// Run: npm run screenshots (after npm run build; root, as for the Firefox tests).
import { mkdirSync } from 'node:fs';
import { ROOT } from '../test/e2e/harness/paths.ts';
import { startRig, type BrowserName } from '../test/e2e/harness/index.ts';
import { openDegradedDaumSearch } from '../test/e2e/harness/outages.ts';
import { poll } from '../test/e2e/harness/types.ts';

const OUT = `${ROOT}docs/screenshots`;
mkdirSync(OUT, { recursive: true });
const settle = () => new Promise((resolve) => setTimeout(resolve, 400));

async function shoot(browserName: BrowserName, language: 'ko' | 'en'): Promise<void> {
  const rig = await startRig(browserName, { language });
  const name = (what: string) => `${OUT}/${what}-${browserName}-${language}.png`;
  try {
    const popup = await rig.browser.newTab();
    await popup.goto(`${rig.browser.extensionOrigin}src/ui/popup/index.html`);
    await settle();
    await popup.screenshot(name('popup'));

    const options = await rig.browser.newTab();
    await options.goto(`${rig.browser.extensionOrigin}src/ui/options/index.html`);
    // KakaoMap's entry open: its mode and its alternatives, in order, with the controls to reorder them.
    await poll(() => options.evaluate<boolean>(`!!document.querySelector('[data-service-details=kakaomap] summary')`), Boolean, 5000, 'the options page');
    await options.click('[data-service-details=kakaomap] summary');
    await settle();
    await options.screenshot(name('options'));

    await rig.server.setTransport('refuse', 'kakao');
    const tab = await rig.browser.newTab();
    await tab.goto('https://map.kakao.com/?q=%ED%8C%90%EA%B5%90%EC%97%AD');
    await tab.waitForUrl((url) => url.startsWith(`${rig.browser.extensionOrigin}src/ui/fallback/`));
    await settle();
    await tab.screenshot(name('fallback'));
    await popup.goto(`${rig.browser.extensionOrigin}src/ui/popup/index.html`);
    await settle();
    await popup.screenshot(name('popup-outage'));
    await rig.server.setTransport('normal');
    await rig.recover();

    const degraded = await openDegradedDaumSearch(rig, language === 'ko' ? '날씨' : 'weather');
    await poll(() => degraded.evaluate<boolean>(`document.querySelector('#detour-banner-host') !== null`), Boolean, 10_000, 'the banner');
    await settle();
    await degraded.screenshot(name('banner'));
  } finally {
    await rig.close();
  }
}

for (const browserName of ['chromium', 'firefox'] as const) {
  for (const language of ['ko', 'en'] as const) {
    await shoot(browserName, language);
    console.log(`docs/screenshots/*-${browserName}-${language}.png`);
  }
}
