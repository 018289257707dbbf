import { describe, expect, it } from 'vitest';
import { MemoryArea } from '../../test/support/memory-area.ts';
import { cachedArea } from './cached-area.ts';

describe('cachedArea', () => {
  it('reads storage once per key, and writes through', async () => {
    const backing = new MemoryArea({ passes: { '1:kakaomap': 5 } });
    let reads = 0;
    const counted = {
      get: (key: string) => {
        reads += 1;
        return backing.get(key);
      },
      set: (key: string, value: unknown) => backing.set(key, value),
    };
    const area = cachedArea(counted);
    expect(await area.get('passes')).toEqual({ '1:kakaomap': 5 });
    expect(await area.get('passes')).toEqual({ '1:kakaomap': 5 });
    expect(reads).toBe(1);
    await area.set('passes', { '2:daum': 7 });
    expect(await area.get('passes')).toEqual({ '2:daum': 7 });
    expect(backing.data.get('passes')).toEqual({ '2:daum': 7 });
    expect(reads).toBe(1);
  });

  it('gives copies: changing what was read changes nothing stored', async () => {
    const area = cachedArea(new MemoryArea({ list: ['a'] }));
    const first = (await area.get('list')) as string[];
    first.push('b');
    expect(await area.get('list')).toEqual(['a']);
  });

  it('does not keep a failed read', async () => {
    const backing = new MemoryArea({ k: 1 });
    backing.failGet = new Error('no');
    const area = cachedArea(backing);
    await expect(area.get('k')).rejects.toThrow('no');
    backing.failGet = undefined;
    expect(await area.get('k')).toBe(1);
  });
});
