import { describe, expect, it } from 'vitest';
import { SERVICE_IDS, type ServiceId } from '../catalog/index.ts';
import { initialHealth, reduceAll } from './engine.ts';
import {
  DAILY_BUCKETS,
  DAY_MS,
  KST_OFFSET_MS,
  MAX_ACCOUNTING_GAP_MS,
  RECENT_BUCKETS,
  RECENT_BUCKET_MS,
  accountTime,
  addTime,
  countedStatus,
  dailyBucketStart,
  emptyHistory,
  pruneHistory,
  recentBucketStart,
} from './history.ts';
import type { HealthEvent, HealthState, HistoryBucket, ServiceHealth } from './types.ts';

const S: ServiceId = 'kakaomap';
/** 2025-01-15 00:00 KST = 2025-01-14 15:00 UTC. */
const KST_MIDNIGHT = Date.UTC(2025, 0, 14, 15, 0, 0);
const FIVE = RECENT_BUCKET_MS;
const bucket = (start: number, seconds: Partial<Omit<HistoryBucket, 'start'>>): HistoryBucket => ({ start, up: 0, degraded: 0, down: 0, ...seconds });
const total = (buckets: readonly HistoryBucket[]) => buckets.reduce((sum, b) => sum + b.up + b.degraded + b.down, 0);

/** A state whose service S has the given status from `at` on, with nothing accounted yet. */
function stateWith(at: number, patch: Partial<ServiceHealth>, network: HealthState['network'] = 'online'): HealthState {
  const initial = initialHealth(at);
  return { ...initial, network, services: { ...initial.services, [S]: { ...initial.services[S], ...patch } } };
}

describe('bucket alignment', () => {
  it.each([
    [0, 0],
    [FIVE - 1, 0],
    [FIVE, FIVE],
    [KST_MIDNIGHT + 299_999, KST_MIDNIGHT + 0],
    [KST_MIDNIGHT + 300_000, KST_MIDNIGHT + FIVE],
  ])('recentBucketStart(%i) = %i', (t, start) => {
    expect(recentBucketStart(t)).toBe(start);
  });

  it.each([
    ['KST midnight itself', KST_MIDNIGHT, KST_MIDNIGHT],
    ['one ms before KST midnight', KST_MIDNIGHT - 1, KST_MIDNIGHT - DAY_MS],
    ['UTC midnight (09:00 KST)', Date.UTC(2025, 0, 15), KST_MIDNIGHT],
    ['23:59:59.999 KST', KST_MIDNIGHT + DAY_MS - 1, KST_MIDNIGHT],
    ['the epoch (09:00 KST on 1970-01-01)', 0, -KST_OFFSET_MS],
  ])('dailyBucketStart at %s', (_name, t, start) => {
    expect(dailyBucketStart(t)).toBe(start);
  });
});

describe('addTime', () => {
  it('credits whole seconds into one bucket', () => {
    const h = addTime(emptyHistory(), 'up', KST_MIDNIGHT + 10_000, KST_MIDNIGHT + 70_000);
    expect(h.recent).toEqual([bucket(KST_MIDNIGHT, { up: 60 })]);
    expect(h.daily).toEqual([bucket(KST_MIDNIGHT, { up: 60 })]);
  });

  it('splits an interval crossing five-minute boundaries', () => {
    const h = addTime(emptyHistory(), 'down', KST_MIDNIGHT + FIVE - 30_000, KST_MIDNIGHT + 2 * FIVE + 45_000);
    expect(h.recent).toEqual([bucket(KST_MIDNIGHT, { down: 30 }), bucket(KST_MIDNIGHT + FIVE, { down: 300 }), bucket(KST_MIDNIGHT + 2 * FIVE, { down: 45 })]);
    expect(h.daily).toEqual([bucket(KST_MIDNIGHT, { down: 375 })]);
  });

  it('splits an interval crossing Korean midnight into two days', () => {
    const h = addTime(emptyHistory(), 'degraded', KST_MIDNIGHT - 90_000, KST_MIDNIGHT + 30_000);
    expect(h.daily).toEqual([bucket(KST_MIDNIGHT - DAY_MS, { degraded: 90 }), bucket(KST_MIDNIGHT, { degraded: 30 })]);
    expect(h.recent).toEqual([bucket(KST_MIDNIGHT - FIVE, { degraded: 90 }), bucket(KST_MIDNIGHT, { degraded: 30 })]);
  });

  it('does not split at UTC midnight', () => {
    const utcMidnight = Date.UTC(2025, 0, 15);
    expect(addTime(emptyHistory(), 'up', utcMidnight - 60_000, utcMidnight + 60_000).daily).toEqual([bucket(KST_MIDNIGHT, { up: 120 })]);
  });

  it('adds to an existing bucket, per status', () => {
    let h = addTime(emptyHistory(), 'up', KST_MIDNIGHT, KST_MIDNIGHT + 100_000);
    h = addTime(h, 'down', KST_MIDNIGHT + 100_000, KST_MIDNIGHT + 160_000);
    expect(h.recent).toEqual([bucket(KST_MIDNIGHT, { up: 100, down: 60 })]);
  });

  it('consecutive sub-second intervals add up exactly, never past the bucket length', () => {
    let h = emptyHistory();
    let t = KST_MIDNIGHT;
    while (t < KST_MIDNIGHT + FIVE) {
      const next = Math.min(KST_MIDNIGHT + FIVE, t + 333);
      h = addTime(h, 'up', t, next);
      t = next;
    }
    expect(h.recent).toEqual([bucket(KST_MIDNIGHT, { up: 300 })]);
  });

  it('creates no bucket for less than a second inside one second', () => {
    expect(addTime(emptyHistory(), 'up', KST_MIDNIGHT + 100, KST_MIDNIGHT + 900)).toEqual({ recent: [], daily: [] });
  });

  it('leaves an empty or backward interval alone', () => {
    const h = emptyHistory();
    expect(addTime(h, 'up', KST_MIDNIGHT, KST_MIDNIGHT)).toBe(h);
    expect(addTime(h, 'up', KST_MIDNIGHT, KST_MIDNIGHT - 1000)).toBe(h);
  });

  it('does not mutate the history it is given', () => {
    const h = addTime(emptyHistory(), 'up', KST_MIDNIGHT, KST_MIDNIGHT + 10_000);
    const snapshot = JSON.stringify(h);
    addTime(h, 'down', KST_MIDNIGHT + 10_000, KST_MIDNIGHT + 2 * FIVE);
    expect(JSON.stringify(h)).toBe(snapshot);
  });
});

describe('pruneHistory', () => {
  it('keeps the last 288 five-minute buckets (24 h) and 30 days', () => {
    const start = KST_MIDNIGHT - 40 * DAY_MS;
    const h = addTime(emptyHistory(), 'up', start, start + DAY_MS);
    expect(h.recent).toHaveLength(RECENT_BUCKETS);
    const longer = addTime(h, 'up', start + DAY_MS, start + DAY_MS + FIVE);
    expect(pruneHistory(longer, start + DAY_MS + FIVE).recent).toHaveLength(RECENT_BUCKETS);
    expect(pruneHistory(longer, start + DAY_MS + FIVE).recent[0]!.start).toBe(start + FIVE);

    let days = emptyHistory();
    for (let d = 0; d < 40; d += 1) days = addTime(days, 'up', start + d * DAY_MS, start + d * DAY_MS + 1000);
    const pruned = pruneHistory(days, start + 39 * DAY_MS + 1000);
    expect(pruned.daily).toHaveLength(DAILY_BUCKETS);
    expect(pruned.daily[0]!.start).toBe(start + 10 * DAY_MS);
  });

  it.each([
    ['ended exactly 24 h ago: dropped', KST_MIDNIGHT + FIVE + DAY_MS, 0],
    ['ends 1 ms inside the last 24 h: kept', KST_MIDNIGHT + FIVE + DAY_MS - 1, 1],
  ])('a recent bucket that %s', (_name, now, kept) => {
    const h = addTime(emptyHistory(), 'up', KST_MIDNIGHT, KST_MIDNIGHT + 1000);
    expect(pruneHistory(h, now).recent).toHaveLength(kept);
  });

  it.each([
    ['ended exactly 30 days ago: dropped', KST_MIDNIGHT + DAY_MS + 30 * DAY_MS, 0],
    ['ends 1 ms inside the last 30 days: kept', KST_MIDNIGHT + DAY_MS + 30 * DAY_MS - 1, 1],
  ])('a daily bucket that %s', (_name, now, kept) => {
    const h = addTime(emptyHistory(), 'up', KST_MIDNIGHT, KST_MIDNIGHT + 1000);
    expect(pruneHistory(h, now).daily).toHaveLength(kept);
  });

  it('returns the same object when nothing is dropped', () => {
    const h = addTime(emptyHistory(), 'up', KST_MIDNIGHT, KST_MIDNIGHT + 1000);
    expect(pruneHistory(h, KST_MIDNIGHT + 2000)).toBe(h);
  });
});

describe('countedStatus', () => {
  const base = initialHealth(0).services[S];
  it.each([
    ['unknown', { status: 'unknown' }, 'online', null],
    ['up', { status: 'up' }, 'online', 'up'],
    ['up on an unknown network', { status: 'up' }, 'unknown', 'up'],
    ['degraded', { status: 'degraded', confirmed: true }, 'online', 'degraded'],
    ['confirmed down', { status: 'down', confirmed: true }, 'online', 'down'],
    ['a suspicion', { status: 'down', confirmed: false }, 'online', null],
    ['up while offline', { status: 'up' }, 'offline', null],
    ['confirmed down while offline', { status: 'down', confirmed: true }, 'offline', null],
  ] as const)('%s', (_name, patch, network, expected) => {
    expect(countedStatus({ ...base, ...patch }, network)).toBe(expected);
  });
});

describe('accountTime', () => {
  it('credits the time since accountedUntil at the current statuses', () => {
    const state = stateWith(KST_MIDNIGHT, { status: 'up' });
    const next = accountTime(state, KST_MIDNIGHT + 90_000);
    expect(next.history[S].recent).toEqual([bucket(KST_MIDNIGHT, { up: 90 })]);
    expect(next.accountedUntil).toBe(KST_MIDNIGHT + 90_000);
    for (const id of SERVICE_IDS.filter((id) => id !== S)) expect(next.history[id]).toEqual(emptyHistory());
  });

  it('the same timestamp accounts nothing and returns the same state', () => {
    const state = stateWith(KST_MIDNIGHT, { status: 'up' });
    expect(accountTime(state, KST_MIDNIGHT)).toBe(state);
  });

  it('a clock that went back accounts nothing and keeps accountedUntil', () => {
    const state = accountTime(stateWith(KST_MIDNIGHT, { status: 'up' }), KST_MIDNIGHT + 60_000);
    expect(accountTime(state, KST_MIDNIGHT + 30_000)).toBe(state);
    // Once the clock is past accountedUntil again, only the new time is credited.
    expect(accountTime(state, KST_MIDNIGHT + 70_000).history[S].recent).toEqual([bucket(KST_MIDNIGHT, { up: 70 })]);
  });

  it('credits nothing while offline, but moves accountedUntil on', () => {
    const state = stateWith(KST_MIDNIGHT, { status: 'up' }, 'offline');
    const next = accountTime(state, KST_MIDNIGHT + 60_000);
    expect(next.history[S]).toEqual(emptyHistory());
    expect(next.accountedUntil).toBe(KST_MIDNIGHT + 60_000);
  });

  it.each([
    ['just under the cap', MAX_ACCOUNTING_GAP_MS - 1000, MAX_ACCOUNTING_GAP_MS / 1000 - 1],
    ['at the cap', MAX_ACCOUNTING_GAP_MS, MAX_ACCOUNTING_GAP_MS / 1000],
    ['over the cap', MAX_ACCOUNTING_GAP_MS + 3600_000, MAX_ACCOUNTING_GAP_MS / 1000],
    ['of 29 days', 29 * DAY_MS, MAX_ACCOUNTING_GAP_MS / 1000],
    // The one day credited lies more than 30 days back: pruned at once.
    ['of a year', 365 * DAY_MS, 0],
  ])('a gap %s credits at most a day', (_name, gap, seconds) => {
    const next = accountTime(stateWith(KST_MIDNIGHT, { status: 'down', confirmed: true }), KST_MIDNIGHT + gap);
    expect(total(next.history[S].daily)).toBe(seconds);
    expect(next.accountedUntil).toBe(KST_MIDNIGHT + gap);
    expect(next.history[S].recent.length).toBeLessThanOrEqual(RECENT_BUCKETS);
  });

  it('accounts the time before the event at the status before it (through reduce)', () => {
    const events: HealthEvent[] = [
      { type: 'main-frame-ok', service: S, url: 'https://map.kakao.com/', at: KST_MIDNIGHT },
      { type: 'error-page', service: S, url: 'https://map.kakao.com/', page: 'error', at: KST_MIDNIGHT + 60_000 },
      { type: 'probe', service: S, ok: false, latencyMs: null, at: KST_MIDNIGHT + 100_000 },
      { type: 'tick', at: KST_MIDNIGHT + 130_000 },
    ];
    const { state } = reduceAll(initialHealth(KST_MIDNIGHT), events);
    expect(state.history[S].recent).toEqual([bucket(KST_MIDNIGHT, { up: 60, degraded: 40, down: 30 })]);
  });

  it('one event stamped a year ahead does not freeze the history once the clock is right again', () => {
    const YEAR = 365 * DAY_MS;
    const up: HealthEvent = { type: 'main-frame-ok', service: S, url: 'https://map.kakao.com/', at: KST_MIDNIGHT };
    const { state } = reduceAll(initialHealth(KST_MIDNIGHT), [up, { type: 'tick', at: KST_MIDNIGHT + YEAR }, { type: 'tick', at: KST_MIDNIGHT + 60_000 }, { type: 'tick', at: KST_MIDNIGHT + 20 * 60_000 }]);
    // Nothing from the future is kept, and the twenty minutes since are counted, each once.
    expect(state.history[S].recent.every((b) => b.start <= KST_MIDNIGHT + 20 * 60_000)).toBe(true);
    expect(state.history[S].daily.every((b) => b.start <= KST_MIDNIGHT + 20 * 60_000)).toBe(true);
    const counted = state.history[S].recent.reduce((sum, b) => sum + b.up, 0);
    expect(counted).toBe(20 * 60 - 60);
    expect(state.accountedUntil).toBe(KST_MIDNIGHT + 20 * 60_000);
  });

  it('a clock set back never fills a bucket beyond its length', () => {
    const up: HealthEvent = { type: 'main-frame-ok', service: S, url: 'https://map.kakao.com/', at: KST_MIDNIGHT };
    const ticks: HealthEvent[] = [{ type: 'tick', at: KST_MIDNIGHT + 4 * 60_000 }, { type: 'tick', at: KST_MIDNIGHT - 10 * 60_000 }, { type: 'tick', at: KST_MIDNIGHT + 4 * 60_000 + 59_000 }];
    const { state } = reduceAll(initialHealth(KST_MIDNIGHT), [up, ...ticks]);
    for (const b of state.history[S].recent) expect(b.up + b.degraded + b.down).toBeLessThanOrEqual(RECENT_BUCKET_MS / 1000);
  });

  it('does not count an unconfirmed suspicion, only what followed its confirmation', () => {
    const events: HealthEvent[] = [
      { type: 'main-frame-failure', service: S, cause: { kind: 'refused' }, url: 'https://map.kakao.com/', at: KST_MIDNIGHT },
      { type: 'main-frame-failure', service: S, cause: { kind: 'refused' }, url: 'https://map.kakao.com/', at: KST_MIDNIGHT + 50_000 },
      { type: 'tick', at: KST_MIDNIGHT + 80_000 },
    ];
    const { state } = reduceAll(initialHealth(KST_MIDNIGHT), events);
    expect(state.history[S].recent).toEqual([bucket(KST_MIDNIGHT, { down: 30 })]);
  });

  it('a day of one-minute ticks fills exactly 288 full buckets and one full day', () => {
    let state = stateWith(KST_MIDNIGHT, { status: 'up' });
    for (let minute = 1; minute <= 24 * 60; minute += 1) state = accountTime(state, KST_MIDNIGHT + minute * 60_000);
    expect(state.history[S].recent).toHaveLength(RECENT_BUCKETS);
    expect(state.history[S].recent.every((b) => b.up === 300)).toBe(true);
    expect(state.history[S].daily).toEqual([bucket(KST_MIDNIGHT, { up: 86_400 })]);
    state = accountTime(state, KST_MIDNIGHT + DAY_MS + FIVE);
    expect(state.history[S].recent).toHaveLength(RECENT_BUCKETS);
    expect(state.history[S].recent[0]!.start).toBe(KST_MIDNIGHT + FIVE);
    expect(state.history[S].daily).toEqual([bucket(KST_MIDNIGHT, { up: 86_400 }), bucket(KST_MIDNIGHT + DAY_MS, { up: 300 })]);
  });
});
