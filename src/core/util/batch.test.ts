import { describe, expect, it } from 'vitest';
import { createBatcher } from './batch.ts';

describe('createBatcher', () => {
  it('hands over everything added before the flush, once', () => {
    const scheduled: Array<() => void> = [];
    const flushed: number[][] = [];
    const add = createBatcher<number>(
      (items) => flushed.push(items),
      1000,
      (run) => scheduled.push(run),
    );
    add(1);
    add(2);
    add(3);
    expect(scheduled).toHaveLength(1);
    expect(flushed).toEqual([]);
    scheduled[0]!();
    expect(flushed).toEqual([[1, 2, 3]]);
    add(4);
    expect(scheduled).toHaveLength(2);
    scheduled[1]!();
    expect(flushed).toEqual([[1, 2, 3], [4]]);
  });
});
