// Renders what a user sees, from the real built extension in the real browsers against the fault
// server, into docs/screenshots (shown in the README). Run: npm run screenshots (after npm run build).
import { mkdirSync } from 'node:fs';
import { ROOT } from '../test/e2e/harness/paths.ts';
import { startRig, type BrowserName } from '../test/e2e/harness/index.ts';

const OUT = `${ROOT}docs/screenshots`;
mkdirSync(OUT, { recursive: true });

async function shoot(browserName: BrowserName, language: 'ko' | 'en'): Promise<void> {
  const rig = await startRig(browserName, { language });
  try {
    await rig.server.setTransport('refuse', 'kakao');
    const tab = await rig.browser.newTab();
    await tab.goto('https://map.kakao.com/?q=%ED%8C%90%EA%B5%90%EC%97%AD');
    await tab.waitForUrl((url) => url.startsWith(`${rig.browser.extensionOrigin}src/ui/fallback/`));
    await new Promise((resolve) => setTimeout(resolve, 300));
    await tab.screenshot(`${OUT}/fallback-${browserName}-${language}.png`);
    await rig.server.setTransport('normal');
    const popup = await rig.browser.newTab();
    await popup.goto(`${rig.browser.extensionOrigin}src/ui/popup/index.html`);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await popup.screenshot(`${OUT}/popup-${browserName}-${language}.png`);
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
