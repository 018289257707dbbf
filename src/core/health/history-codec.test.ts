import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../test/support/random.ts';
import { decodeRuns, encodeRuns } from './history-codec.ts';
import { DAY_MS, KST_OFFSET_MS, RECENT_BUCKET_MS, appendRun } from './history.ts';
import type { HistoryRun } from './types.ts';

const FIVE = RECENT_BUCKET_MS;
/** 2025-01-15 00:00 KST. */
const KST_MIDNIGHT = Date.UTC(2025, 0, 14, 15);
const run = (start: number, count: number, seconds: Partial<Pick<HistoryRun, 'up' | 'degraded' | 'down'>>): HistoryRun => ({ start, count, up: 0, degraded: 0, down: 0, ...seconds });

describe('encodeRuns / decodeRuns', () => {
  it.each([
    ['nothing', [], FIVE, 0],
    ['a healthy day, one run', [run(KST_MIDNIGHT, 288, { up: 300 })], FIVE, 0],
    ['a partial bucket', [run(KST_MIDNIGHT, 1, { up: 17 })], FIVE, 0],
    ['every status in one bucket', [run(KST_MIDNIGHT, 1, { up: 100, degraded: 100, down: 100 })], FIVE, 0],
    ['every status, not full', [run(KST_MIDNIGHT, 1, { up: 1, degraded: 2, down: 3 })], FIVE, 0],
    ['runs with gaps between them', [run(KST_MIDNIGHT, 3, { up: 300 }), run(KST_MIDNIGHT + 10 * FIVE, 40, { down: 300 }), run(KST_MIDNIGHT + 200 * FIVE, 1, { degraded: 299 })], FIVE, 0],
    ['days', [run(KST_MIDNIGHT - 3 * DAY_MS, 2, { up: 86_400 }), run(KST_MIDNIGHT - DAY_MS, 1, { up: 80_000, down: 6400 }), run(KST_MIDNIGHT, 1, { up: 3600 })], DAY_MS, -KST_OFFSET_MS],
    ['a start before the epoch', [run(-10 * FIVE, 2, { up: 300 })], FIVE, 0],
  ] as const)('round-trips %s exactly', (_name, runs, length, origin) => {
    const text = encodeRuns(runs, length, origin);
    expect(text).toMatch(/^[A-Za-z0-9_-]*$/);
    expect(decodeRuns(text, length, origin)).toEqual(runs);
  });

  it('is short where it matters: a healthy day and a bucket split in two', () => {
    expect(encodeRuns([run(KST_MIDNIGHT, 288, { up: 300 })], FIVE, 0).length).toBeLessThanOrEqual(8);
    const flapping = Array.from({ length: 288 }, (_, i) => run(KST_MIDNIGHT + i * FIVE, 1, i % 2 ? { up: 100 + (i % 150), down: 200 - (i % 150) } : { down: 37, degraded: 263 }));
    // About 3 characters a bucket, where JSON numbers would take 14 or more.
    expect(encodeRuns(flapping, FIVE, 0).length).toBeLessThanOrEqual(5 + 3 * 288);
  });

  it('leaves out runs off the grid or out of order rather than storing them wrongly', () => {
    const text = encodeRuns([run(KST_MIDNIGHT, 1, { up: 1 }), run(KST_MIDNIGHT + 7, 1, { up: 2 }), run(KST_MIDNIGHT - FIVE, 1, { up: 3 }), run(KST_MIDNIGHT + FIVE, 1, { up: 4 })], FIVE, 0);
    expect(decodeRuns(text, FIVE, 0)).toEqual([run(KST_MIDNIGHT, 1, { up: 1 }), run(KST_MIDNIGHT + FIVE, 1, { up: 4 })]);
  });

  it('merges touching equal runs on reading, so what is read is canonical', () => {
    const text = encodeRuns([run(KST_MIDNIGHT, 2, { up: 300 }), run(KST_MIDNIGHT + 2 * FIVE, 3, { up: 300 })], FIVE, 0);
    expect(decodeRuns(text, FIVE, 0)).toEqual([run(KST_MIDNIGHT, 5, { up: 300 })]);
  });

  const valid = encodeRuns([run(KST_MIDNIGHT, 4, { up: 120, down: 180 })], FIVE, 0);
  it.each([
    ['an unknown character', `${valid}!`],
    ['a truncated run', valid.slice(0, -1)],
    ['a truncated index', 'h'],
    ['a varint with a leading zero digit', `g${valid}`],
    ['a varint longer than 8 digits', `${'h'.repeat(9)}A`],
    // Header 'd': up and down, full, one bucket; up 301 ('pN') leaves down at -1.
    ['a full bucket with more seconds than it holds', 'AdpN'],
    // Header 'R': up only, one bucket; 301 seconds.
    ['more seconds than the bucket holds', 'ARpN'],
    ['a zero where a second count was promised', 'ARA'],
    // Header 'Y': no status, full, one bucket.
    ['a full gap', 'AY'],
    // Header 'B': up, count follows; count 0.
    ['a zero count', 'ABA'],
  ])('reads %s as no history (null)', (_name, text) => {
    expect(decodeRuns(text, FIVE, 0)).toBeNull();
  });

  it('round-trips 1000 seeded random series, and never throws on their corruptions', () => {
    const random = mulberry32(0xc0de);
    for (let sequence = 0; sequence < 1000; sequence += 1) {
      const daily = random() < 0.3;
      const length = daily ? DAY_MS : FIVE;
      const origin = daily ? -KST_OFFSET_MS : 0;
      const max = length / 1000;
      const runs: HistoryRun[] = [];
      let start = origin + Math.floor(random() * 1e6) * length;
      for (let i = Math.floor(random() * 12); i > 0; i -= 1) {
        start += Math.floor(random() * 3) * length;
        const up = random() < 0.5 ? Math.floor(random() * max) : 0;
        const degraded = random() < 0.3 ? Math.floor(random() * (max - up)) : 0;
        const down = random() < 0.5 ? Math.floor(random() * (max - up - degraded + 1)) : random() < 0.5 ? max - up - degraded : 0;
        const count = 1 + Math.floor(random() * (random() < 0.2 ? 300 : 3));
        appendRun(runs, { start, count, up, degraded, down }, length);
        start += count * length;
      }
      const text = encodeRuns(runs, length, origin);
      expect(decodeRuns(text, length, origin), `series ${sequence}: ${text}`).toEqual(runs);
      if (text.length > 0) {
        const at = Math.floor(random() * text.length);
        const corrupt = text.slice(0, at) + 'ABCDghij-_'[Math.floor(random() * 10)]! + text.slice(at + 1);
        expect(() => decodeRuns(corrupt, length, origin)).not.toThrow();
      }
    }
  }, 60_000);
});
