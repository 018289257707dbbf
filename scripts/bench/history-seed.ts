// Thirty days of history, made by Detour's own reducer (src/core/health/engine.ts): every service
// probed healthy once an hour and time accounted every five minutes, from 30 days ago to now, so the
// stored state holds what a month of use leaves: 288 five-minute and 30 daily buckets per service.
import { SERVICE_IDS } from '../../src/core/catalog/index.ts';
import { initialHealth, reduce } from '../../src/core/health/engine.ts';
import { DAY_MS, RECENT_BUCKET_MS } from '../../src/core/health/history.ts';
import type { HealthEvent, HealthState } from '../../src/core/health/types.ts';

export function thirtyDaysOfHistory(now: number): HealthState {
  const start = now - 30 * DAY_MS;
  let state = initialHealth(start);
  const step = (event: HealthEvent) => {
    state = reduce(state, event).state;
  };
  for (let at = start; at <= now; at += RECENT_BUCKET_MS) {
    if ((at - start) % (60 * 60_000) === 0) {
      step({ type: 'control', ok: true, at });
      for (const service of SERVICE_IDS) step({ type: 'probe', service, ok: true, latencyMs: 40 + ((at / RECENT_BUCKET_MS) % 30), at });
    } else {
      step({ type: 'tick', at });
    }
  }
  step({ type: 'tick', at: now });
  return state;
}
