import { SERVICE_IDS, type ServiceId } from '../catalog/index.ts';
import type { HealthState, HistoryBucket, HistoryRun, NetworkStatus, ServiceHealth, ServiceHistory } from './types.ts';

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

function sameSeconds(a: HistoryBucket, b: HistoryBucket): boolean {
  return a.up === b.up && a.degraded === b.degraded && a.down === b.down;
}

/** Whether run `b` starts right where run `a` ends and holds the same seconds: then they are one run. */
function joins(a: HistoryRun, b: HistoryRun, length: number): boolean {
  return a.start + a.count * length === b.start && sameSeconds(a, b);
}

/** Every bucket the runs stand for, oldest first: what the buckets were before runs. */
export function bucketsOf(runs: readonly HistoryRun[], length: number): HistoryBucket[] {
  const buckets: HistoryBucket[] = [];
  for (const { start, count, up, degraded, down } of runs) {
    for (let i = 0; i < count; i += 1) buckets.push({ start: start + i * length, up, degraded, down });
  }
  return buckets;
}

/** How many buckets the runs stand for. */
export function bucketCount(runs: readonly HistoryRun[]): number {
  return runs.reduce((sum, run) => sum + run.count, 0);
}

/**
 * Appends a run to runs already in order (the caller guarantees it starts after the last one ends),
 * merging it into the last one when they touch and hold the same seconds. Empty runs record nothing
 * and are left out.
 */
export function appendRun(runs: HistoryRun[], run: HistoryRun, length: number): void {
  if (run.count <= 0 || run.up + run.degraded + run.down === 0) return;
  const last = runs.at(-1);
  if (last && joins(last, run, length)) runs[runs.length - 1] = { start: last.start, count: last.count + run.count, up: last.up, degraded: last.degraded, down: last.down };
  else runs.push(run);
}

/** The same run with `seconds` more of `kind` in each bucket; fields spelled out to keep one object shape. */
function runOf(start: number, count: number, seconds: HistoryBucket, kind?: CountedStatus, add = 0): HistoryRun {
  return {
    start,
    count,
    up: seconds.up + (kind === 'up' ? add : 0),
    degraded: seconds.degraded + (kind === 'degraded' ? add : 0),
    down: seconds.down + (kind === 'down' ? add : 0),
  };
}

const NOTHING: HistoryBucket = { start: 0, up: 0, degraded: 0, down: 0 };

/** The seconds a bucket at `start` holds already (0 when no run covers it). */
function heldAt(runs: readonly HistoryRun[], start: number, length: number): number {
  for (let index = runs.length - 1; index >= 0; index -= 1) {
    const run = runs[index]!;
    if (run.start > start) continue;
    return start < run.start + run.count * length ? run.up + run.degraded + run.down : 0;
  }
  return 0;
}

function credit(runs: HistoryRun[], start: number, length: number, kind: CountedStatus, wanted: number): void {
  // After the clock was set back, a stretch may be accounted a second time: a bucket never holds more
  // seconds than it is long.
  const seconds = Math.min(wanted, length / 1000 - heldAt(runs, start, length));
  if (seconds <= 0) return;
  const last = runs.at(-1);
  if (last && last.start === start && last.count === 1) {
    // The bucket being filled right now, alone in its run: the case of nearly every accounting.
    const updated = runOf(start, 1, last, kind, seconds);
    const before = runs.at(-2);
    if (before && joins(before, updated, length)) {
      runs.pop();
      runs[runs.length - 1] = runOf(before.start, before.count + 1, before);
    } else {
      runs[runs.length - 1] = updated;
    }
    return;
  }
  let index = runs.length - 1;
  // Accounting only moves forward, so the bucket is nearly always in the last run or just after it.
  while (index >= 0 && runs[index]!.start > start) index -= 1;
  const containing = index >= 0 ? runs[index] : undefined;
  const pieces: HistoryRun[] = [];
  let removed = 0;
  if (containing && start < containing.start + containing.count * length) {
    // The bucket is inside a run: split the run around it, so only that one bucket changes.
    const offset = (start - containing.start) / length;
    if (offset > 0) pieces.push(runOf(containing.start, offset, containing));
    pieces.push(runOf(start, 1, containing, kind, seconds));
    if (offset < containing.count - 1) pieces.push(runOf(start + length, containing.count - offset - 1, containing));
    removed = 1;
  } else {
    pieces.push(runOf(start, 1, NOTHING, kind, seconds));
    index += 1;
  }
  // Rebuild the neighbourhood (the run before, the pieces, the run after) and merge what now touches.
  const from = Math.max(0, index - 1);
  const neighbourhood = [...runs.slice(from, index), ...pieces, ...runs.slice(index + removed, index + removed + 1)];
  const merged: HistoryRun[] = [];
  for (const piece of neighbourhood) appendRun(merged, piece, length);
  runs.splice(from, Math.min(runs.length, index + removed + 1) - from, ...merged);
}

function creditSplit(runs: HistoryRun[], from: number, to: number, kind: CountedStatus, length: number, startOf: (t: number) => number): void {
  let pieceStart = from;
  while (pieceStart < to) {
    const bucket = startOf(pieceStart);
    const pieceEnd = Math.min(to, bucket + length);
    credit(runs, bucket, length, kind, secondsBetween(pieceStart, pieceEnd));
    pieceStart = pieceEnd;
  }
}

/** Credits [from, to) to `kind`, split at every five-minute and Korean-midnight boundary it crosses. */
export function addTime(history: ServiceHistory, kind: CountedStatus, from: number, to: number): ServiceHistory {
  if (!(to > from)) return history;
  const recent = history.recent.slice();
  const daily = history.daily.slice();
  creditSplit(recent, from, to, kind, RECENT_BUCKET_MS, recentBucketStart);
  creditSplit(daily, from, to, kind, DAY_MS, dailyBucketStart);
  return { recent, daily };
}

/** The last `max` buckets of the runs (the older ones dropped, a run cut if need be). */
export function keepLastBuckets(runs: readonly HistoryRun[], length: number, max: number): readonly HistoryRun[] {
  const first = runs[0];
  const last = runs.at(-1);
  // Buckets are apart and in order, so runs spanning no more than `max` hold no more (the usual case, and cheap).
  if (!first || !last || last.start + last.count * length - first.start <= max * length) return runs;
  let excess = bucketCount(runs) - max;
  if (excess <= 0) return runs;
  let index = 0;
  while (excess > 0 && runs[index]!.count <= excess) {
    excess -= runs[index]!.count;
    index += 1;
  }
  if (excess === 0) return runs.slice(index);
  const cut = runs[index]!;
  return [runOf(cut.start + excess * length, cut.count - excess, cut), ...runs.slice(index + 1)];
}

/** Drops the buckets that ended `span` or more before `now`, then keeps at most `max` buckets. */
function keepLast(runs: readonly HistoryRun[], length: number, span: number, max: number, now: number): readonly HistoryRun[] {
  // A bucket starting at or before this has ended by now - span.
  const lastDropped = now - span - length;
  if (runs.length === 0 || (runs[0]!.start > lastDropped && keepLastBuckets(runs, length, max) === runs)) return runs;
  let first = 0;
  while (first < runs.length && runs[first]!.start + (runs[first]!.count - 1) * length <= lastDropped) first += 1;
  let kept = first === 0 ? runs : runs.slice(first);
  const partial = kept[0];
  if (partial && partial.start <= lastDropped) {
    // Pruning inside a run: its first buckets have ended, the rest have not.
    const dropped = Math.floor((lastDropped - partial.start) / length) + 1;
    kept = [runOf(partial.start + dropped * length, partial.count - dropped, partial), ...kept.slice(1)];
  }
  return keepLastBuckets(kept, length, max);
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

/** The runs without their buckets that start after `at`. */
function runsUntil(runs: readonly HistoryRun[], at: number, length: number): readonly HistoryRun[] {
  const kept: HistoryRun[] = [];
  for (const run of runs) {
    if (run.start > at) break;
    const count = Math.min(run.count, Math.floor((at - run.start) / length) + 1);
    kept.push(count === run.count ? run : { ...run, count });
  }
  return kept.length === runs.length && kept.every((run, index) => run === runs[index]) ? runs : kept;
}

/** Drops the buckets that start after `at`: time that, by the clock now, has not happened yet. */
function dropFuture(history: ServiceHistory, at: number): ServiceHistory {
  const recent = runsUntil(history.recent, at, RECENT_BUCKET_MS);
  const daily = runsUntil(history.daily, at, DAY_MS);
  return recent === history.recent && daily === history.daily ? history : { recent, daily };
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
