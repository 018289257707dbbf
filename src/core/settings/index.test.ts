import { describe, expect, it } from 'vitest';
import { DEFAULTS, SCHEMA_VERSION, applyPatch, isFromNewerVersion, loadSettings, type Settings, type SettingsPatch } from './index.ts';
import { off, on, withAlternatives, withMode } from '../../../test/support/settings.ts';

const CURRENT: Settings = structuredClone(DEFAULTS);

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
    const stored = {
      ...withMode({ ...CURRENT, enabled: false }, 'melon', 'redirect'),
      services: { ...CURRENT.services, melon: { ...DEFAULTS.services.melon, mode: 'redirect' }, kakaomap: { ...DEFAULTS.services.kakaomap, mode: 'nope' } },
    };
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
  const CUSTOM = withAlternatives(withMode(CURRENT, 'kakaomap', 'redirect'), 'kakaomap', [...on('tmap'), ...off('navermap'), ...on('googlemaps')]);

  it.each([
    ['a reordered list', on('googlemaps', 'navermap', 'tmap')],
    ['one turned off', [...on('googlemaps'), ...off('navermap'), ...on('tmap')]],
    ['every one turned off', off('navermap', 'tmap', 'googlemaps')],
    ['the default back', on('navermap', 'tmap', 'googlemaps')],
  ])('accepts %s, leaving the mode and the other services alone', (_label, alternatives) => {
    const current = structuredClone(CUSTOM);
    expect(applyPatch(current, { services: { kakaomap: { alternatives: structuredClone(alternatives) } } })).toEqual({ ok: true, settings: withAlternatives(CUSTOM, 'kakaomap', alternatives) });
    expect(current).toEqual(CUSTOM);
  });

  it('completes a partial list with the missing alternatives, on, at the end', () => {
    expect(applyPatch(CURRENT, { services: { kakaomap: { alternatives: off('googlemaps') } } })).toEqual({
      ok: true,
      settings: withAlternatives(CURRENT, 'kakaomap', [...off('googlemaps'), ...on('navermap', 'tmap')]),
    });
  });

  it('a mode-only patch keeps the user order', () => {
    expect(applyPatch(CUSTOM, { services: { kakaomap: { mode: 'off' } } })).toEqual({ ok: true, settings: withMode(CUSTOM, 'kakaomap', 'off') });
    expect(applyPatch(CUSTOM, { services: { kakaomap: { mode: 'off', alternatives: undefined } } })).toEqual({ ok: true, settings: withMode(CUSTOM, 'kakaomap', 'off') });
  });

  it('sets mode and order together, and orders for several services in one patch', () => {
    expect(applyPatch(CURRENT, { services: { kakaomap: { mode: 'off', alternatives: on('tmap', 'navermap', 'googlemaps') } } })).toEqual({
      ok: true,
      settings: withAlternatives(withMode(CURRENT, 'kakaomap', 'off'), 'kakaomap', on('tmap', 'navermap', 'googlemaps')),
    });
    const melon = [...on('flo', 'vibe'), ...off('genie')];
    const daum = off('naver', 'google');
    expect(applyPatch(CURRENT, { services: { melon: { alternatives: melon }, daum: { alternatives: daum } } })).toEqual({
      ok: true,
      settings: withAlternatives(withAlternatives(CURRENT, 'melon', melon), 'daum', daum),
    });
  });

  it('does not keep a reference to the patch list or its entries', () => {
    const alternatives = on('googlemaps', 'tmap', 'navermap');
    const result = applyPatch(CURRENT, { services: { kakaomap: { alternatives } } });
    alternatives.pop();
    (alternatives[0] as { enabled: boolean }).enabled = false;
    expect(result).toEqual({ ok: true, settings: withAlternatives(CURRENT, 'kakaomap', on('googlemaps', 'tmap', 'navermap')) });
  });

  it.each([
    ['an unknown id', [...on('navermap'), { id: 'bing', enabled: true }]],
    ['another service alternative (vibe)', on('vibe')],
    ['a duplicate', on('tmap', 'tmap')],
    ['a bare id list (the old shape)', ['tmap', 'navermap']],
    ['an entry without its flag', [{ id: 'tmap' }]],
    ['an entry with an extra field', [{ id: 'tmap', enabled: true, url: 'https://evil.example/' }]],
    ['a string, not an array', 'navermap'],
    ['null', null],
    ['an object', { 0: { id: 'navermap', enabled: true } }],
    ['__proto__', on('__proto__')],
  ])('refuses a list with %s whole and leaves current unchanged', (_label, alternatives) => {
    const current = structuredClone(CUSTOM);
    const patch = { enabled: false, services: { kakaomap: { mode: 'off', alternatives }, melon: { alternatives: on('flo') } } };
    expect(applyPatch(current, patch as unknown as SettingsPatch)).toEqual({ ok: false, invalid: ['services.kakaomap.alternatives'] });
    expect(current).toEqual(CUSTOM);
    expect(Object.prototype).not.toHaveProperty('polluted');
  });
});

describe('applyPatch: probes', () => {
  it.each(['auto', 'after-failure', 'manual'] as const)('sets %s', (probes) => {
    expect(applyPatch(CURRENT, { probes })).toEqual({ ok: true, settings: { ...CURRENT, probes } });
  });

  it('refuses an unknown mode', () => {
    expect(applyPatch(CURRENT, { probes: 'sometimes' } as unknown as SettingsPatch)).toEqual({ ok: false, invalid: ['probes'] });
  });
});

describe('loadSettings: stored by an earlier version', () => {
  it('turns a v1 list of alternatives into the full list: listed ones on in their order, the others off', () => {
    const stored = { schemaVersion: 1, enabled: true, services: { kakaomap: { mode: 'redirect', alternatives: ['googlemaps', 'navermap'] }, daum: { mode: 'off', alternatives: [] } } };
    const report = loadSettings(stored);
    expect(report.replaced).toEqual([]);
    expect(report.dropped).toEqual([]);
    expect(report.settings.services.kakaomap).toEqual({ mode: 'redirect', alternatives: [...on('googlemaps', 'navermap'), ...off('tmap')] });
    expect(report.settings.services.daum).toEqual({ mode: 'off', alternatives: off('naver', 'google') });
    expect(report.settings.services.melon).toEqual(DEFAULTS.services.melon);
    expect(report.settings.schemaVersion).toBe(SCHEMA_VERSION);
  });

  it('a v1 list that was already broken is replaced from the defaults, as v1 would have', () => {
    const report = loadSettings({ schemaVersion: 1, services: { kakaomap: { mode: 'off', alternatives: ['tmap', 'bing'] } } });
    expect(report.replaced).toEqual(['services.kakaomap.alternatives']);
    expect(report.settings.services.kakaomap).toEqual({ mode: 'off', alternatives: DEFAULTS.services.kakaomap.alternatives });
  });

  it('knows a value from a newer Detour', () => {
    expect(isFromNewerVersion({ schemaVersion: SCHEMA_VERSION + 1 })).toBe(true);
    for (const stored of [{ schemaVersion: SCHEMA_VERSION }, { schemaVersion: 1 }, {}, { schemaVersion: '9' }, null, undefined, 7]) expect(isFromNewerVersion(stored)).toBe(false);
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

describe('banner and exceptions settings', () => {
  it('default to the banner on and no exceptions, and fill in for settings stored before them', () => {
    expect(DEFAULTS.banner).toBe(true);
    expect(DEFAULTS.exceptions).toEqual([]);
    const { banner, exceptions, ...older } = structuredClone(DEFAULTS);
    const loaded = loadSettings(older).settings;
    expect(loaded.banner).toBe(true);
    expect(loaded.exceptions).toEqual([]);
    expect([banner, exceptions]).toEqual([true, []]);
  });
  it('take a permanent no-banner and validated patterns, and refuse a bad pattern whole', () => {
    const ok = applyPatch(CURRENT, { banner: false, exceptions: ['map.kakao.com', '*.daum.net'] });
    expect(ok.ok && ok.settings.banner).toBe(false);
    expect(ok.ok && ok.settings.exceptions).toEqual(['map.kakao.com', '*.daum.net']);
    expect(applyPatch(CURRENT, { exceptions: ['map.kakao.com', 'not a pattern'] })).toEqual({ ok: false, invalid: ['exceptions'] });
    expect(applyPatch(CURRENT, { banner: 'no' } as unknown as SettingsPatch)).toEqual({ ok: false, invalid: ['banner'] });
  });
});
