import { describe, expect, it } from 'vitest';
import type { KeyValueArea } from '../ports.ts';
import { BYPASS_MS } from './redirect.ts';
import { createTabPasses } from './tab-passes.ts';
import { TAB_PASSES_KEY, TAB_REDIRECTS_KEY } from '../storage-keys.ts';

function memoryArea(): KeyValueArea & { data: Map<string, unknown> } {
  const data = new Map<string, unknown>();
  return { data, get: async (key) => structuredClone(data.get(key)), set: async (key, value) => void data.set(key, structuredClone(value)) };
}

describe('createTabPasses', () => {
  it('a lasting pass holds for its tab and service until it expires', async () => {
    let now = 1000;
    const passes = createTabPasses(memoryArea(), () => now);
    await passes.grant(7, 'kakaomap', false);
    expect(await passes.use(7, 'kakaomap')).toBe(true);
    expect(await passes.use(7, 'kakaomap')).toBe(true);
    expect(await passes.holds(7, 'kakaomap')).toBe(true);
    expect(await passes.use(8, 'kakaomap')).toBe(false);
    expect(await passes.use(7, 'daum')).toBe(false);
    now += BYPASS_MS + 1;
    expect(await passes.use(7, 'kakaomap')).toBe(false);
    expect(await passes.holds(7, 'kakaomap')).toBe(false);
  });

  it('a clock set back a day does not keep a 10-minute pass alive (issue 12, finding 9)', async () => {
    let now = 10 * 86_400_000;
    const passes = createTabPasses(memoryArea(), () => now);
    await passes.grant(7, 'kakaomap', false);
    now -= 86_400_000;
    expect(await passes.holds(7, 'kakaomap')).toBe(false);
    expect(await passes.use(7, 'kakaomap')).toBe(false);
    // A pass granted after the jump lasts its ten minutes as usual.
    await passes.grant(7, 'kakaomap', false);
    now += BYPASS_MS - 1;
    expect(await passes.holds(7, 'kakaomap')).toBe(true);
  });

  it('a one-time pass is used up by the first load', async () => {
    const passes = createTabPasses(memoryArea(), () => 1000);
    await passes.grant(7, 'kakaomap', true);
    expect(await passes.holds(7, 'kakaomap')).toBe(false);
    expect(await passes.use(7, 'kakaomap')).toBe(true);
    expect(await passes.use(7, 'kakaomap')).toBe(false);
  });

  it('remembers the last redirect per tab and service', async () => {
    let now = 5000;
    const passes = createTabPasses(memoryArea(), () => now);
    expect(await passes.lastRedirect(7, 'kakaomap')).toBeUndefined();
    await passes.noteRedirect(7, 'kakaomap');
    now = 6000;
    await passes.noteRedirect(7, 'melon');
    expect(await passes.lastRedirect(7, 'kakaomap')).toBe(5000);
    expect(await passes.lastRedirect(7, 'melon')).toBe(6000);
  });

  it('reads corrupt storage as empty', async () => {
    const area = memoryArea();
    area.data.set(TAB_PASSES_KEY, { '7:kakaomap': { until: 'never', once: false }, junk: { until: 1e15, once: false }, '8:kakaomap': 42 });
    area.data.set(TAB_REDIRECTS_KEY, ['x']);
    const passes = createTabPasses(area, () => 1000);
    expect(await passes.use(7, 'kakaomap')).toBe(false);
    expect(await passes.use(8, 'kakaomap')).toBe(false);
    expect(await passes.lastRedirect(7, 'kakaomap')).toBeUndefined();
  });
});
