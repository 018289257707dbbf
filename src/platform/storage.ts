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

/** Several keys of local storage in one read (a page's first paint needs them all at once). */
export async function readLocal(keys: readonly string[]): Promise<Record<string, unknown>> {
  return browser.storage.local.get([...keys]);
}

/** Calls back when any of the given keys changes in local storage, from any context. */
export function onLocalChange(keys: readonly string[], listener: () => void): () => void {
  const handler = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && keys.some((key) => Object.hasOwn(changes, key))) listener();
  };
  browser.storage.onChanged.addListener(handler);
  return () => browser.storage.onChanged.removeListener(handler);
}

/**
 * Storage that lasts as long as the browser session: survives an MV3 worker restart, forgotten when
 * the browser closes. Where storage.session is missing, memory (lost with the worker) stands in.
 */
export function sessionArea(): KeyValueArea {
  const session = (browser.storage as { session?: typeof browser.storage.local }).session;
  if (!session) {
    const memory = new Map<string, unknown>();
    return { get: async (key) => memory.get(key), set: async (key, value) => void memory.set(key, value) };
  }
  return {
    async get(key) {
      return (await session.get(key))[key];
    },
    async set(key, value) {
      await session.set({ [key]: value });
    },
  };
}
