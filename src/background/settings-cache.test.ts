import { describe, expect, it } from 'vitest';
import { DEFAULTS } from '../core/settings/index.ts';
import { createSettingsStore } from '../core/settings/store.ts';
import { MemoryArea } from '../../test/support/memory-area.ts';
import { cacheSettings } from './settings-cache.ts';

function countingArea() {
  const area = new MemoryArea();
  let reads = 0;
  return {
    area: {
      get: (key: string) => {
        reads += 1;
        return area.get(key);
      },
      set: (key: string, value: unknown) => area.set(key, value),
    },
    reads: () => reads,
  };
}

describe('cacheSettings', () => {
  it('reads storage once for any number of gets, concurrent or not', async () => {
    const { area, reads } = countingArea();
    const cached = cacheSettings(createSettingsStore(area));
    await Promise.all([cached.get(), cached.get(), cached.get()]);
    await cached.get();
    expect(reads()).toBe(1);
    expect(cached.peek()).toEqual(DEFAULTS);
  });

  it('reads again after an invalidation, and sees the new value', async () => {
    const { area, reads } = countingArea();
    const store = createSettingsStore(area);
    const cached = cacheSettings(store);
    await cached.get();
    await store.update({ hangLimitMs: 12_000 });
    expect((await cached.get()).hangLimitMs).toBe(DEFAULTS.hangLimitMs);
    cached.invalidate();
    expect((await cached.get()).hangLimitMs).toBe(12_000);
    expect(reads()).toBeGreaterThanOrEqual(2);
  });

  it('a write through the cache is seen by the next get without a storage event', async () => {
    const { area } = countingArea();
    const cached = cacheSettings(createSettingsStore(area));
    await cached.get();
    await cached.update({ enabled: false });
    expect((await cached.get()).enabled).toBe(false);
  });

  it('does not keep a read that an invalidation overtook', async () => {
    let release: (value: unknown) => void = () => undefined;
    const slow = { get: () => new Promise((resolve) => (release = resolve)), set: async () => undefined };
    const cached = cacheSettings(createSettingsStore(slow));
    const first = cached.get();
    cached.invalidate();
    // The store queues its reads: wait until this one has reached storage.
    await new Promise((resolve) => setTimeout(resolve, 5));
    release({ ...DEFAULTS, enabled: false });
    await first;
    expect(cached.peek()).toBeUndefined();
  });

  it('does not cache a failed read', async () => {
    let fail = true;
    const area = {
      get: async () => {
        if (fail) throw new Error('storage gone');
        return undefined;
      },
      set: async () => undefined,
    };
    const cached = cacheSettings(createSettingsStore(area));
    await expect(cached.get()).rejects.toThrow('storage gone');
    fail = false;
    expect(await cached.get()).toEqual(DEFAULTS);
  });
});
