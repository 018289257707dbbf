import type { Settings } from '../core/settings/index.ts';
import type { SettingsStore } from '../core/settings/store.ts';

export interface CachedSettings extends SettingsStore {
  /** Drops the copy held in memory: the next get() reads storage again (a change from the options page or sync). */
  invalidate(): void;
  /** The settings as last read, without waiting: for a timer that must start in the same turn as its event. */
  peek(): Settings | undefined;
}

/**
 * The background reads its settings once and keeps them in memory. A failed load used to read
 * storage five or six times (rescuer, health, banner, notifications); now the first read is shared
 * and every later one is free until storage says the settings changed.
 */
export function cacheSettings(store: SettingsStore): CachedSettings {
  let pending: Promise<Settings> | undefined;
  let last: Settings | undefined;
  // A read started before an invalidation may finish after it: its value must not be kept.
  let generation = 0;

  function get(): Promise<Settings> {
    if (pending) return pending;
    const started = generation;
    const read = store.get().then(
      (settings) => {
        if (started === generation) last = settings;
        return settings;
      },
      (error: unknown) => {
        // A failed read is not cached: the next caller tries again.
        if (pending === read) pending = undefined;
        throw error;
      },
    );
    pending = read;
    return read;
  }

  function invalidate(): void {
    generation += 1;
    pending = undefined;
  }

  /** A write through this cache makes the cached copy stale at once, whatever storage events follow. */
  async function writing<T>(write: Promise<T>): Promise<T> {
    try {
      return await write;
    } finally {
      invalidate();
    }
  }

  return {
    get,
    invalidate,
    peek: () => last,
    update: (patch) => writing(store.update(patch)),
    importFile: (file) => writing(store.importFile(file)),
    reset: () => writing(store.reset()),
  };
}
