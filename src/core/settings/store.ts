import type { KeyValueArea } from '../ports.ts';
import { createSerialQueue } from '../util/serial.ts';
import { DEFAULTS } from './defaults.ts';
import { importSettings, type ImportResult } from './file.ts';
import { applyPatch, isFromNewerVersion, loadSettings, type PatchResult, type Settings, type SettingsPatch } from './index.ts';
import { SETTINGS_BACKUP_KEY, SETTINGS_KEY } from '../storage-keys.ts';

export interface SettingsStore {
  get(): Promise<Settings>;
  update(patch: SettingsPatch): Promise<PatchResult>;
  /** Replaces the settings with a settings file's (checked here again: the page is not trusted); nothing changes on error. */
  importFile(file: unknown): Promise<ImportResult>;
  /** Every setting back to its default. The place cache and health are no settings and stay. */
  reset(): Promise<Settings>;
}

/**
 * Settings over any key-value area. Reads repair corrupt values (keeping a copy of the original);
 * writes are queued so two quick changes from the UI cannot overwrite each other.
 */
export function createSettingsStore(area: KeyValueArea, report: (message: string) => void = () => undefined): SettingsStore {
  const serialized = createSerialQueue();

  async function read(): Promise<Settings> {
    const stored = await area.get(SETTINGS_KEY);
    const { settings, replaced, dropped } = loadSettings(stored);
    if (isFromNewerVersion(stored)) {
      // Written by a newer Detour (synced from another browser): use what this version understands,
      // and leave the stored value alone rather than "repair" it back to an older shape.
      report('settings from a newer Detour: reading the part this version knows');
    } else if (replaced.length > 0) {
      report(`settings repaired from defaults: ${replaced.join(', ')}`);
      await area.set(SETTINGS_BACKUP_KEY, { at: Date.now(), value: stored });
      await area.set(SETTINGS_KEY, settings);
    } else if (dropped.length > 0) {
      report(`settings kept, unknown entries ignored: ${dropped.join(', ')}`);
    }
    return settings;
  }

  return {
    get: () => serialized(read),
    update: (patch) =>
      serialized(async () => {
        const result = applyPatch(await read(), patch);
        if (result.ok) await area.set(SETTINGS_KEY, result.settings);
        return result;
      }),
    importFile: (file) =>
      serialized(async () => {
        const result = importSettings(await read(), file);
        if (result.ok) await area.set(SETTINGS_KEY, result.settings);
        return result;
      }),
    reset: () =>
      serialized(async () => {
        const settings = structuredClone(DEFAULTS);
        await area.set(SETTINGS_KEY, settings);
        return settings;
      }),
  };
}
