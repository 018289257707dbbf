import { describe, expect, it } from 'vitest';
import { createSerialQueue } from './serial.ts';

describe('createSerialQueue', () => {
  it('runs tasks one at a time, in call order', async () => {
    const run = createSerialQueue();
    const log: string[] = [];
    const task = (name: string, ms: number) => () =>
      new Promise<string>((resolve) => {
        log.push(`start ${name}`);
        setTimeout(() => {
          log.push(`end ${name}`);
          resolve(name);
        }, ms);
      });
    const results = await Promise.all([run(task('a', 20)), run(task('b', 1)), run(task('c', 5))]);
    expect(results).toEqual(['a', 'b', 'c']);
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
  });

  it('keeps going after a failing task, and reports the failure to its caller', async () => {
    const run = createSerialQueue();
    const failed = run(() => Promise.reject(new Error('boom')));
    const next = run(() => Promise.resolve('after'));
    await expect(failed).rejects.toThrow('boom');
    await expect(next).resolves.toBe('after');
  });
});
