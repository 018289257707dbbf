// The fault matrix: every fault kind against each main Kakao service, in both browsers, with the
// outcome a user should meet. A failed load ends on the fallback page with its cause; a page that did
// load but is broken (Kakao's error page with 200, its API calls failing) keeps the page and gets the
// banner. The no-false-positive cases (healthy, 404, user abort, back/forward, tab closed while
// loading, offline) are in faults.e2e.ts, rescue.e2e.ts and health.e2e.ts.
import { beforeAll, describe, expect, it } from 'vitest';
import { SERVICES, type ServiceId } from '../../src/core/catalog/index.ts';
import { pageTextCounts } from '../../src/core/health/trust.ts';
import type { FaultServer } from '../fixtures/fault-server.ts';
import { BROWSERS, detourMessage, type Rig, type Tab } from './harness/index.ts';
import { useRig } from './harness/suite.ts';
import { FALLBACK_PAGE_PATH as FALLBACK } from '../../src/core/rescue/fallback-query.ts';
import { OPTIONS_PAGE_PATH } from './harness/paths.ts';

const BANNER_HOST = ':root > div';
/** Short, so that the hang cases take seconds, not the default 8 s. */
const HANG_LIMIT_MS = 3000;

interface MainService {
  readonly service: ServiceId;
  /** An address with something to carry over, as users open them. */
  readonly url: string;
  /** One of the service's own API hosts, which its pages call. */
  readonly api: string;
}

const MAIN: readonly MainService[] = [
  { service: 'kakaomap', url: 'https://map.kakao.com/?q=%ED%8C%90%EA%B5%90%EC%97%AD', api: 'dapi.kakao.com' },
  { service: 'kakaot', url: 'https://t.kakao.com/launch?type=taxi&dest_lat=37.3948&dest_lng=127.1112&dest_name=%ED%8C%90%EA%B5%90%EC%97%AD', api: 'api.kakaomobility.com' },
  { service: 'kakaotalk', url: 'https://open.kakao.com/o/gDetourTest', api: 'talk-pilsner.kakao.com' },
  { service: 'daum', url: 'https://www.daum.net/', api: 'search1.kakaocdn.net' },
  { service: 'daumsearch', url: 'https://search.daum.net/search?w=tot&q=%EB%82%A0%EC%94%A8', api: 'search1.kakaocdn.net' },
];

interface FailedLoad {
  readonly fault: string;
  /** Causes the browsers may report (Firefox calls an empty response a reset, for one). */
  readonly causes: readonly string[];
  readonly apply: (server: FaultServer, host: string) => Promise<void> | void;
}

const FAILED_LOADS: readonly FailedLoad[] = [
  { fault: 'connection refused', causes: ['refused'], apply: (server) => server.setTransport('refuse', 'kakao') },
  { fault: 'connection reset', causes: ['reset', 'empty'], apply: (server, host) => server.setRule(host, { kind: 'reset' }) },
  { fault: 'empty response', causes: ['empty', 'reset'], apply: (server, host) => server.setRule(host, { kind: 'empty' }) },
  { fault: 'TLS error', causes: ['tls'], apply: (server) => server.setTransport('tls', 'kakao') },
  ...[500, 502, 503, 504].map((status) => ({ fault: `HTTP ${status}`, causes: [`http-${status}`], apply: (server: FaultServer, host: string) => server.setRule(host, { kind: 'status', status }) })),
  { fault: 'a server that never answers', causes: ['timeout'], apply: (server, host) => server.setRule(host, { kind: 'hang' }) },
];

const ERROR_PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>일시적인 오류 | 카카오</title></head>
<body><h1>일시적인 오류가 발생했습니다</h1><p>잠시 후 다시 시도해 주세요.</p></body></html>`;

const pageCallingApi = (api: string) => `<!doctype html><html><head><meta charset="utf-8"><title>Kakao</title></head><body><h1>Kakao</h1>
<script>for (let i = 0; i < 8; i++) fetch('https://${api}/api?i=' + i).then((r) => r.text()).catch(() => {});</script></body></html>`;

async function setHangLimit(rig: Rig, ms: number): Promise<void> {
  const page = await rig.browser.newTab();
  await page.goto(`${rig.browser.extensionOrigin}${OPTIONS_PAGE_PATH}`);
  const ok = await page.evaluate<boolean>(detourMessage('settings/update', { hangLimitMs: ms }, `(result) => result.ok && result.settings.hangLimitMs === ${ms}`));
  expect(ok).toBe(true);
  await page.close();
}

async function expectFallback(rig: Rig, tab: Tab, url: string, service: ServiceId, causes: readonly string[]): Promise<void> {
  const landed = new URL(await tab.waitForUrl((current) => current.startsWith(rig.browser.extensionOrigin + FALLBACK), 15_000));
  expect(landed.searchParams.get('url')).toBe(url);
  expect(landed.searchParams.get('service')).toBe(service);
  expect(causes).toContain(landed.searchParams.get('cause'));
  expect(await tab.text('[data-testid=cause]')).toBeTruthy();
  await expect.poll(() => tab.evaluate<number>(`document.querySelectorAll('[data-testid=alternatives] a').length`)).toBe(SERVICES[service].alternatives.length);
}

async function expectBanner(tab: Tab, url: string): Promise<string | null> {
  await expect.poll(() => tab.evaluate<boolean>(`document.querySelector('${BANNER_HOST}') !== null`), { timeout: 10_000 }).toBe(true);
  expect(await tab.url()).toBe(url);
  return tab.inShadow<string | null>(BANNER_HOST, `(root) => root.querySelector('[role=region]')?.getAttribute('aria-label') ?? null`);
}

describe.each(BROWSERS)('fault matrix in %s', (browserName) => {
  const rig = useRig(browserName);
  beforeAll(() => setHangLimit(rig, HANG_LIMIT_MS));

  describe.each(MAIN)('$service', ({ service, url, api }) => {
    const host = new URL(url).hostname;

    it.each(FAILED_LOADS)('$fault: the fallback page, with its cause', async ({ causes, apply }) => {
      await apply(rig.server, host);
      const tab = await rig.browser.newTab();
      void tab.goto(url).catch(() => undefined);
      await expectFallback(rig, tab, url, service, causes);
      await tab.close();
    });

    // Page text counts only where Kakao writes the page (src/core/health/trust.ts): on an open chat or
    // channel page, whose words are its members', the same text is nobody's word about Kakao.
    const kakaoWritten = pageTextCounts(url, service);
    it(`Kakao's error page served with 200: the page stays, ${kakaoWritten ? 'with the banner' : "without a banner (not Kakao's words)"}`, async () => {
      rig.server.setRule(host, { kind: 'page', html: ERROR_PAGE });
      const tab = await rig.browser.newTab();
      await tab.goto(url);
      if (kakaoWritten) {
        expect(await expectBanner(tab, url)).toContain(SERVICES[service].name.ko);
      } else {
        await new Promise((resolve) => setTimeout(resolve, 4500));
        expect(await tab.evaluate<boolean>(`document.querySelector('${BANNER_HOST}') !== null`)).toBe(false);
        expect(await tab.url()).toBe(url);
      }
      await tab.close();
    });

    it('its API calls failing: the page stays, with the banner', async () => {
      rig.server.setRule(host, { kind: 'page', html: pageCallingApi(api) });
      rig.server.setRule(api, { kind: 'status', status: 503 });
      const tab = await rig.browser.newTab();
      await tab.goto(url);
      expect(await expectBanner(tab, url)).toContain(SERVICES[service].name.ko);
      await tab.close();
    });
  });
});

describe.each(BROWSERS)("Kakao's names not resolving (its DNS down) in %s", (browserName) => {
  // Nothing brings the services back while their names do not resolve: each test meets the outage as it stands.
  const rig = useRig(browserName, { kakaoDnsDown: true, recoverBeforeEach: false });

  it.each(MAIN)('$service: the fallback page, with the cause', async ({ service, url }) => {
    const tab = await rig.browser.newTab();
    void tab.goto(url).catch(() => undefined);
    await expectFallback(rig, tab, url, service, ['dns']);
    // Naver still answers: the user's own network is not to blame.
    await expect.poll(() => tab.evaluate<number>(`document.querySelectorAll('[data-testid=alternatives] a[data-alternative]').length`)).toBeGreaterThan(0);
    await tab.close();
  });
});
