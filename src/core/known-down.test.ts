import { describe, expect, it } from 'vitest';
import { SERVICES, SERVICE_IDS } from './catalog/index.ts';
import { initialHealth } from './health/engine.ts';
import type { HealthState } from './health/types.ts';
import { hostsRegex, knownDownRules } from './known-down.ts';

function downState(service: 'kakaomap' | 'daum' | 'tistory', confirmed = true): HealthState {
  const state = initialHealth(0);
  return { ...state, network: 'online', services: { ...state.services, [service]: { ...state.services[service], status: 'down', confirmed, evidence: { kind: 'probe', ok: false } } } };
}

const input = (state: HealthState, extra: Partial<Parameters<typeof knownDownRules>[0]> = {}) =>
  knownDownRules({ state, enabled: true, modeOf: () => 'suggest', hostsOf: (id) => SERVICES[id].hosts, services: SERVICE_IDS, passes: [], ...extra });

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
    const [rule] = input(downState('kakaomap'), { passes: [{ tabId: 4, service: 'kakaomap' }, { tabId: 9, service: 'daum' }, { tabId: 4, service: 'kakaomap' }] });
    expect(rule?.condition.excludedTabIds).toEqual([4]);
  });

  it('escapes the hosts it is given', () => {
    expect(hostsRegex(['a.b'])).toBe(String.raw`^https?://(a\.b)(:[0-9]+)?/`);
  });
});
