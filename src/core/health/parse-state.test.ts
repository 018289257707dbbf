import { describe, expect, it } from 'vitest';
import { SERVICE_IDS, type ServiceId } from '../catalog/index.ts';
import { initialHealth } from './engine.ts';
import { RECENT_BUCKETS, RECENT_BUCKET_MS, bucketsOf } from './history.ts';
import { parseHealthState } from './parse-state.ts';
import type { HealthState } from './types.ts';
import { livedInHealth } from '../../../test/support/health-storage.ts';

const T0 = Date.UTC(2025, 0, 15, 3);
const NOW = T0 + 3600_000;
const S: ServiceId = 'kakaomap';
const OTHER: ServiceId = 'daum';

/** A lived-in state: an outage confirmed and notified, history, probes, sub-resources, network known. */
const livedIn = () => livedInHealth(T0);

const roundTrip = (state: HealthState) => JSON.parse(JSON.stringify(state)) as Record<string, unknown>;

describe('parseHealthState', () => {
  it('reads back exactly what was stored', () => {
    const state = livedIn();
    expect(state.services[S]).toMatchObject({ status: 'down', confirmed: true, goodStreak: 1 });
    expect(state.history[OTHER].recent.length).toBeGreaterThan(0);
    expect(parseHealthState(roundTrip(state), NOW)).toStrictEqual(state);
  });

  it.each([
    ['undefined', undefined],
    ['null', null],
    ['a string', 'state'],
    ['an array', []],
    ['an empty object', {}],
    ['another version', { ...roundTrip(initialHealth(T0)), version: 2 }],
    ['a version as a string', { ...roundTrip(initialHealth(T0)), version: '1' }],
  ])('starts over from %s', (_name, stored) => {
    expect(parseHealthState(stored, NOW)).toStrictEqual(initialHealth(NOW));
  });

  const corruptions: ReadonlyArray<readonly [string, (service: Record<string, unknown>) => unknown]> = [
    ['not an object', () => 'down'],
    ['an unknown status', (s) => ({ ...s, status: 'exploded' })],
    ['a confirmed "up"', (s) => ({ ...s, status: 'up', confirmed: true })],
    ['a string time', (s) => ({ ...s, since: '2025-01-15' })],
    ['a null since', (s) => ({ ...s, since: null })],
    ['a negative streak', (s) => ({ ...s, goodStreak: -1 })],
    ['a fractional streak', (s) => ({ ...s, goodStreak: 0.5 })],
    ['failures not numbers', (s) => ({ ...s, recentFailures: ['x'] })],
    ['a bad sub-resource sample', (s) => ({ ...s, subresources: [[1, 'ok']] })],
    ['a sub-resource sample too short', (s) => ({ ...s, subresources: [[1]] })],
    ['an unknown evidence kind', (s) => ({ ...s, evidence: { kind: 'rumour' } })],
    ['evidence with a 404 cause', (s) => ({ ...s, evidence: { kind: 'main-frame', cause: { kind: 'http', status: 404 }, url: 'https://map.kakao.com/' } })],
    ['evidence with an unknown cause', (s) => ({ ...s, evidence: { kind: 'main-frame', cause: { kind: 'gremlins' }, url: 'https://map.kakao.com/' } })],
    ['a missing field', (s) => ({ ...s, confirmed: undefined })],
  ];

  it.each(corruptions)('drops a service with %s back to unknown, keeping the others', (_name, corrupt) => {
    const state = livedIn();
    const stored = roundTrip(state);
    const services = stored.services as Record<string, Record<string, unknown>>;
    services[S] = corrupt(services[S]!) as Record<string, unknown>;
    const parsed = parseHealthState(stored, NOW);
    expect(parsed.services[S]).toStrictEqual(initialHealth(NOW).services[S]);
    expect(parsed.services.melon).toStrictEqual(state.services.melon);
    expect(parsed.services[OTHER]).toStrictEqual(state.services[OTHER]);
    expect(parsed.history[S]).toStrictEqual(state.history[S]);
    expect(parsed.notified).toEqual(state.notified);
  });

  it.each([
    ['not an object', () => 7],
    ['a negative second count', (h: { recent: Array<Record<string, number>> }) => ({ ...h, recent: [{ ...h.recent[0]!, up: -5 }] })],
    ['more seconds than the bucket holds', (h: { recent: Array<Record<string, number>> }) => ({ ...h, recent: [{ ...h.recent[0]!, up: 301 }] })],
    ['a misaligned start', (h: { recent: Array<Record<string, number>> }) => ({ ...h, recent: [{ ...h.recent[0]!, start: h.recent[0]!.start! + 1 }] })],
    ['buckets out of order', (h: { recent: Array<Record<string, number>> }) => ({ ...h, recent: [...h.recent].reverse().concat(h.recent) })],
  ])('drops a history that is %s, keeping the service', (_name, corrupt) => {
    const state = livedIn();
    const stored = roundTrip(state);
    const history = stored.history as Record<string, unknown>;
    history[OTHER] = corrupt(history[OTHER] as never);
    const parsed = parseHealthState(stored, NOW);
    expect(parsed.history[OTHER]).toStrictEqual({ recent: [], daily: [] });
    expect(parsed.services[OTHER]).toStrictEqual(state.services[OTHER]);
  });

  it('caps an overlong history and sample list', () => {
    const stored = roundTrip(initialHealth(T0));
    const recent = Array.from({ length: RECENT_BUCKETS + 10 }, (_, i) => ({ start: i * RECENT_BUCKET_MS, up: 300, degraded: 0, down: 0 }));
    (stored.history as Record<string, unknown>)[S] = { recent, daily: [] };
    const services = stored.services as Record<string, Record<string, unknown>>;
    services[S] = { ...services[S], subresources: Array.from({ length: 500 }, (_, i) => [i, true]), recentFailures: [5, 1, 3, 4] };
    const parsed = parseHealthState(stored, NOW);
    expect(bucketsOf(parsed.history[S].recent, RECENT_BUCKET_MS)).toHaveLength(RECENT_BUCKETS);
    expect(parsed.history[S].recent[0]!.start).toBe(10 * RECENT_BUCKET_MS);
    expect(parsed.services[S].subresources).toHaveLength(200);
    expect(parsed.services[S].recentFailures).toEqual([4, 5]);
  });

  it('adds services new to the catalogue and drops removed ones', () => {
    const stored = roundTrip(livedIn());
    delete (stored.services as Record<string, unknown>)[OTHER];
    delete (stored.history as Record<string, unknown>)[OTHER];
    (stored.services as Record<string, unknown>).cyworld = { status: 'down' };
    (stored.notified as Record<string, unknown>).cyworld = 'down';
    const parsed = parseHealthState(stored, NOW);
    expect(Object.keys(parsed.services)).toEqual(SERVICE_IDS);
    expect(Object.keys(parsed.history)).toEqual(SERVICE_IDS);
    expect(parsed.services[OTHER]).toStrictEqual(initialHealth(NOW).services[OTHER]);
    expect(parsed.notified).toEqual({ [S]: 'down' });
  });

  it.each([
    ['network', 'sideways', 'network', 'unknown'],
    ['networkSince', 'yesterday', 'networkSince', NOW],
    ['accountedUntil', null, 'accountedUntil', NOW],
    ['accountedUntil', Number.NaN, 'accountedUntil', NOW],
    ['lastFailureAt', '12', 'lastFailureAt', null],
    ['notified', 'all', 'notified', {}],
  ])('repairs a corrupt %s (%j)', (key, value, field, expected) => {
    const stored = { ...roundTrip(livedIn()), [key]: value };
    const parsed = parseHealthState(stored, NOW);
    expect(parsed[field as keyof HealthState]).toEqual(expected);
    expect(parsed.services[S].status).toBe('down');
  });

  it('keeps only valid notified entries', () => {
    const stored = { ...roundTrip(livedIn()), notified: { [S]: 'down', [OTHER]: 'sideways', melon: 'up', nope: 'down' } };
    expect(parseHealthState(stored, NOW).notified).toEqual({ [S]: 'down', melon: 'up' });
  });

  it('never throws on hostile input', () => {
    const hostile: unknown[] = [
      { version: 1, services: null, history: 5, notified: [] },
      {
        version: 1,
        services: {
          [S]: {
            get status() {
              throw new Error('boom');
            },
          },
        },
      },
      Object.create(null),
      { version: 1, services: new Proxy({}, { ownKeys: () => [] }) },
    ];
    for (const stored of hostile) expect(() => parseHealthState(stored, NOW)).not.toThrow();
  });
});

describe('parseHealthState with history as runs (the whole state under one key, as kept in memory)', () => {
  const run = (start: number, count: number) => ({ start, count, up: 300, degraded: 0, down: 0 });
  const withRecent = (recent: unknown[]) => {
    const stored = roundTrip(initialHealth(T0));
    (stored.history as Record<string, unknown>)[S] = { recent, daily: [] };
    return parseHealthState(stored, NOW).history[S].recent;
  };

  it('reads runs, merging touching equal ones', () => {
    expect(withRecent([run(0, 2), run(2 * RECENT_BUCKET_MS, 3)])).toEqual([run(0, 5)]);
  });

  it.each([
    ['overlapping runs', [run(0, 3), run(2 * RECENT_BUCKET_MS, 1)]],
    ['a zero count', [run(0, 0)]],
    ['a fractional count', [run(0, 1.5)]],
  ])('drops a history with %s', (_name, recent) => {
    expect(withRecent(recent)).toEqual([]);
  });

  it('caps the buckets a run stands for, cutting the oldest run', () => {
    expect(withRecent([run(0, 1000)])).toEqual([run((1000 - RECENT_BUCKETS) * RECENT_BUCKET_MS, RECENT_BUCKETS)]);
  });
});
