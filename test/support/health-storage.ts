import { initialHealth, reduceAll } from '../../src/core/health/engine.ts';
import { joinFromStorage, splitForStorage } from '../../src/core/health/storage.ts';
import type { HealthEvent, HealthState } from '../../src/core/health/types.ts';

/** What a restarted worker reads back: the state split into its two stored values, as JSON, and joined again at `now`. */
export function throughStorage(state: HealthState, now: number): HealthState {
  const { live, history } = splitForStorage(state);
  return joinFromStorage(JSON.parse(JSON.stringify(live)) as unknown, JSON.parse(JSON.stringify(history)) as unknown, now);
}

/** A lived-in state from `t0` on: an outage of kakaomap confirmed and notified, history, probes, daum's sub-resources, network known. */
export function livedInHealth(t0: number): HealthState {
  const events: HealthEvent[] = [
    { type: 'control', ok: true, at: t0 },
    { type: 'main-frame-ok', service: 'daum', url: 'https://www.daum.net/', at: t0 + 1000 },
    { type: 'subresource', service: 'daum', ok: false, at: t0 + 2000 },
    { type: 'subresource', service: 'daum', ok: true, at: t0 + 2500 },
    { type: 'main-frame-failure', service: 'kakaomap', cause: { kind: 'http', status: 503 }, url: 'https://map.kakao.com/', at: t0 + 600_000 },
    { type: 'probe', service: 'kakaomap', ok: false, latencyMs: null, at: t0 + 601_000 },
    { type: 'probe', service: 'kakaomap', ok: true, latencyMs: 88, at: t0 + 700_000 },
    { type: 'hang', service: 'melon', url: 'https://www.melon.com/', waitedMs: 8000, at: t0 + 800_000 },
    { type: 'tick', at: t0 + 900_000 },
  ];
  return reduceAll(initialHealth(t0), events).state;
}
