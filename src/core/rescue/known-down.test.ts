import { describe, expect, it } from 'vitest';
import { SERVICES, SERVICE_IDS } from '../catalog/index.ts';
import { initialHealth, reduceAll } from '../health/engine.ts';
import type { HealthEvent, HealthState } from '../health/types.ts';
import { isException } from '../settings/exceptions.ts';
import { hostsRegex, knownDownRules, shortCutCause } from './known-down.ts';

const T0 = Date.UTC(2025, 0, 15, 3);
const URL = 'https://map.kakao.com/';
const fail = (at: number): HealthEvent => ({ type: 'main-frame-failure', service: 'kakaomap', cause: { kind: 'refused' }, url: URL, at });
const probe = (at: number, ok: boolean): HealthEvent => ({ type: 'probe', service: 'kakaomap', ok, latencyMs: ok ? 167 : null, at });
const control: HealthEvent = { type: 'control', ok: true, at: T0 };
const state = (events: HealthEvent[]) => reduceAll(initialHealth(T0), [control, ...events]).state;

describe('shortCutCause', () => {
  it('holds for a confirmed outage whose probe fails', () => {
    expect(shortCutCause(state([fail(T0 + 1), fail(T0 + 2), probe(T0 + 3, false)]), 'kakaomap')).toEqual({ kind: 'refused' });
  });

  it("never holds once the service's own probe answers, even before recovery is confirmed", () => {
    const s = state([fail(T0 + 1), fail(T0 + 2), probe(T0 + 60_000, true)]);
    expect(s.services.kakaomap).toMatchObject({ status: 'down', confirmed: true, goodStreak: 1 });
    expect(shortCutCause(s, 'kakaomap')).toBeUndefined();
  });

  it('holds again when a real load fails after that answer', () => {
    expect(shortCutCause(state([fail(T0 + 1), fail(T0 + 2), probe(T0 + 60_000, true), fail(T0 + 61_000)]), 'kakaomap')).toEqual({ kind: 'refused' });
  });

  it('never holds on page text, however often it is seen (issue 12, finding 1)', () => {
    const pages: HealthEvent[] = Array.from({ length: 10 }, (_, i) => ({ type: 'error-page', service: 'kakaomap', url: URL, page: 'maintenance', at: T0 + i }));
    expect(shortCutCause(state(pages), 'kakaomap')).toBeUndefined();
    // A stored state from the old build (page text confirmed) is not held against the user either.
    const old = state(pages);
    expect(shortCutCause({ ...old, services: { ...old.services, kakaomap: { ...old.services.kakaomap, confirmed: true } } }, 'kakaomap')).toBeUndefined();
  });
});

function downState(service: 'kakaomap' | 'daum' | 'tistory', confirmed = true): HealthState {
  const state = initialHealth(0);
  return { ...state, network: 'online', services: { ...state.services, [service]: { ...state.services[service], status: 'down', confirmed, evidence: { kind: 'probe', ok: false } } } };
}

const input = (state: HealthState, extra: Partial<Parameters<typeof knownDownRules>[0]> = {}) =>
  knownDownRules({ state, enabled: true, modeOf: () => 'suggest', hostsOf: (id) => SERVICES[id].hosts, services: SERVICE_IDS, passes: [], exceptions: [], ...extra });

describe('knownDownRules', () => {
  it('blocks main-frame loads of a service confirmed down, on its own hosts only', () => {
    const [rule, ...rest] = input(downState('daum'));
    expect(rest).toEqual([]);
    expect(rule?.action).toEqual({ type: 'block' });
    expect(rule?.condition.resourceTypes).toEqual(['main_frame']);
    const matches = (url: string) => new RegExp(rule!.condition.regexFilter).test(url);
    expect(matches('https://www.daum.net/')).toBe(true);
    expect(matches('https://daum.net/?q=1')).toBe(true);
    // Other Daum services, and look-alikes, are not touched.
    expect(matches('https://search.daum.net/search?q=1')).toBe(false);
    expect(matches('https://cafe.daum.net/')).toBe(false);
    expect(matches('https://www.daum.net.evil.example/')).toBe(false);
    expect(matches('https://wwwxdaum.net/')).toBe(false);
  });

  it('takes any blog of a wildcard host', () => {
    const [rule] = input(downState('tistory'));
    const matches = (url: string) => new RegExp(rule!.condition.regexFilter).test(url);
    expect(matches('https://myblog.tistory.com/123')).toBe(true);
    expect(matches('https://www.tistory.com/')).toBe(true);
    expect(matches('https://tistory.com.evil.example/')).toBe(false);
  });

  it('makes none for a suspicion, while offline, when off, or when the service is off', () => {
    expect(input(downState('kakaomap', false))).toEqual([]);
    expect(input({ ...downState('kakaomap'), network: 'offline' })).toEqual([]);
    expect(input(downState('kakaomap'), { enabled: false })).toEqual([]);
    expect(input(downState('kakaomap'), { modeOf: () => 'off' })).toEqual([]);
  });

  it('lets through the tabs the user chose to let through, for that service only', () => {
    const [rule] = input(downState('kakaomap'), {
      passes: [
        { tabId: 4, service: 'kakaomap' },
        { tabId: 9, service: 'daum' },
        { tabId: 4, service: 'kakaomap' },
      ],
    });
    expect(rule && 'excludedTabIds' in rule.condition && rule.condition.excludedTabIds).toEqual([4]);
  });

  it.each([{ type: 'block' } as const, { type: 'redirect', redirect: { url: 'about:blank' } } as const])('keeps navigations in with the action it is given (%o)', (keepIn) => {
    const [rule] = input(downState('kakaomap'), { keepIn });
    expect(rule?.action).toEqual(keepIn);
  });

  it("lets the user's exceptions through, exactly where the rescuer leaves them alone", () => {
    const exceptions = ['map.kakao.com/link', '*.tistory.com', 'https://Place.Map.Kakao.com', 'not a pattern', 'm.map.kakao.com/actions/'];
    const rules = input({ ...downState('kakaomap'), services: { ...downState('tistory').services, kakaomap: downState('kakaomap').services.kakaomap } }, { exceptions });
    const blocks = rules.filter((rule) => rule.priority === 1);
    const allows = rules.filter((rule) => rule.priority === 2);
    expect(blocks).toHaveLength(2);
    expect(allows).toHaveLength(4);
    expect(new Set(rules.map((rule) => rule.id)).size).toBe(rules.length);
    for (const allow of allows) expect(allow).toMatchObject({ priority: 2, condition: { resourceTypes: ['main_frame'], isUrlFilterCaseSensitive: false } });
    // The browser's rule: blocked when a block rule matches and no allow rule of a higher priority does.
    const test = (rule: (typeof rules)[number], url: string) => new RegExp(rule.condition.regexFilter, rule.action.type === 'allow' ? 'i' : '').test(url);
    const blocked = (url: string) => blocks.some((rule) => test(rule, url)) && !allows.some((rule) => test(rule, url));
    const urls = [
      'https://map.kakao.com/',
      'https://map.kakao.com/link/search/판교',
      'https://map.kakao.com/link',
      'https://map.kakao.com/link?x=1',
      'https://map.kakao.com/links/other',
      'https://map.kakao.com/LINK/map/1',
      'https://map.kakao.com:443/link/to/1',
      'https://place.map.kakao.com/18577297',
      'https://PLACE.map.kakao.com/1',
      'https://m.map.kakao.com/actions/searchView?q=1',
      'https://m.map.kakao.com/actions',
      'https://m.map.kakao.com/?q=1',
      'https://myblog.tistory.com/123',
      'https://tistory.com/',
      'http://a.b.tistory.com/x',
    ];
    for (const url of urls) expect([url, blocked(url)]).toEqual([url, !isException(url, exceptions)]);
  });

  it('makes no allow rule while nothing is blocked', () => {
    expect(input(downState('kakaomap', false), { exceptions: ['map.kakao.com'] })).toEqual([]);
  });

  it('escapes the hosts it is given', () => {
    expect(hostsRegex(['a.b'])).toBe(String.raw`^https?://(a\.b)(:[0-9]+)?/`);
  });
});
