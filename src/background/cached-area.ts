import type { KeyValueArea } from '../core/ports.ts';

/**
 * A storage area whose values the background alone writes (the session's tab passes, redirects and
 * snoozes), held in memory after their first read: a failed load no longer waits on a storage round
 * trip to learn that no pass holds. Written through, so a restarted worker reads the same values.
 */
export function cachedArea(area: KeyValueArea): KeyValueArea {
  const values = new Map<string, Promise<unknown>>();
  return {
    get(key) {
      let value = values.get(key);
      if (!value) {
        value = area.get(key);
        values.set(key, value);
        // A failed read is not kept: the next one tries storage again.
        value.catch(() => values.delete(key));
      }
      // Copies, as storage gives: a caller that changes what it read changes nothing here.
      return value.then((found) => (found === undefined ? undefined : structuredClone(found)));
    },
    async set(key, value) {
      values.set(key, Promise.resolve(structuredClone(value)));
      await area.set(key, value);
    },
  };
}
