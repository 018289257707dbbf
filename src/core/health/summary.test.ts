import { describe, expect, it } from 'vitest';
import { SERVICE_IDS, type ServiceId } from '../catalog/index.ts';
import { initialHealth } from './engine.ts';
import { badgeFor, badgeTitleFor, isKnownDown, sameSummary, summarize } from './summary.ts';
import type { HealthState, NetworkStatus, ServiceHealth, Summary } from './types.ts';

const T0 = Date.UTC(2025, 0, 15, 3);
const [A, B, C, D] = SERVICE_IDS as [ServiceId, ServiceId, ServiceId, ServiceId];

type Spec = 'up' | 'degraded' | 'down' | 'suspect' | 'unknown';
const HEALTH: Record<Spec, Partial<ServiceHealth>> = {
  up: { status: 'up' },
  degraded: { status: 'degraded', confirmed: true },
  down: { status: 'down', confirmed: true },
  suspect: { status: 'down', confirmed: false },
  unknown: {},
};

function stateOf(specs: Partial<Record<ServiceId, Spec>>, network: NetworkStatus = 'online'): HealthState {
  const initial = initialHealth(T0);
  const services = { ...initial.services };
  for (const [id, spec] of Object.entries(specs) as Array<[ServiceId, Spec]>) services[id] = { ...services[id], ...HEALTH[spec] };
  return { ...initial, services, network };
}

describe('summarize', () => {
  it.each<[string, Partial<Record<ServiceId, Spec>>, NetworkStatus, Summary]>([
    ['nothing known', {}, 'unknown', { verdict: 'unknown', down: [], degraded: [] }],
    ['one up, the rest unknown', { [A]: 'up' }, 'online', { verdict: 'all-up', down: [], degraded: [] }],
    ['every service up', Object.fromEntries(SERVICE_IDS.map((id) => [id, 'up'])), 'online', { verdict: 'all-up', down: [], degraded: [] }],
    ['up and a suspicion', { [A]: 'up', [B]: 'suspect' }, 'online', { verdict: 'unknown', down: [], degraded: [] }],
    ['one down', { [A]: 'up', [B]: 'down' }, 'online', { verdict: 'some-down', down: [B], degraded: [] }],
    ['one degraded', { [A]: 'degraded' }, 'online', { verdict: 'some-down', down: [], degraded: [A] }],
    ['two down', { [A]: 'down', [B]: 'down' }, 'online', { verdict: 'some-down', down: [A, B], degraded: [] }],
    ['three down', { [A]: 'down', [B]: 'down', [C]: 'down' }, 'online', { verdict: 'kakao-wide', down: [A, B, C], degraded: [] }],
    ['two down, two degraded', { [A]: 'down', [B]: 'degraded', [C]: 'down', [D]: 'degraded' }, 'online', { verdict: 'some-down', down: [A, C], degraded: [B, D] }],
    ['two down and a suspicion', { [A]: 'down', [B]: 'down', [C]: 'suspect' }, 'online', { verdict: 'some-down', down: [A, B], degraded: [] }],
    ['offline beats an outage', { [A]: 'down', [B]: 'down', [C]: 'down' }, 'offline', { verdict: 'offline', down: [A, B, C], degraded: [] }],
    ['offline with nothing known', {}, 'offline', { verdict: 'offline', down: [], degraded: [] }],
    ['all up on an unknown network', { [A]: 'up' }, 'unknown', { verdict: 'all-up', down: [], degraded: [] }],
  ])('%s', (_name, specs, network, expected) => {
    expect(summarize(stateOf(specs, network))).toEqual(expected);
  });

  it('lists services in catalogue order whatever order they went down in', () => {
    expect(summarize(stateOf({ [C]: 'down', [A]: 'down' })).down).toEqual([A, C]);
  });
});

describe('sameSummary', () => {
  const base: Summary = { verdict: 'some-down', down: [A], degraded: [] };
  it.each<[string, Summary, boolean]>([
    ['equal', { verdict: 'some-down', down: [A], degraded: [] }, true],
    ['another verdict', { ...base, verdict: 'kakao-wide' }, false],
    ['another down service', { ...base, down: [B] }, false],
    ['one more down', { ...base, down: [A, B] }, false],
    ['a degraded one more', { ...base, degraded: [B] }, false],
  ])('%s', (_name, other, same) => {
    expect(sameSummary(base, other)).toBe(same);
  });
});

describe('badgeFor', () => {
  it.each<[string, Summary, ReturnType<typeof badgeFor>]>([
    ['all up', { verdict: 'all-up', down: [], degraded: [] }, { text: '', color: 'none', severity: 'none' }],
    ['unknown', { verdict: 'unknown', down: [], degraded: [] }, { text: '', color: 'none', severity: 'none' }],
    ['offline', { verdict: 'offline', down: [A], degraded: [] }, { text: '!', color: 'gray', severity: 'offline' }],
    ['one down', { verdict: 'some-down', down: [A], degraded: [] }, { text: '1', color: 'red', severity: 'down' }],
    ['down and degraded: counts the down', { verdict: 'some-down', down: [A, B], degraded: [C] }, { text: '2', color: 'red', severity: 'down' }],
    ['kakao-wide', { verdict: 'kakao-wide', down: [A, B, C, D], degraded: [] }, { text: '4', color: 'red', severity: 'down' }],
    ['degraded only', { verdict: 'some-down', down: [], degraded: [A, B] }, { text: '2', color: 'orange', severity: 'warn' }],
  ])('%s', (_name, summary, badge) => {
    expect(badgeFor(summary)).toEqual(badge);
  });
});

describe('badgeTitleFor', () => {
  it.each<[string, Summary, ReturnType<typeof badgeTitleFor>]>([
    ['offline, whatever else is down', { verdict: 'offline', down: [A], degraded: [B] }, { key: 'badgeOffline' }],
    ['kakao-wide names the services down', { verdict: 'kakao-wide', down: [A, B, C], degraded: [D] }, { key: 'badgeKakaoWide', services: [A, B, C] }],
    ['down and degraded: names the down only', { verdict: 'some-down', down: [B], degraded: [A] }, { key: 'badgeDown', services: [B] }],
    ['degraded only', { verdict: 'some-down', down: [], degraded: [C, D] }, { key: 'badgeDegraded', services: [C, D] }],
    ['all up', { verdict: 'all-up', down: [], degraded: [] }, { key: 'badgeAllUp' }],
    ['nothing known: the plain name', { verdict: 'unknown', down: [], degraded: [] }, { key: 'actionTitle' }],
  ])('%s', (_name, summary, title) => {
    expect(badgeTitleFor(summary)).toEqual(title);
  });

  it('whatever a state is, names a message with a service placeholder exactly when it names services', () => {
    for (const specs of [{}, { [A]: 'up' }, { [A]: 'down' }, { [A]: 'degraded' }, { [A]: 'down', [B]: 'down', [C]: 'down' }] as Array<Partial<Record<ServiceId, Spec>>>) {
      for (const network of ['online', 'offline', 'unknown'] as const) {
        const title = badgeTitleFor(summarize(stateOf(specs, network)));
        expect(title.services !== undefined, JSON.stringify([specs, network])).toBe(['badgeKakaoWide', 'badgeDown', 'badgeDegraded'].includes(title.key));
        if (title.services) expect(title.services.length).toBeGreaterThan(0);
      }
    }
  });
});

describe('isKnownDown', () => {
  it.each<[string, Spec, NetworkStatus, boolean]>([
    ['confirmed down', 'down', 'online', true],
    ['confirmed down, network unknown', 'down', 'unknown', true],
    ['confirmed down while offline', 'down', 'offline', false],
    ['a suspicion', 'suspect', 'online', false],
    ['degraded', 'degraded', 'online', false],
    ['up', 'up', 'online', false],
    ['unknown', 'unknown', 'online', false],
  ])('%s -> %s', (_name, spec, network, expected) => {
    expect(isKnownDown(stateOf({ [A]: spec }, network), A)).toBe(expected);
  });

  it('is false for a service outside the catalogue', () => {
    expect(isKnownDown(stateOf({ [A]: 'down' }), 'nope' as ServiceId)).toBe(false);
  });
});
