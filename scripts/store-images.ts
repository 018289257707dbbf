// Store images, made from the built extension (run `npm run build` first; root, as for the tests):
//   docs/store/screenshot-{1..4}-{ko,en}.png   1280x800: Chrome Web Store, AMO, Edge Add-ons
//   docs/store/promo-440x280-{ko,en}.png       Chrome Web Store's small promo tile
//   docs/store/icon-128.png                    store icon: 96x96 artwork, 16 px transparent padding
// Each screenshot is a real 1280x720 capture of Detour in Chromium (the harness of the real-browser
// tests, against the local fault server), under an 80 px caption band that says what it shows.
// Run: npm run store-images
import { mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { startRig } from '../test/e2e/harness/index.ts';
import { openDegradedDaumSearch } from '../test/e2e/harness/outages.ts';
import { OPTIONS_PAGE_PATH, POPUP_PAGE_PATH, ROOT } from '../test/e2e/harness/paths.ts';
import { poll } from '../test/e2e/harness/types.ts';

type Language = 'ko' | 'en';
const OUT = `${ROOT}docs/store`;
const RAW = join(tmpdir(), `detour-store-raw-${process.pid}`);
mkdirSync(OUT, { recursive: true });
mkdirSync(RAW, { recursive: true });
const settle = () => new Promise((resolve) => setTimeout(resolve, 400));

/** What each screenshot shows, in the store's words (store images are not extension UI: no _locales). */
const CAPTIONS: Record<Language, readonly string[]> = {
  ko: [
    '카카오맵이 안 될 때, 오류 화면 대신 같은 검색을 네이버 지도·티맵·구글 지도에서',
    '서비스별 상태와 지난 24시간 기록을 한눈에',
    '페이지 일부가 고장 나면, 안내 배너로 다른 서비스를',
    '서비스마다 할 일과 대안의 순서를 직접 정하기',
  ],
  en: [
    'KakaoMap down? The same search on Naver Map, T map or Google Maps, not an error page',
    "Every service's status and its last 24 hours at a glance",
    'When part of a page breaks, a banner offers other services',
    'Choose what happens, and which alternatives come first, per service',
  ],
};
const TILE: Record<Language, { title: string; line: string }> = {
  ko: { title: '카카오 장애 때<br>다른 서비스로', line: 'Detour · 비공식 확장' },
  en: { title: 'Around<br>Kakao outages', line: 'Detour · unofficial extension' },
};
const FONT = `system-ui, 'Noto Sans KR', 'NanumGothic', 'NanumBarunGothic', sans-serif`;
const ICON_SVG = readFileSync(`${ROOT}scripts/assets/icon.svg`, 'utf8');
/** The icon's rounded square alone (its 4 px margin cropped), for placing it at an exact size. */
const ICON_ARTWORK = ICON_SVG.replace('viewBox="0 0 128 128"', 'viewBox="4 4 120 120"');

/** Raw captures of Detour itself, with the extension loaded in Chromium. */
async function capture(language: Language): Promise<{ shots: string[]; popup: string }> {
  const rig = await startRig('chromium', { language });
  const file = (name: string) => join(RAW, `${name}-${language}.png`);
  try {
    await rig.server.setTransport('refuse', 'kakao');
    const tab = await rig.browser.newTab();
    await tab.setViewport(1280, 720);
    await tab.goto(`https://map.kakao.com/?q=${encodeURIComponent(language === 'ko' ? '판교역' : 'Pangyo Station')}`);
    await tab.waitForUrl((url) => url.startsWith(`${rig.browser.extensionOrigin}src/ui/fallback/`));
    await poll(() => tab.evaluate<boolean>(`!!document.querySelector('a[data-alternative=navermap]')`), Boolean, 10_000, 'the fallback links');
    await settle();
    await tab.screenshot(file('fallback'));

    // The popup at its own size, as the browser shows it under the toolbar button.
    const popup = await rig.browser.newTab();
    await popup.setViewport(360, 600);
    await popup.goto(`${rig.browser.extensionOrigin}${POPUP_PAGE_PATH}`);
    await settle();
    await settle();
    const height = await popup.evaluate<number>('Math.ceil(document.querySelector("main")?.getBoundingClientRect().bottom ?? 600)');
    await popup.setViewport(360, Math.min(760, Math.max(200, height + 8)));
    await settle();
    await popup.screenshot(file('popup'));
    await rig.server.setTransport('normal');
    await rig.recover();

    const degraded = await openDegradedDaumSearch(rig, language === 'ko' ? '날씨' : 'weather');
    await degraded.setViewport(1280, 720);
    await poll(() => degraded.evaluate<boolean>(`document.querySelector('#detour-banner-host') !== null`), Boolean, 10_000, 'the banner');
    await settle();
    await degraded.screenshot(file('banner'));

    const options = await rig.browser.newTab();
    await options.setViewport(1280, 720);
    await options.goto(`${rig.browser.extensionOrigin}${OPTIONS_PAGE_PATH}`);
    await poll(() => options.evaluate<boolean>(`!!document.querySelector('[data-service-details=kakaomap] summary')`), Boolean, 5000, 'the options page');
    await options.click('[data-service-details=kakaomap] summary');
    await settle();
    await options.screenshot(file('options'));
    return { shots: [file('fallback'), file('popup'), file('banner'), file('options')], popup: file('popup') };
  } finally {
    await rig.close();
  }
}

const dataUrl = (path: string) => `data:image/png;base64,${readFileSync(path).toString('base64')}`;
const escapeText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** Composes the store images in a plain Chromium page (no extension). */
async function compose(all: Record<Language, { shots: string[]; popup: string }>): Promise<void> {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  const page = await browser.newPage({ deviceScaleFactor: 1 });
  try {
    for (const language of ['ko', 'en'] as const) {
      const { shots, popup } = all[language];
      for (const [index, shot] of shots.entries()) {
        await page.setViewportSize({ width: 1280, height: 800 });
        // The popup is small: it sits on a calm backdrop, as under the toolbar button.
        const body = shot === popup ? `<div class="stage"><img class="popup" src="${dataUrl(shot)}"></div>` : `<img class="shot" src="${dataUrl(shot)}">`;
        await page.setContent(`<!doctype html><html lang="${language}"><meta charset="utf-8"><style>
          html, body { margin: 0; width: 1280px; height: 800px; overflow: hidden; font-family: ${FONT}; }
          .cap { height: 80px; box-sizing: border-box; display: flex; align-items: center; gap: 16px; padding: 0 32px; background: #0b7f5a; color: #fff; font-size: 27px; font-weight: 700; letter-spacing: -0.01em; word-break: keep-all; }
          .cap svg { width: 44px; height: 44px; flex: none; }
          .shot { display: block; width: 1280px; height: 720px; }
          .stage { height: 720px; display: flex; align-items: flex-start; justify-content: flex-end; padding: 24px 120px 0 0; box-sizing: border-box; background: linear-gradient(160deg, #eef3f1, #dfe8e4); }
          .popup { display: block; border-radius: 10px; box-shadow: 0 12px 40px rgba(0,0,0,.22), 0 0 0 1px rgba(0,0,0,.08); max-height: 680px; }
        </style><div class="cap">${ICON_ARTWORK}<span>${escapeText(CAPTIONS[language][index] ?? '')}</span></div>${body}</html>`);
        await page.waitForLoadState('load');
        await page.screenshot({ path: `${OUT}/screenshot-${index + 1}-${language}.png` });
      }

      await page.setViewportSize({ width: 440, height: 280 });
      await page.setContent(`<!doctype html><html lang="${language}"><meta charset="utf-8"><style>
        html, body { margin: 0; width: 440px; height: 280px; overflow: hidden; font-family: ${FONT}; }
        .tile { box-sizing: border-box; width: 440px; height: 280px; display: flex; align-items: center; gap: 26px; padding: 0 30px; background: linear-gradient(150deg, #0e8f66, #08684a); color: #fff; }
        .tile svg { width: 112px; height: 112px; flex: none; filter: drop-shadow(0 6px 14px rgba(0,0,0,.25)); }
        h1 { margin: 0 0 14px; font-size: 34px; line-height: 1.2; font-weight: 800; letter-spacing: -0.02em; word-break: keep-all; }
        p { margin: 0; font-size: 17px; opacity: .92; }
      </style><div class="tile">${ICON_SVG}<div><h1>${TILE[language].title}</h1><p>${escapeText(TILE[language].line)}</p></div></div></html>`);
      await page.screenshot({ path: `${OUT}/promo-440x280-${language}.png` });
    }

    // The store icon: 96x96 artwork centred on a transparent 128x128 canvas.
    await page.setViewportSize({ width: 128, height: 128 });
    await page.setContent(`<style>html,body{margin:0;background:transparent}svg{display:block;width:96px;height:96px;margin:16px}</style>${ICON_ARTWORK}`);
    await page.screenshot({ path: `${OUT}/icon-128.png`, omitBackground: true });
  } finally {
    await browser.close();
  }
}

const captured = { ko: await capture('ko'), en: await capture('en') };
await compose(captured);
console.log(`docs/store: screenshot-1..4-{ko,en}.png (1280x800), promo-440x280-{ko,en}.png, icon-128.png`);
