import { SCHEMA_VERSION, type Settings } from './defaults.ts';
import { migrate } from './migrations.ts';
import { validateSettings } from './validate.ts';

/** The marker that tells a Detour settings file from any other JSON. */
export const SETTINGS_FILE_FORMAT = 'detour-settings';
/** A real settings file is a few KB; anything much larger is not one, and is not read. */
export const SETTINGS_FILE_MAX_BYTES = 64 * 1024;

export interface SettingsFile {
  readonly format: typeof SETTINGS_FILE_FORMAT;
  readonly schemaVersion: number;
  /** When it was made (ISO 8601), for the user's eyes only. */
  readonly exportedAt: string;
  readonly settings: Settings;
}

export type FileProblem =
  | { readonly kind: 'too-large'; readonly maxBytes: number }
  | { readonly kind: 'not-json' }
  | { readonly kind: 'not-detour' }
  | { readonly kind: 'newer'; readonly version: number }
  /** Values Detour cannot use: importing them would mean guessing, so nothing is imported. */
  | { readonly kind: 'invalid'; readonly paths: readonly string[] };

export type ImportResult =
  | {
      readonly ok: true;
      readonly settings: Settings;
      /** Settings whose value the file changed (dotted paths, leaves such as services.kakaomap.mode). */
      readonly changed: readonly string[];
      /** Entries in the file that Detour does not know: not imported. */
      readonly ignored: readonly string[];
      /** Settings the file does not have (it is older than they are): left as they were. */
      readonly kept: readonly string[];
      readonly exportedAt: string | null;
    }
  | { readonly ok: false; readonly problem: FileProblem };

export function toSettingsFile(settings: Settings, now: Date): SettingsFile {
  return { format: SETTINGS_FILE_FORMAT, schemaVersion: SCHEMA_VERSION, exportedAt: now.toISOString(), settings: structuredClone(settings) };
}

/** detour-settings-YYYY-MM-DD.json, by the local calendar date the user sees. */
export function settingsFileName(now: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `detour-settings-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.json`;
}

/** Bytes of a string once encoded as UTF-8 (what a file or a storage quota counts). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}

/** A chosen file's text, before anything else looks at it: too large, or not JSON at all? */
export function parseSettingsFile(text: string, sizeBytes: number = utf8Length(text)): { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly problem: FileProblem } {
  if (sizeBytes > SETTINGS_FILE_MAX_BYTES) return { ok: false, problem: { kind: 'too-large', maxBytes: SETTINGS_FILE_MAX_BYTES } };
  try {
    // A byte-order mark is what some editors put before JSON; it is not part of it.
    return { ok: true, value: JSON.parse(text.replace(/^\uFEFF/, '')) as unknown };
  } catch {
    return { ok: false, problem: { kind: 'not-json' } };
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function valueAt(root: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (isRecord(node) && Object.hasOwn(node, key) ? node[key] : undefined), root);
}

function setAt(root: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  const last = keys.pop()!;
  let node = root;
  for (const key of keys) node = node[key] as Record<string, unknown>;
  node[last] = structuredClone(value);
}

/** Leaf paths (as the validator names them: arrays are leaves) whose values differ. */
export function changedPaths(before: unknown, after: unknown, path = ''): string[] {
  if (isRecord(before) && isRecord(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    return keys.flatMap((key) => changedPaths(before[key], after[key], path ? `${path}.${key}` : key));
  }
  return JSON.stringify(before) === JSON.stringify(after) ? [] : [path];
}

/**
 * Checks a parsed settings file and, when Detour can use it, gives the settings it makes: what the file
 * sets, the current value for what the file does not have, nothing Detour does not know. Any value it
 * cannot use refuses the whole file: a half-imported file is worse than none. Called by the page (to
 * answer at once) and again by the background (which trusts no page).
 */
export function importSettings(current: Settings, file: unknown): ImportResult {
  if (utf8Length(JSON.stringify(file) ?? '') > SETTINGS_FILE_MAX_BYTES) return { ok: false, problem: { kind: 'too-large', maxBytes: SETTINGS_FILE_MAX_BYTES } };
  if (!isRecord(file) || file.format !== SETTINGS_FILE_FORMAT || !isRecord(file.settings)) return { ok: false, problem: { kind: 'not-detour' } };
  const version = file.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) return { ok: false, problem: { kind: 'not-detour' } };
  if (version > SCHEMA_VERSION) return { ok: false, problem: { kind: 'newer', version } };
  // The file's own version decides the migrations, whatever its settings object claims.
  const report = validateSettings(migrate({ ...file.settings, schemaVersion: version }).value);
  if (report.replaced.length > 0) return { ok: false, problem: { kind: 'invalid', paths: report.replaced } };
  const settings = report.settings as unknown as Record<string, unknown>;
  for (const path of report.filled) setAt(settings, path, valueAt(current, path));
  const imported = settings as unknown as Settings;
  return {
    ok: true,
    settings: imported,
    changed: changedPaths(current, imported),
    ignored: report.dropped,
    kept: report.filled,
    exportedAt: typeof file.exportedAt === 'string' ? file.exportedAt.slice(0, 40) : null,
  };
}
