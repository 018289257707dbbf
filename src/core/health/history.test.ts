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
  bucketCount,
  bucketsOf,
  countedStatus,
  dailyBucketStart,
  emptyHistory,
  pruneHistory,
  recentBucketStart,
} from './history.ts';
import type { HealthEvent, HealthState, HistoryBucket, HistoryRun, ServiceHealth, ServiceHistory } from './types.ts';
import { mulberry32 } from '../../../test/support/random.ts';

const S: ServiceId = 'kakaomap';
/** 2025-01-15 00:00 KST = 2025-01-14 15:00 UTC. */
const KST_MIDNIGHT = Date.UTC(2025, 0, 14, 15, 0, 0);
const FIVE = RECENT_BUCKET_MS;
const bucket = (start: number, seconds: Partial<Omit<HistoryBucket, 'start'>>): HistoryBucket => ({ start, up: 0, degraded: 0, down: 0, ...seconds });
/** History as the buckets it stands for, whatever runs hold them: the expectations are about buckets. */
const recentOf = (history: ServiceHistory) => bucketsOf(history.recent, FIVE);
const dailyOf = (history: ServiceHistory) => bucketsOf(history.daily, DAY_MS);
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
    expect(recentOf(h)).toEqual([bucket(KST_MIDNIGHT, { up: 60 })]);
    expect(dailyOf(h)).toEqual([bucket(KST_MIDNIGHT, { up: 60 })]);
  });

  it('splits an interval crossing five-minute boundaries', () => {
    const h = addTime(emptyHistory(), 'down', KST_MIDNIGHT + FIVE - 30_000, KST_MIDNIGHT + 2 * FIVE + 45_000);
    expect(recentOf(h)).toEqual([bucket(KST_MIDNIGHT, { down: 30 }), bucket(KST_MIDNIGHT + FIVE, { down: 300 }), bucket(KST_MIDNIGHT + 2 * FIVE, { down: 45 })]);
    expect(dailyOf(h)).toEqual([bucket(KST_MIDNIGHT, { down: 375 })]);
  });

  it('splits an interval crossing Korean midnight into two days', () => {
    const h = addTime(emptyHistory(), 'degraded', KST_MIDNIGHT - 90_000, KST_MIDNIGHT + 30_000);
    expect(dailyOf(h)).toEqual([bucket(KST_MIDNIGHT - DAY_MS, { degraded: 90 }), bucket(KST_MIDNIGHT, { degraded: 30 })]);
    expect(recentOf(h)).toEqual([bucket(KST_MIDNIGHT - FIVE, { degraded: 90 }), bucket(KST_MIDNIGHT, { degraded: 30 })]);
  });

  it('does not split at UTC midnight', () => {
    const utcMidnight = Date.UTC(2025, 0, 15);
    expect(dailyOf(addTime(emptyHistory(), 'up', utcMidnight - 60_000, utcMidnight + 60_000))).toEqual([bucket(KST_MIDNIGHT, { up: 120 })]);
  });

  it('adds to an existing bucket, per status', () => {
    let h = addTime(emptyHistory(), 'up', KST_MIDNIGHT, KST_MIDNIGHT + 100_000);
    h = addTime(h, 'down', KST_MIDNIGHT + 100_000, KST_MIDNIGHT + 160_000);
    expect(recentOf(h)).toEqual([bucket(KST_MIDNIGHT, { up: 100, down: 60 })]);
  });

  it('consecutive sub-second intervals add up exactly, never past the bucket length', () => {
    let h = emptyHistory();
    let t = KST_MIDNIGHT;
    while (t < KST_MIDNIGHT + FIVE) {
      const next = Math.min(KST_MIDNIGHT + FIVE, t + 333);
      h = addTime(h, 'up', t, next);
      t = next;
    }
    expect(recentOf(h)).toEqual([bucket(KST_MIDNIGHT, { up: 300 })]);
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
    expect(recentOf(h)).toHaveLength(RECENT_BUCKETS);
    const longer = addTime(h, 'up', start + DAY_MS, start + DAY_MS + FIVE);
    expect(recentOf(pruneHistory(longer, start + DAY_MS + FIVE))).toHaveLength(RECENT_BUCKETS);
    expect(recentOf(pruneHistory(longer, start + DAY_MS + FIVE))[0]!.start).toBe(start + FIVE);

    let days = emptyHistory();
    for (let d = 0; d < 40; d += 1) days = addTime(days, 'up', start + d * DAY_MS, start + d * DAY_MS + 1000);
    const pruned = pruneHistory(days, start + 39 * DAY_MS + 1000);
    expect(dailyOf(pruned)).toHaveLength(DAILY_BUCKETS);
    expect(dailyOf(pruned)[0]!.start).toBe(start + 10 * DAY_MS);
  });

  it.each([
    ['ended exactly 24 h ago: dropped', KST_MIDNIGHT + FIVE + DAY_MS, 0],
    ['ends 1 ms inside the last 24 h: kept', KST_MIDNIGHT + FIVE + DAY_MS - 1, 1],
  ])('a recent bucket that %s', (_name, now, kept) => {
    const h = addTime(emptyHistory(), 'up', KST_MIDNIGHT, KST_MIDNIGHT + 1000);
    expect(recentOf(pruneHistory(h, now))).toHaveLength(kept);
  });

  it.each([
    ['ended exactly 30 days ago: dropped', KST_MIDNIGHT + DAY_MS + 30 * DAY_MS, 0],
    ['ends 1 ms inside the last 30 days: kept', KST_MIDNIGHT + DAY_MS + 30 * DAY_MS - 1, 1],
  ])('a daily bucket that %s', (_name, now, kept) => {
    const h = addTime(emptyHistory(), 'up', KST_MIDNIGHT, KST_MIDNIGHT + 1000);
    expect(dailyOf(pruneHistory(h, now))).toHaveLength(kept);
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
    expect(recentOf(next.history[S])).toEqual([bucket(KST_MIDNIGHT, { up: 90 })]);
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
    expect(recentOf(accountTime(state, KST_MIDNIGHT + 70_000).history[S])).toEqual([bucket(KST_MIDNIGHT, { up: 70 })]);
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
    expect(total(dailyOf(next.history[S]))).toBe(seconds);
    expect(next.accountedUntil).toBe(KST_MIDNIGHT + gap);
    expect(recentOf(next.history[S]).length).toBeLessThanOrEqual(RECENT_BUCKETS);
  });

  it('accounts the time before the event at the status before it (through reduce)', () => {
    const events: HealthEvent[] = [
      { type: 'main-frame-ok', service: S, url: 'https://map.kakao.com/', at: KST_MIDNIGHT },
      { type: 'error-page', service: S, url: 'https://map.kakao.com/', page: 'error', at: KST_MIDNIGHT + 60_000 },
      { type: 'probe', service: S, ok: false, latencyMs: null, at: KST_MIDNIGHT + 100_000 },
      { type: 'tick', at: KST_MIDNIGHT + 130_000 },
    ];
    const { state } = reduceAll(initialHealth(KST_MIDNIGHT), events);
    expect(recentOf(state.history[S])).toEqual([bucket(KST_MIDNIGHT, { up: 60, degraded: 40, down: 30 })]);
  });

  it('one event stamped a year ahead does not freeze the history once the clock is right again', () => {
    const YEAR = 365 * DAY_MS;
    const up: HealthEvent = { type: 'main-frame-ok', service: S, url: 'https://map.kakao.com/', at: KST_MIDNIGHT };
    const { state } = reduceAll(initialHealth(KST_MIDNIGHT), [
      up,
      { type: 'tick', at: KST_MIDNIGHT + YEAR },
      { type: 'tick', at: KST_MIDNIGHT + 60_000 },
      { type: 'tick', at: KST_MIDNIGHT + 20 * 60_000 },
    ]);
    // Nothing from the future is kept, and the twenty minutes since are counted, each once.
    expect(recentOf(state.history[S]).every((b) => b.start <= KST_MIDNIGHT + 20 * 60_000)).toBe(true);
    expect(dailyOf(state.history[S]).every((b) => b.start <= KST_MIDNIGHT + 20 * 60_000)).toBe(true);
    const counted = recentOf(state.history[S]).reduce((sum, b) => sum + b.up, 0);
    expect(counted).toBe(20 * 60 - 60);
    expect(state.accountedUntil).toBe(KST_MIDNIGHT + 20 * 60_000);
  });

  it('a clock set back never fills a bucket beyond its length', () => {
    const up: HealthEvent = { type: 'main-frame-ok', service: S, url: 'https://map.kakao.com/', at: KST_MIDNIGHT };
    const ticks: HealthEvent[] = [
      { type: 'tick', at: KST_MIDNIGHT + 4 * 60_000 },
      { type: 'tick', at: KST_MIDNIGHT - 10 * 60_000 },
      { type: 'tick', at: KST_MIDNIGHT + 4 * 60_000 + 59_000 },
    ];
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
    expect(recentOf(state.history[S])).toEqual([bucket(KST_MIDNIGHT, { down: 30 })]);
  });

  it('a day of one-minute ticks fills exactly 288 full buckets and one full day', () => {
    let state = stateWith(KST_MIDNIGHT, { status: 'up' });
    for (let minute = 1; minute <= 24 * 60; minute += 1) state = accountTime(state, KST_MIDNIGHT + minute * 60_000);
    expect(recentOf(state.history[S])).toHaveLength(RECENT_BUCKETS);
    expect(recentOf(state.history[S]).every((b) => b.up === 300)).toBe(true);
    expect(dailyOf(state.history[S])).toEqual([bucket(KST_MIDNIGHT, { up: 86_400 })]);
    state = accountTime(state, KST_MIDNIGHT + DAY_MS + FIVE);
    expect(recentOf(state.history[S])).toHaveLength(RECENT_BUCKETS);
    expect(recentOf(state.history[S])[0]!.start).toBe(KST_MIDNIGHT + FIVE);
    expect(dailyOf(state.history[S])).toEqual([bucket(KST_MIDNIGHT, { up: 86_400 }), bucket(KST_MIDNIGHT + DAY_MS, { up: 300 })]);
  });
});

describe('runs of identical buckets', () => {
  const run = (start: number, count: number, seconds: Partial<Omit<HistoryBucket, 'start'>>): HistoryRun => ({ start, count, up: 0, degraded: 0, down: 0, ...seconds });
  const of = (recent: HistoryRun[]): ServiceHistory => ({ recent, daily: [] });

  it('a day watched and healthy is one run of 288 buckets and one daily run', () => {
    let state = stateWith(KST_MIDNIGHT, { status: 'up' });
    for (let minute = 1; minute <= 24 * 60; minute += 1) state = accountTime(state, KST_MIDNIGHT + minute * 60_000);
    expect(state.history[S]).toEqual({ recent: [run(KST_MIDNIGHT, RECENT_BUCKETS, { up: 300 })], daily: [run(KST_MIDNIGHT, 1, { up: 86_400 })] });
  });

  it.each([
    ['its first bucket', 0, [run(KST_MIDNIGHT, 1, { up: 200, down: 10 }), run(KST_MIDNIGHT + FIVE, 4, { up: 200 })]],
    ['a middle bucket', 2, [run(KST_MIDNIGHT, 2, { up: 200 }), run(KST_MIDNIGHT + 2 * FIVE, 1, { up: 200, down: 10 }), run(KST_MIDNIGHT + 3 * FIVE, 2, { up: 200 })]],
    ['its last bucket', 4, [run(KST_MIDNIGHT, 4, { up: 200 }), run(KST_MIDNIGHT + 4 * FIVE, 1, { up: 200, down: 10 })]],
  ])('crediting %s of a run splits the run around it', (_name, bucketIndex, expected) => {
    const h = of([run(KST_MIDNIGHT, 5, { up: 200 })]);
    const from = KST_MIDNIGHT + bucketIndex * FIVE + 60_000;
    expect(addTime(h, 'down', from, from + 10_000).recent).toEqual(expected);
  });

  it.each([
    ['the run before it', [run(KST_MIDNIGHT, 2, { up: 300 }), run(KST_MIDNIGHT + 2 * FIVE, 1, { up: 240 })], [run(KST_MIDNIGHT, 3, { up: 300 })]],
    ['the runs on both sides', [run(KST_MIDNIGHT, 2, { up: 300 }), run(KST_MIDNIGHT + 2 * FIVE, 1, { up: 240 }), run(KST_MIDNIGHT + 3 * FIVE, 2, { up: 300 })], [run(KST_MIDNIGHT, 5, { up: 300 })]],
    ['the run after it', [run(KST_MIDNIGHT + 2 * FIVE, 1, { up: 240 }), run(KST_MIDNIGHT + 3 * FIVE, 2, { up: 300 })], [run(KST_MIDNIGHT + 2 * FIVE, 3, { up: 300 })]],
  ])('a bucket that becomes equal to its neighbours merges with %s', (_name, runs, expected) => {
    const from = KST_MIDNIGHT + 2 * FIVE + 240_000;
    expect(addTime(of(runs), 'up', from, from + 60_000).recent).toEqual(expected);
  });

  it('equal buckets with a gap between them stay apart: the gap recorded nothing', () => {
    const h = addTime(of([run(KST_MIDNIGHT, 1, { up: 300 })]), 'up', KST_MIDNIGHT + 2 * FIVE, KST_MIDNIGHT + 3 * FIVE);
    expect(h.recent).toEqual([run(KST_MIDNIGHT, 1, { up: 300 }), run(KST_MIDNIGHT + 2 * FIVE, 1, { up: 300 })]);
  });

  it('a crediting earlier than the last run (clock went back) splits the right run and keeps the later ones', () => {
    const h = of([run(KST_MIDNIGHT, 3, { up: 200 }), run(KST_MIDNIGHT + 3 * FIVE, 1, { down: 60 })]);
    expect(addTime(h, 'degraded', KST_MIDNIGHT + FIVE, KST_MIDNIGHT + FIVE + 1000).recent).toEqual([
      run(KST_MIDNIGHT, 1, { up: 200 }),
      run(KST_MIDNIGHT + FIVE, 1, { up: 200, degraded: 1 }),
      run(KST_MIDNIGHT + 2 * FIVE, 1, { up: 200 }),
      run(KST_MIDNIGHT + 3 * FIVE, 1, { down: 60 }),
    ]);
  });

  it('a crediting into a full bucket (the clock went back over counted time) adds nothing', () => {
    const h = of([run(KST_MIDNIGHT, 3, { up: 300 })]);
    expect(addTime(h, 'down', KST_MIDNIGHT + FIVE, KST_MIDNIGHT + FIVE + 60_000).recent).toEqual([run(KST_MIDNIGHT, 3, { up: 300 })]);
  });

  it('pruning inside a run drops only the buckets that ended, keeping the rest of the run', () => {
    const h = of([run(KST_MIDNIGHT, RECENT_BUCKETS, { up: 300 })]);
    expect(pruneHistory(h, KST_MIDNIGHT + DAY_MS + 10 * FIVE).recent).toEqual([run(KST_MIDNIGHT + 10 * FIVE, RECENT_BUCKETS - 10, { up: 300 })]);
    expect(pruneHistory(h, KST_MIDNIGHT + DAY_MS + 10 * FIVE - 1).recent).toEqual([run(KST_MIDNIGHT + 9 * FIVE, RECENT_BUCKETS - 9, { up: 300 })]);
  });

  it('the count cap cuts into the oldest run (a clock that went back leaves buckets "in the future")', () => {
    const h = of([run(KST_MIDNIGHT, 200, { up: 300 }), run(KST_MIDNIGHT + 200 * FIVE, 100, { down: 300 })]);
    expect(pruneHistory(h, KST_MIDNIGHT).recent).toEqual([run(KST_MIDNIGHT + 12 * FIVE, 188, { up: 300 }), run(KST_MIDNIGHT + 200 * FIVE, 100, { down: 300 })]);
  });

  it('a gap over the one-day cap is credited as a few runs, not 288 buckets', () => {
    const from = KST_MIDNIGHT + 2 * 60_000;
    const next = accountTime(stateWith(from, { status: 'up' }), from + 3 * DAY_MS);
    // The day credited ended two days before "now": only the daily series keeps it.
    expect(next.history[S].recent).toEqual([]);
    expect(next.history[S].daily).toEqual([run(KST_MIDNIGHT, 1, { up: 86_400 - 120 }), run(KST_MIDNIGHT + DAY_MS, 1, { up: 120 })]);
    const within = accountTime(stateWith(from, { status: 'up' }), from + DAY_MS);
    // 180 s, 287 full buckets, 120 s: 289 buckets, the oldest of which the count cap drops.
    expect(within.history[S].recent).toEqual([run(KST_MIDNIGHT + FIVE, RECENT_BUCKETS - 1, { up: 300 }), run(KST_MIDNIGHT + DAY_MS, 1, { up: 120 })]);
  });

  it('bucketsOf and bucketCount see the buckets a run stands for', () => {
    const runs = [run(KST_MIDNIGHT, 2, { up: 300 }), run(KST_MIDNIGHT + 5 * FIVE, 1, { down: 7 })];
    expect(bucketsOf(runs, FIVE)).toEqual([bucket(KST_MIDNIGHT, { up: 300 }), bucket(KST_MIDNIGHT + FIVE, { up: 300 }), bucket(KST_MIDNIGHT + 5 * FIVE, { down: 7 })]);
    expect(bucketCount(runs)).toBe(3);
  });
});

/**
 * The buckets as they were kept before runs, one object each: the reference the runs must agree with
 * bucket for bucket, whatever the order of the credits and prunes.
 */
function referenceCredit(buckets: HistoryBucket[], start: number, kind: 'up' | 'degraded' | 'down', seconds: number, capacity: number): void {
  if (seconds <= 0) return;
  let index = buckets.length - 1;
  while (index >= 0 && buckets[index]!.start > start) index -= 1;
  const existing = index >= 0 && buckets[index]!.start === start ? buckets[index]! : undefined;
  // A bucket never holds more seconds than it is long (a clock set back accounts a stretch again).
  if (existing) {
    const room = capacity - (existing.up + existing.degraded + existing.down);
    if (room > 0) buckets[index] = { ...existing, [kind]: existing[kind] + Math.min(seconds, room) };
  } else buckets.splice(index + 1, 0, { start, up: 0, degraded: 0, down: 0, [kind]: Math.min(seconds, capacity) });
}

function referenceAdd(buckets: HistoryBucket[], kind: 'up' | 'degraded' | 'down', from: number, to: number, length: number, startOf: (t: number) => number): void {
  for (let pieceStart = from; pieceStart < to; ) {
    const start = startOf(pieceStart);
    const pieceEnd = Math.min(to, start + length);
    referenceCredit(buckets, start, kind, Math.floor(pieceEnd / 1000) - Math.floor(pieceStart / 1000), length / 1000);
    pieceStart = pieceEnd;
  }
}

function referencePrune(buckets: HistoryBucket[], length: number, span: number, count: number, now: number): HistoryBucket[] {
  let first = 0;
  while (first < buckets.length && buckets[first]!.start + length <= now - span) first += 1;
  return buckets.slice(Math.max(first, buckets.length - count));
}

describe('runs agree with one-object-per-bucket history', () => {
  it('over 200 seeded random sequences of credits (forwards, backwards, across days) and prunes', () => {
    const random = mulberry32(0x0b0c);
    const kinds = ['up', 'degraded', 'down'] as const;
    for (let sequence = 0; sequence < 200; sequence += 1) {
      let history = emptyHistory();
      let recent: HistoryBucket[] = [];
      let daily: HistoryBucket[] = [];
      let at = KST_MIDNIGHT + Math.floor(random() * DAY_MS);
      for (let step = 0; step < 40; step += 1) {
        const roll = random();
        // Mostly forward, sometimes a clock that went back, sometimes a long jump.
        const from = roll < 0.1 ? at - Math.floor(random() * 2 * 3600_000) : roll < 0.15 ? at + Math.floor(random() * 3 * DAY_MS) : at;
        const to = from + Math.floor(random() * (random() < 0.2 ? 6 * 3600_000 : 15 * 60_000));
        const kind = kinds[Math.floor(random() * 3)]!;
        history = addTime(history, kind, from, to);
        referenceAdd(recent, kind, from, to, FIVE, recentBucketStart);
        referenceAdd(daily, kind, from, to, DAY_MS, dailyBucketStart);
        at = Math.max(at, to);
        if (random() < 0.3) {
          history = pruneHistory(history, at);
          recent = referencePrune(recent, FIVE, DAY_MS, RECENT_BUCKETS, at);
          daily = referencePrune(daily, DAY_MS, DAILY_BUCKETS * DAY_MS, DAILY_BUCKETS, at);
        }
        // Checked every few steps: comparing hundreds of buckets at every step is the slow part.
        if (step % 4 !== 3) continue;
        const where = `sequence ${sequence} step ${step}`;
        expect(recentOf(history), where).toEqual(recent);
        expect(dailyOf(history), where).toEqual(daily);
        for (const runs of [history.recent, history.daily]) {
          runs.forEach((run, index) => {
            const previous = runs[index - 1];
            if (!previous) return;
            const length = runs === history.recent ? FIVE : DAY_MS;
            const touching = previous.start + previous.count * length === run.start;
            expect(touching && previous.up === run.up && previous.degraded === run.degraded && previous.down === run.down, `${where}: runs not merged`).toBe(false);
          });
        }
      }
    }
  }, 120_000);
});
