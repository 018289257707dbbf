import { describe, expect, it } from 'vitest';
import { addTime, dailyBucketStart, emptyHistory, RECENT_BUCKET_MS, RECENT_BUCKETS, DAY_MS } from './history.ts';
import { SEGMENTS, SEGMENT_MS, dailySegments, dailyTotals, historyMinutes, historySegments, historySummary, historyTotals, uptimeText } from './history-view.ts';
import type { HistoryBucket, HistoryRun } from './types.ts';

const M = 60_000;
const H = 60 * M;
/** A half-hour boundary, 10 minutes into it: the current segment is partial. */
const NOW = Date.UTC(2024, 9, 15, 6, 30) + 10 * M;
const CURRENT_SEGMENT = Date.UTC(2024, 9, 15, 6, 30);

/** One bucket: a run of one. */
const bucket = (start: number, seconds: Partial<Omit<HistoryBucket, 'start'>>): HistoryRun => ({ start, count: 1, up: 0, degraded: 0, down: 0, ...seconds });

describe('historySegments', () => {
  it('gives 48 half-hour segments by default, oldest first, the last holding now', () => {
    const segments = historySegments([], NOW);
    expect(SEGMENTS).toBe(48);
    expect(segments).toHaveLength(48);
    expect(segments.at(-1)!.start).toBe(CURRENT_SEGMENT);
    expect(segments[0]!.start).toBe(CURRENT_SEGMENT - 47 * SEGMENT_MS);
    for (let i = 1; i < segments.length; i += 1) expect(segments[i]!.start - segments[i - 1]!.start).toBe(SEGMENT_MS);
    expect(new Set(segments.map((segment) => segment.status))).toEqual(new Set(['none']));
  });

  it('takes the worst status of the buckets in a segment: one second down makes it down', () => {
    const recent = [
      bucket(CURRENT_SEGMENT, { up: 300 }),
      bucket(CURRENT_SEGMENT + RECENT_BUCKET_MS, { up: 299, down: 1 }),
      bucket(CURRENT_SEGMENT - SEGMENT_MS, { up: 200, degraded: 100 }),
      bucket(CURRENT_SEGMENT - SEGMENT_MS + 5 * RECENT_BUCKET_MS, { up: 300 }),
      bucket(CURRENT_SEGMENT - 2 * SEGMENT_MS + RECENT_BUCKET_MS, { up: 300 }),
      bucket(CURRENT_SEGMENT - 3 * SEGMENT_MS, { degraded: 10, down: 5 }),
    ];
    const statuses = historySegments(recent, NOW).map((segment) => segment.status);
    expect(statuses.slice(-5)).toEqual(['none', 'down', 'up', 'degraded', 'down']);
  });

  it('leaves out buckets older than the first segment or after now', () => {
    const recent = [bucket(CURRENT_SEGMENT - 48 * SEGMENT_MS, { down: 300 }), bucket(CURRENT_SEGMENT + SEGMENT_MS, { down: 300 })];
    expect(historySegments(recent, NOW).every((segment) => segment.status === 'none')).toBe(true);
  });

  it('an empty bucket (all zero) records nothing', () => {
    expect(historySegments([bucket(CURRENT_SEGMENT, {})], NOW).at(-1)!.status).toBe('none');
  });

  it('can show all 288 buckets one by one', () => {
    const recent = Array.from({ length: RECENT_BUCKETS }, (_, i) => bucket(Math.floor(NOW / RECENT_BUCKET_MS) * RECENT_BUCKET_MS - i * RECENT_BUCKET_MS, { up: 300 }));
    const segments = historySegments(recent, NOW, RECENT_BUCKET_MS, RECENT_BUCKETS);
    expect(segments).toHaveLength(288);
    expect(segments.every((segment) => segment.status === 'up')).toBe(true);
  });

  it.each([0, -SEGMENT_MS, 7 * M, Number.NaN])('refuses a segment length of %d ms that splits buckets', (length) => {
    expect(() => historySegments([], NOW, length)).toThrow(RangeError);
  });

  it('agrees with history accounting over a real day: 23 h 40 min up, then 20 min down', () => {
    const start = NOW - DAY_MS;
    let history = addTime(emptyHistory(), 'up', start, NOW - 20 * M);
    history = addTime(history, 'down', NOW - 20 * M, NOW);
    const statuses = historySegments(history.recent, NOW).map((segment) => segment.status);
    // Now is 10 minutes into its segment: the 20 minutes down reach into the segment before it.
    expect(statuses.slice(-2)).toEqual(['down', 'down']);
    expect(statuses.slice(0, -2).every((status) => status === 'up')).toBe(true);
    expect(historyTotals(history.recent, NOW)).toEqual({ up: 23 * 3600 + 40 * 60, degraded: 0, down: 20 * 60 });
  });
});

describe('runs longer than the window', () => {
  const FIRST_SEGMENT = CURRENT_SEGMENT - 47 * SEGMENT_MS;
  /** Down from 2 hours before the bar to 15 minutes into it, then up from an hour before now to 2 hours after it ("in the future": a clock set back). */
  const recent: HistoryRun[] = [
    { start: FIRST_SEGMENT - 2 * H, count: (2 * H + 15 * M) / RECENT_BUCKET_MS, up: 0, degraded: 0, down: 300 },
    { start: CURRENT_SEGMENT - H, count: (3 * H + 10 * M) / RECENT_BUCKET_MS, up: 300, degraded: 0, down: 0 },
  ];

  it('shows only the buckets of a run inside the bar', () => {
    const statuses = historySegments(recent, NOW).map((segment) => segment.status);
    expect(statuses[0]).toBe('down');
    expect(statuses.slice(1, -3).every((status) => status === 'none')).toBe(true);
    expect(statuses.slice(-3)).toEqual(['up', 'up', 'up']);
  });

  it('counts only the buckets of a run that overlap the last 24 hours and have started', () => {
    // The day began 20 minutes before the bar's first segment: the 35 minutes down since then are 7 buckets.
    // Up from an hour before the current segment to the bucket starting at now (10 minutes in): 15 buckets.
    expect(historyTotals(recent, NOW)).toEqual({ up: 15 * 300, degraded: 0, down: 7 * 300 });
  });
});

describe('historyTotals', () => {
  it('sums the seconds of buckets overlapping the last 24 hours', () => {
    const recent = [
      bucket(NOW - DAY_MS - RECENT_BUCKET_MS, { up: 300 }),
      bucket(Math.floor((NOW - DAY_MS) / RECENT_BUCKET_MS) * RECENT_BUCKET_MS, { down: 100 }),
      bucket(CURRENT_SEGMENT, { up: 120, degraded: 60 }),
    ];
    expect(historyTotals(recent, NOW)).toEqual({ up: 120, degraded: 60, down: 100 });
  });

  it('is zero for no buckets', () => {
    expect(historyTotals([], NOW)).toEqual({ up: 0, degraded: 0, down: 0 });
  });
});

describe('historyMinutes', () => {
  it('rounds to whole minutes, at least one for any recorded time, the rest unrecorded', () => {
    expect(historyMinutes({ up: 10, degraded: 0, down: 89 })).toEqual({ up: 1, degraded: 0, down: 1, none: 1438 });
    expect(historyMinutes({ up: 23 * 3600 + 40 * 60, degraded: 0, down: 20 * 60 })).toEqual({ up: 1420, degraded: 0, down: 20, none: 0 });
    expect(historyMinutes({ up: 0, degraded: 0, down: 0 })).toEqual({ up: 0, degraded: 0, down: 0, none: 1440 });
  });

  it('never gives a negative rest when rounding makes the parts exceed a day', () => {
    expect(historyMinutes({ up: 86_400, degraded: 20, down: 20 }).none).toBe(0);
  });
});

describe('historySummary', () => {
  /** A stand-in for the locale: key(substitution), so the test sees which message and what fills it. */
  const t = (key: string, substitution?: string | string[]) => (substitution === undefined ? key : `${key}(${String(substitution)})`);

  it('names each status with its time, and the unrecorded rest', () => {
    expect(historySummary({ up: 2 * 3600 + 10 * 60, degraded: 0, down: 20 * 60 }, 'ko', t)).toBe('historyLast24h(historyUp(2시간 10분), historyDown(20분), historyUnrecorded(21시간 30분))');
  });

  it('reads like the brief in Korean and English with the real messages', () => {
    const ko: Record<string, string> = { historyLast24h: '지난 24시간: $1', historyUp: '정상 $1', historyDown: '장애 $1', historyDegraded: '일부 장애 $1', historyUnrecorded: '기록 없음 $1' };
    const en: Record<string, string> = { historyLast24h: 'Last 24 hours: $1', historyUp: '$1 up', historyDown: '$1 down', historyDegraded: '$1 partly down', historyUnrecorded: '$1 not recorded' };
    const local = (table: Record<string, string>) => (key: string, sub?: string | string[]) => table[key]!.replace('$1', String(sub));
    const day = { up: 23 * 3600 + 40 * 60, degraded: 0, down: 20 * 60 };
    expect(historySummary(day, 'ko', local(ko))).toBe('지난 24시간: 정상 23시간 40분, 장애 20분');
    expect(historySummary(day, 'en', local(en))).toBe('Last 24 hours: 23 hr 40 min up, 20 min down');
    expect(historySummary({ up: 0, degraded: 30, down: 0 }, 'en', local(en))).toBe('Last 24 hours: 1 min partly down, 23 hr 59 min not recorded');
  });

  it('says nothing was recorded when nothing was', () => {
    expect(historySummary({ up: 0, degraded: 0, down: 0 }, 'ko', t)).toBe('historyNothing');
  });

  it('leaves the unrecorded part out when the whole day was recorded', () => {
    expect(historySummary({ up: 86_400, degraded: 0, down: 0 }, 'ko', t)).toBe('historyLast24h(historyUp(24시간))');
  });
});

describe('segment length', () => {
  it('is half an hour, a whole number of 5-minute buckets', () => {
    expect(SEGMENT_MS).toBe(30 * M);
    expect(SEGMENT_MS % RECENT_BUCKET_MS).toBe(0);
    expect(H / SEGMENT_MS).toBe(2);
  });
});

describe('dailySegments, dailyTotals and uptimeText', () => {
  const NOW_KST = Date.UTC(2026, 10, 29, 3, 0); // 12:00 in Korea
  const day = (daysAgo: number) => dailyBucketStart(NOW_KST) - daysAgo * DAY_MS;
  const daily = [
    { start: day(40), count: 1, up: 0, degraded: 0, down: 3600 },
    { start: day(29), count: 1, up: 86_000, degraded: 0, down: 400 },
    { start: day(2), count: 1, up: 80_000, degraded: 600, down: 0 },
    { start: day(0), count: 1, up: 43_200, degraded: 0, down: 0 },
  ];
  it('gives 30 days, oldest first, today last, each as bad as its worst moment', () => {
    const segments = dailySegments(daily, NOW_KST);
    expect(segments).toHaveLength(30);
    expect(segments[0]).toEqual({ start: day(29), status: 'down' });
    expect(segments[27]).toEqual({ start: day(2), status: 'degraded' });
    expect(segments[29]).toEqual({ start: day(0), status: 'up' });
    expect(segments.filter((segment) => segment.status === 'none')).toHaveLength(27);
  });
  it('sums the last 30 days only', () => {
    expect(dailyTotals(daily, NOW_KST)).toEqual({ up: 209_200, degraded: 600, down: 400 });
  });
  it('reads a run of days as each of its days, only those inside the 30', () => {
    const runs: HistoryRun[] = [
      { start: day(31), count: 3, up: 0, degraded: 0, down: 100 },
      { start: day(5), count: 3, up: 86_400, degraded: 0, down: 0 },
    ];
    const segments = dailySegments(runs, NOW_KST);
    expect(segments.map((segment) => segment.status)).toEqual(['down', ...new Array<string>(23).fill('none'), 'up', 'up', 'up', 'none', 'none', 'none']);
    expect(dailyTotals(runs, NOW_KST)).toEqual({ up: 3 * 86_400, degraded: 0, down: 100 });
  });
  it('visits only the 30 days of a run however long it claims to be', () => {
    const runs: HistoryRun[] = [{ start: day(1e9), count: 2e9, up: 0, degraded: 1, down: 0 }];
    expect(dailySegments(runs, NOW_KST).every((segment) => segment.status === 'degraded')).toBe(true);
    expect(dailyTotals(runs, NOW_KST)).toEqual({ up: 0, degraded: 30, down: 0 });
  });
  it('rounds uptime down, so an outage never shows as 100 %', () => {
    expect(uptimeText({ up: 9999, degraded: 0, down: 1 }, 'en')).toBe('99.9%');
    expect(uptimeText({ up: 100, degraded: 0, down: 0 }, 'ko')).toBe('100%');
    expect(uptimeText({ up: 1, degraded: 1, down: 0 }, 'en')).toBe('50%');
    expect(uptimeText({ up: 0, degraded: 0, down: 0 }, 'en')).toBeUndefined();
  });
});
