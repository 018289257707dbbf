import { afterAll, beforeAll, beforeEach } from 'vitest';
import { startRig, type BrowserName, type Rig } from './index.ts';
import type { LaunchOptions } from './types.ts';

export interface SuiteOptions extends LaunchOptions {
  /** Bring every service back up before each test (default), so one test's outage does not decide the next. */
  readonly recoverBeforeEach?: boolean;
}

/**
 * One browser and fault server for a describe block: started before its tests, closed after them.
 * Returns a stand-in that forwards to the rig once it exists, so tests read `rig.server`, `rig.browser`.
 */
export function useRig(name: BrowserName, options: SuiteOptions = {}): Rig {
  let current: Rig | undefined;
  beforeAll(async () => {
    current = await startRig(name, options);
  });
  afterAll(async () => {
    await current?.close();
  });
  if (options.recoverBeforeEach !== false) {
    beforeEach(async () => {
      await current?.recover();
    });
  }
  return new Proxy({} as Rig, {
    get(_target, property) {
      if (!current) throw new Error('the rig is used outside its tests (before beforeAll ran)');
      return Reflect.get(current, property);
    },
  });
}
