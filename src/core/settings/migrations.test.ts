import { describe, expect, it } from 'vitest';
import { MIGRATIONS, alternativesWithFlags, migrate, type Migration } from './migrations.ts';
import { SCHEMA_VERSION } from './defaults.ts';

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

/** v1 -> v2: "on" becomes "enabled". v2 -> v3: a flat "mode" moves under services.kakaomap. */
const v1ToV2: Migration = ({ on, ...rest }) => ({ ...rest, enabled: on });
const v2ToV3: Migration = ({ mode, ...rest }) => ({ ...rest, services: { kakaomap: { mode } } });
const SYNTHETIC: readonly Migration[] = [v1ToV2, v2ToV3];

describe('migrate with the real migration list', () => {
  it('is consistent with SCHEMA_VERSION', () => {
    expect(MIGRATIONS.length + 1).toBe(SCHEMA_VERSION);
  });

  it('leaves a current object as it is (as a copy)', () => {
    const input = deepFreeze({ schemaVersion: SCHEMA_VERSION, enabled: false, services: { kakaomap: { mode: 'off' } } });
    const result = migrate(input);
    expect(result).toEqual({ value: input, from: SCHEMA_VERSION, to: SCHEMA_VERSION });
    expect(result.value).not.toBe(input);
  });

  it('treats a missing version as version 1', () => {
    expect(migrate({ enabled: false })).toMatchObject({ from: 1, to: SCHEMA_VERSION });
  });

  it.each([null, undefined, 42, 'x', []])('turns non-object %j into an empty object', (input) => {
    expect(migrate(input)).toEqual({ value: {}, from: SCHEMA_VERSION, to: SCHEMA_VERSION });
  });
});

describe('migrate with a synthetic list (v1 -> v2 -> v3)', () => {
  it('runs every step from v1', () => {
    const input = deepFreeze({ schemaVersion: 1, on: false, mode: 'off' });
    expect(migrate(input, SYNTHETIC)).toEqual({
      value: { schemaVersion: 3, enabled: false, services: { kakaomap: { mode: 'off' } } },
      from: 1,
      to: 3,
    });
  });

  it('runs only the remaining steps from v2', () => {
    const input = deepFreeze({ schemaVersion: 2, enabled: true, mode: 'suggest' });
    expect(migrate(input, SYNTHETIC)).toEqual({
      value: { schemaVersion: 3, enabled: true, services: { kakaomap: { mode: 'suggest' } } },
      from: 2,
      to: 3,
    });
  });

  it('runs no step at the current version', () => {
    const input = deepFreeze({ schemaVersion: 3, enabled: true, services: { kakaomap: { mode: 'off' } } });
    expect(migrate(input, SYNTHETIC)).toEqual({ value: input, from: 3, to: 3 });
  });

  it.each([
    ['missing', {}],
    ['zero', { schemaVersion: 0 }],
    ['negative', { schemaVersion: -2 }],
    ['fractional', { schemaVersion: 1.5 }],
    ['a string', { schemaVersion: '2' }],
    ['NaN', { schemaVersion: Number.NaN }],
    ['null', { schemaVersion: null }],
  ])('treats a %s version as version 1', (_label, version) => {
    const input = deepFreeze({ ...version, on: true, mode: 'off' });
    expect(migrate(input, SYNTHETIC)).toEqual({
      value: { schemaVersion: 3, enabled: true, services: { kakaomap: { mode: 'off' } } },
      from: 1,
      to: 3,
    });
  });

  it('leaves an object from a newer version alone', () => {
    const input = deepFreeze({ schemaVersion: 7, enabled: true, future: { x: 1 } });
    const result = migrate(input, SYNTHETIC);
    expect(result).toEqual({ value: input, from: 7, to: 7 });
  });

  it('does not mutate its input', () => {
    const input = { schemaVersion: 1, on: false, mode: 'off', nested: { keep: [1, 2] } };
    const before = structuredClone(input);
    const result = migrate(input, SYNTHETIC);
    expect(input).toEqual(before);
    expect(result.value).not.toBe(input);
    // And a frozen input goes through without a TypeError (ES modules are strict).
    expect(() => migrate(deepFreeze(structuredClone(before)), SYNTHETIC)).not.toThrow();
  });

  it('passes each step the previous step’s output, with the version stamped', () => {
    const seen: unknown[] = [];
    const spy =
      (step: Migration): Migration =>
      (input) => {
        seen.push(structuredClone(input));
        return step(input);
      };
    migrate({ schemaVersion: 1, on: true, mode: 'off' }, [spy(v1ToV2), spy(v2ToV3)]);
    expect(seen).toEqual([
      { schemaVersion: 1, on: true, mode: 'off' },
      { schemaVersion: 2, enabled: true, mode: 'off' },
    ]);
  });
});

describe('v1 -> v2: alternatives become every alternative with a flag', () => {
  it('is the first migration', () => {
    expect(MIGRATIONS[0]).toBe(alternativesWithFlags);
  });

  it('puts the listed ones first, on, in their order, and the left-out catalogued ones after, off', () => {
    const input = deepFreeze({
      schemaVersion: 1,
      enabled: false,
      services: { kakaomap: { mode: 'redirect', alternatives: ['googlemaps', 'navermap'] }, melon: { mode: 'off', alternatives: [] }, daum: { mode: 'suggest' } },
    });
    expect(migrate(input).value).toEqual({
      schemaVersion: 2,
      enabled: false,
      services: {
        kakaomap: {
          mode: 'redirect',
          alternatives: [
            { id: 'googlemaps', enabled: true },
            { id: 'navermap', enabled: true },
            { id: 'tmap', enabled: false },
          ],
        },
        melon: {
          mode: 'off',
          alternatives: [
            { id: 'vibe', enabled: false },
            { id: 'genie', enabled: false },
            { id: 'flo', enabled: false },
          ],
        },
        daum: { mode: 'suggest' },
      },
    });
  });

  it('a full v1 list keeps its order with every entry on', () => {
    const result = alternativesWithFlags({ services: { kakaomap: { alternatives: ['tmap', 'googlemaps', 'navermap'] } } });
    expect(result).toEqual({
      services: {
        kakaomap: {
          alternatives: [
            { id: 'tmap', enabled: true },
            { id: 'googlemaps', enabled: true },
            { id: 'navermap', enabled: true },
          ],
        },
      },
    });
  });

  it.each([
    ['no services', { enabled: true }],
    ['services not an object', { services: 'all' }],
    ['an entry not an object', { services: { kakaomap: 'off' } }],
    ['alternatives not a list', { services: { kakaomap: { alternatives: 'navermap' } } }],
    ['a list with a non-string', { services: { kakaomap: { alternatives: ['navermap', 3] } } }],
  ])('leaves %s for the validator', (_label, input) => {
    expect(alternativesWithFlags(deepFreeze(structuredClone(input)))).toEqual(input);
  });

  it('keeps unknown ids and services as they are (the validator judges them), without prototype tricks', () => {
    const input = JSON.parse('{"services":{"__proto__":{"alternatives":["x"]},"navermap":{"alternatives":["a"]},"kakaomap":{"alternatives":["bing"]}}}') as Record<string, unknown>;
    const result = alternativesWithFlags(input) as { services: Record<string, unknown> };
    expect(Object.getPrototypeOf(result.services)).toBe(Object.prototype);
    expect(Object.keys(result.services)).toEqual(['__proto__', 'navermap', 'kakaomap']);
    expect(result.services.navermap).toEqual({ alternatives: [{ id: 'a', enabled: true }] });
    expect(result.services.kakaomap).toEqual({
      alternatives: [
        { id: 'bing', enabled: true },
        { id: 'navermap', enabled: false },
        { id: 'tmap', enabled: false },
        { id: 'googlemaps', enabled: false },
      ],
    });
    expect(Object.prototype).not.toHaveProperty('alternatives');
  });
});
