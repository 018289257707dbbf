import { describe, expect, it } from 'vitest';
import { DEFAULTS, SCHEMA_VERSION, applyPatch, loadSettings, type Settings, type SettingsPatch } from './index.ts';

const CURRENT: Settings = { schemaVersion: SCHEMA_VERSION, enabled: true, services: { ...DEFAULTS.services } };

describe('loadSettings', () => {
  it('gives defaults with nothing replaced when nothing is stored', () => {
    const report = loadSettings(undefined);
    expect(report).toEqual({ settings: DEFAULTS, replaced: [], dropped: [] });
    expect(report.settings).not.toBe(DEFAULTS);
  });

  it('keeps a valid stored value', () => {
    const stored = { schemaVersion: 1, enabled: false, services: { kakaomap: { mode: 'off' } } };
    expect(loadSettings(stored)).toEqual({ settings: stored, replaced: [], dropped: [] });
  });

  it.each([null, 42, 'x', []])('repairs a corrupt stored value %j', (stored) => {
    const report = loadSettings(stored);
    expect(report.settings).toEqual(DEFAULTS);
    expect(report.replaced.length).toBeGreaterThan(0);
  });

  it('repairs only the bad part of a stored value', () => {
    const report = loadSettings({ schemaVersion: 1, enabled: false, services: { kakaomap: { mode: 'nope' } } });
    expect(report.settings).toEqual({ schemaVersion: 1, enabled: false, services: { kakaomap: { mode: 'suggest' } } });
    expect(report.replaced).toEqual(['services.kakaomap.mode']);
  });
});

describe('applyPatch', () => {
  it('turns Detour off', () => {
    expect(applyPatch(CURRENT, { enabled: false })).toEqual({ ok: true, settings: { ...CURRENT, enabled: false } });
  });

  it('sets a service mode', () => {
    expect(applyPatch(CURRENT, { services: { kakaomap: { mode: 'off' } } })).toEqual({
      ok: true,
      settings: { ...CURRENT, services: { kakaomap: { mode: 'off' } } },
    });
  });

  it('applies both at once', () => {
    expect(applyPatch(CURRENT, { enabled: false, services: { kakaomap: { mode: 'redirect' } } })).toEqual({
      ok: true,
      settings: { schemaVersion: SCHEMA_VERSION, enabled: false, services: { kakaomap: { mode: 'redirect' } } },
    });
  });

  it('an empty patch changes nothing', () => {
    expect(applyPatch(CURRENT, {})).toEqual({ ok: true, settings: CURRENT });
  });

  it.each([
    ['an unknown service', { services: { navermap: { mode: 'off' } } }, ['services.navermap']],
    ['__proto__ as a service', JSON.parse('{"services":{"__proto__":{"mode":"off"}}}'), ['services.__proto__']],
    ['toString as a service', { services: { toString: { mode: 'off' } } }, ['services.toString']],
    ['a service change that is not an object', { services: { kakaomap: 'off' } }, ['services.kakaomap']],
    ['a null service change', { services: { kakaomap: null } }, ['services.kakaomap']],
    ['a bad mode value', { services: { kakaomap: { mode: 'explode' } } }, ['services.kakaomap.mode']],
    ['a non-boolean enabled', { enabled: 'false' }, ['enabled']],
    ['a null enabled', { enabled: null }, ['enabled']],
    ['an unknown field in a service', { services: { kakaomap: { mode: 'off', extra: 1 } } }, ['services.kakaomap.extra']],
  ])('refuses %s and leaves current unchanged', (_label, patch, invalid) => {
    const current = structuredClone(CURRENT);
    const result = applyPatch(current, patch as SettingsPatch);
    expect(result).toEqual({ ok: false, invalid });
    expect(current).toEqual(CURRENT);
    expect(({} as Record<string, unknown>).mode).toBeUndefined();
  });

  it('refuses a patch whole: a bad part cancels the good part', () => {
    const current = structuredClone(CURRENT);
    const result = applyPatch(current, { enabled: false, services: { kakaomap: { mode: 'bad' } } } as unknown as SettingsPatch);
    expect(result.ok).toBe(false);
    expect(current.enabled).toBe(true);
  });

  it('does not mutate current on success either', () => {
    const current = structuredClone(CURRENT);
    const result = applyPatch(current, { enabled: false, services: { kakaomap: { mode: 'off' } } });
    expect(result.ok).toBe(true);
    expect(current).toEqual(CURRENT);
    if (result.ok) expect(result.settings.services).not.toBe(current.services);
  });
});

describe('inputs from outside', () => {
  it.each([null, 42, 'x', []])('refuses a patch that is not an object (%j)', (patch) => {
    expect(applyPatch(CURRENT, patch as never)).toEqual({ ok: false, invalid: ['(patch)'] });
  });

  it('reads an unversioned but otherwise valid object without calling it repaired', () => {
    const report = loadSettings({ enabled: false, services: { kakaomap: { mode: 'off' } } });
    expect(report.replaced).toEqual([]);
    expect(report.settings.enabled).toBe(false);
  });
});
