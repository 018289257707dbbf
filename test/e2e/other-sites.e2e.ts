import { describe, expect, it } from 'vitest';
import { hasBanner, readBanner } from './harness/banner-view.ts';
import { BROWSERS, detourMessage, type Tab } from './harness/index.ts';
import { useRig } from './harness/suite.ts';
import { OPTIONS_PAGE_PATH } from './harness/paths.ts';

// Another site (shop.example.com, on the fault server's "everyone else" front) that leans on Kakao:
// its login button needs the Kakao JS SDK, its address form the Daum postcode widget. Kakao's hosts
// go to the Kakao front, where the tests break them.

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const SHOP = 'https://shop.example.com/';
const SDK_HOST = 't1.kakaocdn.net';
const SDK = `https://${SDK_HOST}/kakao_js_sdk/2.7.2/kakao.min.js`;
const POSTCODE_HOST = 't1.daumcdn.net';
const POSTCODE = `https://${POSTCODE_HOST}/mapjsapi/bundle/postcode/prod/postcode.v2.js`;

const LOGIN_TITLE = '이 사이트의 카카오 로그인이 지금 작동하지 않습니다. 다른 로그인 방법을 써 주세요';
const POSTCODE_TITLE = '이 사이트의 주소 검색(카카오 우편번호 서비스)이 지금 작동하지 않습니다';

/** A shop page that loads one of Kakao's scripts, at the end of its body or (blocking) in its head. */
function shopPage(script: string, where: 'body' | 'head' = 'body'): string {
  const tag = `<script src="${script}"></script>`;
  return `<!doctype html><html lang="ko"><head><meta charset="utf-8"><title>예시 쇼핑몰</title>${where === 'head' ? tag : ''}</head>
<body><h1 id="top">예시 쇼핑몰</h1><button id="kakao-login">카카오로 로그인</button>${where === 'body' ? tag : ''}</body></html>`;
}

describe.each(BROWSERS)('sites that lean on Kakao, in %s', (browserName) => {
  const rig = useRig(browserName, { approvePermissionRequests: true });
  let options: Tab | undefined;

  /** The options page, opened once: the tests grant and take back the permission there, and read badges from it. */
  async function optionsPage(): Promise<Tab> {
    if (!options) {
      options = await rig.browser.newTab();
      await options.goto(`${rig.browser.extensionOrigin}${OPTIONS_PAGE_PATH}`);
    }
    return options;
  }

  const granted = async () => (await optionsPage()).attribute('[data-testid=other-sites-status]', 'data-granted');

  /** Presses a button as a user does (focus, Enter): both browsers ask for permissions only from a user action. */
  async function press(testId: string): Promise<void> {
    const page = await optionsPage();
    await page.bringToFront();
    await page.evaluate(`document.querySelector('[data-testid=${testId}]').focus()`);
    await page.press('Enter');
  }

  /** The tab-specific badge text and tooltip of every open tab showing this address. */
  async function badgesOf(url: string): Promise<Array<{ text: string; title: string }>> {
    return (await optionsPage()).evaluate(`(async () => {
      const api = globalThis.browser ?? globalThis.chrome;
      const tabs = (await api.tabs.query({})).filter((tab) => tab.url === ${JSON.stringify(url)});
      return Promise.all(tabs.map(async (tab) => ({ text: await api.action.getBadgeText({ tabId: tab.id }), title: await api.action.getTitle({ tabId: tab.id }) })));
    })()`);
  }

  /** Every tab's tooltip: none may carry the notice (tabs.query cannot filter by address without the permission). */
  async function allTooltips(): Promise<string[]> {
    return (await optionsPage()).evaluate(`(async () => {
      const api = globalThis.browser ?? globalThis.chrome;
      return Promise.all((await api.tabs.query({})).map((tab) => api.action.getTitle({ tabId: tab.id })));
    })()`);
  }

  /** Opens the shop at an address of this test's own (so its tab is told apart from earlier ones). */
  async function openShop(html: string, label: string): Promise<{ tab: Tab; url: string }> {
    rig.server.setRule('shop.example.com', { kind: 'page', html });
    const tab = await rig.browser.newTab();
    const url = `${SHOP}?case=${label}`;
    await tab.goto(url);
    return { tab, url };
  }

  it('without the permission: the options page says so, and a site whose Kakao SDK fails gets nothing', async () => {
    await expect.poll(granted).toBe('false');
    expect(await (await optionsPage()).text('[data-testid=other-sites-status]')).toBe('허용 안 됨');
    rig.server.setRule(SDK_HOST, { kind: 'status', status: 503 });
    const { tab } = await openShop(shopPage(SDK), 'no-permission');
    // The page asked for the SDK and got the 503: the failure happened, Detour just may not look.
    await expect.poll(() => rig.server.requestsTo(SDK_HOST).length).toBeGreaterThan(0);
    await expect.poll(() => tab.evaluate<string>('document.readyState')).toBe('complete');
    await sleep(1500);
    expect(await hasBanner(tab)).toBe(false);
    expect(await allTooltips()).not.toContain(LOGIN_TITLE);
    await tab.close();
  });

  it('granted from the options page: a site whose Kakao SDK fails gets the login notice and a badge on its tab', async () => {
    await press('other-sites-grant');
    await expect.poll(granted).toBe('true');
    expect(await (await optionsPage()).text('[data-testid=other-sites-status]')).toBe('허용됨');

    rig.server.setRule(SDK_HOST, { kind: 'status', status: 503 });
    const { tab, url } = await openShop(shopPage(SDK), 'sdk-503');
    await expect.poll(() => hasBanner(tab), { timeout: 10_000 }).toBe(true);
    const banner = await readBanner(tab);
    expect(banner?.region).toBe(LOGIN_TITLE);
    // The slim bar shows one line; the sentence that says why is its description (tooltip, screen readers).
    expect(banner?.texts).toEqual([LOGIN_TITLE]);
    expect(await tab.inShadow<string | null>(':root > div', "(root) => root.querySelector('[aria-description]')?.getAttribute('aria-description') ?? null")).toBe(
      '이 사이트가 카카오 SDK(카카오 로그인·공유)를 불러오지 못했습니다.',
    );
    // Nobody to tell about a snooze on another site's page: only the close button.
    expect(banner?.buttons).toEqual(['닫기']);
    expect(banner?.links).toEqual([]);
    // The page itself is left where it is, and works on.
    expect(await tab.url()).toBe(url);
    expect(await tab.text('#top')).toBe('예시 쇼핑몰');
    expect(await badgesOf(url)).toEqual([{ text: '!', title: LOGIN_TITLE }]);

    // The next page in the same tab fails the same way: it gets its own notice and badge.
    const next = `${SHOP}?case=sdk-503-next`;
    await tab.goto(next);
    await expect.poll(() => tab.url()).toBe(next);
    await expect.poll(() => hasBanner(tab), { timeout: 10_000 }).toBe(true);
    expect((await readBanner(tab))?.region).toBe(LOGIN_TITLE);
    expect(await badgesOf(next)).toEqual([{ text: '!', title: LOGIN_TITLE }]);
    await tab.close();
  });

  it('the postcode widget refused: a notice with the government road-name address search', async () => {
    await expect.poll(granted).toBe('true');
    await rig.server.setTransport('refuse', 'kakao');
    const { tab, url } = await openShop(shopPage(POSTCODE), 'postcode-refused');
    await expect.poll(() => hasBanner(tab), { timeout: 10_000 }).toBe(true);
    const banner = await readBanner(tab);
    expect(banner?.region).toBe(POSTCODE_TITLE);
    expect(banner?.links).toEqual([{ text: '도로명주소 검색www.juso.go.kr', href: 'https://www.juso.go.kr/', rel: 'noreferrer' }]);
    expect(await badgesOf(url)).toEqual([{ text: '!', title: POSTCODE_TITLE }]);
    await tab.close();
  });

  it('a login script that hangs: the notice comes within the hang limit, over the page that waits for it', async () => {
    await expect.poll(granted).toBe('true');
    const page = await optionsPage();
    const saved = await page.evaluate<boolean>(detourMessage('settings/update', { hangLimitMs: 3000 }, '(result) => result.ok'));
    expect(saved).toBe(true);
    try {
      rig.server.setRule(SDK_HOST, { kind: 'hang' });
      rig.server.setRule('shop.example.com', { kind: 'page', html: shopPage(SDK, 'head') });
      const tab = await rig.browser.newTab();
      // Not awaited: the page never finishes loading, which is the point.
      const loading = tab.goto(`${SHOP}?case=sdk-hang`);
      await expect.poll(() => hasBanner(tab), { timeout: 10_000 }).toBe(true);
      expect((await readBanner(tab))?.region).toBe(LOGIN_TITLE);
      // The page is still waiting for the script: the browser alone would show nothing at all.
      expect(await tab.evaluate<boolean>(`document.getElementById('top') === null`)).toBe(true);
      await tab.close();
      await loading;
    } finally {
      await page.evaluate(detourMessage('settings/update', { hangLimitMs: 8000 }, '() => true'));
    }
  });

  it('a site whose Kakao SDK loads is left alone', async () => {
    await expect.poll(granted).toBe('true');
    const { tab, url } = await openShop(shopPage(SDK), 'sdk-healthy');
    await expect.poll(() => rig.server.requestsTo(SDK_HOST).length).toBeGreaterThan(0);
    await expect.poll(() => tab.evaluate<string>('document.readyState')).toBe('complete');
    await sleep(1500);
    expect(await hasBanner(tab)).toBe(false);
    const badges = await badgesOf(url);
    expect(badges).toHaveLength(1);
    expect(badges[0]?.title).not.toBe(LOGIN_TITLE);
    await tab.close();
  });

  it('taken back from the options page: the badge it gave goes, and the same failure gets nothing', async () => {
    rig.server.setRule(SDK_HOST, { kind: 'status', status: 503 });
    const { tab: before } = await openShop(shopPage(SDK), 'before-revoke');
    await expect.poll(() => hasBanner(before), { timeout: 10_000 }).toBe(true);

    await press('other-sites-revoke');
    await expect.poll(granted).toBe('false');
    await expect.poll(allTooltips).not.toContain(LOGIN_TITLE);

    const requests = rig.server.requestsTo(SDK_HOST).length;
    const { tab } = await openShop(shopPage(SDK), 'after-revoke');
    await expect.poll(() => rig.server.requestsTo(SDK_HOST).length).toBeGreaterThan(requests);
    await expect.poll(() => tab.evaluate<string>('document.readyState')).toBe('complete');
    await sleep(1500);
    expect(await hasBanner(tab)).toBe(false);
    expect(await allTooltips()).not.toContain(LOGIN_TITLE);
    await before.close();
    await tab.close();
  });
});
