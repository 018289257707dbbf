import type { HealthView } from '../messages.ts';
import { reduce } from './engine.ts';
import { parseHealthState } from './parse-state.ts';
import { summarize } from './summary.ts';

/** Where the background keeps the health state in extension storage (local area). */
export const HEALTH_KEY = 'health';

/**
 * What the popup and the fallback page show, from the stored state: history brought up to `now` in
 * memory, nothing written. The background answers 'health/get' with it, and the popup computes it
 * straight from storage for its first paint, so both always agree.
 */
export function healthView(stored: unknown, now: number): HealthView {
  const state = reduce(parseHealthState(stored, now), { type: 'tick', at: now }).state;
  return { state, summary: summarize(state) };
}
