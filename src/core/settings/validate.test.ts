import { describe, expect, it } from 'vitest';
import { DEFAULTS, SCHEMA_VERSION, type Settings } from './defaults.ts';
import { validateSettings } from './validate.ts';

const GOOD: Settings = { schemaVersion: SCHEMA_VERSION, enabled: false, services: { ...DEFAULTS.services, kakaomap: { mode: 'off' } } };

describe('validateSettings', () => {
  it('keeps good values and reports nothing', () => {
    expect(validateSettings(structuredClone(GOOD))).toEqual({ settings: GOOD, replaced: [], dropped: [] });
    expect(validateSettings(structuredClone(DEFAULTS))).toEqual({ settings: DEFAULTS, replaced: [], dropped: [] });
    for (const mode of ['off', 'suggest', 'redirect'] as const) {
      const input = { ...GOOD, services: { kakaomap: { mode } } };
      expect(validateSettings(input).settings.services.kakaomap.mode).toBe(mode);
    }
  });

  it('returns a copy, not the input', () => {
    const input = structuredClone(GOOD);
    const { settings } = validateSettings(input);
    expect(settings).not.toBe(input);
    expect(settings.services).not.toBe(input.services);
  });

  it.each([
    ['enabled a string', { ...GOOD, enabled: 'yes' }, ['enabled'], { enabled: true }],
    ['enabled a number', { ...GOOD, enabled: 0 }, ['enabled'], { enabled: true }],
    ['enabled null', { ...GOOD, enabled: null }, ['enabled'], { enabled: true }],
    ['enabled missing', { schemaVersion: 1, services: GOOD.services }, ['enabled'], { enabled: true }],
    ['schemaVersion wrong', { ...GOOD, schemaVersion: 99 }, ['schemaVersion'], { schemaVersion: SCHEMA_VERSION }],
    ['schemaVersion a string', { ...GOOD, schemaVersion: '1' }, ['schemaVersion'], { schemaVersion: SCHEMA_VERSION }],
    ['mode unknown', { ...GOOD, services: { kakaomap: { mode: 'explode' } } }, ['services.kakaomap.mode'], { services: { kakaomap: { mode: 'suggest' } } }],
    ['mode wrong case', { ...GOOD, services: { kakaomap: { mode: 'OFF' } } }, ['services.kakaomap.mode'], { services: { kakaomap: { mode: 'suggest' } } }],
    ['mode missing', { ...GOOD, services: { kakaomap: {} } }, ['services.kakaomap.mode'], { services: { kakaomap: { mode: 'suggest' } } }],
    ['service entry not an object', { ...GOOD, services: { kakaomap: 'off' } }, ['services.kakaomap'], { services: { kakaomap: { mode: 'suggest' } } }],
    ['service entry an array', { ...GOOD, services: { kakaomap: ['off'] } }, ['services.kakaomap'], { services: { kakaomap: { mode: 'suggest' } } }],
    ['service entry missing', { ...GOOD, services: {} }, ['services.kakaomap'], { services: { kakaomap: { mode: 'suggest' } } }],
    ['services not an object', { ...GOOD, services: 5 }, ['services'], { services: { kakaomap: { mode: 'suggest' } } }],
    ['services null', { ...GOOD, services: null }, ['services'], { services: { kakaomap: { mode: 'suggest' } } }],
  ])('replaces only the bad value: %s', (_label, input, replaced, fix) => {
    const report = validateSettings(input);
    expect(report.replaced).toEqual(replaced);
    expect(report.dropped).toEqual([]);
    expect(report.settings).toEqual({ ...GOOD, ...fix });
  });

  it('reports several bad values at once, each by its path', () => {
    const report = validateSettings({ schemaVersion: 1, enabled: 'no', services: { kakaomap: { mode: 7 } } });
    expect([...report.replaced].sort()).toEqual(['enabled', 'services.kakaomap.mode']);
    expect(report.settings).toEqual(DEFAULTS);
  });

  it.each([null, undefined, 42, 'x', true, [], [GOOD]])('replaces everything for non-object input %j', (input) => {
    expect(validateSettings(input)).toEqual({ settings: DEFAULTS, replaced: ['(all)'], dropped: [] });
  });

  it('an empty object replaces each top-level entry', () => {
    const report = validateSettings({});
    expect(report.settings).toEqual(DEFAULTS);
    expect([...report.replaced].sort()).toEqual(['enabled', 'schemaVersion', 'services']);
  });

  it('reports unknown keys in dropped and does not keep them', () => {
    const input = { ...GOOD, theme: 'dark', services: { kakaomap: { mode: 'off', order: ['navermap'] }, navermap: { mode: 'off' } } };
    const report = validateSettings(input);
    expect(report.replaced).toEqual([]);
    expect([...report.dropped].sort()).toEqual(['services.kakaomap.order', 'services.navermap', 'theme']);
    expect(report.settings).toEqual(GOOD);
  });

  it('does not let __proto__ keys pollute Object.prototype or the result', () => {
    const input: unknown = JSON.parse(
      '{"schemaVersion":1,"enabled":true,"__proto__":{"polluted":"yes","enabled":false},"services":{"__proto__":{"polluted":"yes"},"kakaomap":{"mode":"off","__proto__":{"polluted":"yes"}}}}',
    );
    const report = validateSettings(input);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(report.settings).toEqual({ schemaVersion: 1, enabled: true, services: { kakaomap: { mode: 'off' } } });
    expect(Object.getPrototypeOf(report.settings)).toBe(Object.prototype);
    expect((report.settings as unknown as Record<string, unknown>).polluted).toBeUndefined();
    expect((report.settings.services.kakaomap as Record<string, unknown>).polluted).toBeUndefined();
    expect([...report.dropped].sort()).toEqual(['__proto__', 'services.__proto__', 'services.kakaomap.__proto__']);
  });

  it('never hands out the DEFAULTS object itself', () => {
    const { settings } = validateSettings(null);
    expect(settings).not.toBe(DEFAULTS);
    expect(settings.services).not.toBe(DEFAULTS.services);
    settings.services.kakaomap.mode = 'off';
    expect(DEFAULTS.services.kakaomap.mode).toBe('suggest');
    const replaced = validateSettings({ ...GOOD, services: 1 }).settings;
    expect(replaced.services).not.toBe(DEFAULTS.services);
    expect(replaced.services.kakaomap).not.toBe(DEFAULTS.services.kakaomap);
  });
});
