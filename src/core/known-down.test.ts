import { describe, expect, it } from 'vitest';
import { initialHealth, reduceAll } from './health/engine.ts';
import type { HealthEvent } from './health/types.ts';
import { shortCutCause } from './known-down.ts';

const T0 = Date.UTC(2025, 0, 15, 3);
const URL = 'https://map.kakao.com/';
const fail = (at: number): HealthEvent => ({ type: 'main-frame-failure', service: 'kakaomap', cause: { kind: 'refused' }, url: URL, at });
const probe = (at: number, ok: boolean): HealthEvent => ({ type: 'probe', service: 'kakaomap', ok, latencyMs: ok ? 167 : null, at });
const control: HealthEvent = { type: 'control', ok: true, at: T0 };
const state = (events: HealthEvent[]) => reduceAll(initialHealth(T0), [control, ...events]).state;

describe('shortCutCause', () => {
  it('holds for a confirmed outage whose probe fails', () => {
    expect(shortCutCause(state([fail(T0 + 1), fail(T0 + 2), probe(T0 + 3, false)]), 'kakaomap')).toEqual({ kind: 'refused' });
  });

  it('never holds once the service\'s own probe answers, even before recovery is confirmed', () => {
    const s = state([fail(T0 + 1), fail(T0 + 2), probe(T0 + 60_000, true)]);
    expect(s.services.kakaomap).toMatchObject({ status: 'down', confirmed: true, goodStreak: 1 });
    expect(shortCutCause(s, 'kakaomap')).toBeUndefined();
  });

  it('holds again when a real load fails after that answer', () => {
    expect(shortCutCause(state([fail(T0 + 1), fail(T0 + 2), probe(T0 + 60_000, true), fail(T0 + 61_000)]), 'kakaomap')).toEqual({ kind: 'refused' });
  });

  it('never holds on page text, however often it is seen (issue 12, finding 1)', () => {
    const pages: HealthEvent[] = Array.from({ length: 10 }, (_, i) => ({ type: 'error-page', service: 'kakaomap', url: URL, page: 'maintenance', at: T0 + i }));
    expect(shortCutCause(state(pages), 'kakaomap')).toBeUndefined();
    // A stored state from the old build (page text confirmed) is not held against the user either.
    const old = state(pages);
    expect(shortCutCause({ ...old, services: { ...old.services, kakaomap: { ...old.services.kakaomap, confirmed: true } } }, 'kakaomap')).toBeUndefined();
  });
});
