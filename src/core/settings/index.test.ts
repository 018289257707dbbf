import { describe, expect, it } from 'vitest';
import type { ServiceId } from '../catalog/index.ts';
import { DEFAULTS, applyPatch, loadSettings, type ServiceMode, type Settings, type SettingsPatch } from './index.ts';

const CURRENT: Settings = structuredClone(DEFAULTS);
/** `base` with one service's mode changed (its other fields kept). */
const withMode = (base: Settings, id: ServiceId, mode: ServiceMode): Settings => ({ ...structuredClone(base), services: { ...structuredClone(base.services), [id]: { ...structuredClone(base.services[id]), mode } } });
/** `base` with one service's alternatives changed (its other fields kept). */
const withAlternatives = (base: Settings, id: ServiceId, alternatives: string[]): Settings => ({
  ...structuredClone(base),
  services: { ...structuredClone(base.services), [id]: { ...structuredClone(base.services[id]), alternatives: [...alternatives] } },
});

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
    // As the first release stored it: no alternatives yet.
    const stored = { schemaVersion: 1, enabled: false, services: { kakaomap: { mode: 'off' } } };
    const report = loadSettings(stored);
    expect(report.replaced).toEqual([]);
    expect(report.dropped).toEqual([]);
    expect(report.filled).toEqual(expect.arrayContaining(['services.melon', 'services.tistory', 'services.daum', 'services.kakaomap.alternatives']));
    expect(report.filled).not.toContain('services.kakaomap');
    expect(report.settings).toEqual(withMode({ ...CURRENT, enabled: false }, 'kakaomap', 'off'));
  });

  it.each([null, 42, 'x', true, [], [{ enabled: false }]])('reports a corrupt (non-object) stored value %j as replaced', (stored) => {
    const report = loadSettings(stored);
    expect(report).toEqual({ settings: DEFAULTS, replaced: ['(all)'], dropped: [], filled: [] });
  });

  it('repairs only the bad part of a stored value', () => {
    const stored = { ...withMode({ ...CURRENT, enabled: false }, 'melon', 'redirect'), services: { ...CURRENT.services, melon: { ...DEFAULTS.services.melon, mode: 'redirect' }, kakaomap: { ...DEFAULTS.services.kakaomap, mode: 'nope' } } };
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

  it.each(['en', 'ko', 'auto'] as const)('sets the language to %s', (language) => {
    expect(applyPatch(CURRENT, { language })).toEqual({ ok: true, settings: { ...CURRENT, language } });
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
    ['a language we do not ship', { language: 'ja' }, ['language']],
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

describe('applyPatch: alternatives', () => {
  /** A current value whose kakaomap entry is not the default in either field. */
  const CUSTOM = withAlternatives(withMode(CURRENT, 'kakaomap', 'redirect'), 'kakaomap', ['tmap', 'navermap']);

  it.each([
    ['a reordered list', ['googlemaps', 'navermap', 'tmap']],
    ['a subset', ['googlemaps']],
    ['the empty list', []],
    ['the catalogue order back', ['navermap', 'tmap', 'googlemaps']],
  ])('accepts %s, leaving the mode and the other services alone', (_label, alternatives) => {
    const current = structuredClone(CUSTOM);
    expect(applyPatch(current, { services: { kakaomap: { alternatives: [...alternatives] } } })).toEqual({ ok: true, settings: withAlternatives(CUSTOM, 'kakaomap', alternatives) });
    expect(current).toEqual(CUSTOM);
  });

  it('a mode-only patch keeps the user order', () => {
    expect(applyPatch(CUSTOM, { services: { kakaomap: { mode: 'off' } } })).toEqual({ ok: true, settings: withMode(CUSTOM, 'kakaomap', 'off') });
    expect(applyPatch(CUSTOM, { services: { kakaomap: { mode: 'off', alternatives: undefined } } })).toEqual({ ok: true, settings: withMode(CUSTOM, 'kakaomap', 'off') });
  });

  it('sets mode and order together, and orders for several services in one patch', () => {
    expect(applyPatch(CURRENT, { services: { kakaomap: { mode: 'off', alternatives: ['tmap'] } } })).toEqual({
      ok: true,
      settings: withAlternatives(withMode(CURRENT, 'kakaomap', 'off'), 'kakaomap', ['tmap']),
    });
    expect(applyPatch(CURRENT, { services: { melon: { alternatives: ['flo', 'vibe'] }, daum: { alternatives: [] } } })).toEqual({
      ok: true,
      settings: withAlternatives(withAlternatives(CURRENT, 'melon', ['flo', 'vibe']), 'daum', []),
    });
  });

  it('does not keep a reference to the patch list', () => {
    const alternatives = ['googlemaps', 'tmap'];
    const result = applyPatch(CURRENT, { services: { kakaomap: { alternatives } } });
    alternatives.push('navermap');
    expect(result).toEqual({ ok: true, settings: withAlternatives(CURRENT, 'kakaomap', ['googlemaps', 'tmap']) });
  });

  it.each([
    ['an unknown id', ['navermap', 'bing']],
    ['another service alternative (vibe)', ['vibe']],
    ['a duplicate', ['tmap', 'tmap']],
    ['a string, not an array', 'navermap'],
    ['null', null],
    ['an object', { 0: 'navermap' }],
    ['an array of numbers', [1, 2]],
    ['__proto__', ['__proto__']],
  ])('refuses a list with %s whole and leaves current unchanged', (_label, alternatives) => {
    const current = structuredClone(CUSTOM);
    const patch = { enabled: false, services: { kakaomap: { mode: 'off', alternatives }, melon: { alternatives: ['flo'] } } };
    expect(applyPatch(current, patch as unknown as SettingsPatch)).toEqual({ ok: false, invalid: ['services.kakaomap.alternatives'] });
    expect(current).toEqual(CUSTOM);
    expect(Object.prototype).not.toHaveProperty('polluted');
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
