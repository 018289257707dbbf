export interface Stats {
  readonly n: number;
  readonly median: number;
  readonly p95: number;
  readonly min: number;
  readonly max: number;
}

/** Median (mean of the middle two for even n) and p95 by nearest rank. */
export function stats(values: readonly number[]): Stats | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length / 2;
  const median = sorted.length % 2 ? sorted[Math.floor(mid)]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  const p95 = sorted[Math.min(sorted.length - 1, Math.ceil(0.95 * sorted.length) - 1)]!;
  return { n: sorted.length, median, p95, min: sorted[0]!, max: sorted.at(-1)! };
}

export const ms = (value: number) => (value >= 100 ? `${Math.round(value)} ms` : `${value.toFixed(1)} ms`);
export const cell = (s: Stats | null | undefined) => (s ? `${ms(s.median)} / ${ms(s.p95)} (n=${s.n})` : 'not measured');
