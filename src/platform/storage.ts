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

/** Several keys of local storage in one write (the browser applies them together). */
export async function writeLocal(items: Record<string, unknown>): Promise<void> {
  await browser.storage.local.set(items);
}

/** Several keys of local storage in one read (a page's first paint needs them all at once). */
export async function readLocal(keys: readonly string[]): Promise<Record<string, unknown>> {
  return browser.storage.local.get([...keys]);
}

/**
 * storage.sync, where the browser has it; undefined where it does not. Without an account signed in
 * (or with sync turned off) both Chrome and Firefox keep it on this machine, so it still works.
 */
export function syncArea(): KeyValueArea | undefined {
  const sync = (browser.storage as { sync?: typeof browser.storage.local }).sync;
  if (!sync) return undefined;
  return {
    async get(key) {
      return (await sync.get(key))[key];
    },
    async set(key, value) {
      await sync.set({ [key]: value });
    },
  };
}

/** Calls back when any of the given keys changes in one of the given storage areas, from any context (or another browser, for sync). */
export function onStorageChange(areas: ReadonlyArray<'local' | 'sync'>, keys: readonly string[], listener: () => void): () => void {
  const handler = (changes: Record<string, unknown>, area: string) => {
    if ((areas as readonly string[]).includes(area) && keys.some((key) => Object.hasOwn(changes, key))) listener();
  };
  browser.storage.onChanged.addListener(handler);
  return () => browser.storage.onChanged.removeListener(handler);
}

/** Calls back when any of the given keys changes in local storage, from any context. */
export function onLocalChange(keys: readonly string[], listener: () => void): () => void {
  return onStorageChange(['local'], keys, listener);
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
