import { appendRun } from './history.ts';
import type { HistoryRun } from './types.ts';

/**
 * A dense text form of one series of history runs, for storage only (memory and messages use runs).
 *
 * Why text rather than JSON numbers: the worst case the budget must hold is every service changing
 * status every few minutes, so nearly every one of 16 x 288 five-minute buckets differs from the next.
 * As JSON arrays that is about 14 bytes a bucket (over 60 KB); here a bucket split between two
 * statuses costs 3 characters and a fully healthy stretch of any length 1 or 2.
 *
 * The series is a list of URL-safe base-64 digits (never escaped in JSON):
 *   index of the first bucket (zig-zag varint, in bucket lengths from `origin`), then per run:
 *   a header digit: bits 0-2 which of up/degraded/down are non-zero, bit 3 "full" (the seconds add up
 *   to the bucket length, so the last non-zero one is implied), bits 4-5 the count when 1-3 (0: a
 *   varint count follows); then the non-zero seconds as varints, the implied one left out.
 *   A header with no status bits is a gap: that many buckets recorded nothing.
 * A varint is base-32, most significant digit first; every digit but the last is offset by 32.
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const DIGIT: ReadonlyMap<string, number> = new Map([...ALPHABET].map((char, value) => [char, value]));
/** 8 base-32 digits are 40 bits: far beyond any index or second count, and exact in a double. */
const MAX_VARINT_DIGITS = 8;
const KINDS = ['up', 'degraded', 'down'] as const;

function pushVarint(out: string[], value: number): void {
  const digits: number[] = [];
  let rest = value;
  do {
    digits.push(rest % 32);
    rest = Math.floor(rest / 32);
  } while (rest > 0);
  for (let i = digits.length - 1; i > 0; i -= 1) out.push(ALPHABET[32 + digits[i]!]!);
  out.push(ALPHABET[digits[0]!]!);
}

const zigzag = (value: number) => (value < 0 ? -2 * value - 1 : 2 * value);
const unzigzag = (value: number) => (value % 2 === 1 ? -(value + 1) / 2 : value / 2);

/**
 * Encodes runs in order whose starts are `origin` plus whole bucket lengths. Runs that do not fit the
 * grid or the order (never produced by the history code) are left out rather than stored wrongly.
 */
export function encodeRuns(runs: readonly HistoryRun[], length: number, origin: number): string {
  if (runs.length === 0) return '';
  const out: string[] = [];
  const seconds = length / 1000;
  let next: number | undefined;
  for (const run of runs) {
    const index = (run.start - origin) / length;
    if (!Number.isSafeInteger(index) || !Number.isSafeInteger(run.count) || run.count < 1 || (next !== undefined && index < next)) continue;
    const values = KINDS.map((kind) => run[kind]);
    if (!values.every((value) => Number.isSafeInteger(value) && value >= 0)) continue;
    if (next === undefined) pushVarint(out, zigzag(index));
    else if (index > next) pushHeader(out, 0, false, index - next);
    const mask = values.reduce((bits, value, bit) => (value > 0 ? bits | (1 << bit) : bits), 0);
    const full = mask !== 0 && values[0]! + values[1]! + values[2]! === seconds;
    pushHeader(out, mask, full, run.count);
    const present = values.filter((value) => value > 0);
    for (const value of full ? present.slice(0, -1) : present) pushVarint(out, value);
    next = index + run.count;
  }
  return out.join('');
}

function pushHeader(out: string[], mask: number, full: boolean, count: number): void {
  const countCode = count <= 3 ? count : 0;
  out.push(ALPHABET[mask | (full ? 8 : 0) | (countCode << 4)]!);
  if (countCode === 0) pushVarint(out, count);
}

/** Thrown inside decoding only, and caught there: any malformed text is simply not history. */
class Malformed extends Error {}

class Reader {
  private position = 0;
  constructor(private readonly text: string) {}

  get done(): boolean {
    return this.position >= this.text.length;
  }

  digit(): number {
    const value = DIGIT.get(this.text.charAt(this.position));
    if (value === undefined) throw new Malformed();
    this.position += 1;
    return value;
  }

  varint(): number {
    let value = 0;
    for (let digits = 1; digits <= MAX_VARINT_DIGITS; digits += 1) {
      const digit = this.digit();
      if (digit < 32) return value * 32 + digit;
      // A leading zero digit would let one number be written many ways: only one form is valid.
      if (digits === 1 && digit === 32) throw new Malformed();
      value = value * 32 + (digit - 32);
    }
    throw new Malformed();
  }
}

/**
 * Reads what encodeRuns wrote back into canonical runs, or null for anything else: an unknown digit,
 * a truncated run, a zero where a non-zero was promised, more seconds than the bucket holds. Bounds
 * (how many buckets to keep) are the caller's.
 */
export function decodeRuns(text: string, length: number, origin: number): HistoryRun[] | null {
  if (text === '') return [];
  const seconds = length / 1000;
  const reader = new Reader(text);
  const runs: HistoryRun[] = [];
  try {
    let index = unzigzag(reader.varint());
    while (!reader.done) {
      const header = reader.digit();
      const mask = header & 7;
      const full = (header & 8) !== 0;
      const count = header >> 4 === 0 ? reader.varint() : header >> 4;
      if (count < 1) return null;
      if (mask === 0) {
        if (full) return null;
        index += count;
        continue;
      }
      const bits = KINDS.map((_, bit) => (mask & (1 << bit)) !== 0);
      const values = [0, 0, 0];
      const last = bits.lastIndexOf(true);
      for (let bit = 0; bit < 3; bit += 1) {
        if (!bits[bit] || (full && bit === last)) continue;
        values[bit] = reader.varint();
        if (values[bit] === 0) return null;
      }
      if (full) values[last] = seconds - values.reduce((sum, value) => sum + value, 0);
      if (values[last]! <= 0 || values[0]! + values[1]! + values[2]! > seconds) return null;
      const run: HistoryRun = { start: origin + index * length, count, up: values[0]!, degraded: values[1]!, down: values[2]! };
      if (!Number.isSafeInteger(index + count)) return null;
      appendRun(runs, run, length);
      index += count;
    }
  } catch (error) {
    if (error instanceof Malformed) return null;
    throw error;
  }
  return runs;
}
