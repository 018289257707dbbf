import type { KeyValueArea } from '../ports.ts';
import { utf8Length } from './file.ts';
import { isFromNewerVersion, loadSettings } from './index.ts';
import { SETTINGS_HOME_KEY, SETTINGS_LAST_GOOD_KEY, SETTINGS_LOCAL_BEFORE_SYNC_KEY } from '../storage-keys.ts';

/** Where the settings live: the browser's synced storage (shared with the user's other browsers) or this one alone. */
export type SettingsHome = 'sync' | 'local';

/** storage.sync's limits (the same in Chrome and Firefox). A single write over QUOTA_BYTES_PER_ITEM fails. */
export const SYNC_QUOTA_BYTES = 102_400;
export const SYNC_QUOTA_BYTES_PER_ITEM = 8192;

/*
 * Kept in local storage (src/core/storage-keys.ts): SETTINGS_HOME_KEY, which home the last write
 * reached; SETTINGS_LOCAL_BEFORE_SYNC_KEY, this browser's own settings set aside when the first move
 * to sync found another browser's there; SETTINGS_LAST_GOOD_KEY, this browser's settings as they were
 * before a synced value replaced them, when they were good: a value from another browser that this
 * version cannot judge (a newer Detour's) still never leaves the user without their last good settings.
 */

/**
 * Whether a stored settings value may replace this browser's own: every value valid as it is (or
 * written by a newer Detour, which this one cannot judge). Synced storage is written by every browser
 * the user signs in to, by any extension bug there, and by hand: a value that needs repair must never
 * overwrite the last good settings kept here.
 */
export function isUsableSettings(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  return isFromNewerVersion(value) || loadSettings(value).replaced.length === 0;
}

/** What sync counts against its per-item quota: the key and the value as JSON. */
export function syncItemBytes(key: string, value: unknown): number {
  return utf8Length(key) + utf8Length(JSON.stringify(value) ?? '');
}

export interface SettingsHomeArea extends KeyValueArea {
  /** Where the settings live now. */
  home(): Promise<SettingsHome>;
}

/**
 * The settings key over two areas: storage.sync when it works, so the user's browsers share one set of
 * settings, and storage.local where sync is missing (undefined) or a write to it fails (quota, turned
 * off by policy). Local always holds a copy, so a sync that stops answering loses nothing. Any other
 * key (backups, notes) stays local: only the settings go to sync.
 *
 * - first read after install or update (no home noted): settings found only in local are moved to
 *   sync once; when sync already holds another browser's settings, those win and this browser's own
 *   are kept aside (SETTINGS_LOCAL_BEFORE_SYNC_KEY), not lost;
 * - a failed write to sync falls back to local, and the home becomes local until a later write to
 *   sync succeeds (a quota per minute, for one, passes);
 * - reads follow the home; a sync that throws or lost the value is answered from the local copy;
 * - a synced value is checked before it is copied (`accept`): a corrupt one is never copied over the
 *   local settings, which stay the user's last good ones and are written back to sync in its place.
 */
export function createSettingsHome(options: {
  readonly key: string;
  readonly local: KeyValueArea;
  readonly sync: KeyValueArea | undefined;
  readonly report?: (message: string) => void;
  readonly now?: () => number;
  /** Whether a value read from sync may replace the local one; the settings check by default. */
  readonly accept?: (value: unknown) => boolean;
}): SettingsHomeArea {
  const { key, local, sync, report = () => undefined, now = Date.now, accept = isUsableSettings } = options;
  let noted: SettingsHome | undefined;

  async function notedHome(): Promise<SettingsHome | undefined> {
    if (noted) return noted;
    const stored = await local.get(SETTINGS_HOME_KEY);
    noted = stored === 'sync' || stored === 'local' ? stored : undefined;
    return noted;
  }

  async function note(home: SettingsHome): Promise<void> {
    if (noted === home) return;
    noted = home;
    await local.set(SETTINGS_HOME_KEY, home);
  }

  /** Writes to sync; false (and a report) when sync refuses. */
  async function trySync(value: unknown): Promise<boolean> {
    if (!sync) return false;
    const bytes = syncItemBytes(key, value);
    if (bytes > SYNC_QUOTA_BYTES_PER_ITEM) {
      report(`settings kept in local storage: ${bytes} bytes is over sync's ${SYNC_QUOTA_BYTES_PER_ITEM} per item`);
      return false;
    }
    try {
      await sync.set(key, value);
      return true;
    } catch (error) {
      report(`settings kept in local storage: sync refused the write (${String(error)})`);
      return false;
    }
  }

  async function readSync(): Promise<{ readonly ok: boolean; readonly value: unknown }> {
    try {
      return { ok: true, value: await sync!.get(key) };
    } catch (error) {
      report(`settings read from local storage: sync did not answer (${String(error)})`);
      return { ok: false, value: undefined };
    }
  }

  /** Sync holds something unusable: keep this browser's own settings and put them back in sync. */
  async function refuseSynced(mine: unknown): Promise<unknown> {
    report("settings in sync are corrupt: keeping this browser's last good settings and writing them back");
    if (mine !== undefined && accept(mine)) await note((await trySync(mine)) ? 'sync' : 'local');
    return mine;
  }

  async function firstRead(): Promise<unknown> {
    const [mine, synced] = await Promise.all([local.get(key), readSync()]);
    if (!synced.ok) return mine;
    if (synced.value !== undefined && !accept(synced.value)) return refuseSynced(mine);
    if (synced.value === undefined) {
      // Nothing synced yet: this browser's settings (if any) become the shared ones.
      await note(mine === undefined || (await trySync(mine)) ? 'sync' : 'local');
      return mine;
    }
    if (mine !== undefined && JSON.stringify(mine) !== JSON.stringify(synced.value)) {
      await local.set(SETTINGS_LOCAL_BEFORE_SYNC_KEY, { at: now(), value: mine });
    }
    await local.set(key, synced.value);
    await note('sync');
    return synced.value;
  }

  async function read(): Promise<unknown> {
    if (!sync) return local.get(key);
    const home = await notedHome();
    if (home === undefined) return firstRead();
    if (home === 'local') return local.get(key);
    const [synced, copy] = await Promise.all([readSync(), local.get(key)]);
    // Sync emptied (the user cleared synced data) or unreachable: the local copy answers.
    if (!synced.ok || synced.value === undefined) return copy;
    if (!accept(synced.value)) return refuseSynced(copy);
    // Another browser changed the settings: keep the copy current for the day sync stops answering.
    if (JSON.stringify(copy) !== JSON.stringify(synced.value)) {
      if (copy !== undefined && accept(copy) && !isFromNewerVersion(copy)) await local.set(SETTINGS_LAST_GOOD_KEY, { at: now(), value: copy });
      await local.set(key, synced.value);
    }
    return synced.value;
  }

  return {
    async get(wanted) {
      return wanted === key ? read() : local.get(wanted);
    },
    async set(wanted, value) {
      if (wanted !== key) return local.set(wanted, value);
      // Local first: it always takes the write, so nothing is lost whatever sync does next.
      await local.set(key, value);
      if (sync) await note((await trySync(value)) ? 'sync' : 'local');
    },
    async home() {
      if (!sync) return 'local';
      return (await notedHome()) ?? 'sync';
    },
  };
}
