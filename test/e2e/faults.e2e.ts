import { describe, expect, it } from 'vitest';
import { SERVICES } from '../../src/core/catalog/index.ts';
import type { HostRule, TransportMode } from '../fixtures/fault-server.ts';
import { BROWSERS, detourMessage } from './harness/index.ts';
import { useRig } from './harness/suite.ts';
import { FALLBACK_PAGE_PATH as FALLBACK } from '../../src/core/rescue/fallback-query.ts';
import { OPTIONS_PAGE_PATH } from './harness/paths.ts';

interface Case {
  readonly name: string;
  readonly url: string;
  readonly rule?: HostRule;
  readonly transport?: TransportMode;
  /** Causes the browser may report for this fault; browsers differ (Firefox calls an empty response a reset). */
  readonly causes: readonly string[];
}

// Every fault kind on each main service's first host: fault-matrix.e2e.ts. Here, KakaoMap's other hosts.
const CASES: readonly Case[] = [
  { name: 'HTTP 503 on the mobile host', url: 'https://m.map.kakao.com/actions/searchView?q=mobile', rule: { kind: 'status', status: 503 }, causes: ['http-503'] },
  { name: 'HTTP 503 on the old Daum map host', url: 'https://map.daum.net/?q=daum', rule: { kind: 'status', status: 503 }, causes: ['http-503'] },
  { name: 'refused on a place page', url: 'https://place.map.kakao.com/8130474', transport: 'refuse', causes: ['refused'] },
];

describe.each(BROWSERS)('fault kinds in %s', (browserName) => {
  const rig = useRig(browserName);

  it.each(CASES)('$name ends on the fallback page with its cause', async ({ url, rule, transport, causes }) => {
    if (rule) rig.server.setRule(new URL(url).hostname, rule);
    if (transport) await rig.server.setTransport(transport, 'kakao');
    const tab = await rig.browser.newTab();
    await tab.goto(url);
    const landed = new URL(await tab.waitForUrl((current) => current.startsWith(rig.browser.extensionOrigin + FALLBACK)));
    expect(landed.searchParams.get('url')).toBe(url);
    expect(causes).toContain(landed.searchParams.get('cause'));
    expect(await tab.text('[data-testid=cause]')).toBeTruthy();
    // Every alternative is offered: as a row, or (for an address Detour cannot read) as a button of the search field.
    expect(await tab.evaluate<number>(`document.querySelectorAll('[data-testid=alternatives] a, [data-testid=search-field] button[data-alternative]').length`)).toBe(
      SERVICES.kakaomap.alternatives.length,
    );
    await tab.close();
  });

  it('refuses to act on an address outside the catalogue', async () => {
    const tab = await rig.browser.newTab();
    const forged = `${rig.browser.extensionOrigin}${FALLBACK}?service=kakaomap&cause=refused&url=${encodeURIComponent('https://evil.example/?q=x')}`;
    await tab.goto(forged);
    await tab.waitForUrl((current) => current === forged);
    await expect.poll(() => tab.text('[data-testid=invalid]')).toContain('Detour');
    expect(await tab.evaluate<number>(`document.querySelectorAll('a').length`)).toBe(0);
    await tab.close();
  });

  it('leaves back and forward alone', async () => {
    const tab = await rig.browser.newTab();
    await tab.goto('https://map.kakao.com/?q=first');
    await tab.goto('https://www.naver.com/');
    // Scheduled, not called inside the evaluation: the navigation it starts would otherwise destroy the
    // page's context before the evaluation returns (Chromium then throws).
    await tab.evaluate('void setTimeout(() => history.back(), 0)');
    await tab.waitForUrl((url) => url === 'https://map.kakao.com/?q=first');
    await tab.evaluate('void setTimeout(() => history.forward(), 0)');
    await tab.waitForUrl((url) => url === 'https://www.naver.com/');
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await tab.url()).toBe('https://www.naver.com/');
    await tab.close();
  });

  it('takes a tab closed while loading for no outage', async () => {
    rig.server.setRule('map.kakao.com', { kind: 'hang' });
    const tab = await rig.browser.newTab();
    void tab.goto('https://map.kakao.com/?q=closed');
    await expect.poll(() => rig.server.requestsTo('map.kakao.com').some((entry) => entry.path === '/?q=closed')).toBe(true);
    await tab.close();
    // Past the 8 s hang limit: no rescue of a tab that is gone, and KakaoMap is not called down.
    await new Promise((resolve) => setTimeout(resolve, 9000));
    const control = await rig.browser.newTab();
    await control.goto(`${rig.browser.extensionOrigin}${OPTIONS_PAGE_PATH}`);
    const status = await control.evaluate<string>(detourMessage('health/get', null, '(view) => view.state.services.kakaomap.status'));
    expect(status).not.toBe('down');
    await control.close();
  }, 30_000);
});
