import type { ServiceId } from '../catalog/index.ts';
import type { KeyValueArea } from '../ports.ts';
import { BYPASS_MS } from './redirect.ts';
import { createSerialQueue } from '../util/serial.ts';
import { TAB_PASSES_KEY, TAB_REDIRECTS_KEY } from '../storage-keys.ts';

interface Pass {
  readonly until: number;
  /** A one-time pass ("다시 시도"): lets the next load through, then the usual rescue applies again. */
  readonly once: boolean;
}

const key = (tabId: number, service: ServiceId) => `${tabId}:${service}`;

function records<T>(stored: unknown, valid: (value: unknown) => value is T): Record<string, T> {
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) return {};
  return Object.fromEntries(Object.entries(stored).filter(([name, value]) => /^\d+:[a-z]+$/.test(name) && valid(value))) as Record<string, T>;
}
const isPass = (value: unknown): value is Pass => typeof value === 'object' && value !== null && typeof (value as Pass).until === 'number' && typeof (value as Pass).once === 'boolean';
const isTime = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/**
 * A pass holds from its grant until BYPASS_MS later. Its end alone would not do: with the clock set
 * back a day, "until" lies a day and ten minutes ahead. A pass whose end is further off than a whole
 * pass lasts was granted in a future that never came, and is over.
 */
function current(pass: Pass, at: number): boolean {
  return pass.until >= at && pass.until - at <= BYPASS_MS;
}

/**
 * Per-tab memory of the user's choices and Detour's own moves: "let me through to Kakao" passes and
 * the time of the last automatic redirect. Kept for the browser session only.
 */
export function createTabPasses(area: KeyValueArea, now: () => number) {
  const serialized = createSerialQueue();
  const readPasses = async () => records(await area.get(TAB_PASSES_KEY), isPass);
  const readRedirects = async () => records(await area.get(TAB_REDIRECTS_KEY), isTime);

  return {
    grant: (tabId: number, service: ServiceId, once: boolean) =>
      serialized(async () => {
        const passes = await readPasses();
        passes[key(tabId, service)] = { until: now() + BYPASS_MS, once };
        await area.set(TAB_PASSES_KEY, passes);
      }),
    /** True when the user chose to go through; a one-time pass is used up by asking. */
    use: (tabId: number, service: ServiceId) =>
      serialized(async () => {
        const passes = await readPasses();
        const pass = passes[key(tabId, service)];
        if (!pass || !current(pass, now())) return false;
        if (pass.once) {
          delete passes[key(tabId, service)];
          await area.set(TAB_PASSES_KEY, passes);
        }
        return true;
      }),
    /** True while a lasting pass holds (a one-time pass is not consulted here). */
    holds: async (tabId: number, service: ServiceId) => {
      const pass = (await readPasses())[key(tabId, service)];
      return pass !== undefined && !pass.once && current(pass, now());
    },
    /** Every pass that still holds (one-time or lasting), by tab and service. */
    active: async (): Promise<Array<{ tabId: number; service: ServiceId }>> =>
      Object.entries(await readPasses()).flatMap(([name, pass]) => {
        const [tab, service] = name.split(':');
        return pass.until >= now() ? [{ tabId: Number(tab), service: service as ServiceId }] : [];
      }),
    lastRedirect: async (tabId: number, service: ServiceId) => (await readRedirects())[key(tabId, service)],
    noteRedirect: (tabId: number, service: ServiceId) =>
      serialized(async () => {
        const redirects = await readRedirects();
        redirects[key(tabId, service)] = now();
        await area.set(TAB_REDIRECTS_KEY, redirects);
      }),
  };
}

export type TabPasses = ReturnType<typeof createTabPasses>;
