import type { HealthState, Summary } from './types.ts';
import { reduce } from './engine.ts';
import { joinFromStorage } from './storage.ts';
import { summarize } from './summary.ts';

export interface HealthView {
  readonly state: HealthState;
  readonly summary: Summary;
}

/** Where the background keeps the health state in extension storage (local area): see storage.ts. */

/**
 * What the popup and the fallback page show, from the two stored values (HEALTH_KEY, HISTORY_KEY):
 * history brought up to `now` in memory, nothing written. The popup computes it straight from storage
 * for its first paint, and the background's answer to 'health/get' is the same computation on the
 * state it holds, so both always agree.
 */
export function healthView(liveStored: unknown, historyStored: unknown, now: number): HealthView {
  const state = reduce(joinFromStorage(liveStored, historyStored, now), { type: 'tick', at: now }).state;
  return { state, summary: summarize(state) };
}
