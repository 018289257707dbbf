import { SERVICE_IDS, type ServiceId } from '../catalog/index.ts';
import type { HealthState, HistoryBucket, NetworkStatus, ServiceHealth, ServiceHistory } from './types.ts';

export const RECENT_BUCKET_MS = 5 * 60_000;
export const RECENT_BUCKETS = 288;
export const DAY_MS = 24 * 60 * 60_000;
export const DAILY_BUCKETS = 30;
/** Korea has no daylight saving time, so a Korean day is always UTC+9 midnight to midnight. */
export const KST_OFFSET_MS = 9 * 60 * 60_000;

/**
 * The most time one accounting may credit. A machine asleep for a week wakes with a gap of a week:
 * crediting it all would claim a week of "up" nobody observed and walk thousands of buckets only to
 * prune them again. So the gap is credited for at most a day from the last observation (the status is
 * most plausibly unchanged just after it was seen) and the rest of it is left blank. A day also
 * bounds the work of one accounting to 288 five-minute pieces.
 */
export const MAX_ACCOUNTING_GAP_MS = DAY_MS;

export type CountedStatus = 'up' | 'degraded' | 'down';

/** Buckets are aligned to the epoch, so every client agrees where they start. */
export function recentBucketStart(t: number): number {
  return Math.floor(t / RECENT_BUCKET_MS) * RECENT_BUCKET_MS;
}

/** The start (epoch ms) of the Korean calendar day holding t: the day a Korean user would name. */
export function dailyBucketStart(t: number): number {
  return Math.floor((t + KST_OFFSET_MS) / DAY_MS) * DAY_MS - KST_OFFSET_MS;
}

export function emptyHistory(): ServiceHistory {
  return { recent: [], daily: [] };
}

/**
 * What a stretch of time counts as. Only what Detour is sure of is history: 'unknown' time is not
 * counted, nor an unconfirmed suspicion (it may turn out to be the user's network), nor any time while
 * the user was offline (nothing was observed then).
 */
export function countedStatus(health: ServiceHealth, network: NetworkStatus): CountedStatus | null {
  if (network === 'offline') return null;
  if (health.status === 'up' || health.status === 'degraded') return health.status;
  if (health.status === 'down' && health.confirmed) return 'down';
  return null;
}

/**
 * Whole seconds of [from, to). Flooring both ends (rather than rounding the length) makes consecutive
 * intervals add up exactly, so a bucket never holds more seconds than it is long.
 */
function secondsBetween(from: number, to: number): number {
  return Math.floor(to / 1000) - Math.floor(from / 1000);
}

function credit(buckets: HistoryBucket[], start: number, kind: CountedStatus, seconds: number, capacity: number): void {
  if (seconds <= 0) return;
  let index = buckets.length - 1;
  // Accounting only moves forward, so the bucket is nearly always the last one or a new one after it.
  while (index >= 0 && buckets[index]!.start > start) index -= 1;
  const existing = index >= 0 && buckets[index]!.start === start ? buckets[index]! : undefined;
  if (existing) {
    // After the clock was set back, a stretch may be accounted a second time: a bucket never holds
    // more seconds than it is long.
    const room = capacity - (existing.up + existing.degraded + existing.down);
    if (room > 0) buckets[index] = { ...existing, [kind]: existing[kind] + Math.min(seconds, room) };
  } else {
    buckets.splice(index + 1, 0, { start, up: 0, degraded: 0, down: 0, [kind]: Math.min(seconds, capacity) });
  }
}

function creditSplit(buckets: HistoryBucket[], from: number, to: number, kind: CountedStatus, startOf: (t: number) => number, next: (start: number) => number): void {
  let pieceStart = from;
  while (pieceStart < to) {
    const bucket = startOf(pieceStart);
    const pieceEnd = Math.min(to, next(bucket));
    credit(buckets, bucket, kind, secondsBetween(pieceStart, pieceEnd), (next(bucket) - bucket) / 1000);
    pieceStart = pieceEnd;
  }
}

/** Credits [from, to) to `kind`, split at every five-minute and Korean-midnight boundary it crosses. */
export function addTime(history: ServiceHistory, kind: CountedStatus, from: number, to: number): ServiceHistory {
  if (!(to > from)) return history;
  const recent = history.recent.slice();
  const daily = history.daily.slice();
  creditSplit(recent, from, to, kind, recentBucketStart, (start) => start + RECENT_BUCKET_MS);
  creditSplit(daily, from, to, kind, dailyBucketStart, (start) => start + DAY_MS);
  return { recent, daily };
}

function keepLast(buckets: readonly HistoryBucket[], length: number, span: number, count: number, now: number): readonly HistoryBucket[] {
  let first = 0;
  while (first < buckets.length && buckets[first]!.start + length <= now - span) first += 1;
  first = Math.max(first, buckets.length - count);
  return first === 0 ? buckets : buckets.slice(first);
}

/** Drops buckets that ended more than 24 hours (recent) or 30 days (daily) before `now`; caps the counts. */
export function pruneHistory(history: ServiceHistory, now: number): ServiceHistory {
  const recent = keepLast(history.recent, RECENT_BUCKET_MS, DAY_MS, RECENT_BUCKETS, now);
  const daily = keepLast(history.daily, DAY_MS, DAILY_BUCKETS * DAY_MS, DAILY_BUCKETS, now);
  return recent === history.recent && daily === history.daily ? history : { recent, daily };
}

/**
 * How far back the clock may seem to go before it counts as set back. Events arrive a little out of
 * order (a probe stamped before the failure it answers): those are no jump, and account nothing.
 */
export const CLOCK_BACK_TOLERANCE_MS = RECENT_BUCKET_MS;

/** Drops the buckets that start after `at`: time that, by the clock now, has not happened yet. */
function dropFuture(history: ServiceHistory, at: number): ServiceHistory {
  const recent = history.recent.filter((bucket) => bucket.start <= at);
  const daily = history.daily.filter((bucket) => bucket.start <= at);
  return recent.length === history.recent.length && daily.length === history.daily.length ? history : { recent, daily };
}

/**
 * Accounts the time from state.accountedUntil to `at` into history at the statuses the services had
 * during it. A clock a little behind (events out of order) accounts nothing. A clock set back further
 * (or one event stamped far ahead, say a year, by a clock that was wrong for a moment) would freeze
 * the history until real time caught up: instead the history is re-anchored at `at`, dropping what
 * lies in its future, and a bucket is never credited beyond its length, so nothing counts twice.
 */
export function accountTime(state: HealthState, at: number): HealthState {
  if (!Number.isFinite(at)) return state;
  if (at < state.accountedUntil - CLOCK_BACK_TOLERANCE_MS) {
    const history = { ...state.history } as Record<ServiceId, ServiceHistory>;
    for (const id of SERVICE_IDS) history[id] = pruneHistory(dropFuture(history[id], at), at);
    return { ...state, history, accountedUntil: at };
  }
  if (!(at > state.accountedUntil)) return state;
  const from = state.accountedUntil;
  const to = Math.min(at, from + MAX_ACCOUNTING_GAP_MS);
  const history = { ...state.history } as Record<ServiceId, ServiceHistory>;
  for (const id of SERVICE_IDS) {
    const kind = countedStatus(state.services[id], state.network);
    const credited = kind ? addTime(history[id], kind, from, to) : history[id];
    history[id] = pruneHistory(credited, at);
  }
  return { ...state, history, accountedUntil: at };
}
