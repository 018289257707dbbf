import { describe, expect, it } from 'vitest';
import { DEFAULTS, SCHEMA_VERSION, type Settings } from './defaults.ts';
import { SETTINGS_FILE_FORMAT, SETTINGS_FILE_MAX_BYTES, changedPaths, importSettings, parseSettingsFile, settingsFileName, toSettingsFile, utf8Length } from './file.ts';

const CURRENT: Settings = structuredClone(DEFAULTS);
/** Settings unlike the defaults in a few places. */
const CUSTOM: Settings = {
  ...structuredClone(DEFAULTS),
  notifications: false,
  probes: 'auto',
  services: {
    ...structuredClone(DEFAULTS.services),
    kakaomap: {
      mode: 'redirect',
      alternatives: [
        { id: 'googlemaps', enabled: true },
        { id: 'navermap', enabled: false },
        { id: 'tmap', enabled: true },
      ],
    },
  },
};
const fileOf = (settings: unknown, extra: Record<string, unknown> = {}) => ({
  format: SETTINGS_FILE_FORMAT,
  schemaVersion: SCHEMA_VERSION,
  exportedAt: '2025-01-15T03:00:00.000Z',
  settings,
  ...extra,
});

describe('export', () => {
  it('wraps the settings with the format marker, the version and the time', () => {
    const file = toSettingsFile(CUSTOM, new Date(Date.UTC(2025, 0, 15, 3)));
    expect(file).toEqual({ format: 'detour-settings', schemaVersion: SCHEMA_VERSION, exportedAt: '2025-01-15T03:00:00.000Z', settings: CUSTOM });
    expect(file.settings).not.toBe(CUSTOM);
  });

  it('names the file by the local date', () => {
    expect(settingsFileName(new Date(2025, 0, 5, 23, 59))).toBe('detour-settings-2025-01-05.json');
    expect(settingsFileName(new Date(2024, 11, 31, 0, 0))).toBe('detour-settings-2024-12-31.json');
  });

  it('round-trips: an exported file imports to the same settings, changing nothing else', () => {
    const text = JSON.stringify(toSettingsFile(CUSTOM, new Date()), null, 2);
    const parsed = parseSettingsFile(text);
    expect(parsed.ok).toBe(true);
    const result = importSettings(CURRENT, parsed.ok ? parsed.value : null);
    expect(result).toEqual({
      ok: true,
      settings: CUSTOM,
      changed: ['services.kakaomap.mode', 'services.kakaomap.alternatives', 'notifications', 'probes'],
      ignored: [],
      kept: [],
      exportedAt: expect.any(String),
    });
    expect(importSettings(CUSTOM, parsed.ok ? parsed.value : null)).toMatchObject({ ok: true, settings: CUSTOM, changed: [] });
  });

  it('a maximal export stays far below the import limit', () => {
    expect(utf8Length(JSON.stringify(toSettingsFile(CUSTOM, new Date()), null, 2))).toBeLessThan(SETTINGS_FILE_MAX_BYTES / 4);
  });
});

describe('parseSettingsFile', () => {
  it('refuses an oversized file before parsing it', () => {
    const big = JSON.stringify(fileOf(CUSTOM, { padding: 'x'.repeat(SETTINGS_FILE_MAX_BYTES) }));
    expect(parseSettingsFile(big)).toEqual({ ok: false, problem: { kind: 'too-large', maxBytes: SETTINGS_FILE_MAX_BYTES } });
    // The size the browser reports for the file decides, whatever the text.
    expect(parseSettingsFile('{}', SETTINGS_FILE_MAX_BYTES + 1)).toMatchObject({ ok: false, problem: { kind: 'too-large' } });
    expect(parseSettingsFile('{}', SETTINGS_FILE_MAX_BYTES)).toEqual({ ok: true, value: {} });
  });

  it.each(['', 'not json', '{"format":', "{'a':1}", '<html></html>', '\u0000\u0001', 'detour-settings'])('calls %j not JSON', (text) => {
    expect(parseSettingsFile(text)).toEqual({ ok: false, problem: { kind: 'not-json' } });
  });

  it('accepts JSON with a byte-order mark', () => {
    expect(parseSettingsFile('\uFEFF{"a":1}')).toEqual({ ok: true, value: { a: 1 } });
  });
});

describe('importSettings: refusals change nothing', () => {
  it.each([
    ['null', null],
    ['a number', 42],
    ['an array', [fileOf(CUSTOM)]],
    ['a foreign object', { name: 'my bookmarks', items: [] }],
    ['bare settings without the wrapper', CUSTOM],
    ['a wrong format marker', fileOf(CUSTOM, { format: 'dark-reader-settings' })],
    ['a marker in the wrong case', fileOf(CUSTOM, { format: 'Detour-Settings' })],
    ['no settings', fileOf(undefined)],
    ['settings not an object', fileOf('all on')],
    ['settings an array', fileOf([CUSTOM])],
    ['no version', fileOf(CUSTOM, { schemaVersion: undefined })],
    ['a version as a string', fileOf(CUSTOM, { schemaVersion: '2' })],
    ['version zero', fileOf(CUSTOM, { schemaVersion: 0 })],
    ['a fractional version', fileOf(CUSTOM, { schemaVersion: 1.5 })],
  ])('%s: not a Detour settings file', (_label, file) => {
    expect(importSettings(CURRENT, file)).toEqual({ ok: false, problem: { kind: 'not-detour' } });
  });

  it('a file from a newer Detour', () => {
    expect(importSettings(CURRENT, fileOf(CUSTOM, { schemaVersion: SCHEMA_VERSION + 1 }))).toEqual({ ok: false, problem: { kind: 'newer', version: SCHEMA_VERSION + 1 } });
  });

  it('an oversized object (as the background sees a message)', () => {
    expect(importSettings(CURRENT, fileOf(CUSTOM, { padding: 'x'.repeat(SETTINGS_FILE_MAX_BYTES) }))).toMatchObject({ ok: false, problem: { kind: 'too-large' } });
  });

  it.each([
    ['a hang limit out of range', { hangLimitMs: 5 }, ['hangLimitMs']],
    ['a mode Detour does not have', { services: { ...CUSTOM.services, melon: { ...CUSTOM.services.melon, mode: 'loud' } } }, ['services.melon.mode']],
    ['a foreign alternative', { services: { ...CUSTOM.services, kakaomap: { mode: 'off', alternatives: [{ id: 'bing', enabled: true }] } } }, ['services.kakaomap.alternatives']],
    ['services as a list', { services: [] }, ['services']],
    ['two bad values', { enabled: 'yes', probes: 'never' }, ['enabled', 'probes']],
  ])('%s: refused whole, naming what is wrong', (_label, change, paths) => {
    expect(importSettings(CUSTOM, fileOf({ ...CUSTOM, ...change }))).toEqual({ ok: false, problem: { kind: 'invalid', paths } });
  });
});

describe('importSettings: what it applies', () => {
  it('ignores entries Detour does not know, and says so', () => {
    const result = importSettings(CURRENT, fileOf({ ...CUSTOM, theme: 'dark', services: { ...CUSTOM.services, navermap: { mode: 'off' } } }));
    expect(result).toMatchObject({ ok: true, settings: CUSTOM, ignored: ['services.navermap', 'theme'], kept: [] });
  });

  it('leaves settings the file lacks as they are now (not the defaults), and says so', () => {
    const current = { ...structuredClone(CUSTOM), hangLimitMs: 20_000, services: { ...structuredClone(CUSTOM.services), melon: { ...CUSTOM.services.melon, mode: 'off' as const } } };
    const { hangLimitMs: _dropped, ...withoutHang } = structuredClone(CURRENT);
    const services: Record<string, unknown> = structuredClone(CURRENT.services);
    delete services.melon;
    const result = importSettings(current, fileOf({ ...withoutHang, services }));
    expect(result).toMatchObject({ ok: true, kept: ['services.melon', 'hangLimitMs'] });
    if (!result.ok) return;
    expect(result.settings.hangLimitMs).toBe(20_000);
    expect(result.settings.services.melon.mode).toBe('off');
    expect(result.settings.notifications).toBe(true);
    expect(result.changed).toEqual(['services.kakaomap.mode', 'services.kakaomap.alternatives', 'notifications', 'probes']);
  });

  it('migrates a file from an older Detour (v1 lists of alternatives), by the version on the file', () => {
    const v1 = { schemaVersion: 1, enabled: true, services: { kakaomap: { mode: 'suggest', alternatives: ['tmap'] } } };
    const result = importSettings(CURRENT, { format: SETTINGS_FILE_FORMAT, schemaVersion: 1, exportedAt: 'x', settings: { ...v1, schemaVersion: 7 } });
    expect(result).toMatchObject({ ok: true, changed: ['services.kakaomap.alternatives'] });
    if (result.ok) {
      expect(result.settings.services.kakaomap.alternatives).toEqual([
        { id: 'tmap', enabled: true },
        { id: 'navermap', enabled: false },
        { id: 'googlemaps', enabled: false },
      ]);
      expect(result.settings.schemaVersion).toBe(SCHEMA_VERSION);
    }
  });

  it('does not share objects with the file or the current settings', () => {
    const file = fileOf(structuredClone(CUSTOM));
    const current = structuredClone(CURRENT);
    const result = importSettings(current, file);
    expect(current).toEqual(CURRENT);
    if (!result.ok) throw new Error('expected ok');
    (file.settings as Settings).services.kakaomap.alternatives.length = 0;
    expect(result.settings).toEqual(CUSTOM);
  });

  it('does not let __proto__ in a file reach any prototype', () => {
    const text = `{"format":"detour-settings","schemaVersion":${SCHEMA_VERSION},"__proto__":{"polluted":1},"settings":{"__proto__":{"polluted":1},"enabled":false}}`;
    const parsed = parseSettingsFile(text);
    const result = importSettings(CURRENT, parsed.ok ? parsed.value : null);
    expect(result).toMatchObject({ ok: true, ignored: ['__proto__'] });
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('keeps a short exportedAt, or none', () => {
    expect(importSettings(CURRENT, fileOf(CUSTOM))).toMatchObject({ exportedAt: '2025-01-15T03:00:00.000Z' });
    expect(importSettings(CURRENT, fileOf(CUSTOM, { exportedAt: 5 }))).toMatchObject({ exportedAt: null });
    expect(importSettings(CURRENT, fileOf(CUSTOM, { exportedAt: 'y'.repeat(500) }))).toMatchObject({ exportedAt: 'y'.repeat(40) });
  });
});

describe('changedPaths', () => {
  it('names leaves, treating lists as leaves', () => {
    expect(changedPaths({ a: 1, b: { c: [1, 2], d: 'x' } }, { a: 1, b: { c: [2, 1], d: 'x' } })).toEqual(['b.c']);
    expect(changedPaths({ a: 1 }, { a: 1, b: 2 })).toEqual(['b']);
    expect(changedPaths({ a: { b: 1 } }, { a: 5 })).toEqual(['a']);
    expect(changedPaths(DEFAULTS, structuredClone(DEFAULTS))).toEqual([]);
  });
});

describe('utf8Length', () => {
  it.each([
    ['', 0],
    ['abc', 3],
    ['é', 2],
    ['설정', 6],
    ['😀', 4],
  ])('%j is %i bytes', (text, bytes) => {
    expect(utf8Length(text)).toBe(bytes);
  });
});
