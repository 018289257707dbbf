import { describe, expect, it } from 'vitest';
import { MemoryArea } from '../../../test/support/memory-area.ts';
import { off, on, withAlternatives, withMode } from '../../../test/support/settings.ts';
import type { KeyValueArea } from '../ports.ts';
import { SETTINGS_FILE_FORMAT } from './file.ts';
import { DEFAULTS, SCHEMA_VERSION, type Settings, type SettingsPatch } from './index.ts';
import { createSettingsStore } from './store.ts';
import { SETTINGS_BACKUP_KEY, SETTINGS_KEY } from '../storage-keys.ts';

/** A complete, valid stored value (built from DEFAULTS, so a new setting needs no edit here). */
const VALID: Settings = structuredClone(DEFAULTS);

describe('createSettingsStore', () => {
  it('reads defaults from an empty area without writing', async () => {
    const area = new MemoryArea();
    const reports: string[] = [];
    const store = createSettingsStore(area, (message) => reports.push(message));
    expect(await store.get()).toEqual(DEFAULTS);
    expect(area.writes).toEqual([]);
    expect(reports).toEqual([]);
  });

  it('reads a valid, complete stored value without writing or reporting', async () => {
    const stored = withMode({ ...VALID, enabled: false }, 'kakaomap', 'off');
    const area = new MemoryArea({ [SETTINGS_KEY]: stored });
    const reports: string[] = [];
    expect(await createSettingsStore(area, (message) => reports.push(message)).get()).toEqual(stored);
    expect(area.writes).toEqual([]);
    expect(reports).toEqual([]);
  });

  it('fills absent values silently: no backup, no rewrite, no report', async () => {
    // As stored by the first release, before the other 15 services (and newer settings) existed.
    const stored = { schemaVersion: 1, enabled: false, services: { kakaomap: { mode: 'off' } } };
    const area = new MemoryArea({ [SETTINGS_KEY]: stored });
    const reports: string[] = [];
    const store = createSettingsStore(area, (message) => reports.push(message));
    expect(await store.get()).toEqual(withMode({ ...VALID, enabled: false }, 'kakaomap', 'off'));
    expect(await store.get()).toEqual(withMode({ ...VALID, enabled: false }, 'kakaomap', 'off'));
    expect(area.writes).toEqual([]);
    expect(area.data.has(SETTINGS_BACKUP_KEY)).toBe(false);
    expect(area.data.get(SETTINGS_KEY)).toEqual(stored);
    expect(reports).toEqual([]);
  });

  it('an update to a value with absent entries stores the whole, filled value', async () => {
    const area = new MemoryArea({ [SETTINGS_KEY]: { schemaVersion: 1, enabled: true, services: { kakaomap: { mode: 'off' } } } });
    const store = createSettingsStore(area);
    const result = await store.update({ services: { melon: { mode: 'redirect' } } });
    const expected = withMode(withMode(VALID, 'kakaomap', 'off'), 'melon', 'redirect');
    expect(result).toEqual({ ok: true, settings: expected });
    expect(area.data.get(SETTINGS_KEY)).toEqual(expected);
    expect(area.writes.map(([key]) => key)).toEqual([SETTINGS_KEY]);
  });

  it('repairs a corrupt value, backs the original up and reports it', async () => {
    const corrupt = { ...withMode(VALID, 'kakaomap', 'off'), enabled: 'maybe' };
    const area = new MemoryArea({ [SETTINGS_KEY]: corrupt });
    const reports: string[] = [];
    const store = createSettingsStore(area, (message) => reports.push(message));

    const settings = await store.get();
    expect(settings).toEqual(withMode(VALID, 'kakaomap', 'off'));
    expect(area.data.get(SETTINGS_KEY)).toEqual(settings);
    const backup = area.data.get(SETTINGS_BACKUP_KEY) as { at: unknown; value: unknown };
    expect(backup.value).toEqual(corrupt);
    expect(typeof backup.at).toBe('number');
    expect(reports).toHaveLength(1);
    expect(reports[0]).toContain('enabled');

    // Once repaired, reading again changes nothing.
    const writes = area.writes.length;
    expect(await store.get()).toEqual(settings);
    expect(area.writes).toHaveLength(writes);
  });

  it('backs up and rewrites when a value is both invalid and incomplete, reporting only the invalid part', async () => {
    const corrupt = { schemaVersion: 1, enabled: true, services: { kakaomap: { mode: 'explode' } } };
    const area = new MemoryArea({ [SETTINGS_KEY]: corrupt });
    const reports: string[] = [];
    expect(await createSettingsStore(area, (message) => reports.push(message)).get()).toEqual(VALID);
    expect((area.data.get(SETTINGS_BACKUP_KEY) as { value: unknown }).value).toEqual(corrupt);
    expect(area.data.get(SETTINGS_KEY)).toEqual(VALID);
    expect(reports).toHaveLength(1);
    expect(reports[0]).toContain('services.kakaomap.mode');
    expect(reports[0]).not.toContain('services.melon');
    expect(reports[0]).not.toContain('alternatives');
  });

  it.each([null, 'garbage', 42, true, [1, 2]])('repairs a stored %j and keeps it in the backup', async (corrupt) => {
    const area = new MemoryArea({ [SETTINGS_KEY]: corrupt });
    const reports: string[] = [];
    expect(await createSettingsStore(area, (message) => reports.push(message)).get()).toEqual(DEFAULTS);
    expect((area.data.get(SETTINGS_BACKUP_KEY) as { value: unknown }).value).toEqual(corrupt);
    expect(area.data.get(SETTINGS_KEY)).toEqual(DEFAULTS);
    expect(reports).toHaveLength(1);
  });

  it('reports, but keeps and does not rewrite, a value with only unknown entries', async () => {
    const area = new MemoryArea({ [SETTINGS_KEY]: { ...VALID, future: true } });
    const reports: string[] = [];
    expect(await createSettingsStore(area, (message) => reports.push(message)).get()).toEqual(VALID);
    expect(area.writes).toEqual([]);
    expect(reports).toHaveLength(1);
    expect(reports[0]).toContain('future');
  });

  it('applies an update and stores it', async () => {
    const area = new MemoryArea({ [SETTINGS_KEY]: VALID });
    const store = createSettingsStore(area);
    const result = await store.update({ enabled: false });
    expect(result).toEqual({ ok: true, settings: { ...VALID, enabled: false } });
    expect(area.data.get(SETTINGS_KEY)).toEqual({ ...VALID, enabled: false });
    expect(await store.get()).toEqual({ ...VALID, enabled: false });
  });

  it('serializes concurrent updates so neither is lost', async () => {
    const area = new MemoryArea({ [SETTINGS_KEY]: VALID });
    const store = createSettingsStore(area);
    const [first, second] = await Promise.all([store.update({ enabled: false }), store.update({ services: { kakaomap: { mode: 'off' } } })]);
    expect(first.ok).toBe(true);
    const expected = withMode({ ...VALID, enabled: false }, 'kakaomap', 'off');
    expect(second).toEqual({ ok: true, settings: expected });
    expect(area.data.get(SETTINGS_KEY)).toEqual(expected);
  });

  it('serializes many interleaved updates in call order', async () => {
    const area = new MemoryArea({ [SETTINGS_KEY]: VALID });
    const store = createSettingsStore(area);
    const patches: SettingsPatch[] = [
      { enabled: false },
      { services: { kakaomap: { mode: 'off' } } },
      { enabled: true },
      { services: { kakaomap: { mode: 'redirect' } } },
      { services: { tistory: { mode: 'off' } } },
      { enabled: false },
    ];
    await Promise.all(patches.map((patch) => store.update(patch)));
    expect(area.data.get(SETTINGS_KEY)).toEqual(withMode(withMode({ ...VALID, enabled: false }, 'kakaomap', 'redirect'), 'tistory', 'off'));
  });

  it('writes nothing for a refused patch', async () => {
    const area = new MemoryArea({ [SETTINGS_KEY]: VALID });
    const store = createSettingsStore(area);
    const result = await store.update({ services: { kakaomap: { mode: 'explode' } } } as unknown as SettingsPatch);
    expect(result).toEqual({ ok: false, invalid: ['services.kakaomap.mode'] });
    expect(area.writes).toEqual([]);
    expect(area.data.get(SETTINGS_KEY)).toEqual(VALID);
  });

  it('keeps working after a failing storage call', async () => {
    const area = new MemoryArea({ [SETTINGS_KEY]: VALID });
    let failNext = true;
    const flaky: KeyValueArea = {
      get: (key) => area.get(key),
      set: async (key, value) => {
        if (failNext) {
          failNext = false;
          throw new Error('quota');
        }
        await area.set(key, value);
      },
    };
    const store = createSettingsStore(flaky);
    const failed = store.update({ enabled: false });
    const next = store.update({ services: { kakaomap: { mode: 'off' } } });
    await expect(failed).rejects.toThrow('quota');
    expect(await next).toEqual({ ok: true, settings: withMode(VALID, 'kakaomap', 'off') });
  });

  it('stores a reordered list of alternatives and reads it back', async () => {
    const area = new MemoryArea({ [SETTINGS_KEY]: withMode(VALID, 'kakaomap', 'redirect') });
    const store = createSettingsStore(area);
    const order = [...on('googlemaps', 'navermap'), ...off('tmap')];
    const expected = withAlternatives(withMode(VALID, 'kakaomap', 'redirect'), 'kakaomap', order);
    expect(await store.update({ services: { kakaomap: { alternatives: order } } })).toEqual({ ok: true, settings: expected });
    expect(area.data.get(SETTINGS_KEY)).toEqual(expected);
    expect(await store.get()).toEqual(expected);
    const none = off('navermap', 'tmap', 'googlemaps');
    expect(await store.update({ services: { kakaomap: { alternatives: none } } })).toEqual({ ok: true, settings: withAlternatives(expected, 'kakaomap', none) });
  });

  it.each([
    ['an unknown id', on('bing')],
    ['another service alternative', on('vibe')],
    ['a duplicate', on('tmap', 'tmap')],
    ['the old shape', ['tmap']],
    ['a non-array', 'tmap'],
    ['__proto__', on('__proto__')],
  ])('writes nothing for a list of alternatives with %s', async (_label, alternatives) => {
    const area = new MemoryArea({ [SETTINGS_KEY]: VALID });
    const store = createSettingsStore(area);
    const result = await store.update({ enabled: false, services: { kakaomap: { alternatives } } } as unknown as SettingsPatch);
    expect(result).toEqual({ ok: false, invalid: ['services.kakaomap.alternatives'] });
    expect(area.writes).toEqual([]);
    expect(area.data.get(SETTINGS_KEY)).toEqual(VALID);
  });

  it('repairs a stored bad list of alternatives alone, backing the original up and reporting its path', async () => {
    const corrupt = { ...withMode(VALID, 'kakaomap', 'off'), services: { ...withMode(VALID, 'kakaomap', 'off').services, kakaomap: { mode: 'off', alternatives: on('navermap', 'vibe') } } };
    const area = new MemoryArea({ [SETTINGS_KEY]: corrupt });
    const reports: string[] = [];
    expect(await createSettingsStore(area, (message) => reports.push(message)).get()).toEqual(withMode(VALID, 'kakaomap', 'off'));
    expect((area.data.get(SETTINGS_BACKUP_KEY) as { value: unknown }).value).toEqual(corrupt);
    expect(area.data.get(SETTINGS_KEY)).toEqual(withMode(VALID, 'kakaomap', 'off'));
    expect(reports).toHaveLength(1);
    expect(reports[0]).toContain('services.kakaomap.alternatives');
    expect(reports[0]).not.toContain('services.kakaomap.mode');
  });

  it('reads a v1 value in the new shape without rewriting it (the next change stores v2)', async () => {
    const stored = { schemaVersion: 1, enabled: true, services: { kakaomap: { mode: 'suggest', alternatives: ['tmap'] } } };
    const area = new MemoryArea({ [SETTINGS_KEY]: stored });
    const store = createSettingsStore(area);
    const expected = withAlternatives(VALID, 'kakaomap', [...on('tmap'), ...off('navermap', 'googlemaps')]);
    expect(await store.get()).toEqual(expected);
    expect(area.writes).toEqual([]);
    await store.update({ notifications: false });
    expect(area.data.get(SETTINGS_KEY)).toEqual({ ...expected, notifications: false, schemaVersion: SCHEMA_VERSION });
  });

  it('reads a value from a newer Detour without "repairing" it back to this version', async () => {
    const newer = { ...withMode(VALID, 'melon', 'off'), schemaVersion: SCHEMA_VERSION + 1, theme: 'dark' };
    const area = new MemoryArea({ [SETTINGS_KEY]: newer });
    const reports: string[] = [];
    const store = createSettingsStore(area, (message) => reports.push(message));
    expect(await store.get()).toEqual(withMode(VALID, 'melon', 'off'));
    expect(area.writes).toEqual([]);
    expect(area.data.get(SETTINGS_KEY)).toEqual(newer);
    expect(reports[0]).toContain('newer');
  });
});

describe('createSettingsStore: import and reset', () => {
  const file = (settings: unknown, extra: Record<string, unknown> = {}) => ({
    format: SETTINGS_FILE_FORMAT,
    schemaVersion: SCHEMA_VERSION,
    exportedAt: '2025-01-15T03:00:00.000Z',
    settings,
    ...extra,
  });

  it('imports a good file and stores exactly what it reports', async () => {
    const area = new MemoryArea({ [SETTINGS_KEY]: VALID });
    const store = createSettingsStore(area);
    const wanted = withAlternatives(withMode({ ...VALID, notifications: false }, 'kakaomap', 'redirect'), 'kakaomap', [...on('googlemaps'), ...off('navermap', 'tmap')]);
    const result = await store.importFile(file(wanted));
    expect(result).toMatchObject({ ok: true, settings: wanted });
    expect(area.data.get(SETTINGS_KEY)).toEqual(wanted);
    expect(await store.get()).toEqual(wanted);
  });

  it.each([
    ['a foreign JSON', { name: 'something else' }],
    ['a file from a newer Detour', file(VALID, { schemaVersion: SCHEMA_VERSION + 1 })],
    ['a file with a bad value', file({ ...VALID, hangLimitMs: 5 })],
    ['nothing at all', null],
  ])('writes nothing for %s', async (_label, bad) => {
    const stored = withMode(VALID, 'daum', 'off');
    const area = new MemoryArea({ [SETTINGS_KEY]: stored });
    const store = createSettingsStore(area);
    expect((await store.importFile(bad)).ok).toBe(false);
    expect(area.writes).toEqual([]);
    expect(await store.get()).toEqual(stored);
  });

  it('resets every setting to its default, writing only the settings key', async () => {
    const area = new MemoryArea({
      [SETTINGS_KEY]: withAlternatives({ ...withMode(VALID, 'kakaomap', 'off'), placeCache: false, probes: 'manual' }, 'kakaomap', off('tmap', 'navermap', 'googlemaps')),
      places: { p1: 'kept' },
    });
    const store = createSettingsStore(area);
    expect(await store.reset()).toEqual(DEFAULTS);
    expect(area.data.get(SETTINGS_KEY)).toEqual(DEFAULTS);
    expect(area.writes.map(([key]) => key)).toEqual([SETTINGS_KEY]);
    expect(area.data.get('places')).toEqual({ p1: 'kept' });
    expect(await store.get()).toEqual(DEFAULTS);
  });
});
