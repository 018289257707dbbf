import { describe, expect, it } from 'vitest';
import type { KeyValueArea } from '../ports.ts';
import type { ServiceId } from '../catalog/index.ts';
import { DEFAULTS, type ServiceMode, type Settings, type SettingsPatch } from './index.ts';
import { SETTINGS_BACKUP_KEY, SETTINGS_KEY, createSettingsStore } from './store.ts';

/** In-memory storage that, like the real one, answers asynchronously and stores copies. */
class MemoryArea implements KeyValueArea {
  readonly data = new Map<string, unknown>();
  readonly writes: Array<readonly [string, unknown]> = [];

  constructor(initial: Record<string, unknown> = {}) {
    for (const [key, value] of Object.entries(initial)) this.data.set(key, structuredClone(value));
  }

  async get(key: string): Promise<unknown> {
    await new Promise((resolve) => setTimeout(resolve, 1));
    const value = this.data.get(key);
    return value === undefined ? undefined : structuredClone(value);
  }

  async set(key: string, value: unknown): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, 1));
    this.writes.push([key, structuredClone(value)]);
    this.data.set(key, structuredClone(value));
  }
}

/** A complete, valid stored value (built from DEFAULTS, so a new setting needs no edit here). */
const VALID: Settings = structuredClone(DEFAULTS);
/** `base` with one service's mode changed (its other fields kept). */
const withMode = (base: Settings, id: ServiceId, mode: ServiceMode): Settings => ({ ...structuredClone(base), services: { ...structuredClone(base.services), [id]: { ...structuredClone(base.services[id]), mode } } });
/** `base` with one service's alternatives changed (its other fields kept). */
const withAlternatives = (base: Settings, id: ServiceId, alternatives: string[]): Settings => ({
  ...structuredClone(base),
  services: { ...structuredClone(base.services), [id]: { ...structuredClone(base.services[id]), alternatives: [...alternatives] } },
});

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
    const expected = withAlternatives(withMode(VALID, 'kakaomap', 'redirect'), 'kakaomap', ['googlemaps', 'navermap']);
    expect(await store.update({ services: { kakaomap: { alternatives: ['googlemaps', 'navermap'] } } })).toEqual({ ok: true, settings: expected });
    expect(area.data.get(SETTINGS_KEY)).toEqual(expected);
    expect(await store.get()).toEqual(expected);
    expect(await store.update({ services: { kakaomap: { alternatives: [] } } })).toEqual({ ok: true, settings: withAlternatives(expected, 'kakaomap', []) });
  });

  it.each([
    ['an unknown id', ['bing']],
    ['another service alternative', ['vibe']],
    ['a duplicate', ['tmap', 'tmap']],
    ['a non-array', 'tmap'],
    ['__proto__', ['__proto__']],
  ])('writes nothing for a list of alternatives with %s', async (_label, alternatives) => {
    const area = new MemoryArea({ [SETTINGS_KEY]: VALID });
    const store = createSettingsStore(area);
    const result = await store.update({ enabled: false, services: { kakaomap: { alternatives } } } as unknown as SettingsPatch);
    expect(result).toEqual({ ok: false, invalid: ['services.kakaomap.alternatives'] });
    expect(area.writes).toEqual([]);
    expect(area.data.get(SETTINGS_KEY)).toEqual(VALID);
  });

  it('repairs a stored bad list of alternatives alone, backing the original up and reporting its path', async () => {
    const corrupt = { ...withMode(VALID, 'kakaomap', 'off'), services: { ...withMode(VALID, 'kakaomap', 'off').services, kakaomap: { mode: 'off', alternatives: ['navermap', 'vibe'] } } };
    const area = new MemoryArea({ [SETTINGS_KEY]: corrupt });
    const reports: string[] = [];
    expect(await createSettingsStore(area, (message) => reports.push(message)).get()).toEqual(withMode(VALID, 'kakaomap', 'off'));
    expect((area.data.get(SETTINGS_BACKUP_KEY) as { value: unknown }).value).toEqual(corrupt);
    expect(area.data.get(SETTINGS_KEY)).toEqual(withMode(VALID, 'kakaomap', 'off'));
    expect(reports).toHaveLength(1);
    expect(reports[0]).toContain('services.kakaomap.alternatives');
    expect(reports[0]).not.toContain('services.kakaomap.mode');
  });
});
