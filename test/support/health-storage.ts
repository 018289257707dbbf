import { joinFromStorage, splitForStorage } from '../../src/core/health/storage.ts';
import type { HealthState } from '../../src/core/health/types.ts';

/** What a restarted worker reads back: the state split into its two stored values, as JSON, and joined again at `now`. */
export function throughStorage(state: HealthState, now: number): HealthState {
  const { live, history } = splitForStorage(state);
  return joinFromStorage(JSON.parse(JSON.stringify(live)) as unknown, JSON.parse(JSON.stringify(history)) as unknown, now);
}
