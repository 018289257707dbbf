import { SERVICES, SERVICE_IDS, type ServiceId } from '../../core/catalog/index.ts';
import type { HealthState } from '../../core/health/types.ts';
import { knownDownRules, type KeepInAction, type KnownDownRule } from '../../core/rescue/known-down.ts';
import { createSerialQueue } from '../../core/util/serial.ts';
import type { Settings } from '../../core/settings/index.ts';

export interface KnownDownSyncDeps {
  readonly state: () => Promise<HealthState>;
  readonly settings: () => Promise<Settings>;
  readonly passes: () => Promise<ReadonlyArray<{ tabId: number; service: ServiceId }>>;
  readonly apply: (rules: readonly KnownDownRule[]) => Promise<void>;
  /** How this browser keeps a navigation in (src/platform/blocked-navigation.ts). */
  readonly keepIn: KeepInAction;
}

/**
 * Keeps the browser's session rules equal to what the known-down short-cut calls for now (see
 * knownDownRules). Called after every change that could alter them; applies only a real change.
 */
export function createKnownDownSync(deps: KnownDownSyncDeps) {
  const serialized = createSerialQueue();
  let applied: string | undefined;
  return () =>
    serialized(async () => {
      const [state, settings, passes] = await Promise.all([deps.state(), deps.settings(), deps.passes()]);
      const rules = knownDownRules({
        state,
        enabled: settings.enabled,
        modeOf: (service) => settings.services[service].mode,
        hostsOf: (service) => SERVICES[service].hosts,
        services: SERVICE_IDS,
        passes,
        exceptions: settings.exceptions,
        keepIn: deps.keepIn,
      });
      const key = JSON.stringify(rules);
      if (key === applied) return;
      await deps.apply(rules);
      applied = key;
    });
}
