import { describe, expect, it } from 'vitest';
import { SERVICE_IDS } from '../catalog/index.ts';
import { initialHealth, reduce } from './engine.ts';
import { RECENT_BUCKET_MS, bucketsOf } from './history.ts';
import { splitForStorage } from './storage.ts';
import { healthView } from './view.ts';

const T0 = Date.UTC(2025, 0, 15, 3);
const M = 60_000;

describe('healthView', () => {
  it('reads nothing stored as the initial state, verdict unknown', () => {
    const view = healthView(undefined, undefined, T0);
    expect(view.state).toEqual(initialHealth(T0));
    expect(view.summary).toEqual({ verdict: 'unknown', down: [], degraded: [] });
  });

  it('brings history up to now without changing what was stored', () => {
    const [id] = SERVICE_IDS;
    const stored = splitForStorage(reduce(initialHealth(T0), { type: 'probe', service: id!, ok: true, latencyMs: 80, at: T0 }).state);
    const frozen = structuredClone(stored);
    const view = healthView(stored.live, stored.history, T0 + 12 * M);
    expect(view.state.accountedUntil).toBe(T0 + 12 * M);
    expect(bucketsOf(view.state.history[id!].recent, RECENT_BUCKET_MS).reduce((sum, bucket) => sum + bucket.up, 0)).toBe(12 * 60);
    expect(view.state.services[id!]).toMatchObject({ status: 'up', latencyMs: 80, lastCheck: T0 });
    expect(view.summary.verdict).toBe('all-up');
    expect(stored).toEqual(frozen);
  });

  it('reads a corrupt stored value as a fresh state rather than failing', () => {
    expect(healthView({ version: 99, services: 'x' }, { version: 99 }, T0).summary.verdict).toBe('unknown');
    expect(healthView('garbage', 'garbage', T0).state.services[SERVICE_IDS[0]!].status).toBe('unknown');
  });
});
