import { describe, expect, it } from 'vitest';
import type { ServiceId } from '../catalog/index.ts';
import { DEFAULTS, applyPatch, loadSettings, type ServiceMode, type Settings, type SettingsPatch } from './index.ts';

const CURRENT: Settings = structuredClone(DEFAULTS);
/** CURRENT with one service's mode changed. */
const withMode = (base: Settings, id: ServiceId, mode: ServiceMode): Settings => ({ ...structuredClone(base), services: { ...structuredClone(base.services), [id]: { mode } } });

describe('loadSettings', () => {
  it('gives defaults with nothing replaced or filled when nothing is stored', () => {
    const report = loadSettings(undefined);
    expect(report).toEqual({ settings: DEFAULTS, replaced: [], dropped: [], filled: [] });
    expect(report.settings).not.toBe(DEFAULTS);
    expect(report.settings.services).not.toBe(DEFAULTS.services);
  });

  it('keeps a valid, complete stored value', () => {
    const stored = withMode({ ...CURRENT, enabled: false }, 'kakaomap', 'off');
    expect(loadSettings(structuredClone(stored))).toEqual({ settings: stored, replaced: [], dropped: [], filled: [] });
  });

  it('fills what an older stored value lacks without calling it repaired', () => {
    const stored = { schemaVersion: 1, enabled: false, services: { kakaomap: { mode: 'off' } } };
    const report = loadSettings(stored);
    expect(report.replaced).toEqual([]);
    expect(report.dropped).toEqual([]);
    expect(report.filled).toEqual(expect.arrayContaining(['services.melon', 'services.tistory', 'services.daum']));
    expect(report.filled).not.toContain('services.kakaomap');
    expect(report.settings).toEqual(withMode({ ...CURRENT, enabled: false }, 'kakaomap', 'off'));
  });

  it.each([null, 42, 'x', true, [], [{ enabled: false }]])('reports a corrupt (non-object) stored value %j as replaced', (stored) => {
    const report = loadSettings(stored);
    expect(report).toEqual({ settings: DEFAULTS, replaced: ['(all)'], dropped: [], filled: [] });
  });

  it('repairs only the bad part of a stored value', () => {
    const stored = { ...withMode({ ...CURRENT, enabled: false }, 'melon', 'redirect'), services: { ...CURRENT.services, melon: { mode: 'redirect' }, kakaomap: { mode: 'nope' } } };
    const report = loadSettings(stored);
    expect(report.settings).toEqual(withMode({ ...CURRENT, enabled: false }, 'melon', 'redirect'));
    expect(report.replaced).toEqual(['services.kakaomap.mode']);
    expect(report.filled).toEqual([]);
  });
});

describe('applyPatch', () => {
  it('turns Detour off', () => {
    expect(applyPatch(CURRENT, { enabled: false })).toEqual({ ok: true, settings: { ...CURRENT, enabled: false } });
  });

  it('sets a service mode, leaving the other services alone', () => {
    expect(applyPatch(CURRENT, { services: { kakaomap: { mode: 'off' } } })).toEqual({ ok: true, settings: withMode(CURRENT, 'kakaomap', 'off') });
    expect(applyPatch(CURRENT, { services: { tistory: { mode: 'redirect' } } })).toEqual({ ok: true, settings: withMode(CURRENT, 'tistory', 'redirect') });
  });

  it('applies both at once', () => {
    expect(applyPatch(CURRENT, { enabled: false, services: { kakaomap: { mode: 'redirect' } } })).toEqual({
      ok: true,
      settings: withMode({ ...CURRENT, enabled: false }, 'kakaomap', 'redirect'),
    });
  });

  it('sets several services in one patch', () => {
    const expected = withMode(withMode(CURRENT, 'melon', 'off'), 'daumnews', 'redirect');
    expect(applyPatch(CURRENT, { services: { melon: { mode: 'off' }, daumnews: { mode: 'redirect' } } })).toEqual({ ok: true, settings: expected });
  });

  it('treats an undefined field as no change, not as a reset to the default', () => {
    const current = withMode({ ...CURRENT, enabled: false }, 'kakaomap', 'off');
    expect(applyPatch(current, { enabled: undefined, services: { kakaomap: { mode: undefined } } })).toEqual({ ok: true, settings: current });
    expect(applyPatch(current, { services: { kakaomap: {} } })).toEqual({ ok: true, settings: current });
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
