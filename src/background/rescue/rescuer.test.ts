import { describe, expect, it } from 'vitest';
import { initialHealth } from '../../core/health/engine.ts';
import type { HealthState } from '../../core/health/types.ts';
import { DEFAULTS, type Settings } from '../../core/settings/index.ts';
import { createTabPasses } from '../../core/rescue/tab-passes.ts';
import { FALLBACK_PAGE_PATH } from '../../core/rescue/fallback-query.ts';
import { translate } from '../../core/translate/index.ts';
import { MemoryArea } from '../../../test/support/memory-area.ts';
import { createLoads } from './loads.ts';
import { createRescuer } from './rescuer.ts';

const URL_Q = 'https://map.kakao.com/?q=%ED%8C%90%EA%B5%90%EC%97%AD';

function confirmedDown(): HealthState {
  const state = initialHealth(0);
  return {
    ...state,
    network: 'online',
    services: { ...state.services, kakaomap: { ...state.services.kakaomap, status: 'down', confirmed: true, evidence: { kind: 'probe', ok: false, cause: { kind: 'refused' } } } },
  };
}

function rig(
  options: {
    settings?: Settings;
    state?: HealthState;
    answers?: boolean;
    refusals?: number;
    language?: 'ko' | 'en';
    tabInfo?: (tabId: number) => Promise<{ title: string; url: string } | undefined>;
  } = {},
) {
  let refusals = options.refusals ?? 0;
  const navigations: Array<[number, string]> = [];
  const notices: string[] = [];
  const failures: unknown[] = [];
  let passUsed = 0;
  const passes = createTabPasses(new MemoryArea(), () => 1000);
  const loads = createLoads({
    now: () => 0,
    setTimer: () => 0,
    clearTimer: () => undefined,
    committedSince: async () => false,
    tabInfo: options.tabInfo ?? (async () => undefined),
    onHang: () => undefined,
  });
  const rescuer = createRescuer({
    settings: async () => options.settings ?? DEFAULTS,
    failures: { record: async (failure) => void failures.push(failure), last: async () => null },
    passes,
    loads,
    healthState: async () => options.state ?? initialHealth(0),
    offerFor: async (url, offer) => translate(url, { ...(offer?.title ? { title: offer.title } : {}) }),
    now: () => 1000,
    navigateTab: async (tabId, url) => {
      if (refusals > 0) {
        refusals -= 1;
        throw new Error('Tabs cannot be edited right now (user may be dragging a tab).');
      }
      navigations.push([tabId, url]);
    },
    extensionUrl: (path) => `chrome-extension://id/${path}`,
    language: async () => options.language ?? 'ko',
    answers: async () => options.answers ?? true,
    notifyRedirect: async (id) => void notices.push(id),
    rememberBackLink: () => undefined,
    passUsed: () => {
      passUsed += 1;
    },
  });
  return { rescuer, loads, passes, navigations, notices, failures, passUsed: () => passUsed };
}

describe('rescuer', () => {
  it('sends a refused load to the fallback page with its cause, once', async () => {
    const r = rig();
    const load = r.loads.start('1', 5, URL_Q, 8000);
    const ended = r.loads.ended('1');
    expect(await r.rescuer.handleOutcome({ type: 'error', tabId: 5, url: URL_Q, error: 'net::ERR_CONNECTION_REFUSED' }, '1', ended)).toBe(true);
    expect(await r.rescuer.handleOutcome({ type: 'error', tabId: 5, url: URL_Q, error: 'net::ERR_CONNECTION_REFUSED' }, '1', load)).toBe(false);
    expect(r.navigations).toHaveLength(1);
    const target = new URL(r.navigations[0]![1]);
    expect(target.pathname).toBe(`/${FALLBACK_PAGE_PATH}`);
    expect(target.searchParams.get('cause')).toBe('refused');
    expect(target.searchParams.get('url')).toBe(URL_Q);
    expect(target.searchParams.has('alts')).toBe(false);
    expect(r.failures).toHaveLength(1);
  });

  it('waits for the title of the page a short link was clicked on, even when the load fails first', async () => {
    let answer: (tab: { title: string; url: string }) => void = () => undefined;
    const r = rig({ tabInfo: () => new Promise((resolve) => (answer = resolve)) });
    const short = 'https://kko.to/E47ZooGW3i';
    r.loads.start('1', 5, short, 8000);
    const handled = r.rescuer.handleOutcome({ type: 'response', tabId: 5, url: short, statusCode: 502 }, '1', r.loads.ended('1'));
    // The 502 is in before the tab has said what it shows (a fast server, a busy browser).
    await new Promise((resolve) => setTimeout(resolve, 10));
    answer({ title: '판교 웨딩홀 오시는 길', url: 'https://detour-test.tistory.com/123' });
    expect(await handled).toBe(true);
    expect(new URL(r.navigations[0]![1]).searchParams.get('title')).toBe('판교 웨딩홀 오시는 길');
  });

  it("gives the page the user's order and language, so that it can paint its links before it reads the settings", async () => {
    const services = structuredClone(DEFAULTS.services);
    const [first, second, ...rest] = services.kakaomap.alternatives;
    services.kakaomap.alternatives = [{ ...second!, enabled: true }, { ...first!, enabled: false }, ...rest];
    const r = rig({ settings: { ...DEFAULTS, services }, language: 'en' });
    r.loads.start('1', 5, URL_Q, 8000);
    const ended = r.loads.ended('1');
    await r.rescuer.handleOutcome({ type: 'error', tabId: 5, url: URL_Q, error: 'net::ERR_CONNECTION_REFUSED' }, '1', ended);
    const target = new URL(r.navigations[0]![1]);
    const order = target.searchParams.get('order')!.split(',');
    expect(order[0]).toBe(second!.id);
    expect(order).not.toContain(first!.id);
    expect(order).toEqual(services.kakaomap.alternatives.filter((choice) => choice.enabled).map((choice) => choice.id));
    expect(target.searchParams.get('lang')).toBe('en');
  });

  it('leaves a healthy answer, a 404 and an aborted load alone', async () => {
    const r = rig();
    for (const outcome of [
      { type: 'response', tabId: 5, url: URL_Q, statusCode: 200 },
      { type: 'response', tabId: 5, url: URL_Q, statusCode: 404 },
      { type: 'error', tabId: 5, url: URL_Q, error: 'net::ERR_ABORTED' },
    ] as const) {
      expect(await r.rescuer.handleOutcome(outcome, `x${outcome.type}${'statusCode' in outcome ? outcome.statusCode : ''}`, undefined)).toBe(false);
    }
    expect(r.navigations).toEqual([]);
  });

  it('never acts on a load that answered, even if a failure is reported for it later', async () => {
    const r = rig();
    r.loads.start('1', 5, URL_Q, 8000);
    r.loads.answered('1', 200);
    expect(await r.rescuer.handleOutcome({ type: 'error', tabId: 5, url: URL_Q, error: 'net::ERR_CONNECTION_RESET' }, '1', r.loads.ended('1'))).toBe(false);
    expect(r.navigations).toEqual([]);
  });

  it('takes a navigation to a service confirmed down to the fallback page at its start, marked known', async () => {
    const r = rig({ state: confirmedDown() });
    const load = r.loads.start('1', 5, URL_Q, 8000)!;
    expect(await r.rescuer.handleStart(load, 'kakaomap')).toBe(true);
    expect(new URL(r.navigations[0]![1]).searchParams.get('known')).toBe('1');
    // Its own ending (the tab moved away) does nothing more.
    expect(await r.rescuer.handleOutcome({ type: 'error', tabId: 5, url: URL_Q, error: 'net::ERR_CONNECTION_REFUSED' }, '1', r.loads.ended('1'))).toBe(false);
    expect(r.navigations).toHaveLength(1);
  });

  it('lets a tab through once after "다시 시도", and says the pass was used', async () => {
    const r = rig({ state: confirmedDown() });
    await r.passes.grant(5, 'kakaomap', true);
    expect(await r.rescuer.handleStart(r.loads.start('1', 5, URL_Q, 8000)!, 'kakaomap')).toBe(false);
    expect(r.passUsed()).toBe(1);
    expect(await r.rescuer.handleStart(r.loads.start('2', 5, URL_Q, 8000)!, 'kakaomap')).toBe(true);
  });

  it('in redirect mode goes straight to the first alternative that answers, and notifies', async () => {
    const settings = { ...DEFAULTS, services: { ...DEFAULTS.services, kakaomap: { ...DEFAULTS.services.kakaomap, mode: 'redirect' as const } } };
    const r = rig({ settings, state: { ...initialHealth(0), network: 'online' } });
    r.loads.start('1', 5, URL_Q, 8000);
    await r.rescuer.handleOutcome({ type: 'error', tabId: 5, url: URL_Q, error: 'net::ERR_CONNECTION_REFUSED' }, '1', r.loads.ended('1'));
    expect(new URL(r.navigations[0]![1]).hostname).toBe('map.naver.com');
    expect(r.notices).toHaveLength(1);
  });

  it('in redirect mode shows the fallback page instead when no alternative answers', async () => {
    const settings = { ...DEFAULTS, services: { ...DEFAULTS.services, kakaomap: { ...DEFAULTS.services.kakaomap, mode: 'redirect' as const } } };
    const r = rig({ settings, answers: false });
    r.loads.start('1', 5, URL_Q, 8000);
    await r.rescuer.handleOutcome({ type: 'error', tabId: 5, url: URL_Q, error: 'net::ERR_CONNECTION_REFUSED' }, '1', r.loads.ended('1'));
    expect(new URL(r.navigations[0]![1]).searchParams.get('skip')).toBe('no-alternative');
  });

  it('moves the tab even when the browser refuses the first tries (many tabs failing at once)', async () => {
    const r = rig({ refusals: 2 });
    r.loads.start('1', 5, URL_Q, 8000);
    expect(await r.rescuer.handleOutcome({ type: 'error', tabId: 5, url: URL_Q, error: 'net::ERR_CONNECTION_REFUSED' }, '1', r.loads.ended('1'))).toBe(true);
    expect(r.navigations).toHaveLength(1);
  });

  describe('permanent exceptions', () => {
    const excepting = (patterns: string[], mode: 'suggest' | 'redirect' = 'suggest'): Settings => ({
      ...DEFAULTS,
      exceptions: patterns,
      services: { ...DEFAULTS.services, kakaomap: { ...DEFAULTS.services.kakaomap, mode } },
    });

    it('leaves a failed load on an excepted address alone, in suggest and in redirect mode, and records nothing', async () => {
      for (const mode of ['suggest', 'redirect'] as const) {
        const r = rig({ settings: excepting(['map.kakao.com'], mode), state: { ...initialHealth(0), network: 'online' } });
        r.loads.start('1', 5, URL_Q, 8000);
        expect(await r.rescuer.handleOutcome({ type: 'error', tabId: 5, url: URL_Q, error: 'net::ERR_CONNECTION_REFUSED' }, '1', r.loads.ended('1'))).toBe(false);
        expect(r.navigations).toEqual([]);
        expect(r.notices).toEqual([]);
        expect(r.failures).toEqual([]);
      }
    });

    it('does not take a load on an excepted address away at its start, even when the service is confirmed down', async () => {
      const r = rig({ settings: excepting(['*.kakao.com']), state: confirmedDown() });
      expect(await r.rescuer.handleStart(r.loads.start('1', 5, URL_Q, 8000)!, 'kakaomap')).toBe(false);
      expect(r.navigations).toEqual([]);
    });

    it('still rescues addresses the patterns do not cover', async () => {
      const r = rig({ settings: excepting(['map.kakao.com/link']), state: confirmedDown() });
      expect(await r.rescuer.handleStart(r.loads.start('1', 5, URL_Q, 8000)!, 'kakaomap')).toBe(true);
      const other = rig({ settings: excepting(['cafe.daum.net']) });
      other.loads.start('2', 6, URL_Q, 8000);
      expect(await other.rescuer.handleOutcome({ type: 'error', tabId: 6, url: URL_Q, error: 'net::ERR_CONNECTION_REFUSED' }, '2', other.loads.ended('2'))).toBe(true);
    });
  });
});
