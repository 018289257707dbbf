import type { KeyValueArea } from '../../src/core/ports.ts';

/**
 * In-memory storage that, like the real one, answers asynchronously and stores copies; it records
 * every write, and can be told to refuse writes or reads the way storage.sync does (quota, sync off).
 */
export class MemoryArea implements KeyValueArea {
  readonly data = new Map<string, unknown>();
  readonly writes: Array<readonly [string, unknown]> = [];
  /** When set, set() throws it (nothing is stored). */
  failSet: Error | undefined;
  /** When set, get() throws it. */
  failGet: Error | undefined;

  constructor(initial: Record<string, unknown> = {}) {
    for (const [key, value] of Object.entries(initial)) this.data.set(key, structuredClone(value));
  }

  async get(key: string): Promise<unknown> {
    await new Promise((resolve) => setTimeout(resolve, 1));
    if (this.failGet) throw this.failGet;
    const value = this.data.get(key);
    return value === undefined ? undefined : structuredClone(value);
  }

  async set(key: string, value: unknown): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, 1));
    if (this.failSet) throw this.failSet;
    this.writes.push([key, structuredClone(value)]);
    this.data.set(key, structuredClone(value));
  }
}
