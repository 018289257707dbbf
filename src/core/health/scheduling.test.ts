import { describe, expect, it } from 'vitest';
import { SERVICE_IDS, type ServiceId } from '../catalog/index.ts';
import { initialHealth } from './engine.ts';
import { PROBE_AFTER_FAILURE_MS } from './thresholds.ts';
import type { ProbeMode } from '../settings/defaults.ts';
import { probeAllowed, servicesToProbe, shouldProbe, type ProbeTrigger } from './scheduling.ts';
import type { HealthState, ServiceStatus } from './types.ts';

const T0 = Date.UTC(2025, 0, 15, 3);
const [A, B, C, D, E] = SERVICE_IDS as [ServiceId, ServiceId, ServiceId, ServiceId, ServiceId];

function stateOf(statuses: Partial<Record<ServiceId, ServiceStatus>>, lastFailureAt: number | null = null): HealthState {
  const initial = initialHealth(T0);
  const services = { ...initial.services };
  for (const [id, status] of Object.entries(statuses) as Array<[ServiceId, ServiceStatus]>) {
    services[id] = { ...services[id], status, confirmed: status === 'down' || status === 'degraded' };
  }
  return { ...initial, services, lastFailureAt };
}

describe('shouldProbe', () => {
  it.each<[string, HealthState, number, boolean, boolean]>([
    ['idle: nothing open, nothing failed', stateOf({ [A]: 'up' }), T0, false, false],
    ['idle, nothing known at all', stateOf({}), T0, false, false],
    ['a Kakao tab is open', stateOf({ [A]: 'up' }), T0, true, true],
    ['a failure just now', stateOf({ [A]: 'up' }, T0), T0, false, true],
    ['a failure 1 ms short of the limit', stateOf({ [A]: 'up' }, T0), T0 + PROBE_AFTER_FAILURE_MS - 1, false, true],
    ['a failure exactly at the limit', stateOf({ [A]: 'up' }, T0), T0 + PROBE_AFTER_FAILURE_MS, false, true],
    ['a failure 1 ms past the limit', stateOf({ [A]: 'up' }, T0), T0 + PROBE_AFTER_FAILURE_MS + 1, false, false],
    ['a failure "in the future" after the clock went back', stateOf({ [A]: 'up' }, T0 + 60_000), T0, false, true],
    ['a service down, long after its failure', stateOf({ [A]: 'down' }, T0), T0 + 10 * PROBE_AFTER_FAILURE_MS, false, true],
    ['a service degraded', stateOf({ [A]: 'degraded' }), T0, false, true],
    ['an unconfirmed suspicion', { ...stateOf({}), services: { ...stateOf({}).services, [A]: { ...stateOf({}).services[A], status: 'down', confirmed: false } } }, T0, false, true],
  ])('%s -> %s', (_name, state, now, kakaoTabOpen, expected) => {
    expect(shouldProbe(state, now, { kakaoTabOpen })).toBe(expected);
  });
});

describe('servicesToProbe', () => {
  it.each<[string, Partial<Record<ServiceId, ServiceStatus>>, ServiceId[], ServiceId[]]>([
    ['nothing open, all well', { [A]: 'up' }, [], []],
    ['open tabs only', { [A]: 'up' }, [C, A], [A, C]],
    ['down and degraded services even without tabs', { [B]: 'down', [D]: 'degraded', [E]: 'up' }, [], [B, D]],
    ['deduplicated, catalogue order', { [B]: 'down' }, [E, B, B, A, E], [A, B, E]],
    ['unknown services are not probed unless open', { [A]: 'unknown' }, [], []],
  ])('%s', (_name, statuses, openServices, expected) => {
    expect(servicesToProbe(stateOf(statuses), { openServices })).toEqual(expected);
  });

  it('ignores names outside the catalogue', () => {
    expect(servicesToProbe(stateOf({}), { openServices: ['nope' as ServiceId, A] })).toEqual([A]);
  });
});

describe('the user probe setting', () => {
  const idle = stateOf({ [A]: 'up' });
  const failedJustNow = stateOf({ [A]: 'up' }, T0);
  const down = stateOf({ [B]: 'down' });

  it.each<[string, HealthState, number, boolean, ProbeMode, boolean]>([
    ['auto: a Kakao tab open', idle, T0, true, 'auto', true],
    ['auto: idle', idle, T0, false, 'auto', false],
    ['after-failure: a Kakao tab open is no reason', idle, T0, true, 'after-failure', false],
    ['after-failure: a failure just now', failedJustNow, T0, true, 'after-failure', true],
    ['after-failure: a failure past the window, a tab open', failedJustNow, T0 + PROBE_AFTER_FAILURE_MS + 1, true, 'after-failure', false],
    ['after-failure: a service down', down, T0, false, 'after-failure', true],
    ['manual: a Kakao tab open', idle, T0, true, 'manual', false],
    ['manual: a failure just now', failedJustNow, T0, true, 'manual', false],
    ['manual: a service down', down, T0, true, 'manual', false],
  ])('%s -> %s', (_name, state, now, kakaoTabOpen, mode, expected) => {
    expect(shouldProbe(state, now, { kakaoTabOpen, mode })).toBe(expected);
  });

  it('the mode defaults to auto', () => {
    expect(shouldProbe(idle, T0, { kakaoTabOpen: true })).toBe(shouldProbe(idle, T0, { kakaoTabOpen: true, mode: 'auto' }));
  });

  it.each<[ProbeMode, ServiceId[]]>([
    ['auto', [A, B, C]],
    ['after-failure', [B]],
    ['manual', [B]],
  ])('%s: probes open services only in auto', (mode, expected) => {
    expect(servicesToProbe(stateOf({ [A]: 'up', [B]: 'down' }), { openServices: [A, C], mode })).toEqual(expected);
  });

  it.each<[ProbeMode, ProbeTrigger, boolean]>([
    ['auto', 'alarm', true],
    ['auto', 'failure', true],
    ['auto', 'fallback-page', true],
    ['auto', 'user', true],
    ['after-failure', 'alarm', true],
    ['after-failure', 'failure', true],
    ['after-failure', 'fallback-page', true],
    ['after-failure', 'user', true],
    ['manual', 'alarm', false],
    ['manual', 'failure', false],
    ['manual', 'fallback-page', false],
    ['manual', 'user', true],
  ])('probeAllowed(%s, %s) -> %s', (mode, trigger, expected) => {
    expect(probeAllowed(mode, trigger)).toBe(expected);
  });
});
