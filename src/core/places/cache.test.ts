import { describe, expect, it } from 'vitest';
import { PLACE_CACHE_LIMIT, isPlaceId, lookupPlace, parsePlaceCache, rememberPlace, type PlaceCache } from './cache.ts';

const PANGYO = { lat: 37.3952969, lng: 127.1109567 };

describe('isPlaceId', () => {
  it.each(['1', '8130474', '123456789012345'])('accepts %s', (id) => expect(isPlaceId(id)).toBe(true));
  it.each(['', '0', '0123', '12a', '1234567890123456', ' 1', '__proto__', 'constructor', 42, null, undefined])('rejects %j', (id) => expect(isPlaceId(id)).toBe(false));
});

describe('rememberPlace / lookupPlace', () => {
  it('remembers a place with coordinates and gives it back', () => {
    const cache = rememberPlace({}, '8130474', { name: '카카오판교아지트', coords: PANGYO }, 1000);
    expect(lookupPlace(cache, '8130474')).toEqual({ name: '카카오판교아지트', coords: PANGYO });
    expect(cache['8130474']?.seenAt).toBe(1000);
  });

  it('remembers a name without coordinates', () => {
    expect(lookupPlace(rememberPlace({}, '7', { name: '판교역' }, 1), '7')).toEqual({ name: '판교역' });
  });

  it('cleans names and drops unusable coordinates', () => {
    const cache = rememberPlace({}, '7', { name: '  판교\u0000역  ', coords: { lat: Number.NaN, lng: 127 } }, 1);
    expect(lookupPlace(cache, '7')).toEqual({ name: '판교 역' });
    const far = rememberPlace({}, '8', { name: 'x', coords: { lat: 91, lng: 0 } }, 1);
    expect(lookupPlace(far, '8')).toEqual({ name: 'x' });
  });

  it.each([
    ['a bad id', 'abc', { name: '판교역' }],
    ['an empty name', '7', { name: '   ' }],
  ])('ignores %s', (_label, id, place) => {
    const before: PlaceCache = { '1': { name: 'kept', seenAt: 1 } };
    expect(rememberPlace(before, id, place, 2)).toBe(before);
  });

  it('refreshes a place seen again instead of keeping two', () => {
    let cache = rememberPlace({}, '7', { name: 'old name' }, 1);
    cache = rememberPlace(cache, '7', { name: 'new name' }, 2);
    expect(Object.keys(cache)).toEqual(['7']);
    expect(lookupPlace(cache, '7')).toEqual({ name: 'new name' });
  });

  it('keeps at most the limit, evicting the least recently seen', () => {
    let cache: PlaceCache = {};
    for (let i = 1; i <= PLACE_CACHE_LIMIT + 10; i += 1) cache = rememberPlace(cache, String(i), { name: `place ${i}` }, i);
    expect(Object.keys(cache)).toHaveLength(PLACE_CACHE_LIMIT);
    expect(lookupPlace(cache, '10')).toBeUndefined();
    expect(lookupPlace(cache, '11')).toEqual({ name: 'place 11' });
    // Seeing an old place again saves it from the next eviction.
    cache = rememberPlace(cache, '11', { name: 'place 11' }, 10_000);
    cache = rememberPlace(cache, '99999', { name: 'new' }, 10_001);
    expect(lookupPlace(cache, '11')).toBeDefined();
    expect(lookupPlace(cache, '12')).toBeUndefined();
  });

  it('misses unknown and hostile ids without touching the prototype', () => {
    const cache = rememberPlace({}, '7', { name: 'x' }, 1);
    for (const id of ['8', '__proto__', 'constructor', 'toString', '']) expect(lookupPlace(cache, id)).toBeUndefined();
  });
});

describe('parsePlaceCache', () => {
  it('keeps good entries and drops corrupt ones', () => {
    const stored = JSON.parse(
      '{"7":{"name":"판교역","coords":{"lat":37.39,"lng":127.11},"seenAt":5},"8":{"name":42,"seenAt":1},"x":{"name":"bad id","seenAt":1},"9":{"name":"no time"},"10":null,"__proto__":{"name":"evil","seenAt":1}}',
    );
    const cache = parsePlaceCache(stored);
    expect(Object.keys(cache)).toEqual(['7']);
    expect(({} as Record<string, unknown>).name).toBeUndefined();
  });

  it.each([null, undefined, 42, 'x', [], [{ name: 'a', seenAt: 1 }]])('reads %j as empty', (stored) => {
    expect(parsePlaceCache(stored)).toEqual({});
  });
});
