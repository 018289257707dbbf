import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULTS, SCHEMA_VERSION, type Settings } from '../../src/core/settings/index.ts';
import { BROWSERS, detourMessage, type Tab } from './harness/index.ts';
import { useRig } from './harness/suite.ts';
import { openOptions, openService } from './options-page.ts';
import { FALLBACK_PAGE_PATH as FALLBACK } from '../../src/core/rescue/fallback-query.ts';
import { POPUP_PAGE_PATH } from './harness/paths.ts';

const enc = encodeURIComponent;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const STORAGE = '(globalThis.browser ?? globalThis.chrome).storage';
const KAKAOMAP_LIST = '[data-testid=alternatives-kakaomap]';
const row = (id: string) => `${KAKAOMAP_LIST} li[data-alternative=${id}]`;
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

describe.each(BROWSERS)('options page in %s', (browserName) => {
  const rig = useRig(browserName);
  const isFallback = (url: string) => url.startsWith(rig.browser.extensionOrigin + FALLBACK);
  const files = mkdtempSync(join(tmpdir(), 'detour-settings-files-'));
  afterAll(() => rmSync(files, { recursive: true, force: true }));

  /** What storage.sync holds under "settings", read by a page of the extension. */
  const synced = (tab: Tab) => tab.evaluate<Settings | null>(`${STORAGE}.sync.get('settings').then((found) => found.settings ?? null)`);
  const order = (tab: Tab) => tab.evaluate<string[]>(`[...document.querySelectorAll('${KAKAOMAP_LIST} li')].map((li) => li.dataset.alternative)`);
  const focused = (tab: Tab) =>
    tab.evaluate<{ alternative: string | null; control: string | null; testid: string | null }>(
      `(() => { const el = document.activeElement; return { alternative: el?.closest('li')?.dataset.alternative ?? null, control: el?.dataset.control ?? null, testid: el?.dataset.testid ?? null }; })()`,
    );
  const syncedOrder = async (tab: Tab) => (await synced(tab))?.services.kakaomap.alternatives.map((choice) => `${choice.id}${choice.enabled ? '' : ':off'}`).join(',');

  /** A KakaoMap failure in a new tab; resolves with the tab once it shows the fallback page. */
  async function kakaoMapFails(query: string): Promise<Tab> {
    rig.server.setRule('map.kakao.com', { kind: 'status', status: 503 });
    const tab = await rig.browser.newTab();
    await tab.goto(`https://map.kakao.com/?q=${enc(query)}`);
    await tab.waitForUrl(isFallback);
    return tab;
  }
  const offeredOnFallback = (tab: Tab) => tab.evaluate<string[]>(`[...document.querySelectorAll('[data-testid=alternatives] a')].map((a) => a.dataset.alternative)`);

  beforeEach(async () => {
    // Every test starts from the defaults, whatever the one before it chose.
    const control = await rig.browser.newTab();
    await control.goto(`${rig.browser.extensionOrigin}${POPUP_PAGE_PATH}`);
    await control.evaluate(detourMessage('settings/reset', null, '() => true'));
    await control.close();
  });

  it('keeps the settings in storage.sync (a change lands there, and the page says so)', async () => {
    const options = await openOptions(rig.browser);
    await options.click('[data-testid=notifications]');
    await expect.poll(async () => (await synced(options))?.notifications).toBe(false);
    expect((await synced(options))?.schemaVersion).toBe(SCHEMA_VERSION);
    expect(await options.attribute('[data-testid=settings-home]', 'data-home')).toBe('sync');
    // Only the settings: health and the place cache stay in local storage.
    expect(await options.evaluate<string[]>(`${STORAGE}.sync.get(null).then((all) => Object.keys(all))`)).toEqual(['settings']);
    await options.close();
  });

  it('a change arriving through sync (as from another browser) reaches the open page and the next failure', async () => {
    const options = await openOptions(rig.browser);
    await openService(options, 'kakaomap');
    // Another browser's Detour writes storage.sync; here, another page of the extension does it directly.
    const writer = await rig.browser.newTab();
    await writer.goto(`${rig.browser.extensionOrigin}${POPUP_PAGE_PATH}`);
    await writer.evaluate(`${STORAGE}.sync.get('settings').then(({ settings }) => {
      settings.services.kakaomap.alternatives = [{ id: 'tmap', enabled: true }, { id: 'googlemaps', enabled: true }, { id: 'navermap', enabled: false }];
      settings.notifications = false;
      return ${STORAGE}.sync.set({ settings });
    }).then(() => true)`);
    await writer.close();
    await expect.poll(() => order(options)).toEqual(['tmap', 'googlemaps', 'navermap']);
    expect(await options.evaluate<boolean>(`document.querySelector('[data-testid=notifications]').checked`)).toBe(false);
    const tab = await kakaoMapFails('from sync');
    await expect.poll(() => offeredOnFallback(tab)).toEqual(['tmap', 'googlemaps']);
    await tab.close();
    await options.close();
  });

  it('reorders with the keyboard, keeping the focus on the moved alternative, and the fallback page follows', async () => {
    const options = await openOptions(rig.browser);
    await openService(options, 'kakaomap');
    expect(await order(options)).toEqual(['navermap', 'tmap', 'googlemaps']);
    await options.evaluate(`document.querySelector('${row('navermap')} [data-control=down]').focus()`);
    await options.press('Enter');
    await expect.poll(() => order(options)).toEqual(['tmap', 'navermap', 'googlemaps']);
    expect(await focused(options)).toMatchObject({ alternative: 'navermap', control: 'down' });
    await expect.poll(() => options.text('[data-testid=announcer]')).toBe('네이버 지도: 3개 중 2번째');
    // Alt+ArrowDown from the same button: to the bottom, where "down" is disabled, so the focus moves to "up".
    await options.press('Alt+ArrowDown');
    await expect.poll(() => order(options)).toEqual(['tmap', 'googlemaps', 'navermap']);
    expect(await focused(options)).toMatchObject({ alternative: 'navermap', control: 'up' });
    // Alt+ArrowUp on a checkbox moves its row and leaves the focus on that checkbox.
    await options.evaluate(`document.querySelector('${row('googlemaps')} [data-control=enabled]').focus()`);
    await options.press('Alt+ArrowUp');
    await expect.poll(() => order(options)).toEqual(['googlemaps', 'tmap', 'navermap']);
    expect(await focused(options)).toMatchObject({ alternative: 'googlemaps', control: 'enabled' });
    await expect.poll(() => syncedOrder(options)).toBe('googlemaps,tmap,navermap');
    expect(await options.text('[data-testid=summary-kakaomap]')).toContain('구글 지도, 티맵, 네이버 지도');

    const tab = await kakaoMapFails('판교역');
    await expect.poll(() => offeredOnFallback(tab)).toEqual(['googlemaps', 'tmap', 'navermap']);
    // The first of the user's alternatives has the focus, so Enter opens it.
    expect(await tab.evaluate<string | null>(`document.activeElement?.getAttribute('data-alternative') ?? null`)).toBe('googlemaps');
    await tab.close();
    await options.close();
  });

  it('reorders with the mouse (drag and drop), and redirect mode goes to the new first alternative', async () => {
    const options = await openOptions(rig.browser);
    await openService(options, 'kakaomap');
    await options.drag(`${row('googlemaps')} [data-testid=grip]`, row('navermap'));
    await expect.poll(() => order(options)).toEqual(['googlemaps', 'navermap', 'tmap']);
    await expect.poll(() => syncedOrder(options)).toBe('googlemaps,navermap,tmap');
    await expect.poll(() => options.text('[data-testid=announcer]')).toBe('구글 지도: 3개 중 1번째');
    // And back down past one row.
    await options.drag(`${row('googlemaps')} [data-testid=grip]`, row('navermap'));
    await expect.poll(() => syncedOrder(options)).toBe('navermap,googlemaps,tmap');
    await options.drag(`${row('googlemaps')} [data-testid=grip]`, row('navermap'));
    await expect.poll(() => syncedOrder(options)).toBe('googlemaps,navermap,tmap');

    await options.click('input[name=mode-kakaomap][value=redirect]');
    await expect.poll(async () => (await synced(options))?.services.kakaomap.mode).toBe('redirect');
    rig.server.setRule('map.kakao.com', { kind: 'status', status: 502 });
    const tab = await rig.browser.newTab();
    await tab.goto(`https://map.kakao.com/?q=${enc('판교역')}`);
    await tab.waitForUrl((url) => url === `https://www.google.com/maps/search/?api=1&query=${enc('판교역')}`, 15_000);
    await tab.close();
    await options.close();
  });

  it('an alternative turned off is not offered; with all off the fallback page says so', async () => {
    const options = await openOptions(rig.browser);
    await openService(options, 'kakaomap');
    await options.click(`${row('navermap')} [data-control=enabled]`);
    await expect.poll(() => syncedOrder(options)).toBe('navermap:off,tmap,googlemaps');
    // Still listed in its place on the options page, unchecked.
    expect(await order(options)).toEqual(['navermap', 'tmap', 'googlemaps']);
    let tab = await kakaoMapFails('off one');
    await expect.poll(() => offeredOnFallback(tab)).toEqual(['tmap', 'googlemaps']);
    await tab.close();
    // That failure confirmed an outage: the next load would take the known-down short-cut and show
    // the outage's cause, whichever load gave it (a 502 of the test before, once, under load). This
    // half is about the load's own failure.
    await rig.recover();

    await options.click(`${row('tmap')} [data-control=enabled]`);
    await options.click(`${row('googlemaps')} [data-control=enabled]`);
    await expect.poll(() => syncedOrder(options)).toBe('navermap:off,tmap:off,googlemaps:off');
    expect(await options.text('[data-testid=alternatives-none-kakaomap]')).toContain('대안을 모두 껐습니다');
    tab = await kakaoMapFails('off all');
    await expect.poll(() => tab.text('[data-testid=no-alternatives]')).toContain('카카오맵의 대안을 모두 꺼 두어');
    expect(await offeredOnFallback(tab)).toEqual([]);
    // The page still names what failed and why.
    expect(await tab.text('[data-testid=cause]')).toBe('서버 오류 503');
    await tab.close();
    await options.close();
  });

  it('exports the settings to a file and imports them back', async () => {
    const options = await openOptions(rig.browser);
    await openService(options, 'kakaomap');
    await options.click('[data-testid=notifications]');
    await options.click(`${row('tmap')} [data-control=up]`);
    await options.click('input[name=mode-kakaomap][value=redirect]');
    await expect.poll(async () => (await synced(options))?.services.kakaomap.mode).toBe('redirect');
    const wanted = await synced(options);
    expect(wanted?.notifications).toBe(false);

    // The download is the page's <a download>: catch it (no file dialog) and read the Blob behind it.
    await options.evaluate(`(() => {
      window.__downloads = [];
      document.addEventListener('click', (event) => {
        const link = event.target;
        if (link instanceof HTMLAnchorElement && link.download) { event.preventDefault(); window.__downloads.push({ name: link.download, href: link.href }); }
      }, true);
    })()`);
    await options.click('[data-testid=export]');
    await expect.poll(() => options.evaluate<number>('window.__downloads.length')).toBe(1);
    const download = await options.evaluate<{ name: string; href: string }>('window.__downloads[0]');
    expect(download.name).toMatch(/^detour-settings-\d{4}-\d{2}-\d{2}\.json$/);
    expect(download.href.startsWith('blob:')).toBe(true);
    const text = await options.evaluate<string>(`fetch(${JSON.stringify(download.href)}).then((response) => response.text())`);
    const file = JSON.parse(text) as { format: string; schemaVersion: number; exportedAt: string; settings: Settings };
    expect(file).toEqual({ format: 'detour-settings', schemaVersion: SCHEMA_VERSION, exportedAt: expect.any(String), settings: wanted });
    expect(await options.text('[data-testid=manage-status]')).toContain(download.name);

    // Change things, then bring the file back.
    await options.click('[data-testid=notifications]');
    await options.click('input[name=mode-kakaomap][value=off]');
    await expect.poll(async () => (await synced(options))?.services.kakaomap.mode).toBe('off');
    const path = join(files, download.name);
    writeFileSync(path, text);
    await options.setInputFiles('[data-testid=import-file]', path);
    await expect.poll(() => options.text('[data-testid=manage-status]')).toContain('설정을 가져왔습니다. 바뀐 설정 2개');
    expect(await options.text('[data-testid=manage-status]')).toContain('알림');
    await expect.poll(() => synced(options)).toEqual(wanted);
    // The page shows what was imported.
    expect(await options.evaluate<boolean>(`document.querySelector('input[name=mode-kakaomap][value=redirect]').checked`)).toBe(true);
    expect(await options.evaluate<boolean>(`document.querySelector('[data-testid=notifications]').checked`)).toBe(false);
    expect(await order(options)).toEqual(['tmap', 'navermap', 'googlemaps']);
    await options.close();
  });

  it.each([
    ['not JSON', 'not-json.json', 'this is not JSON {', 'JSON 파일이 아닙니다'],
    ['a foreign JSON', 'bookmarks.json', JSON.stringify({ name: 'bookmarks', items: [1, 2] }), 'Detour 설정 파일이 아닙니다'],
    [
      'an oversized file',
      'huge.json',
      JSON.stringify({ format: 'detour-settings', schemaVersion: SCHEMA_VERSION, settings: DEFAULTS, padding: 'x'.repeat(70 * 1024) }),
      '파일이 너무 큽니다 (최대 64 KB)',
    ],
    [
      'bad values',
      'bad.json',
      JSON.stringify({ format: 'detour-settings', schemaVersion: SCHEMA_VERSION, exportedAt: 'x', settings: { ...DEFAULTS, hangLimitMs: 5, probes: 'always' } }),
      '파일에 쓸 수 없는 값이 있습니다: 응답 대기 시간, 카카오 상태 확인',
    ],
    ['a file from a newer Detour', 'newer.json', JSON.stringify({ format: 'detour-settings', schemaVersion: SCHEMA_VERSION + 1, exportedAt: 'x', settings: DEFAULTS }), '더 새 버전의 Detour'],
  ])('a broken import (%s) changes nothing and says why', async (_label, name, content, message) => {
    const options = await openOptions(rig.browser);
    await options.click('[data-testid=notifications]');
    await expect.poll(async () => (await synced(options))?.notifications).toBe(false);
    const before = await synced(options);
    const path = join(files, name);
    writeFileSync(path, content);
    await options.setInputFiles('[data-testid=import-file]', path);
    await expect.poll(() => options.text('[data-testid=import-error]')).toContain(message);
    expect(await options.text('[data-testid=import-error]')).toContain('설정은 바뀌지 않았습니다');
    expect(await options.attribute('[data-testid=import-error]', 'role')).toBe('alert');
    await sleep(500);
    expect(await synced(options)).toEqual(before);
    expect(await options.evaluate<boolean>(`document.querySelector('[data-testid=notifications]').checked`)).toBe(false);
    await options.close();
  });

  it('reset asks first (Escape keeps everything), then resets the settings but not the remembered places', async () => {
    const options = await openOptions(rig.browser);
    await options.evaluate(`${STORAGE}.local.set({ placeCache: { '12345678': { name: '카카오판교아지트', seenAt: Date.now() } } }).then(() => true)`);
    await options.evaluate('location.reload()').catch(() => undefined);
    await expect.poll(() => options.text('[data-testid=place-count]')).toBe('기억한 장소 1곳');
    await openService(options, 'kakaomap');
    await options.click('[data-testid=notifications]');
    await options.click(`${row('navermap')} [data-control=enabled]`);
    await expect.poll(() => syncedOrder(options)).toBe('navermap:off,tmap,googlemaps');
    const changed = await synced(options);

    await options.click('[data-testid=reset]');
    await expect.poll(() => options.text('[data-testid=reset-confirm-step]')).toContain('기억한 장소는 지우지 않습니다');
    await expect.poll(() => focused(options)).toMatchObject({ testid: 'reset-cancel' });
    await options.press('Escape');
    await expect.poll(() => focused(options)).toMatchObject({ testid: 'reset' });
    expect(await options.evaluate<boolean>(`!document.querySelector('[data-testid=reset-confirm-step]')`)).toBe(true);
    expect(await synced(options)).toEqual(changed);

    await options.click('[data-testid=reset]');
    await options.click('[data-testid=reset-confirm]');
    await expect.poll(() => options.text('[data-testid=manage-status]')).toContain('기본값으로 되돌렸습니다');
    await expect.poll(() => synced(options)).toEqual(DEFAULTS);
    expect(await options.evaluate<boolean>(`document.querySelector('[data-testid=notifications]').checked`)).toBe(true);
    expect(await order(options)).toEqual(['navermap', 'tmap', 'googlemaps']);
    expect(await options.text('[data-testid=place-count]')).toBe('기억한 장소 1곳');
    await options.close();
  });

  it('probe setting "off (check now only)" stops the probe after a failure; the default probes at once', async () => {
    // The control probe (Naver's home favicon) goes with every check; nothing else asks for it here.
    const controlProbes = () => rig.server.requestsTo('www.naver.com').filter((entry) => entry.path === '/favicon.ico').length;
    const options = await openOptions(rig.browser);
    await options.click('input[name=probes][value=manual]');
    await expect.poll(async () => (await synced(options))?.probes).toBe('manual');
    let before = controlProbes();
    let tab = await kakaoMapFails('manual');
    await sleep(3000);
    expect(controlProbes()).toBe(before);
    await tab.close();

    await options.click('input[name=probes][value=auto]');
    await expect.poll(async () => (await synced(options))?.probes).toBe('auto');
    before = controlProbes();
    tab = await kakaoMapFails('auto');
    await expect.poll(controlProbes, { timeout: 10_000 }).toBeGreaterThan(before);
    await tab.close();
    await options.close();
  });

  it('has no accessibility violations (axe-core), with a service open and the reset step shown', async () => {
    const options = await openOptions(rig.browser);
    await openService(options, 'kakaomap');
    await options.click('[data-testid=reset]');
    await options.evaluate(`${AXE_SOURCE}\n;true`);
    const result = await options.evaluate<{ passes: number; violations: Array<{ id: string; targets: string[] }> }>(
      `axe.run(document).then((result) => ({ passes: result.passes.length, violations: result.violations.map((v) => ({ id: v.id, targets: v.nodes.map((n) => n.target.join(' ')) })) }))`,
    );
    expect(result.violations).toEqual([]);
    // It did look: these rules ran and passed.
    expect(result.passes).toBeGreaterThan(10);
    await options.close();
  });
});
