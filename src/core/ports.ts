/**
 * The few capabilities core-driven logic needs from the browser, as plain interfaces. The platform
 * layer implements them with webextension-polyfill; tests pass in-memory versions.
 */
export interface KeyValueArea {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
}
