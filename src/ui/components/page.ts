import { DEFAULTS, loadSettings, type Settings } from '../../core/settings/index.ts';
import { useLanguage } from '../../platform/i18n.ts';
import { onLocalChange, readLocal } from '../../platform/storage.ts';
import { prepareDocument } from './i18n.ts';
import { SETTINGS_KEY } from '../../core/storage-keys.ts';

/**
 * What every page does before and while it shows: read the settings straight from storage (no
 * round trip to a background that may be asleep), speak the user's language from the first render,
 * and follow a change made elsewhere (the options page, another window) without a reload.
 */

/** The settings as stored, repaired in memory only (the background repairs storage itself). */
export function settingsFrom(stored: Record<string, unknown>): Settings {
  return loadSettings(stored[SETTINGS_KEY]).settings;
}

export async function storedSettings(): Promise<Settings> {
  try {
    return settingsFrom(await readLocal([SETTINGS_KEY]));
  } catch {
    return structuredClone(DEFAULTS);
  }
}

/** Before the first render: t() in the user's language, the document's lang and title set. */
export async function prepareLanguage(settings: Settings, titleKey: string): Promise<void> {
  await useLanguage(settings.language);
  prepareDocument(titleKey);
}

/**
 * Calls back with the new settings whenever they change, once t() speaks their language; a slower
 * read of an older change never overtakes a newer one.
 */
export function onSettingsChange(titleKey: string, listener: (settings: Settings) => void): void {
  let latest = 0;
  onLocalChange([SETTINGS_KEY], () => {
    const call = ++latest;
    void storedSettings().then(async (settings) => {
      await prepareLanguage(settings, titleKey);
      if (call === latest) listener(settings);
    });
  });
}

/**
 * Marks the first render with data, for the benchmark (and anyone measuring): `data-painted` is
 * 'cached' once rendered from storage, 'fresh' once from the background's answer.
 */
export function markPainted(source: 'cached' | 'fresh'): void {
  if (!document.documentElement.dataset.painted) performance.mark('detour-first-paint');
  document.documentElement.dataset.painted = source;
}
