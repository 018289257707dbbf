import type { KeyValueArea } from '../core/ports.ts';
import browser from './browser.ts';

export function localArea(): KeyValueArea {
  return {
    async get(key) {
      const found = await browser.storage.local.get(key);
      return found[key];
    },
    async set(key, value) {
      await browser.storage.local.set({ [key]: value });
    },
  };
}

/** Calls back when any of the given keys changes in local storage, from any context. */
export function onLocalChange(keys: readonly string[], listener: () => void): () => void {
  const handler = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && keys.some((key) => Object.hasOwn(changes, key))) listener();
  };
  browser.storage.onChanged.addListener(handler);
  return () => browser.storage.onChanged.removeListener(handler);
}
