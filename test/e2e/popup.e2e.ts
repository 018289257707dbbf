import { describe, expect, it } from 'vitest';
import { BROWSERS, type Tab } from './harness/index.ts';
import { openDegradedDaumSearch } from './harness/outages.ts';
import { useRig } from './harness/suite.ts';
import { FALLBACK_PAGE_PATH as FALLBACK } from '../../src/core/rescue/fallback-query.ts';
import { OPTIONS_PAGE_PATH as OPTIONS, POPUP_PAGE_PATH as POPUP } from './harness/paths.ts';

/** The extension's API, as a page of the extension sees it, in either browser. */
const API = '(globalThis.browser ?? globalThis.chrome)';

interface Row {
  readonly status: string | null;
  readonly word: string;
  readonly mark: string;
  readonly detail: string;
  readonly days?: readonly (string | null)[];
  readonly history: string | null;
  readonly segments: readonly string[];
}

describe.each(BROWSERS)('popup in %s', (browserName) => {
  // Every test starts with every service up (two rounds of "check now" against a healthy server).
  const rig = useRig(browserName);

  /** Waits for the popup's first paint from storage ('cached') or the background's answer ('fresh'). */
  const painted = (popup: Tab, source: RegExp) => expect.poll(() => popup.evaluate<string | undefined>('document.documentElement.dataset.painted'), { timeout: 10_000 }).toMatch(source);

  async function openPopup(): Promise<Tab> {
    const popup = await rig.browser.newTab();
    await popup.goto(rig.browser.extensionOrigin + POPUP);
    // Fresh: the background has answered (controls enabled) after the first paint from storage.
    await painted(popup, /^fresh$/);
    return popup;
  }

  /** Reopens the popup; the marker is cleared first, so the old document cannot answer for the new one. */
  async function reopen(popup: Tab, source = /^fresh$/): Promise<void> {
    await popup.evaluate(`delete document.documentElement.dataset.painted; location.reload(); true`).catch(() => undefined);
    await painted(popup, source);
  }

  /** Reopens the popup until it shows what is expected (the background works at its own pace). */
  async function reopenUntil<T>(popup: Tab, read: () => Promise<T>, expected: T): Promise<void> {
    await expect
      .poll(
        async () => {
          await reopen(popup);
          return read();
        },
        { timeout: 15_000, interval: 300 },
      )
      .toEqual(expected);
  }

  const row = (popup: Tab, service: string) =>
    popup.evaluate<Row | null>(`(() => {
      const li = document.querySelector('[data-service=${service}]');
      if (!li) return null;
      const bar = li.querySelector('[data-testid=history-24h]');
      const month = li.querySelector('[data-testid=history-30d]');
      return {
        status: li.getAttribute('data-status'),
        word: li.querySelector('.service-status')?.textContent ?? '',
        mark: li.querySelector('.mark')?.className ?? '',
        detail: li.querySelector('[data-testid=service-detail]')?.textContent ?? '',
        history: li.querySelector('[data-testid=history-readout]')?.textContent ?? null,
        segments: bar ? [...bar.children].map((segment) => segment.getAttribute('data-status')) : [],
        days: month ? [...month.children].map((segment) => segment.getAttribute('data-status')) : [],
      };
    })()`);
  const statusOf = async (popup: Tab, service: string) => (await row(popup, service))?.status ?? null;

  async function checkNow(popup: Tab): Promise<void> {
    await popup.click('[data-testid=check-now]');
    await expect.poll(() => popup.evaluate<boolean>(`document.querySelector('[data-testid=check-now]')?.disabled === false`), { timeout: 15_000 }).toBe(true);
  }

  it('all up: the verdict, and per service its word, mark, since when, last check with latency, and 24 hours of history', async () => {
    const popup = await openPopup();
    expect(await popup.text('[data-testid=verdict]')).toBe('카카오 서비스가 모두 정상입니다');
    // Reassuring, not an error: what Detour keeps an eye on.
    expect(await popup.text('[data-testid=watching]')).toMatch(/^지켜보는 서비스 16개: 카카오맵, 카카오 T, /);
    expect(await popup.evaluate<number>(`document.querySelectorAll('[data-testid=outages]').length`)).toBe(0);
    expect(await popup.evaluate<number>(`document.querySelectorAll('[data-testid=services] > li').length`)).toBe(16);
    expect(await popup.evaluate<number>(`performance.getEntriesByName('detour-first-paint').length`)).toBe(1);
    // The time since the last probe goes into history once a second has passed: reopen until it shows.
    await reopenUntil(popup, async () => (await row(popup, 'kakaomap'))?.segments.at(-1), 'up');
    const kakaomap = (await row(popup, 'kakaomap'))!;
    expect(kakaomap).toMatchObject({ status: 'up', word: '정상', mark: 'mark mark-up' });
    // "방금 전부터 · 방금 전 확인 · 응답 12ms" (or "N초 전"): since when, the last check and its latency.
    expect(kakaomap.detail).toMatch(/^(방금 전|\d+초 전|\d+분 전)부터 · (방금 전|\d+초 전|\d+분 전) 확인 · 응답 \d+ms$/);
    // A sentence for the day under the bars, until a segment is pointed at.
    expect(kakaomap.history).toMatch(/^지난 24시간: 정상 \d+분, 기록 없음 23시간 \d+분$/);
    expect(kakaomap.segments).toHaveLength(48);
    expect(kakaomap.segments.slice(0, -2).every((status) => status === 'none')).toBe(true);
    expect(kakaomap.days).toHaveLength(30);
    expect(kakaomap.days!.at(-1)).toBe('up');
    expect(await popup.text('[data-service=kakaomap] [data-testid=history-24h-uptime]')).toBe('가동률 100%');
    // One tab stop per bar; the arrow keys walk the segments and each is read out with its time and status.
    expect(await popup.evaluate<number>(`document.querySelectorAll('[data-service=kakaomap] [data-testid=history] [tabindex="0"]').length`)).toBe(2);
    await popup.evaluate(`document.querySelector('[data-service=kakaomap] [data-testid=history-24h] [tabindex="0"]').focus()`);
    expect(await popup.text('[data-service=kakaomap] [data-testid=history-readout]')).toMatch(/\d+:\d\d.*: 정상$/);
    await popup.press('ArrowLeft');
    expect(await popup.text('[data-service=kakaomap] [data-testid=history-readout]')).toMatch(/\d+:\d\d.*: 기록 없음$/);
    expect(await popup.evaluate<string>(`document.activeElement.getAttribute('data-status')`)).toBe('none');
    await popup.close();
  });

  it('down: a 503 confirmed by a probe is named in the verdict and heads the list as 장애', async () => {
    rig.server.setRule('www.melon.com', { kind: 'status', status: 503 });
    const tab = await rig.browser.newTab();
    await tab.goto('https://www.melon.com/search/total/index.htm?q=popup');
    await tab.waitForUrl((url) => url.startsWith(rig.browser.extensionOrigin + FALLBACK));
    const popup = await openPopup();
    await reopenUntil(popup, () => statusOf(popup, 'melon'), 'down');
    expect(await popup.text('[data-testid=verdict]')).toBe('장애: 멜론');
    expect(await row(popup, 'melon')).toMatchObject({ word: '장애', mark: 'mark mark-down' });
    // The thing to do is the filled button: the failed search, carried to the first alternative; "지금 확인" is secondary.
    expect(await popup.text('[data-outage=melon] [data-testid=outage-go]')).toBe('바이브 (VIBE)에서 이어 가기');
    expect(await popup.attribute('[data-outage=melon] [data-testid=outage-go]', 'class')).toBe('button outage-go');
    expect(await popup.attribute('[data-testid=check-now]', 'class')).toBe('button secondary');
    expect(await popup.attribute('[data-outage=melon] [data-testid=outage-go]', 'href')).toMatch(/^https:\/\/vibe\.naver\.com\/search\?query=popup/);
    expect(await popup.attribute('[data-testid=services] > li', 'data-service')).toBe('melon');
    await popup.close();
    await tab.close();
  });

  it('degraded: a page whose API calls fail shows 일부 장애, the page left alone', async () => {
    const tab = await openDegradedDaumSearch(rig, 'popup');
    const popup = await openPopup();
    await reopenUntil(popup, () => statusOf(popup, 'daumsearch'), 'degraded');
    expect(await popup.text('[data-testid=verdict]')).toBe('장애: Daum 검색');
    expect(await row(popup, 'daumsearch')).toMatchObject({ word: '일부 장애', mark: 'mark mark-degraded' });
    expect(await tab.url()).toBe('https://search.daum.net/search?q=popup');
    await popup.close();
    await tab.close();
  });

  it("offline: when nothing answers, Naver included, the verdict blames the user's connection, not Kakao", async () => {
    const popup = await openPopup();
    await rig.server.setTransport('refuse', 'all');
    await checkNow(popup);
    expect(await popup.text('[data-testid=verdict]')).toBe('인터넷 연결이 끊긴 것 같습니다. 카카오 문제가 아닐 수 있습니다.');
    // Nothing is blamed on Kakao: no row turned down.
    expect(await popup.evaluate<number>(`document.querySelectorAll('[data-testid=services] > li[data-status=down]').length`)).toBe(0);
    await popup.close();
  });

  it('"지금 확인" shows its progress: disabled, "확인 중…", the list busy; the rows update when the probes are done', async () => {
    // A probe that never answers keeps the check running until its time-out (5 s).
    rig.server.setRule('map.kakao.com', { kind: 'hang' });
    const popup = await openPopup();
    const progress = () =>
      popup.evaluate<{ disabled: boolean; label: string; busy: string | null }>(`({
        disabled: document.querySelector('[data-testid=check-now]').disabled,
        label: document.querySelector('[data-testid=check-now]').textContent,
        busy: document.querySelector('[data-testid=services]').getAttribute('aria-busy'),
      })`);
    expect(await progress()).toEqual({ disabled: false, label: '지금 확인', busy: 'false' });
    await popup.click('[data-testid=check-now]');
    expect(await progress()).toEqual({ disabled: true, label: '확인 중…', busy: 'true' });
    await expect.poll(progress, { timeout: 15_000 }).toEqual({ disabled: false, label: '지금 확인', busy: 'false' });
    // Answered by the probes, not by a reload: the hanging service is down now, the others still up.
    expect(await statusOf(popup, 'kakaomap')).toBe('down');
    expect(await statusOf(popup, 'daum')).toBe('up');
    await popup.close();
  });

  it('the switch turns Detour off and on, and the popup opens with it as left', async () => {
    const popup = await openPopup();
    const state = () =>
      popup.evaluate<{ checked: boolean; hint: string }>(`({ checked: document.querySelector('[data-testid=enabled-switch]').checked, hint: document.getElementById('switch-hint').textContent })`);
    expect(await state()).toEqual({ checked: true, hint: '카카오 서비스가 열리지 않으면 다른 서비스를 바로 안내합니다.' });
    await popup.click('label.switch');
    await expect.poll(state).toEqual({ checked: false, hint: '꺼 두면 Detour는 아무것도 하지 않습니다.' });
    // Already so in the first paint, from storage.
    await reopen(popup, /^(cached|fresh)$/);
    expect((await state()).checked).toBe(false);
    await expect.poll(() => popup.evaluate<boolean>(`document.querySelector('[data-testid=enabled-switch]')?.disabled === false`)).toBe(true);
    await popup.click('label.switch');
    await expect.poll(state).toEqual({ checked: true, hint: '카카오 서비스가 열리지 않으면 다른 서비스를 바로 안내합니다.' });
    await popup.close();
  });

  it('on a Kakao page, offers that page in the other services, and opens the chosen one next to it', async () => {
    const popup = await openPopup();
    await expect.poll(() => popup.attribute('main', 'data-page')).toBe('none');
    expect(await popup.evaluate<boolean>(`!!document.querySelector('[data-testid=page-alternatives]')`)).toBe(false);
    // The popup belongs to a window; the Kakao page becomes that window's active tab, as when the
    // user clicks the toolbar button on it.
    await popup.evaluate(`${API}.tabs.create({ url: 'https://map.kakao.com/?q=%ED%8C%90%EA%B5%90%EC%97%AD' }).then(() => true)`);
    await expect.poll(() => rig.server.requestsTo('map.kakao.com').some((entry) => entry.path.startsWith('/?q='))).toBe(true);
    await reopen(popup);
    await expect.poll(() => popup.attribute('main', 'data-page'), { timeout: 10_000 }).toBe('kakaomap');
    expect(await popup.text('#page-alts-heading')).toBe('이 페이지를 다른 서비스에서 열기');
    const links = await popup.evaluate<Array<{ alternative: string; href: string; text: string }>>(
      `[...document.querySelectorAll('[data-testid=page-alternatives] a')].map((a) => ({ alternative: a.dataset.alternative, href: a.href, text: a.textContent }))`,
    );
    expect(links[0]).toEqual({ alternative: 'navermap', href: 'https://map.naver.com/p/search/%ED%8C%90%EA%B5%90%EC%97%AD', text: '네이버 지도‘판교역’ 검색' });
    expect(links.map((link) => link.alternative)).toContain('googlemaps');

    const before = rig.server.requestsTo('map.naver.com').length;
    await popup.click('[data-testid=page-alternatives] a[data-alternative=navermap]');
    await expect
      .poll(() =>
        rig.server
          .requestsTo('map.naver.com')
          .slice(before)
          .some((entry) => entry.path === '/p/search/%ED%8C%90%EA%B5%90%EC%97%AD'),
      )
      .toBe(true);
    // In a new tab: the Kakao page is still there. Closed now, so no later test has a Kakao tab open.
    const helper = await rig.browser.newTab();
    await helper.goto(rig.browser.extensionOrigin + OPTIONS);
    const kakaoTabs = await helper.evaluate<Array<{ id: number; url: string }>>(`${API}.tabs.query({ url: '*://map.kakao.com/*' }).then((tabs) => tabs.map((tab) => ({ id: tab.id, url: tab.url })))`);
    expect(kakaoTabs.map((tab) => tab.url)).toEqual(['https://map.kakao.com/?q=%ED%8C%90%EA%B5%90%EC%97%AD']);
    await helper.evaluate(`${API}.tabs.remove(${JSON.stringify(kakaoTabs.map((tab) => tab.id))}).then(() => true)`);
    await helper.close();
    await popup.close().catch(() => undefined);
  });

  it('follows the language chosen on the options page, in every open page and the badge, without a restart; and back', async () => {
    const options = await rig.browser.newTab();
    await options.goto(rig.browser.extensionOrigin + OPTIONS);
    await expect.poll(() => options.evaluate<boolean>(`document.querySelector('input[name=language][value=auto]')?.checked === true`)).toBe(true);
    const popup = await openPopup();
    const badgeTitle = () => popup.evaluate<string>(`${API}.action.getTitle({})`);
    expect(await badgeTitle()).toBe('Detour: 카카오 서비스 정상');
    try {
      await options.click('input[name=language][value=en]');
      await expect.poll(() => options.text('h1')).toBe('Detour settings');
      expect(await options.evaluate<string>('document.documentElement.lang')).toBe('en');
      expect(await options.evaluate<string>('document.title')).toBe('Detour settings');
      expect(await options.text('[data-testid=language] legend')).toBe('Language');
      // The popup that was already open follows too.
      await expect.poll(() => popup.text('[data-testid=check-now]')).toBe('Check now');
      expect(await popup.text('[data-testid=verdict]')).toBe('All Kakao services are working');
      expect(await popup.text('[data-service=kakaomap] .service-name')).toBe('KakaoMap');
      expect(await popup.text('[data-service=kakaomap] .service-status')).toBe('Up');
      expect(await popup.attribute('[data-service=kakaomap] [data-testid=history]', 'title')).toMatch(/^Last 24 hours: /);
      // So does the background: the badge's title.
      await expect.poll(badgeTitle).toBe('Detour: Kakao services are up');
      // A page opened now starts in English.
      const fresh = await openPopup();
      expect(await fresh.text('[data-testid=check-now]')).toBe('Check now');
      expect(await fresh.evaluate<string>('document.documentElement.lang')).toBe('en');
      await fresh.close();
    } finally {
      await options.click('input[name=language][value=auto]');
    }
    await expect.poll(() => options.text('h1')).toBe('Detour 설정');
    await expect.poll(() => popup.text('[data-testid=check-now]')).toBe('지금 확인');
    await expect.poll(badgeTitle).toBe('Detour: 카카오 서비스 정상');
    await popup.close();
    await options.close();
  });
});

describe.each(BROWSERS)('an English %s asked for 한국어', (browserName) => {
  const rig = useRig(browserName, { language: 'en', recoverBeforeEach: false });

  it('shows the fallback page in Korean, read from _locales/ko by the page itself', async () => {
    const options = await rig.browser.newTab();
    await options.goto(rig.browser.extensionOrigin + OPTIONS);
    await expect.poll(() => options.text('h1')).toBe('Detour settings');
    await expect.poll(() => options.evaluate<boolean>(`document.querySelector('input[name=language][value=ko]')?.matches(':enabled') === true`)).toBe(true);
    // Each language is named in itself.
    expect(await options.text('input[name=language][value=ko] + span')).toBe('한국어');
    await options.click('input[name=language][value=ko]');
    await expect.poll(() => options.text('h1')).toBe('Detour 설정');

    await rig.server.setTransport('refuse', 'kakao');
    const tab = await rig.browser.newTab();
    await tab.goto('https://map.kakao.com/link/search/%EC%84%9C%EC%9A%B8%EC%97%AD');
    await tab.waitForUrl((url) => url.startsWith(rig.browser.extensionOrigin + FALLBACK));
    await expect.poll(() => tab.text('[data-testid=title]')).toBe('카카오맵에 연결할 수 없습니다');
    expect(await tab.text('[data-testid=cause]')).toBe('연결이 거부되었습니다');
    expect(await tab.evaluate<string>('document.documentElement.lang')).toBe('ko');
    expect(await tab.text('a[data-alternative=navermap] .detail')).toBe('‘서울역’ 검색');
    await tab.close();
    await options.close();
  });
});
