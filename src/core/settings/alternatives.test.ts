import { describe, expect, it } from 'vitest';
import { completeAlternatives, moveAlternative, offeredAlternatives, setAlternativeEnabled } from './alternatives.ts';
import type { AlternativeChoice } from './defaults.ts';

const LIST: readonly AlternativeChoice[] = Object.freeze([
  { id: 'a', enabled: true },
  { id: 'b', enabled: false },
  { id: 'c', enabled: true },
  { id: 'd', enabled: true },
]);
const ids = (list: readonly AlternativeChoice[]) => list.map((choice) => choice.id).join('');

describe('offeredAlternatives', () => {
  it('gives the enabled ones in list order', () => {
    expect(offeredAlternatives({ alternatives: LIST })).toEqual(['a', 'c', 'd']);
    expect(offeredAlternatives({ alternatives: [] })).toEqual([]);
    expect(offeredAlternatives({ alternatives: [{ id: 'x', enabled: false }] })).toEqual([]);
  });
});

describe('moveAlternative', () => {
  it.each([
    ['a', 1, 'bacd'],
    ['a', 3, 'bcda'],
    ['d', 0, 'dabc'],
    ['c', 1, 'acbd'],
    ['b', 1, 'abcd'],
    ['b', -5, 'bacd'],
    ['b', 99, 'acdb'],
    ['b', Number.NaN, 'bacd'],
    ['b', 2.7, 'acbd'],
    ['zz', 0, 'abcd'],
  ] as const)('moves %s to %s -> %s', (id, to, expected) => {
    const moved = moveAlternative(LIST, id, to);
    expect(ids(moved)).toBe(expected);
    expect(moved.find((choice) => choice.id === 'b')?.enabled).toBe(false);
  });

  it('returns a new list of new entries', () => {
    const moved = moveAlternative(LIST, 'a', 0);
    expect(moved).toEqual(LIST);
    expect(moved).not.toBe(LIST);
    expect(moved[0]).not.toBe(LIST[0]);
  });
});

describe('setAlternativeEnabled', () => {
  it('flips one entry in place and copies the rest', () => {
    const next = setAlternativeEnabled(LIST, 'b', true);
    expect(next.map((choice) => choice.enabled)).toEqual([true, true, true, true]);
    expect(ids(next)).toBe('abcd');
    expect(setAlternativeEnabled(LIST, 'a', false)[0]).toEqual({ id: 'a', enabled: false });
    expect(setAlternativeEnabled(LIST, 'zz', false)).toEqual(LIST);
    expect(LIST[1]!.enabled).toBe(false);
  });
});

describe('completeAlternatives', () => {
  it('appends the catalogued ones the list lacks, on, in catalogue order', () => {
    expect(completeAlternatives([{ id: 'c', enabled: false }], ['a', 'b', 'c'])).toEqual([
      { id: 'c', enabled: false },
      { id: 'a', enabled: true },
      { id: 'b', enabled: true },
    ]);
    expect(completeAlternatives([], ['a'])).toEqual([{ id: 'a', enabled: true }]);
    expect(completeAlternatives(LIST, ['a', 'b', 'c', 'd'])).toEqual(LIST);
  });
});
