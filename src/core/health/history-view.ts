import type { UiLanguage } from '../i18n/messages.ts';
import type { Localize } from '../translate/link-label.ts';
import { durationText } from '../util/time-text.ts';
import { DAILY_BUCKETS, DAY_MS, RECENT_BUCKET_MS, dailyBucketStart, type CountedStatus } from './history.ts';
import type { HistoryBucket, HistoryRun } from './types.ts';

/** The popup's 24-hour bar: 48 half-hour segments, each made of six 5-minute buckets. */
export const SEGMENT_MS = 30 * 60_000;
export const SEGMENTS = DAY_MS / SEGMENT_MS;

/** 'none': nothing was recorded then (Detour was not watching, the service was unknown, or the user offline). */
export type SegmentStatus = CountedStatus | 'none';

export interface HistorySegment {
  /** Epoch ms; segments are aligned to the epoch, as the buckets are. */
  readonly start: number;
  readonly status: SegmentStatus;
}

/** A segment is as bad as the worst moment in it: a status page that averaged would hide a short outage. */
function worst(a: SegmentStatus, bucket: HistoryBucket): SegmentStatus {
  if (a === 'down' || bucket.down > 0) return 'down';
  if (a === 'degraded' || bucket.degraded > 0) return 'degraded';
  if (a === 'up' || bucket.up > 0) return 'up';
  return 'none';
}

/** The indexes i in [0, run.count) whose bucket start, run.start + i * length, lies in [from, to). */
function indexesWithin(run: HistoryRun, length: number, from: number, to: number): [first: number, end: number] {
  const first = Math.max(0, Math.ceil((from - run.start) / length));
  const end = Math.min(run.count, Math.ceil((to - run.start) / length));
  return [first, Math.max(first, end)];
}

/**
 * The last 24 hours as `count` segments of `segmentMs` (a multiple of the 5-minute bucket), oldest
 * first, the last one holding `now`; each takes the worst status any of its buckets recorded.
 */
export function historySegments(recent: readonly HistoryRun[], now: number, segmentMs: number = SEGMENT_MS, count: number = SEGMENTS): HistorySegment[] {
  if (!(segmentMs > 0) || segmentMs % RECENT_BUCKET_MS !== 0) throw new RangeError(`segments must be whole 5-minute buckets, not ${segmentMs} ms`);
  const first = Math.floor(now / segmentMs) * segmentMs - (count - 1) * segmentMs;
  const statuses: SegmentStatus[] = new Array<SegmentStatus>(count).fill('none');
  for (const run of recent) {
    // Only the buckets inside the bar are visited, however long the run.
    const [from, end] = indexesWithin(run, RECENT_BUCKET_MS, first, first + count * segmentMs);
    for (let i = from; i < end; i += 1) {
      const index = Math.floor((run.start + i * RECENT_BUCKET_MS - first) / segmentMs);
      statuses[index] = worst(statuses[index]!, run);
    }
  }
  return statuses.map((status, index) => ({ start: first + index * segmentMs, status }));
}

export interface HistoryTotals {
  /** Seconds in each status over the buckets of the last 24 hours. */
  readonly up: number;
  readonly degraded: number;
  readonly down: number;
}

/** Seconds in each status in the buckets that overlap the 24 hours before `now`. */
export function historyTotals(recent: readonly HistoryRun[], now: number): HistoryTotals {
  let up = 0;
  let degraded = 0;
  let down = 0;
  for (const run of recent) {
    // A bucket overlaps when it ends after now - 24 h (start > now - 24 h - 5 min) and starts no later than now.
    const from = Math.max(0, Math.floor((now - DAY_MS - RECENT_BUCKET_MS - run.start) / RECENT_BUCKET_MS) + 1);
    const end = Math.min(run.count, Math.floor((now - run.start) / RECENT_BUCKET_MS) + 1);
    const buckets = Math.max(0, end - from);
    up += buckets * run.up;
    degraded += buckets * run.degraded;
    down += buckets * run.down;
  }
  return { up, degraded, down };
}

const DAY_MINUTES = DAY_MS / 60_000;
const STATUS_KEYS: ReadonlyArray<readonly [CountedStatus, string]> = [
  ['up', 'historyUp'],
  ['degraded', 'historyDegraded'],
  ['down', 'historyDown'],
];

/** Whole minutes per status, at least one for any time recorded (20 seconds of outage is not "0 min"). */
export function historyMinutes(totals: HistoryTotals): Record<CountedStatus | 'none', number> {
  const minutes = (seconds: number) => (seconds > 0 ? Math.max(1, Math.round(seconds / 60)) : 0);
  const up = minutes(totals.up);
  const degraded = minutes(totals.degraded);
  const down = minutes(totals.down);
  // The rest of the day was not recorded; computed from the rounded parts so the whole adds up to 24 hours.
  return { up, degraded, down, none: Math.max(0, DAY_MINUTES - up - degraded - down) };
}

/**
 * The bar's text alternative, and the line shown under it: "지난 24시간: 정상 23시간 40분, 장애 20분",
 * with the unrecorded rest named too, so a few minutes of "up" never reads as a whole good day.
 */
export function historySummary(totals: HistoryTotals, lang: UiLanguage, t: Localize): string {
  const minutes = historyMinutes(totals);
  const parts = STATUS_KEYS.filter(([status]) => minutes[status] > 0).map(([status, key]) => t(key, durationText(minutes[status], lang)));
  if (parts.length === 0) return t('historyNothing');
  if (minutes.none > 0) parts.push(t('historyUnrecorded', durationText(minutes.none, lang)));
  return t('historyLast24h', parts.join(', '));
}

/** The popup's 30-day bar: one segment per Korean day (the daily buckets' days), oldest first, today last. */
export function dailySegments(daily: readonly HistoryRun[], now: number, days: number = DAILY_BUCKETS): HistorySegment[] {
  const today = dailyBucketStart(now);
  const first = today - (days - 1) * DAY_MS;
  const statuses: SegmentStatus[] = new Array<SegmentStatus>(days).fill('none');
  for (const run of daily) {
    // Only the days inside the bar are visited, however long the run (a stored run is not trusted to be short).
    const [from, end] = indexesWithin(run, DAY_MS, first, today + DAY_MS);
    for (let i = from; i < end; i += 1) {
      const index = Math.round((dailyBucketStart(run.start + i * DAY_MS) - first) / DAY_MS);
      if (index >= 0 && index < days) statuses[index] = worst(statuses[index]!, run);
    }
  }
  return statuses.map((status, index) => ({ start: first + index * DAY_MS, status }));
}

/** Seconds in each status over the last `days` daily buckets. */
export function dailyTotals(daily: readonly HistoryRun[], now: number, days: number = DAILY_BUCKETS): HistoryTotals {
  const first = dailyBucketStart(now) - (days - 1) * DAY_MS;
  let up = 0;
  let degraded = 0;
  let down = 0;
  for (const run of daily) {
    // Buckets starting in [first, now], as many of the run's as fall there.
    const [from, end] = indexesWithin(run, DAY_MS, first, now + 1);
    const buckets = end - from;
    up += buckets * run.up;
    degraded += buckets * run.degraded;
    down += buckets * run.down;
  }
  return { up, degraded, down };
}

/**
 * The share of recorded time the service worked, as a status page says it ("99.9%"): rounded down,
 * so a short outage never shows as 100%; undefined when nothing was recorded. Partly down counts as
 * not working.
 */
export function uptimeText(totals: HistoryTotals, lang: UiLanguage): string | undefined {
  const recorded = totals.up + totals.degraded + totals.down;
  if (recorded <= 0) return undefined;
  const share = Math.floor((totals.up / recorded) * 1000) / 10;
  return new Intl.NumberFormat(lang, { style: 'percent', minimumFractionDigits: 0, maximumFractionDigits: 1 }).format(share / 100);
}
