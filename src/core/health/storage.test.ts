import { describe, expect, it } from 'vitest';
import { SERVICE_IDS, type ServiceId } from '../catalog/index.ts';
import { initialHealth, initialService, reduceAll } from './engine.ts';
import { DAY_MS, RECENT_BUCKETS, RECENT_BUCKET_MS, bucketsOf, emptyHistory } from './history.ts';
import { joinFromStorage, splitForStorage } from './storage.ts';
import type { HealthEvent, HealthState } from './types.ts';
import { livedInHealth } from '../../../test/support/health-storage.ts';
import { HEALTH_KEY, HISTORY_KEY } from '../storage-keys.ts';

const T0 = Date.UTC(2025, 0, 15, 3);
const NOW = T0 + 3600_000;
const S: ServiceId = 'kakaomap';
const OTHER: ServiceId = 'daum';
const json = <T>(value: T) => JSON.parse(JSON.stringify(value)) as Record<string, unknown>;

/** A lived-in state: an outage confirmed and notified, history, probes, sub-resources, network known. */
const livedIn = () => livedInHealth(T0);

function stored(state: HealthState = livedIn()) {
  const { live, history } = splitForStorage(state);
  return { live: json(live), history: json(history) };
}

describe('storage keys', () => {
  it('are two, the live state keeping the key it always had', () => {
    expect(HEALTH_KEY).toBe('health');
    expect(HISTORY_KEY).toBe('healthHistory');
  });
});

describe('splitForStorage / joinFromStorage', () => {
  it('reads back exactly what was stored', () => {
    const state = livedIn();
    const { live, history } = stored(state);
    expect(joinFromStorage(live, history, NOW)).toStrictEqual(state);
  });

  it('stores only the services Detour knows something about, and history only for those it observed', () => {
    const { live, history } = stored();
    expect(Object.keys(live.services as object).sort()).toEqual([OTHER, S, 'melon'].sort());
    // melon is only suspected (unconfirmed): no time is counted for it.
    expect(Object.keys(history.services as object).sort()).toEqual([OTHER, S].sort());
    expect(live).toMatchObject({ version: 2, blankSince: T0, network: 'online' });
    expect(live).not.toHaveProperty('history');
    expect(live).not.toHaveProperty('accountedUntil');
    expect(history).toMatchObject({ version: 2, accountedUntil: T0 + 900_000 });
  });

  it('keeps a fresh state to a few hundred bytes', () => {
    const { live, history } = stored(initialHealth(T0));
    expect(JSON.stringify(live).length + JSON.stringify(history).length).toBeLessThan(200);
    expect(joinFromStorage(live, history, NOW)).toStrictEqual(initialHealth(T0));
  });

  it('stores in full a service gone back to unknown at another time than the others', () => {
    const events: HealthEvent[] = [
      { type: 'main-frame-failure', service: S, cause: { kind: 'refused' }, url: 'https://map.kakao.com/', at: T0 + 1000 },
      // Offline withdraws the suspicion: unknown again, with nothing but a later `since`.
      { type: 'control', ok: false, at: T0 + 2000 },
    ];
    const state = reduceAll(initialHealth(T0), events).state;
    expect(state.services[S]).toStrictEqual(initialService(T0 + 2000));
    const { live, history } = stored(state);
    expect(Object.keys(live.services as object)).toEqual([S]);
    expect(joinFromStorage(live, history, NOW)).toStrictEqual(state);
  });

  it('a missing history starts over from now, keeping the live state', () => {
    const state = livedIn();
    for (const history of [undefined, null, 'x', [], {}, { version: 2 }, { version: 2, accountedUntil: 'soon' }]) {
      const joined = joinFromStorage(stored(state).live, history, NOW);
      expect(joined.services).toStrictEqual(state.services);
      expect(joined.notified).toEqual(state.notified);
      expect(joined.accountedUntil).toBe(NOW);
      expect(joined.history[OTHER]).toEqual(emptyHistory());
    }
  });

  it('a missing or corrupt live state starts over, keeping the history', () => {
    const state = livedIn();
    for (const live of [undefined, null, 7, { version: 2, services: 'all' }]) {
      const joined = joinFromStorage(live, stored(state).history, NOW);
      expect(joined.history).toStrictEqual(state.history);
      expect(joined.accountedUntil).toBe(state.accountedUntil);
      expect(joined.services[S].status).toBe('unknown');
    }
  });

  it('does not guess at another version of either part', () => {
    const state = livedIn();
    const { live, history } = stored(state);
    const joined = joinFromStorage({ ...live, version: 3 }, { ...history, version: 3 }, NOW);
    expect(joined).toStrictEqual(initialHealth(NOW));
    expect(joinFromStorage(live, { ...history, version: 1 }, NOW).history[OTHER]).toEqual(emptyHistory());
  });

  it.each([
    ['not an object', 5],
    ['a series not text', { recent: [1], daily: '' }],
    ['a series missing', { recent: '' }],
    ['a corrupt series', { recent: 'AdpN', daily: '' }],
    ['a tampered novel', { recent: 'A'.repeat(100_000), daily: '' }],
  ])('drops one service history that is %s, keeping the others and every service', (_name, corrupt) => {
    const state = livedIn();
    const { live, history } = stored(state);
    (history.services as Record<string, unknown>)[OTHER] = corrupt;
    const joined = joinFromStorage(live, history, NOW);
    expect(joined.history[OTHER]).toEqual(emptyHistory());
    expect(joined.history[S]).toStrictEqual(state.history[S]);
    expect(joined.services).toStrictEqual(state.services);
  });

  it('keeps only the newest buckets of a series longer than allowed', () => {
    const state = livedIn();
    const { live, history } = stored(state);
    // A series of 1000 healthy buckets, as only a tampered value could hold.
    const long = splitForStorage({ ...state, history: { ...state.history, [S]: { recent: [{ start: 0, count: 1000, up: 300, degraded: 0, down: 0 }], daily: [] } } }).history;
    (history.services as Record<string, unknown>)[S] = (json(long).services as Record<string, unknown>)[S];
    const recent = joinFromStorage(live, history, NOW).history[S].recent;
    expect(recent).toEqual([{ start: (1000 - RECENT_BUCKETS) * RECENT_BUCKET_MS, count: RECENT_BUCKETS, up: 300, degraded: 0, down: 0 }]);
  });

  it('drops a corrupt service from the live state alone, keeping the others and all history', () => {
    const state = livedIn();
    const { live, history } = stored(state);
    (live.services as Record<string, unknown>)[S] = { status: 'exploded' };
    const joined = joinFromStorage(live, history, NOW);
    expect(joined.services[S]).toStrictEqual(initialService(NOW));
    expect(joined.services[OTHER]).toStrictEqual(state.services[OTHER]);
    expect(joined.history).toStrictEqual(state.history);
  });

  it('never throws on hostile input, and a hostile part does not take the other down', () => {
    const state = livedIn();
    const { live, history } = stored(state);
    const bomb = {
      get version(): number {
        throw new Error('boom');
      },
    };
    expect(() => joinFromStorage(bomb, bomb, NOW)).not.toThrow();
    expect(joinFromStorage(live, bomb, NOW).services).toStrictEqual(state.services);
    expect(joinFromStorage(bomb, history, NOW).history).toStrictEqual(state.history);
    const services = new Proxy(
      {},
      {
        ownKeys: () => {
          throw new Error('boom');
        },
      },
    );
    expect(() => joinFromStorage({ ...live, services }, { ...history, services }, NOW)).not.toThrow();
  });
});

describe('migration from the v1 format (the whole state under one key, history as buckets)', () => {
  /** Today's stored shape: what the background wrote before this change. */
  function v1(state: HealthState): Record<string, unknown> {
    const history = Object.fromEntries(SERVICE_IDS.map((id) => [id, { recent: bucketsOf(state.history[id].recent, RECENT_BUCKET_MS), daily: bucketsOf(state.history[id].daily, DAY_MS) }]));
    return json({ ...state, history });
  }

  it('keeps its services and its history, bucket for bucket', () => {
    const state = livedIn();
    const old = v1(state);
    expect((old.history as Record<string, { recent: unknown[] }>)[OTHER]!.recent.length).toBeGreaterThan(1);
    expect(joinFromStorage(old, undefined, NOW)).toStrictEqual(state);
  });

  it('a day of v1 buckets becomes one run', () => {
    const start = Math.floor(T0 / RECENT_BUCKET_MS) * RECENT_BUCKET_MS;
    const recent = Array.from({ length: RECENT_BUCKETS }, (_, i) => ({ start: start + i * RECENT_BUCKET_MS, up: 300, degraded: 0, down: 0 }));
    const old = { ...v1(livedIn()), history: { [S]: { recent, daily: [] } } };
    expect(joinFromStorage(old, undefined, NOW).history[S].recent).toEqual([{ start, count: RECENT_BUCKETS, up: 300, degraded: 0, down: 0 }]);
  });

  it('takes the new history when it was already written (it is the newer one)', () => {
    const state = livedIn();
    const later = reduceAll(state, [{ type: 'tick', at: T0 + 1_500_000 }]).state;
    const joined = joinFromStorage(v1(state), stored(later).history, NOW);
    expect(joined.history).toStrictEqual(later.history);
    expect(joined.accountedUntil).toBe(later.accountedUntil);
    expect(joined.services).toStrictEqual(state.services);
  });
});
