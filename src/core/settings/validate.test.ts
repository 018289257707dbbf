import { describe, expect, it } from 'vitest';
import { SERVICES, SERVICE_IDS, type ServiceId } from '../catalog/index.ts';
import { DEFAULTS, SCHEMA_VERSION, type Settings } from './defaults.ts';
import { validateSettings } from './validate.ts';
import { off, on } from '../../../test/support/settings.ts';

/** A valid, non-default value: every other entry is the default, built from DEFAULTS so new settings need no edit here. */
const GOOD: Settings = { ...structuredClone(DEFAULTS), enabled: false, services: { ...structuredClone(DEFAULTS.services), kakaomap: { ...DEFAULTS.services.kakaomap, mode: 'off' } } };

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
      const report = validateSettings(withService(id, { ...DEFAULTS.services[id], mode }));
      expect(report.settings.services[id].mode).toBe(mode);
      expect(report.replaced).toEqual([]);
      expect(report.filled).toEqual([]);
    }
  });

  it.each(['auto', 'ko', 'en'])('keeps the language choice %s', (language) => {
    expect(validateSettings({ ...structuredClone(GOOD), language })).toEqual({ settings: { ...GOOD, language }, replaced: [], dropped: [], filled: [] });
  });

  it("fills an absent language (a value stored before the choice existed) with 'auto', silently", () => {
    expect(DEFAULTS.language).toBe('auto');
    const report = validateSettings(without('language'));
    expect(report).toEqual({ settings: { ...GOOD, language: 'auto' }, replaced: [], dropped: [], filled: ['language'] });
  });

  it('has a services entry for every catalogued service in DEFAULTS', () => {
    expect(Object.keys(DEFAULTS.services).sort()).toEqual([...SERVICE_IDS].sort());
    expect(SERVICE_IDS).toHaveLength(16);
    for (const id of SERVICE_IDS) expect(DEFAULTS.services[id]).toEqual({ mode: 'suggest', alternatives: SERVICES[id].alternatives.map((alt) => ({ id: alt, enabled: true })) });
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
    expect(report.settings).toEqual({ ...GOOD, services: { ...GOOD.services, [id]: structuredClone(DEFAULTS.services[id]) } });
  });

  it('a missing mode inside a present entry is filled', () => {
    const report = validateSettings(withService('melon', { alternatives: structuredClone(DEFAULTS.services.melon.alternatives) }));
    expect(report.filled).toEqual(['services.melon.mode']);
    expect(report.replaced).toEqual([]);
    expect(report.settings).toEqual(GOOD);
  });

  it('an empty entry fills each of its fields, one path each', () => {
    const report = validateSettings(withService('melon', {}));
    expect(report.filled).toEqual(['services.melon.mode', 'services.melon.alternatives']);
    expect(report.replaced).toEqual([]);
    expect(report.dropped).toEqual([]);
    expect(report.settings).toEqual(GOOD);
  });

  it('a value stored by the first release (only kakaomap) keeps its choice and fills the 15 new services', () => {
    // As the first release stored it (but at the current version: migrations are tested apart): no alternatives yet.
    const stored = { schemaVersion: SCHEMA_VERSION, enabled: false, services: { kakaomap: { mode: 'redirect' } } };
    const report = validateSettings(stored);
    expect(report.replaced).toEqual([]);
    expect(report.dropped).toEqual([]);
    expect([...report.filled].sort()).toEqual(
      [
        ...SERVICE_IDS.filter((id) => id !== 'kakaomap').map((id) => `services.${id}`),
        'services.kakaomap.alternatives',
        ...TOP_LEVEL.filter((key) => !['schemaVersion', 'enabled', 'services'].includes(key)),
      ].sort(),
    );
    expect(report.settings).toEqual({ ...structuredClone(DEFAULTS), enabled: false, services: { ...DEFAULTS.services, kakaomap: { ...DEFAULTS.services.kakaomap, mode: 'redirect' } } });
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
  /** The default entry for a service, which replaces a mistyped one whole. */
  const DEFAULT_ENTRY = (id: ServiceId) => structuredClone(DEFAULTS.services[id]);
  it.each([
    ['enabled a string', { ...GOOD, enabled: 'yes' }, ['enabled'], { enabled: true }],
    ['enabled a number', { ...GOOD, enabled: 0 }, ['enabled'], { enabled: true }],
    ['enabled null', { ...GOOD, enabled: null }, ['enabled'], { enabled: true }],
    ['enabled an object', { ...GOOD, enabled: { value: false } }, ['enabled'], { enabled: true }],
    ['schemaVersion wrong', { ...GOOD, schemaVersion: 99 }, ['schemaVersion'], { schemaVersion: SCHEMA_VERSION }],
    ['schemaVersion a string', { ...GOOD, schemaVersion: '1' }, ['schemaVersion'], { schemaVersion: SCHEMA_VERSION }],
    ['schemaVersion null', { ...GOOD, schemaVersion: null }, ['schemaVersion'], { schemaVersion: SCHEMA_VERSION }],
    ['mode unknown', withService('kakaomap', { ...GOOD.services.kakaomap, mode: 'explode' }), ['services.kakaomap.mode'], { services: { ...GOOD.services, kakaomap: DEFAULT_ENTRY('kakaomap') } }],
    ['mode wrong case', withService('kakaomap', { ...GOOD.services.kakaomap, mode: 'OFF' }), ['services.kakaomap.mode'], { services: { ...GOOD.services, kakaomap: DEFAULT_ENTRY('kakaomap') } }],
    ['mode null', withService('kakaomap', { ...GOOD.services.kakaomap, mode: null }), ['services.kakaomap.mode'], { services: { ...GOOD.services, kakaomap: DEFAULT_ENTRY('kakaomap') } }],
    ['mode a number', withService('tistory', { ...GOOD.services.tistory, mode: 1 }), ['services.tistory.mode'], { services: { ...GOOD.services, tistory: DEFAULT_ENTRY('tistory') } }],
    ['service entry a string', withService('kakaomap', 'off'), ['services.kakaomap'], { services: { ...GOOD.services, kakaomap: DEFAULT_ENTRY('kakaomap') } }],
    ['service entry an array', withService('kakaomap', ['off']), ['services.kakaomap'], { services: { ...GOOD.services, kakaomap: DEFAULT_ENTRY('kakaomap') } }],
    ['service entry null', withService('daum', null), ['services.daum'], { services: { ...GOOD.services, daum: DEFAULT_ENTRY('daum') } }],
    ['services a number', { ...GOOD, services: 5 }, ['services'], { services: DEFAULTS.services }],
    ['services null', { ...GOOD, services: null }, ['services'], { services: DEFAULTS.services }],
    ['services an array', { ...GOOD, services: [{ mode: 'off' }] }, ['services'], { services: DEFAULTS.services }],
    ['language unknown', { ...GOOD, language: 'ja' }, ['language'], { language: 'auto' }],
    ['language wrong case', { ...GOOD, language: 'EN' }, ['language'], { language: 'auto' }],
    ['language null', { ...GOOD, language: null }, ['language'], { language: 'auto' }],
  ])('replaces only the bad value: %s', (_label, input, replaced, fix) => {
    const report = validateSettings(input);
    expect(report.replaced).toEqual(replaced);
    expect(report.dropped).toEqual([]);
    // A mistyped subtree is one replacement: nothing under it is also reported as filled.
    expect(report.filled).toEqual([]);
    expect(report.settings).toEqual({ ...GOOD, ...fix });
  });

  it('reports several bad values at once, each by its path, and absent ones apart', () => {
    const report = validateSettings({ schemaVersion: SCHEMA_VERSION, enabled: 'no', services: { ...structuredClone(DEFAULTS.services), kakaomap: { mode: 7 }, melon: undefined } });
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
    const input = { ...withService('kakaomap', { ...GOOD.services.kakaomap, order: ['navermap'] }), theme: 'dark' };
    (input.services as Record<string, unknown>).navermap = { mode: 'off' };
    const report = validateSettings(input);
    expect(report.replaced).toEqual([]);
    expect(report.filled).toEqual([]);
    expect([...report.dropped].sort()).toEqual(['services.kakaomap.order', 'services.navermap', 'theme']);
    expect(report.settings).toEqual(GOOD);
  });

  it('does not let __proto__ keys pollute Object.prototype or the result', () => {
    const input: unknown = JSON.parse(
      `{"schemaVersion":${SCHEMA_VERSION},"enabled":true,"__proto__":{"polluted":"yes","enabled":false},"services":{"__proto__":{"polluted":"yes"},"kakaomap":{"mode":"off","__proto__":{"polluted":"yes"}}}}`,
    );
    const report = validateSettings(input);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(report.settings).toEqual({ ...structuredClone(DEFAULTS), services: { ...DEFAULTS.services, kakaomap: { ...DEFAULTS.services.kakaomap, mode: 'off' } } });
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

/** The choices for these ids, each on (or off). */

describe('validateSettings: services.<id>.alternatives', () => {
  /** GOOD with kakaomap's alternatives set to `alternatives` (its mode stays 'off'). */
  const withKakaomapAlternatives = (alternatives: unknown) => withService('kakaomap', { ...structuredClone(GOOD.services.kakaomap), alternatives });
  const kakaomapOf = (alternatives: unknown) => ({ ...GOOD, services: { ...GOOD.services, kakaomap: { mode: 'off', alternatives } } });

  it('GOOD and DEFAULTS hold kakaomap catalogue order, all on', () => {
    // The cases below rely on it.
    expect(DEFAULTS.services.kakaomap.alternatives).toEqual(on('navermap', 'tmap', 'googlemaps'));
    expect(GOOD.services.kakaomap).toEqual({ mode: 'off', alternatives: on('navermap', 'tmap', 'googlemaps') });
  });

  it.each([
    ['the catalogue order', on('navermap', 'tmap', 'googlemaps')],
    ['a reordered list', on('googlemaps', 'navermap', 'tmap')],
    ['another reordering', on('tmap', 'googlemaps', 'navermap')],
    ['one turned off, keeping its place', [...on('googlemaps'), ...off('navermap'), ...on('tmap')]],
    ['every alternative turned off', off('tmap', 'navermap', 'googlemaps')],
  ])('keeps %s', (_label, alternatives) => {
    const report = validateSettings(withKakaomapAlternatives(structuredClone(alternatives)));
    expect(report).toEqual({ settings: kakaomapOf(alternatives), replaced: [], dropped: [], filled: [] });
  });

  it.each([
    ['a subset of two', on('googlemaps', 'tmap'), [...on('googlemaps', 'tmap'), ...on('navermap')]],
    ['a subset of one, off', off('tmap'), [...off('tmap'), ...on('navermap', 'googlemaps')]],
    ['the empty list', [], on('navermap', 'tmap', 'googlemaps')],
  ])('completes %s with the missing catalogued alternatives, on, after the user order', (_label, alternatives, expected) => {
    const report = validateSettings(withKakaomapAlternatives(structuredClone(alternatives)));
    expect(report).toEqual({ settings: kakaomapOf(expected), replaced: [], dropped: [], filled: [] });
  });

  it.each(SERVICE_IDS)('keeps a reversed list, with the first one turned off, for %s', (id) => {
    const own = [...SERVICES[id].alternatives].reverse() as string[];
    const alternatives = [...off(own[0]!), ...on(...own.slice(1))];
    const report = validateSettings(withService(id, { mode: 'redirect', alternatives: structuredClone(alternatives) }));
    expect(report.replaced).toEqual([]);
    expect(report.filled).toEqual([]);
    expect(report.dropped).toEqual([]);
    expect(report.settings.services[id]).toEqual({ mode: 'redirect', alternatives });
  });

  it.each([
    ['an unknown id', [...on('navermap'), { id: 'bing', enabled: true }]],
    ['another service alternative (vibe is Melon)', on('vibe')],
    ['another service alternative among its own', on('navermap', 'tmap', 'ut')],
    ['a duplicate', on('navermap', 'navermap')],
    ['a duplicate with a different flag', [...on('navermap'), ...off('navermap')]],
    ['a host instead of an id', on('map.naver.com')],
    ['an id in the wrong case', on('NaverMap')],
    ['an empty id', on('')],
    ['a missing enabled flag', [{ id: 'navermap' }]],
    ['a string flag', [{ id: 'navermap', enabled: 'true' }]],
    ['a number flag', [{ id: 'navermap', enabled: 1 }]],
    ['an unknown field in an entry', [{ id: 'navermap', enabled: true, weight: 3 }]],
    ['a bare id (the v1 shape, unmigrated)', ['navermap']],
    ['a string, not an array', 'navermap'],
    ['a number', 3],
    ['true', true],
    ['null', null],
    ['an object', { 0: { id: 'navermap', enabled: true } }],
    ['an array with null', [...on('navermap'), null]],
    ['a nested array', [on('navermap')]],
    ['__proto__', on('__proto__')],
    ['constructor', on('constructor')],
    ['toString', on('toString')],
  ])('replaces %s with the default and reports services.kakaomap.alternatives', (_label, alternatives) => {
    const report = validateSettings(withKakaomapAlternatives(alternatives));
    expect(report.replaced).toEqual(['services.kakaomap.alternatives']);
    expect(report.dropped).toEqual([]);
    expect(report.filled).toEqual([]);
    // Only the bad value is replaced: the entry's good mode is kept.
    expect(report.settings).toEqual(kakaomapOf(DEFAULTS.services.kakaomap.alternatives));
    expect(report.settings.services.kakaomap.alternatives).not.toBe(DEFAULTS.services.kakaomap.alternatives);
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('replaces a list from JSON holding __proto__ entries without polluting anything', () => {
    const input: unknown = JSON.parse(
      `{"schemaVersion":${SCHEMA_VERSION},"enabled":false,"services":{"kakaomap":{"mode":"off","alternatives":[{"id":"navermap","enabled":true,"__proto__":{"polluted":"yes"}}]}}}`,
    );
    const report = validateSettings(input);
    expect(report.replaced).toEqual(['services.kakaomap.alternatives']);
    expect(report.settings.services.kakaomap).toEqual({ mode: 'off', alternatives: on('navermap', 'tmap', 'googlemaps') });
    expect(Object.getPrototypeOf(report.settings.services.kakaomap.alternatives)).toBe(Array.prototype);
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it.each(SERVICE_IDS)('replaces a list for %s holding an alternative catalogued only for other services', (id) => {
    const own = new Set<string>(SERVICES[id].alternatives);
    const foreign = [...new Set(SERVICE_IDS.flatMap((other) => [...SERVICES[other].alternatives] as string[]))].filter((alt) => !own.has(alt));
    expect(foreign.length).toBeGreaterThan(0);
    for (const alt of foreign) {
      const report = validateSettings(withService(id, { mode: 'redirect', alternatives: on(alt) }));
      expect(report.replaced).toEqual([`services.${id}.alternatives`]);
      expect(report.settings.services[id]).toEqual({ mode: 'redirect', alternatives: on(...SERVICES[id].alternatives) });
    }
  });

  it.each(SERVICE_IDS)('replaces a list for %s naming its first alternative twice', (id) => {
    const first = SERVICES[id].alternatives[0];
    const report = validateSettings(withService(id, { mode: 'off', alternatives: [...on(first), ...off(first)] }));
    expect(report.replaced).toEqual([`services.${id}.alternatives`]);
    expect(report.settings.services[id]).toEqual({ mode: 'off', alternatives: on(...SERVICES[id].alternatives) });
  });

  it('reports a bad mode and a bad list in one entry, each by its path', () => {
    const report = validateSettings(withService('melon', { mode: 'loud', alternatives: on('vibe', 'spotify') }));
    expect(report.replaced).toEqual(['services.melon.mode', 'services.melon.alternatives']);
    expect(report.filled).toEqual([]);
    expect(report.settings.services.melon).toEqual(DEFAULTS.services.melon);
  });

  it.each([
    ['absent', { mode: 'redirect' }],
    ['explicitly undefined', { mode: 'redirect', alternatives: undefined }],
  ])('fills an %s list silently with the catalogue order, keeping the mode', (_label, entry) => {
    const report = validateSettings(withService('kakaomap', entry));
    expect(report.filled).toEqual(['services.kakaomap.alternatives']);
    expect(report.replaced).toEqual([]);
    expect(report.dropped).toEqual([]);
    expect(report.settings.services.kakaomap).toEqual({ mode: 'redirect', alternatives: on('navermap', 'tmap', 'googlemaps') });
    expect(report.settings.services.kakaomap.alternatives).not.toBe(DEFAULTS.services.kakaomap.alternatives);
  });

  it('returns copies of the lists: neither the input, DEFAULTS nor the catalogue is shared', () => {
    const input = withKakaomapAlternatives([...on('tmap', 'navermap'), ...off('googlemaps')]);
    const { settings } = validateSettings(input);
    expect(settings.services.kakaomap.alternatives).toEqual([...on('tmap', 'navermap'), ...off('googlemaps')]);
    expect(settings.services.kakaomap.alternatives).not.toBe(input.services.kakaomap.alternatives);
    (input.services.kakaomap.alternatives as unknown as Array<{ enabled: boolean }>)[0]!.enabled = false;
    (input.services.kakaomap.alternatives as unknown[]).pop();
    expect(settings.services.kakaomap.alternatives).toEqual([...on('tmap', 'navermap'), ...off('googlemaps')]);

    const filled = validateSettings({}).settings;
    expect(filled.services.kakaomap.alternatives).not.toBe(DEFAULTS.services.kakaomap.alternatives);
    filled.services.kakaomap.alternatives.reverse();
    filled.services.melon.alternatives.length = 0;
    expect(DEFAULTS.services.kakaomap.alternatives).toEqual(on('navermap', 'tmap', 'googlemaps'));
    expect(DEFAULTS.services.melon.alternatives).toEqual(on(...SERVICES.melon.alternatives));
    expect(SERVICES.kakaomap.alternatives).toEqual(['navermap', 'tmap', 'googlemaps']);
  });
});

describe('validateSettings: probes', () => {
  it.each(['auto', 'after-failure', 'manual'])('keeps %s', (probes) => {
    expect(validateSettings({ ...structuredClone(GOOD), probes })).toEqual({ settings: { ...GOOD, probes }, replaced: [], dropped: [], filled: [] });
  });

  it.each(['never', '', 'AUTO', 0, true, null, ['auto']])('replaces %j with the default', (probes) => {
    const report = validateSettings({ ...structuredClone(GOOD), probes });
    expect(report.replaced).toEqual(['probes']);
    expect(report.settings.probes).toBe(DEFAULTS.probes);
  });
});
