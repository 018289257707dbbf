import { describe, expect, it } from 'vitest';
import { SERVICE_IDS } from '../catalog/index.ts';
import { DEFAULTS, SCHEMA_VERSION, type Settings } from './defaults.ts';
import { validateSettings } from './validate.ts';

/** A valid, non-default value: every other entry is the default, built from DEFAULTS so new settings need no edit here. */
const GOOD: Settings = { ...structuredClone(DEFAULTS), enabled: false, services: { ...structuredClone(DEFAULTS.services), kakaomap: { mode: 'off' } } };

/** GOOD with one service's entry changed. */
const withService = (id: string, entry: unknown) => ({ ...structuredClone(GOOD), services: { ...structuredClone(GOOD.services), [id]: entry } });

/** GOOD without one service's entry. */
function withoutService(id: string): Record<string, unknown> {
  const services: Record<string, unknown> = structuredClone(GOOD.services);
  delete services[id];
  return { ...structuredClone(GOOD), services };
}

/** GOOD without a top-level key. */
function without(key: keyof Settings): Record<string, unknown> {
  const copy: Record<string, unknown> = structuredClone(GOOD);
  delete copy[key];
  return copy;
}

const TOP_LEVEL = Object.keys(DEFAULTS).sort();

describe('validateSettings: good values', () => {
  it('keeps good values and reports nothing', () => {
    expect(validateSettings(structuredClone(GOOD))).toEqual({ settings: GOOD, replaced: [], dropped: [], filled: [] });
    expect(validateSettings(structuredClone(DEFAULTS))).toEqual({ settings: DEFAULTS, replaced: [], dropped: [], filled: [] });
  });

  it.each(SERVICE_IDS)('keeps every mode for %s', (id) => {
    for (const mode of ['off', 'suggest', 'redirect'] as const) {
      const report = validateSettings(withService(id, { mode }));
      expect(report.settings.services[id].mode).toBe(mode);
      expect(report.replaced).toEqual([]);
      expect(report.filled).toEqual([]);
    }
  });

  it('has a services entry for every catalogued service in DEFAULTS', () => {
    expect(Object.keys(DEFAULTS.services).sort()).toEqual([...SERVICE_IDS].sort());
    expect(SERVICE_IDS).toHaveLength(16);
    for (const id of SERVICE_IDS) expect(DEFAULTS.services[id]).toEqual({ mode: 'suggest' });
  });

  it('returns a copy, not the input', () => {
    const input = structuredClone(GOOD);
    const { settings } = validateSettings(input);
    expect(settings).not.toBe(input);
    expect(settings.services).not.toBe(input.services);
    expect(settings.services.kakaomap).not.toBe(input.services.kakaomap);
  });
});

describe('validateSettings: absent values are filled, not replaced', () => {
  it.each(TOP_LEVEL)('a missing top-level %s is filled silently', (key) => {
    const report = validateSettings(without(key as keyof Settings));
    expect(report.filled).toEqual([key]);
    expect(report.replaced).toEqual([]);
    expect(report.dropped).toEqual([]);
    expect(report.settings).toEqual({ ...GOOD, [key]: DEFAULTS[key as keyof Settings] });
  });

  it('an explicitly undefined value counts as absent', () => {
    const report = validateSettings({ ...structuredClone(GOOD), enabled: undefined });
    expect(report.filled).toEqual(['enabled']);
    expect(report.replaced).toEqual([]);
    expect(report.settings).toEqual({ ...GOOD, enabled: true });
  });

  it.each(SERVICE_IDS)('a missing services.%s entry (a service added after the value was stored) is filled', (id) => {
    const report = validateSettings(withoutService(id));
    expect(report.filled).toEqual([`services.${id}`]);
    expect(report.replaced).toEqual([]);
    expect(report.dropped).toEqual([]);
    expect(report.settings).toEqual({ ...GOOD, services: { ...GOOD.services, [id]: { mode: 'suggest' } } });
  });

  it('a missing mode inside a present entry is filled', () => {
    const report = validateSettings(withService('melon', {}));
    expect(report.filled).toEqual(['services.melon.mode']);
    expect(report.replaced).toEqual([]);
    expect(report.settings).toEqual(GOOD);
  });

  it('a value stored by the first release (only kakaomap) keeps its choice and fills the 15 new services', () => {
    const stored = { schemaVersion: 1, enabled: false, services: { kakaomap: { mode: 'redirect' } } };
    const report = validateSettings(stored);
    expect(report.replaced).toEqual([]);
    expect(report.dropped).toEqual([]);
    expect([...report.filled].sort()).toEqual(
      [
        ...SERVICE_IDS.filter((id) => id !== 'kakaomap').map((id) => `services.${id}`),
        ...TOP_LEVEL.filter((key) => !['schemaVersion', 'enabled', 'services'].includes(key)),
      ].sort(),
    );
    expect(report.settings).toEqual({ ...structuredClone(DEFAULTS), enabled: false, services: { ...DEFAULTS.services, kakaomap: { mode: 'redirect' } } });
  });

  it('an empty object fills each top-level entry and replaces nothing', () => {
    const report = validateSettings({});
    expect(report.settings).toEqual(DEFAULTS);
    expect([...report.filled].sort()).toEqual(TOP_LEVEL);
    expect(report.replaced).toEqual([]);
    expect(report.dropped).toEqual([]);
  });

  it('an empty services object fills every service, one path each', () => {
    const report = validateSettings({ ...structuredClone(GOOD), services: {} });
    expect([...report.filled].sort()).toEqual(SERVICE_IDS.map((id) => `services.${id}`).sort());
    expect(report.replaced).toEqual([]);
    expect(report.settings).toEqual({ ...GOOD, services: DEFAULTS.services });
  });
});

describe('validateSettings: present but invalid values are replaced', () => {
  const SUGGEST = { mode: 'suggest' };
  it.each([
    ['enabled a string', { ...GOOD, enabled: 'yes' }, ['enabled'], { enabled: true }],
    ['enabled a number', { ...GOOD, enabled: 0 }, ['enabled'], { enabled: true }],
    ['enabled null', { ...GOOD, enabled: null }, ['enabled'], { enabled: true }],
    ['enabled an object', { ...GOOD, enabled: { value: false } }, ['enabled'], { enabled: true }],
    ['schemaVersion wrong', { ...GOOD, schemaVersion: 99 }, ['schemaVersion'], { schemaVersion: SCHEMA_VERSION }],
    ['schemaVersion a string', { ...GOOD, schemaVersion: '1' }, ['schemaVersion'], { schemaVersion: SCHEMA_VERSION }],
    ['schemaVersion null', { ...GOOD, schemaVersion: null }, ['schemaVersion'], { schemaVersion: SCHEMA_VERSION }],
    ['mode unknown', withService('kakaomap', { mode: 'explode' }), ['services.kakaomap.mode'], { services: { ...GOOD.services, kakaomap: SUGGEST } }],
    ['mode wrong case', withService('kakaomap', { mode: 'OFF' }), ['services.kakaomap.mode'], { services: { ...GOOD.services, kakaomap: SUGGEST } }],
    ['mode null', withService('kakaomap', { mode: null }), ['services.kakaomap.mode'], { services: { ...GOOD.services, kakaomap: SUGGEST } }],
    ['mode a number', withService('tistory', { mode: 1 }), ['services.tistory.mode'], { services: { ...GOOD.services, tistory: SUGGEST } }],
    ['service entry a string', withService('kakaomap', 'off'), ['services.kakaomap'], { services: { ...GOOD.services, kakaomap: SUGGEST } }],
    ['service entry an array', withService('kakaomap', ['off']), ['services.kakaomap'], { services: { ...GOOD.services, kakaomap: SUGGEST } }],
    ['service entry null', withService('daum', null), ['services.daum'], { services: { ...GOOD.services, daum: SUGGEST } }],
    ['services a number', { ...GOOD, services: 5 }, ['services'], { services: DEFAULTS.services }],
    ['services null', { ...GOOD, services: null }, ['services'], { services: DEFAULTS.services }],
    ['services an array', { ...GOOD, services: [{ mode: 'off' }] }, ['services'], { services: DEFAULTS.services }],
  ])('replaces only the bad value: %s', (_label, input, replaced, fix) => {
    const report = validateSettings(input);
    expect(report.replaced).toEqual(replaced);
    expect(report.dropped).toEqual([]);
    // A mistyped subtree is one replacement: nothing under it is also reported as filled.
    expect(report.filled).toEqual([]);
    expect(report.settings).toEqual({ ...GOOD, ...fix });
  });

  it('reports several bad values at once, each by its path, and absent ones apart', () => {
    const report = validateSettings({ schemaVersion: 1, enabled: 'no', services: { ...structuredClone(DEFAULTS.services), kakaomap: { mode: 7 }, melon: undefined } });
    expect([...report.replaced].sort()).toEqual(['enabled', 'services.kakaomap.mode']);
    expect(report.filled).toEqual(expect.arrayContaining(['services.melon']));
    expect(report.filled).not.toContain('enabled');
    expect(report.settings).toEqual(DEFAULTS);
  });

  it.each([null, undefined, 42, 'x', true, [], [GOOD]])('replaces everything for non-object root %j', (input) => {
    expect(validateSettings(input)).toEqual({ settings: DEFAULTS, replaced: ['(all)'], dropped: [], filled: [] });
  });
});

describe('validateSettings: unknown values are dropped', () => {
  it('reports unknown keys in dropped and does not keep them', () => {
    const input = { ...withService('kakaomap', { mode: 'off', order: ['navermap'] }), theme: 'dark' };
    (input.services as Record<string, unknown>).navermap = { mode: 'off' };
    const report = validateSettings(input);
    expect(report.replaced).toEqual([]);
    expect(report.filled).toEqual([]);
    expect([...report.dropped].sort()).toEqual(['services.kakaomap.order', 'services.navermap', 'theme']);
    expect(report.settings).toEqual(GOOD);
  });

  it('does not let __proto__ keys pollute Object.prototype or the result', () => {
    const input: unknown = JSON.parse(
      `{"schemaVersion":1,"enabled":true,"__proto__":{"polluted":"yes","enabled":false},"services":{"__proto__":{"polluted":"yes"},"kakaomap":{"mode":"off","__proto__":{"polluted":"yes"}}}}`,
    );
    const report = validateSettings(input);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(report.settings).toEqual({ ...structuredClone(DEFAULTS), services: { ...DEFAULTS.services, kakaomap: { mode: 'off' } } });
    expect(Object.getPrototypeOf(report.settings)).toBe(Object.prototype);
    expect((report.settings as unknown as Record<string, unknown>).polluted).toBeUndefined();
    expect((report.settings.services.kakaomap as Record<string, unknown>).polluted).toBeUndefined();
    expect([...report.dropped].sort()).toEqual(['__proto__', 'services.__proto__', 'services.kakaomap.__proto__']);
    expect(report.replaced).toEqual([]);
  });
});

describe('validateSettings: never shares DEFAULTS', () => {
  it('never hands out the DEFAULTS object itself', () => {
    const { settings } = validateSettings(null);
    expect(settings).not.toBe(DEFAULTS);
    expect(settings.services).not.toBe(DEFAULTS.services);
    settings.services.kakaomap.mode = 'off';
    expect(DEFAULTS.services.kakaomap.mode).toBe('suggest');
    const replaced = validateSettings({ ...GOOD, services: 1 }).settings;
    expect(replaced.services).not.toBe(DEFAULTS.services);
    expect(replaced.services.kakaomap).not.toBe(DEFAULTS.services.kakaomap);
    const filled = validateSettings({}).settings;
    expect(filled.services).not.toBe(DEFAULTS.services);
    expect(filled.services.melon).not.toBe(DEFAULTS.services.melon);
    filled.services.melon.mode = 'off';
    expect(DEFAULTS.services.melon.mode).toBe('suggest');
  });
});
