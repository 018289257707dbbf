import { describe, expect, it } from 'vitest';
import { SERVICES, SERVICE_IDS, isServiceId, type ServiceId } from '../catalog/index.ts';
import type { FailureCause } from './cause.ts';
import { initialHealth, reduce, reduceAll } from './engine.ts';
import {
  CONFIRM_FAILURES,
  CONFIRM_WINDOW_MS,
  KAKAO_WIDE_MIN_DOWN,
  NOTIFY_WINDOW_MS,
  PROBE_AFTER_FAILURE_MS,
  RECOVERY_PROBES,
  SUBRESOURCE_FAILURE_RATE,
  SUBRESOURCE_MAX_SAMPLES,
  SUBRESOURCE_MIN_FAILURES,
  SUBRESOURCE_WINDOW_MS,
} from './thresholds.ts';
import { DAY_MS, bucketsOf } from './history.ts';
import { throughStorage } from '../../../test/support/health-storage.ts';
import { summarize } from './summary.ts';
import type { HealthEffect, HealthEvent, HealthState, NetworkStatus, ServiceStatus } from './types.ts';

/** 2025-01-15 12:00 KST: a plain weekday noon, away from any day boundary. */
const T0 = Date.UTC(2025, 0, 15, 3, 0, 0);
const S: ServiceId = 'kakaomap';
/** A page Kakao writes for the service (or its first host): the only kind whose events count. */
const url = (service: ServiceId) => {
  if (!isServiceId(service)) return `https://${String(service)}.example/`;
  const own: readonly string[] = SERVICES[service].authoredHosts;
  return `https://${own[0] ?? SERVICES[service].hosts[0]}/`;
};

const fail = (at: number, service: ServiceId = S, cause: FailureCause = { kind: 'refused' }): HealthEvent => ({ type: 'main-frame-failure', service, cause, url: url(service), at });
const hang = (at: number, service: ServiceId = S): HealthEvent => ({ type: 'hang', service, url: url(service), waitedMs: 8000, at });
const pageOk = (at: number, service: ServiceId = S): HealthEvent => ({ type: 'main-frame-ok', service, url: url(service), at });
const contentOk = (at: number, service: ServiceId = S): HealthEvent => ({ type: 'page-content-ok', service, url: url(service), at });
const probeOk = (at: number, service: ServiceId = S, latencyMs: number | null = 120): HealthEvent => ({ type: 'probe', service, ok: true, latencyMs, at });
const probeFail = (at: number, service: ServiceId = S): HealthEvent => ({ type: 'probe', service, ok: false, latencyMs: null, cause: { kind: 'timeout' }, at });
const sub = (at: number, ok: boolean, service: ServiceId = S): HealthEvent => ({ type: 'subresource', service, ok, at });
const errorPage = (at: number, page: 'maintenance' | 'error', service: ServiceId = S): HealthEvent => ({ type: 'error-page', service, url: url(service), page, at });
const control = (at: number, ok: boolean): HealthEvent => ({ type: 'control', ok, at });
const browserNet = (at: number, online: boolean): HealthEvent => ({ type: 'browser-network', online, at });
const tick = (at: number): HealthEvent => ({ type: 'tick', at });

const run = (events: readonly HealthEvent[], start: HealthState = initialHealth(T0)) => reduceAll(start, events);
const notifies = (effects: readonly HealthEffect[]) => effects.filter((effect) => effect.type === 'notify').map((effect) => (effect.type === 'notify' ? `${effect.service}:${effect.transition}` : ''));
const repeat = (n: number, make: (i: number) => HealthEvent) => Array.from({ length: n }, (_, i) => make(i));

interface Row {
  readonly name: string;
  readonly events: readonly HealthEvent[];
  readonly status: ServiceStatus;
  readonly confirmed: boolean;
  readonly network?: NetworkStatus;
  readonly notify?: readonly string[];
  readonly service?: ServiceId;
}

/** Sequences of events and where they must end. Also replayed with a restart at every step below. */
const ROWS: readonly Row[] = [
  { name: 'nothing happened', events: [], status: 'unknown', confirmed: false },
  { name: 'a healthy load', events: [pageOk(T0 + 1)], status: 'up', confirmed: false },
  { name: 'a good probe', events: [probeOk(T0 + 1)], status: 'up', confirmed: false, network: 'online' },
  { name: 'one main-frame failure: suspect, not confirmed', events: [fail(T0 + 1)], status: 'down', confirmed: false, notify: [] },
  { name: 'one hang: suspect, not confirmed', events: [hang(T0 + 1)], status: 'down', confirmed: false, notify: [] },
  { name: 'two failures within the window confirm', events: [fail(T0 + 1), fail(T0 + 30_000)], status: 'down', confirmed: true, notify: ['kakaomap:down'] },
  { name: 'a failure and a hang within the window confirm', events: [fail(T0 + 1), hang(T0 + 9000)], status: 'down', confirmed: true, notify: ['kakaomap:down'] },
  { name: 'a 503 then a reset confirm', events: [fail(T0 + 1, S, { kind: 'http', status: 503 }), fail(T0 + 2, S, { kind: 'reset' })], status: 'down', confirmed: true, notify: ['kakaomap:down'] },
  { name: 'two failures too far apart stay a suspicion', events: [fail(T0), fail(T0 + CONFIRM_WINDOW_MS + 1)], status: 'down', confirmed: false, notify: [] },
  { name: 'a failure then a failed probe: confirmed', events: [fail(T0 + 1), control(T0 + 2, true), probeFail(T0 + 3)], status: 'down', confirmed: true, network: 'online', notify: ['kakaomap:down'] },
  { name: 'a failed probe of a healthy service: down, confirmed', events: [pageOk(T0 + 1), probeFail(T0 + 2)], status: 'down', confirmed: true, notify: ['kakaomap:down'] },
  { name: 'a suspicion cleared by two healthy loads', events: [pageOk(T0), fail(T0 + 1), pageOk(T0 + 2), pageOk(T0 + 3)], status: 'up', confirmed: false, notify: [] },
  // Two crafted addresses a Kakao server answers with 5xx, while its probe answers: no outage.
  { name: 'two failures with a good probe between them stay a suspicion', events: [fail(T0 + 1), probeOk(T0 + 2), fail(T0 + 3)], status: 'down', confirmed: false, notify: [] },
  {
    name: 'two failures, a good probe between, then a failed probe: confirmed',
    events: [fail(T0 + 1), probeOk(T0 + 2), fail(T0 + 3), control(T0 + 4, true), probeFail(T0 + 5)],
    status: 'down',
    confirmed: true,
    notify: ['kakaomap:down'],
  },
  { name: 'a suspicion kept by one healthy load', events: [fail(T0 + 1), pageOk(T0 + 2)], status: 'down', confirmed: false, notify: [] },
  {
    name: 'confirmed down, then recovery by two good probes',
    events: [fail(T0 + 1), fail(T0 + 2), probeOk(T0 + 60_000), probeOk(T0 + 120_000)],
    status: 'up',
    confirmed: false,
    notify: ['kakaomap:down', 'kakaomap:up'],
  },
  {
    name: 'a failure between good probes restarts the count',
    events: [fail(T0 + 1), fail(T0 + 2), probeOk(T0 + 60_000), fail(T0 + 61_000), probeOk(T0 + 120_000)],
    status: 'down',
    confirmed: true,
    notify: ['kakaomap:down'],
  },
  {
    name: 'down, up, down again within the hour: the third swing says the service is unstable',
    events: [fail(T0 + 1), fail(T0 + 2), probeOk(T0 + 3), probeOk(T0 + 4), fail(T0 + 600_000), probeFail(T0 + 600_001)],
    status: 'down',
    confirmed: true,
    notify: ['kakaomap:down', 'kakaomap:up', 'kakaomap:unstable'],
  },
  {
    name: 'down, up, and down again after the hour: each transition notified once',
    events: [fail(T0 + 1), fail(T0 + 2), probeOk(T0 + 3), probeOk(T0 + 4), fail(T0 + NOTIFY_WINDOW_MS + 10), probeFail(T0 + NOTIFY_WINDOW_MS + 11)],
    status: 'down',
    confirmed: true,
    notify: ['kakaomap:down', 'kakaomap:up', 'kakaomap:down'],
  },
  { name: 'a suspicion withdrawn when the control fails', events: [fail(T0 + 1), control(T0 + 2, false)], status: 'unknown', confirmed: false, network: 'offline', notify: [] },
  { name: 'failures while offline blame nobody', events: [control(T0, false), fail(T0 + 1), fail(T0 + 2), hang(T0 + 3)], status: 'unknown', confirmed: false, network: 'offline', notify: [] },
  { name: 'ERR_INTERNET_DISCONNECTED means offline, not down', events: [pageOk(T0), fail(T0 + 1, S, { kind: 'offline' })], status: 'up', confirmed: false, network: 'offline', notify: [] },
  { name: 'a confirmed outage survives going offline', events: [fail(T0 + 1), fail(T0 + 2), control(T0 + 3, false)], status: 'down', confirmed: true, network: 'offline', notify: ['kakaomap:down'] },
  {
    name: 'failed probes while offline change nothing',
    events: [pageOk(T0), control(T0 + 1, false), probeFail(T0 + 2), probeFail(T0 + 3)],
    status: 'up',
    confirmed: false,
    network: 'offline',
    notify: [],
  },
  { name: 'the browser going offline withdraws a suspicion', events: [fail(T0 + 1), browserNet(T0 + 2, false)], status: 'unknown', confirmed: false, network: 'offline' },
  { name: 'the browser back online is not yet "online"', events: [browserNet(T0, false), browserNet(T0 + 1, true)], status: 'unknown', confirmed: false, network: 'unknown' },
  {
    name: 'after the browser is back, failures count again',
    events: [browserNet(T0, false), browserNet(T0 + 1, true), fail(T0 + 2), fail(T0 + 3)],
    status: 'down',
    confirmed: true,
    network: 'unknown',
    notify: ['kakaomap:down'],
  },
  // Page text is a suspicion at most (src/core/health/trust.ts): Kakao's own probe decides.
  { name: 'a maintenance page: suspect, never confirmed by itself', events: [errorPage(T0 + 1, 'maintenance')], status: 'down', confirmed: false, notify: [] },
  { name: 'many maintenance pages still confirm nothing', events: repeat(20, (i) => errorPage(T0 + i * 1000, 'maintenance')), status: 'down', confirmed: false, notify: [] },
  { name: 'an error page: degraded, unconfirmed', events: [pageOk(T0), errorPage(T0 + 1, 'error')], status: 'degraded', confirmed: false, notify: [] },
  { name: 'an error page does not lighten a down', events: [errorPage(T0, 'maintenance'), errorPage(T0 + 1, 'error')], status: 'down', confirmed: false, notify: [] },
  { name: 'a maintenance page does not confirm a suspicion', events: [fail(T0), errorPage(T0 + 1, 'maintenance')], status: 'down', confirmed: false, notify: [] },
  {
    name: 'a maintenance page, then a failed probe: confirmed',
    events: [errorPage(T0 + 1, 'maintenance'), control(T0 + 2, true), probeFail(T0 + 3)],
    status: 'down',
    confirmed: true,
    notify: ['kakaomap:down'],
  },
  { name: 'a maintenance page, then a good probe: cleared at once', events: [errorPage(T0 + 1, 'maintenance'), probeOk(T0 + 2)], status: 'up', confirmed: false, notify: [] },
  {
    name: 'maintenance seen while offline confirms nothing once back online',
    events: [control(T0, false), errorPage(T0 + 1, 'maintenance'), control(T0 + 2, true)],
    status: 'down',
    confirmed: false,
    network: 'online',
    notify: [],
  },
  // Hostile observations: not Kakao's server, or not Kakao's words.
  {
    name: 'a blog titled "서비스 점검 중" says nothing about Tistory',
    service: 'tistory',
    events: [{ type: 'error-page', service: 'tistory', url: 'https://evil.tistory.com/1', page: 'maintenance', at: T0 }],
    status: 'unknown',
    confirmed: false,
    notify: [],
  },
  {
    name: 'a cafe post says nothing about Daum Cafe',
    service: 'daumcafe',
    events: [{ type: 'error-page', service: 'daumcafe', url: 'https://cafe.daum.net/x/1', page: 'maintenance', at: T0 }],
    status: 'unknown',
    confirmed: false,
    notify: [],
  },
  {
    name: 'a maintenance page over plain http says nothing',
    service: 'daum',
    events: [{ type: 'error-page', service: 'daum', url: 'http://www.daum.net/', page: 'maintenance', at: T0 }],
    status: 'unknown',
    confirmed: false,
    notify: [],
  },
  {
    name: "an error page under another service's name says nothing",
    events: [{ type: 'error-page', service: 'kakaomap', url: 'https://www.daum.net/', page: 'maintenance', at: T0 }],
    status: 'unknown',
    confirmed: false,
    notify: [],
  },
  {
    name: 'failures on a port nobody at Kakao serves from say nothing',
    events: [
      { type: 'main-frame-failure', service: 'kakaomap', cause: { kind: 'tls' }, url: 'https://map.kakao.com:80/?q=x', at: T0 },
      { type: 'main-frame-failure', service: 'kakaomap', cause: { kind: 'refused' }, url: 'https://map.kakao.com:81/?q=x', at: T0 + 1 },
      { type: 'hang', service: 'kakaomap', url: 'http://map.kakao.com/', waitedMs: 8000, at: T0 + 2 },
    ],
    status: 'unknown',
    confirmed: false,
    notify: [],
  },
  { name: 'sub-resources failing: degraded', events: repeat(SUBRESOURCE_MIN_FAILURES, (i) => sub(T0 + i, false)), status: 'degraded', confirmed: true, notify: [] },
  { name: 'sub-resources never turn down into degraded', events: [fail(T0), ...repeat(10, (i) => sub(T0 + 1 + i, false))], status: 'down', confirmed: false },
  // Kakao's own probe outweighs what a page says.
  { name: 'degraded by an error page, then a good probe: up', events: [errorPage(T0, 'error'), probeOk(T0 + 1)], status: 'up', confirmed: false, notify: [] },
  {
    name: 'degraded by an error page, then healthy 200s: still degraded (a 200 cannot see the page)',
    events: [errorPage(T0, 'error'), pageOk(T0 + 1), pageOk(T0 + 2)],
    status: 'degraded',
    confirmed: false,
    notify: [],
  },
  { name: 'degraded by an error page, then two healthy page reads', events: [errorPage(T0, 'error'), contentOk(T0 + 1), contentOk(T0 + 2)], status: 'up', confirmed: false, notify: [] },
  { name: 'degraded, then a main-frame failure: suspect down', events: [errorPage(T0, 'error'), fail(T0 + 1)], status: 'down', confirmed: false, notify: [] },
  { name: 'events for a service outside the catalogue are ignored', events: [fail(T0, 'nope' as ServiceId), fail(T0 + 1, 'nope' as ServiceId)], status: 'unknown', confirmed: false, notify: [] },
  {
    name: 'a recovery while offline is told once back online',
    events: [fail(T0), fail(T0 + 1), control(T0 + 2, false), pageOk(T0 + 3), pageOk(T0 + 4), control(T0 + 5, true)],
    status: 'up',
    confirmed: false,
    network: 'online',
    notify: ['kakaomap:down', 'kakaomap:up'],
  },
];

describe('reduce: sequences of events', () => {
  it.each(ROWS)('$name', (row) => {
    const { state, effects } = run(row.events);
    const health = state.services[row.service ?? S];
    expect({ status: health.status, confirmed: health.confirmed }).toEqual({ status: row.status, confirmed: row.confirmed });
    if (row.network) expect(state.network).toBe(row.network);
    if (row.notify) expect(notifies(effects)).toEqual(row.notify);
  });

  it.each(ROWS.filter((row) => row.events.length > 0))('survives a restart at every step: $name', (row) => {
    const straight = run(row.events);
    for (let cut = 0; cut <= row.events.length; cut += 1) {
      const first = run(row.events.slice(0, cut));
      const resumeAt = row.events[cut]?.at ?? T0;
      const second = run(row.events.slice(cut), throughStorage(first.state, resumeAt));
      expect(second.state, `restart after ${cut} events`).toStrictEqual(straight.state);
      expect([...first.effects, ...second.effects], `effects with a restart after ${cut}`).toEqual(straight.effects);
    }
  });

  it('replaying the same events after a restart notifies nothing again', () => {
    const events = [fail(T0), fail(T0 + 1), probeOk(T0 + 2), probeOk(T0 + 3)];
    const once = run(events);
    expect(notifies(once.effects)).toEqual(['kakaomap:down', 'kakaomap:up']);
    const restored = throughStorage(once.state, T0 + 4);
    const replay = run([probeOk(T0 + 4), probeOk(T0 + 5)], restored);
    expect(notifies(replay.effects)).toEqual([]);
    // The one replay that should notify: the service went down again (after the damping hour).
    expect(notifies(run([fail(T0 + NOTIFY_WINDOW_MS + 10), fail(T0 + NOTIFY_WINDOW_MS + 11)], restored).effects)).toEqual(['kakaomap:down']);
    // Within the hour, a third swing is told as instability.
    expect(notifies(run([fail(T0 + 10), fail(T0 + 11)], restored).effects)).toEqual(['kakaomap:unstable']);
  });
});

describe('reduce: thresholds at their edges', () => {
  it.each([
    [CONFIRM_FAILURES - 1, false],
    [CONFIRM_FAILURES, true],
    [CONFIRM_FAILURES + 1, true],
  ])('%i main-frame failures within the window -> confirmed %s', (n, confirmed) => {
    const { state, effects } = run(repeat(n, (i) => fail(T0 + i * 1000)));
    expect(state.services[S]).toMatchObject({ status: 'down', confirmed });
    expect(notifies(effects)).toEqual(confirmed ? ['kakaomap:down'] : []);
  });

  it.each([
    [CONFIRM_WINDOW_MS - 1, true],
    [CONFIRM_WINDOW_MS, true],
    [CONFIRM_WINDOW_MS + 1, false],
  ])('a second failure %i ms after the first -> confirmed %s (the window is inclusive)', (gap, confirmed) => {
    expect(run([fail(T0), fail(T0 + gap)]).state.services[S].confirmed).toBe(confirmed);
  });

  it('an old failure that left the window does not help a new pair', () => {
    const { state } = run([fail(T0), fail(T0 + CONFIRM_WINDOW_MS + 1), fail(T0 + 2 * CONFIRM_WINDOW_MS + 2)]);
    expect(state.services[S].confirmed).toBe(false);
    expect(state.services[S].recentFailures).toEqual([T0 + 2 * CONFIRM_WINDOW_MS + 2]);
  });

  it.each([
    [RECOVERY_PROBES - 1, 'down'],
    [RECOVERY_PROBES, 'up'],
    [RECOVERY_PROBES + 1, 'up'],
  ] as const)('%i good probes after a confirmed outage -> %s', (n, status) => {
    const { state, effects } = run([fail(T0), fail(T0 + 1), ...repeat(n, (i) => probeOk(T0 + 60_000 * (i + 1)))]);
    expect(state.services[S].status).toBe(status);
    expect(state.services[S].goodStreak).toBe(status === 'up' ? 0 : n);
    expect(notifies(effects)).toEqual(status === 'up' ? ['kakaomap:down', 'kakaomap:up'] : ['kakaomap:down']);
  });

  it.each([
    [RECOVERY_PROBES - 1, 'degraded'],
    [RECOVERY_PROBES, 'up'],
  ] as const)('%i healthy page reads after an error page -> %s', (n, status) => {
    const { state } = run([errorPage(T0, 'error'), ...repeat(n, (i) => contentOk(T0 + 1 + i))]);
    expect(state.services[S].status).toBe(status);
  });

  it.each([
    [SUBRESOURCE_MIN_FAILURES - 1, 'up'],
    [SUBRESOURCE_MIN_FAILURES, 'degraded'],
    [SUBRESOURCE_MIN_FAILURES + 1, 'degraded'],
  ] as const)('%i failed sub-resources (all failing) -> %s', (n, status) => {
    const { state } = run([pageOk(T0), ...repeat(n, (i) => sub(T0 + 1 + i, false))]);
    expect(state.services[S].status).toBe(status);
  });

  it('the failure rate at its edge: half failed is degraded, less is not', () => {
    const good = (n: number, from: number) => repeat(n, (i) => sub(from + i, true));
    const bad = (n: number, from: number) => repeat(n, (i) => sub(from + i, false));
    const atRate = Math.ceil(SUBRESOURCE_MIN_FAILURES / SUBRESOURCE_FAILURE_RATE) - SUBRESOURCE_MIN_FAILURES;
    expect(run([pageOk(T0), ...good(atRate, T0 + 1), ...bad(SUBRESOURCE_MIN_FAILURES, T0 + 100)]).state.services[S].status).toBe('degraded');
    expect(run([pageOk(T0), ...good(atRate + 1, T0 + 1), ...bad(SUBRESOURCE_MIN_FAILURES, T0 + 100)]).state.services[S].status).toBe('up');
  });

  it.each([
    [SUBRESOURCE_WINDOW_MS, 'degraded'],
    [SUBRESOURCE_WINDOW_MS + 1, 'up'],
  ] as const)('a failure %i ms before the fifth still counts -> %s', (age, status) => {
    const events = [pageOk(T0), sub(T0, false), ...repeat(SUBRESOURCE_MIN_FAILURES - 1, (i) => sub(T0 + age - (SUBRESOURCE_MIN_FAILURES - 2 - i), false))];
    expect(run(events).state.services[S].status).toBe(status);
  });

  it('keeps at most SUBRESOURCE_MAX_SAMPLES samples, the newest', () => {
    const events = repeat(SUBRESOURCE_MAX_SAMPLES + 50, (i) => sub(T0 + i, true));
    const { subresources } = run(events).state.services[S];
    expect(subresources).toHaveLength(SUBRESOURCE_MAX_SAMPLES);
    expect(subresources.at(-1)).toEqual([T0 + SUBRESOURCE_MAX_SAMPLES + 49, true]);
    expect(subresources[0]).toEqual([T0 + 50, true]);
  });

  it('a degradation the sub-resources measured ends when their rate drops below the threshold', () => {
    const failing = repeat(SUBRESOURCE_MIN_FAILURES, (i) => sub(T0 + i, false));
    const degraded = run([pageOk(T0), ...failing]).state;
    expect(degraded.services[S]).toMatchObject({ status: 'degraded', evidence: { kind: 'subresources', failed: SUBRESOURCE_MIN_FAILURES, total: SUBRESOURCE_MIN_FAILURES } });
    // Exactly at the rate: still degraded; one more good sample: below it.
    const atRate = run(
      repeat(SUBRESOURCE_MIN_FAILURES, (i) => sub(T0 + 100 + i, true)),
      degraded,
    ).state;
    expect(atRate.services[S].status).toBe('degraded');
    expect(reduce(atRate, sub(T0 + 200, true)).state.services[S].status).toBe('up');
  });

  it('an error page is not undone by its own images loading', () => {
    const { state } = run([pageOk(T0), errorPage(T0 + 1, 'error'), ...repeat(20, (i) => sub(T0 + 2 + i, true))]);
    expect(state.services[S].status).toBe('degraded');
  });

  it('recovery from degraded clears the samples: a new degradation needs fresh failures', () => {
    const failing = repeat(SUBRESOURCE_MIN_FAILURES, (i) => sub(T0 + i, false));
    const recoveredState = run([pageOk(T0), ...failing, probeOk(T0 + 10), probeOk(T0 + 11)]).state;
    expect(recoveredState.services[S]).toMatchObject({ status: 'up', subresources: [] });
    expect(reduce(recoveredState, sub(T0 + 12, false)).state.services[S].status).toBe('up');
  });

  it.each([
    [KAKAO_WIDE_MIN_DOWN - 1, 'some-down'],
    [KAKAO_WIDE_MIN_DOWN, 'kakao-wide'],
    [KAKAO_WIDE_MIN_DOWN + 1, 'kakao-wide'],
  ] as const)('%i services confirmed down -> %s', (n, verdict) => {
    const events = SERVICE_IDS.slice(0, n).flatMap((service, i) => [fail(T0 + i * 10, service), fail(T0 + i * 10 + 1, service)]);
    expect(summarize(run(events).state).verdict).toBe(verdict);
  });

  it('unconfirmed suspicions do not make a kakao-wide outage', () => {
    const events = SERVICE_IDS.slice(0, KAKAO_WIDE_MIN_DOWN + 2).map((service, i) => fail(T0 + i, service));
    expect(summarize(run(events).state)).toEqual({ verdict: 'unknown', down: [], degraded: [] });
  });

  it('exports the documented values', () => {
    expect({
      RECOVERY_PROBES,
      CONFIRM_WINDOW_MS,
      CONFIRM_FAILURES,
      SUBRESOURCE_WINDOW_MS,
      SUBRESOURCE_MIN_FAILURES,
      SUBRESOURCE_FAILURE_RATE,
      SUBRESOURCE_MAX_SAMPLES,
      KAKAO_WIDE_MIN_DOWN,
      PROBE_AFTER_FAILURE_MS,
    }).toEqual({
      RECOVERY_PROBES: 2,
      CONFIRM_WINDOW_MS: 120_000,
      CONFIRM_FAILURES: 2,
      SUBRESOURCE_WINDOW_MS: 60_000,
      SUBRESOURCE_MIN_FAILURES: 5,
      SUBRESOURCE_FAILURE_RATE: 0.5,
      SUBRESOURCE_MAX_SAMPLES: 200,
      KAKAO_WIDE_MIN_DOWN: 3,
      PROBE_AFTER_FAILURE_MS: 900_000,
    });
  });
});

describe('reduce: clock edges', () => {
  it('two events at the same timestamp both count', () => {
    expect(run([fail(T0), fail(T0)]).state.services[S]).toMatchObject({ status: 'down', confirmed: true });
    expect(run([fail(T0), fail(T0), probeOk(T0), probeOk(T0)]).state.services[S].status).toBe('up');
  });

  it('a clock a little behind still applies the event, and keeps accountedUntil', () => {
    const ahead = run([pageOk(T0 + 200_000)]).state;
    const { state } = run([fail(T0 + 1000), fail(T0 + 2000)], ahead);
    expect(state.services[S]).toMatchObject({ status: 'down', confirmed: true, since: T0 + 1000 });
    expect(state.accountedUntil).toBe(T0 + 200_000);
  });

  it('a clock set back further re-anchors the history where the clock is now', () => {
    const ahead = run([pageOk(T0 + 600_000)]).state;
    const { state } = run([fail(T0 + 1000), fail(T0 + 2000)], ahead);
    expect(state.services[S]).toMatchObject({ status: 'down', confirmed: true, since: T0 + 1000 });
    expect(state.accountedUntil).toBe(T0 + 2000);
  });

  it('a failure "in the future" after the clock went back is still near enough to confirm', () => {
    expect(run([fail(T0 + 60_000), fail(T0)]).state.services[S].confirmed).toBe(true);
    expect(run([fail(T0 + CONFIRM_WINDOW_MS + 1), fail(T0)]).state.services[S].confirmed).toBe(false);
  });

  it('a huge gap (a week asleep) credits at most a day and leaves the state usable', () => {
    const up = run([pageOk(T0)]).state;
    const week = 7 * 24 * 3600_000;
    const { state } = reduce(up, tick(T0 + week));
    expect(state.accountedUntil).toBe(T0 + week);
    const credited = bucketsOf(state.history[S].daily, DAY_MS).reduce((sum, bucket) => sum + bucket.up, 0);
    expect(credited).toBe(24 * 3600);
    // A day after the last observation is more than 24 h before "now": nothing recent remains.
    expect(state.history[S].recent).toEqual([]);
    expect(reduce(state, fail(T0 + week + 1)).state.services[S].status).toBe('down');
  });

  it('ignores events without a usable time', () => {
    const start = initialHealth(T0);
    for (const at of [Number.NaN, Number.POSITIVE_INFINITY, undefined as unknown as number, '5' as unknown as number]) {
      const result = reduce(start, { ...fail(T0), at } as HealthEvent);
      expect(result.state).toBe(start);
      expect(result.effects).toEqual([]);
    }
  });

  it('ignores events it does not know, and malformed ones, without throwing', () => {
    const start = run([pageOk(T0)]).state;
    for (const event of [null, undefined, 42, 'tick', {}, { type: 'explode', at: T0 + 1 }, { type: 'probe', at: T0 + 1 }, { type: 'subresource', service: 'kakaomap', at: T0 + 1 }]) {
      expect(() => reduce(start, event as unknown as HealthEvent)).not.toThrow();
      expect(reduce(start, event as unknown as HealthEvent).state.services[S].status).toBe('up');
    }
  });

  it('does not read a missing verdict as a failure', () => {
    const start = run([pageOk(T0)]).state;
    for (const event of [
      { type: 'probe', service: S, latencyMs: null, at: T0 + 1 },
      { type: 'subresource', service: S, ok: 'no', at: T0 + 1 },
      { type: 'control', at: T0 + 1 },
      { type: 'browser-network', online: 0, at: T0 + 1 },
    ]) {
      expect(reduce(start, event as unknown as HealthEvent)).toEqual({ state: start, effects: [] });
    }
  });
});

describe('reduce: sub-resource samples do not outlive their window', () => {
  it.each([
    ['a tick at the edge of the window keeps them', tick(T0 + SUBRESOURCE_WINDOW_MS), 3],
    ['a tick just past it drops them', tick(T0 + SUBRESOURCE_WINDOW_MS + 1), 2],
    ['any event drops them, not only a sub-resource of the same service', probeOk(T0 + 2000 + SUBRESOURCE_WINDOW_MS + 1, 'daum'), 0],
    ['a clock gone back by more than the window drops them too', tick(T0 - SUBRESOURCE_WINDOW_MS - 1), 0],
  ])('%s', (_name, event, kept) => {
    const { state } = run([sub(T0, true), sub(T0 + 1000, false), sub(T0 + 2000, true), event]);
    expect(state.services[S].subresources).toHaveLength(kept);
  });
});

describe('reduce: offline never blames Kakao', () => {
  it('withdraws only unconfirmed suspicions when the control fails', () => {
    const events = [fail(T0, 'kakaomap'), fail(T0 + 1, 'daum'), fail(T0 + 2, 'daum'), ...repeat(SUBRESOURCE_MIN_FAILURES, (i) => sub(T0 + 3 + i, false, 'melon')), control(T0 + 10, false)];
    const { state } = run(events);
    expect(state.services.kakaomap).toMatchObject({ status: 'unknown', confirmed: false, evidence: null, recentFailures: [] });
    expect(state.services.daum).toMatchObject({ status: 'down', confirmed: true });
    expect(state.services.melon).toMatchObject({ status: 'degraded', confirmed: true });
    expect(state.networkSince).toBe(T0 + 10);
  });

  it('still records the failure time, so probes keep running to see the network come back', () => {
    const { state } = run([control(T0, false), fail(T0 + 5)]);
    expect(state.lastFailureAt).toBe(T0 + 5);
    expect(state.services[S].recentFailures).toEqual([]);
  });

  it('ignores sub-resource failures while offline', () => {
    const { state } = run([pageOk(T0), control(T0 + 1, false), ...repeat(10, (i) => sub(T0 + 2 + i, false)), control(T0 + 20, true), sub(T0 + 21, false)]);
    expect(state.services[S].status).toBe('up');
    expect(state.services[S].subresources).toEqual([[T0 + 21, false]]);
  });

  it('does not notify while offline, even for an outage confirmed before', () => {
    const confirmed = run([fail(T0), fail(T0 + 1)]).state;
    const offline = run([control(T0 + 2, false)], { ...confirmed, notified: {}, notifiedAt: {}, unstableAt: {} });
    expect(offline.state.services[S]).toMatchObject({ status: 'down', confirmed: true });
    expect(notifies(offline.effects)).toEqual([]);
  });

  it('keeps networkSince when the network status does not change', () => {
    const { state } = run([control(T0, false), control(T0 + 10, false), browserNet(T0 + 20, false)]);
    expect(state).toMatchObject({ network: 'offline', networkSince: T0 });
    expect(run([control(T0, true), browserNet(T0 + 5, true)]).state).toMatchObject({ network: 'online', networkSince: T0 });
  });

  it('a good probe proves the network works', () => {
    expect(run([control(T0, false), probeOk(T0 + 1)]).state).toMatchObject({ network: 'online', networkSince: T0 + 1 });
  });
});

describe('reduce: what each event records', () => {
  it('records evidence, since and the failure time of a suspicion', () => {
    const { state } = run([pageOk(T0), hang(T0 + 5000)]);
    expect(state.services[S]).toMatchObject({ status: 'down', since: T0 + 5000, evidence: { kind: 'hang', url: url(S), waitedMs: 8000 }, recentFailures: [T0 + 5000] });
    expect(state.lastFailureAt).toBe(T0 + 5000);
  });

  it('keeps since while a service stays down, and the evidence once confirmed', () => {
    const { state } = run([fail(T0), fail(T0 + 1000, S, { kind: 'http', status: 502 }), fail(T0 + 2000, S, { kind: 'dns' })]);
    expect(state.services[S].since).toBe(T0);
    expect(state.services[S].evidence).toEqual({ kind: 'main-frame', cause: { kind: 'http', status: 502 }, url: url(S) });
    expect(state.services[S].recentFailures).toHaveLength(CONFIRM_FAILURES);
  });

  it('records lastCheck and latency of probes; a failed probe clears the latency', () => {
    const good = run([probeOk(T0 + 1, S, 87)]).state;
    expect(good.services[S]).toMatchObject({ lastCheck: T0 + 1, latencyMs: 87, evidence: { kind: 'probe', ok: true, latencyMs: 87 } });
    const bad = reduce(good, probeFail(T0 + 2)).state;
    expect(bad.services[S]).toMatchObject({ lastCheck: T0 + 2, latencyMs: null, evidence: { kind: 'probe', ok: false, cause: { kind: 'timeout' } } });
  });

  it('a healthy load does not touch latency or lastCheck', () => {
    const { state } = run([probeOk(T0, S, 50), pageOk(T0 + 1)]);
    expect(state.services[S]).toMatchObject({ lastCheck: T0, latencyMs: 50 });
  });

  it('a failed probe while offline changes lastCheck and nothing else', () => {
    const before = run([pageOk(T0), control(T0 + 1, false)]).state;
    const after = reduce(before, probeFail(T0 + 1)).state;
    expect(after.services[S]).toEqual({ ...before.services[S], lastCheck: T0 + 1 });
    expect(after.lastFailureAt).toBe(before.lastFailureAt);
  });

  it('never mutates its input', () => {
    const events = [pageOk(T0), fail(T0 + 1), fail(T0 + 2), ...repeat(6, (i) => sub(T0 + 3 + i, false)), probeOk(T0 + 400_000), control(T0 + 500_000, false)];
    let state = initialHealth(T0);
    for (const event of events) {
      const snapshot = JSON.stringify(state);
      const next = reduce(state, event).state;
      expect(JSON.stringify(state)).toBe(snapshot);
      state = next;
    }
  });

  it('initialHealth knows every catalogued service, all unknown', () => {
    const state = initialHealth(T0);
    expect(Object.keys(state.services)).toEqual(SERVICE_IDS);
    expect(Object.keys(state.history)).toEqual(SERVICE_IDS);
    for (const id of SERVICE_IDS) {
      expect(state.services[id]).toEqual({ status: 'unknown', confirmed: false, since: T0, evidence: null, lastCheck: null, latencyMs: null, goodStreak: 0, recentFailures: [], subresources: [] });
      expect(state.history[id]).toEqual({ recent: [], daily: [] });
    }
    expect(state).toMatchObject({ version: 1, network: 'unknown', networkSince: T0, accountedUntil: T0, lastFailureAt: null, notified: {} });
  });
});

describe('reduce: effects', () => {
  const summaryChanges = (effects: readonly HealthEffect[]) => effects.filter((effect) => effect.type === 'summary-changed').length;

  it.each([
    ['the first healthy load', [], pageOk(T0 + 1), 1],
    ['a second healthy load', [pageOk(T0)], pageOk(T0 + 1), 0],
    ['a tick', [pageOk(T0)], tick(T0 + 600_000), 0],
    ['a suspicion of an up service (all-up -> unknown)', [pageOk(T0)], fail(T0 + 1), 1],
    ['a suspicion of an unknown service', [], fail(T0 + 1), 0],
    ['the confirmation', [fail(T0)], fail(T0 + 1), 1],
    ['a third failure', [fail(T0), fail(T0 + 1)], fail(T0 + 2), 0],
    ['going offline', [], control(T0 + 1, false), 1],
    ['staying offline', [control(T0, false)], control(T0 + 1, false), 0],
    ['the control answering while the network was unknown', [], control(T0 + 1, true), 0],
    ['degradation', [pageOk(T0)], errorPage(T0 + 1, 'error'), 1],
  ] as const)('summary-changed on %s: %i', (_name, setup, event, expected) => {
    const before = run(setup).state;
    expect(summaryChanges(reduce(before, event).effects)).toBe(expected);
  });

  it('names the service in each notification', () => {
    const { effects } = run([fail(T0, 'daum'), fail(T0 + 1, 'daum'), fail(T0 + 2, 'melon'), fail(T0 + 3, 'melon')]);
    expect(effects.filter((effect) => effect.type === 'notify')).toEqual([
      { type: 'notify', service: 'daum', transition: 'down' },
      { type: 'notify', service: 'melon', transition: 'down' },
    ]);
  });

  it('records the last notified transition in the state', () => {
    const down = run([fail(T0), fail(T0 + 1)]).state;
    expect(down.notified).toEqual({ kakaomap: 'down' });
    expect(run([probeOk(T0 + 2), probeOk(T0 + 3)], down).state.notified).toEqual({ kakaomap: 'up' });
  });

  it('does not announce a recovery nobody was told about', () => {
    const { effects } = run([errorPage(T0, 'error'), probeOk(T0 + 1), probeOk(T0 + 2), fail(T0 + 3), pageOk(T0 + 4), pageOk(T0 + 5)]);
    expect(notifies(effects)).toEqual([]);
  });
});

describe('a maintenance page served with 200', () => {
  const T = 1_700_000_000_000;
  const page = (at: number) => ({ type: 'error-page', service: 'kakaomap', url: 'https://map.kakao.com/', page: 'maintenance', at }) as const;
  const run = (events: readonly HealthEvent[]) => events.reduce((state, event) => reduce(state, event).state, reduce(initialHealth(T), { type: 'control', ok: true, at: T }).state);

  it('is not cleared by 200s, which cannot see it', () => {
    const state = run([
      page(T + 1),
      { type: 'main-frame-ok', service: 'kakaomap', url: 'https://map.kakao.com/', at: T + 4 },
      { type: 'main-frame-ok', service: 'kakaomap', url: 'https://map.kakao.com/', at: T + 5 },
    ]);
    expect(state.services.kakaomap).toMatchObject({ status: 'down', confirmed: false, goodStreak: 0 });
  });

  it("is cleared by one good probe: Kakao's server answering outweighs a page's words", () => {
    const state = run([page(T + 1), { type: 'probe', service: 'kakaomap', ok: true, latencyMs: 40, at: T + 2 }]);
    expect(state.services.kakaomap).toMatchObject({ status: 'up', confirmed: false, lastCheck: T + 2, latencyMs: 40 });
  });

  it('is cleared by pages read as healthy, twice', () => {
    const ok = (at: number) => ({ type: 'page-content-ok', service: 'kakaomap', url: 'https://map.kakao.com/', at }) as const;
    expect(run([page(T + 1), ok(T + 2)]).services.kakaomap.status).toBe('down');
    expect(run([page(T + 1), ok(T + 2), ok(T + 3)]).services.kakaomap.status).toBe('up');
  });

  it('page-content-ok says nothing new about a service whose status code already speaks', () => {
    const state = run([
      { type: 'main-frame-failure', service: 'kakaomap', cause: { kind: 'http', status: 503 }, url: 'https://map.kakao.com/', at: T + 1 },
      { type: 'page-content-ok', service: 'kakaomap', url: 'https://map.kakao.com/', at: T + 2 },
      { type: 'page-content-ok', service: 'kakaomap', url: 'https://map.kakao.com/', at: T + 3 },
    ]);
    expect(state.services.kakaomap.status).toBe('down');
  });
});

describe('stale probe answers', () => {
  it('a probe sent before a newer answer arrived is ignored (a time-out landing after a success)', () => {
    const stale: HealthEvent = { type: 'probe', service: S, ok: false, latencyMs: null, cause: { kind: 'timeout' }, at: T0 + 5000, startedAt: T0 };
    const fresh: HealthEvent = { type: 'probe', service: S, ok: true, latencyMs: 80, at: T0 + 2000, startedAt: T0 + 1900 };
    const { state } = run([control(T0, true), fresh, stale]);
    expect(state.services[S]).toMatchObject({ status: 'up', lastCheck: T0 + 2000 });
    // Sent after the last answer: it counts.
    expect(run([control(T0, true), fresh, { ...stale, startedAt: T0 + 2000 }]).state.services[S]).toMatchObject({ status: 'down', confirmed: true });
  });
});

describe('notification damping (issue 12, finding 4)', () => {
  /** A service swinging down and up: a failed probe, then two good ones `half` later, every period. */
  function flapping(from: number, until: number, period: (i: number) => number): HealthEvent[] {
    const events: HealthEvent[] = [control(from, true)];
    for (let at = from, i = 0; at < until; i += 1) {
      const step = period(i);
      events.push(probeFail(at), probeOk(at + step / 2), probeOk(at + step / 2 + 1));
      at += step;
    }
    return events;
  }
  const notified = (events: HealthEvent[]) => run(events).effects.filter((effect) => effect.type === 'notify');
  /** The time of each notification, by the event that caused it. */
  function notifiedTimes(events: HealthEvent[]): number[] {
    let state = initialHealth(T0);
    const times: number[] = [];
    for (const event of events) {
      const result = reduce(state, event);
      state = result.state;
      for (const effect of result.effects) if (effect.type === 'notify') times.push(event.at);
    }
    return times;
  }
  const mostInAnHour = (times: number[]) => Math.max(0, ...times.map((t) => times.filter((u) => u >= t && u < t + 3600_000).length));

  it.each([
    ['every 15-30 s', (i: number) => 15_000 + ((i * 7919) % 15_000)],
    ['every 60 s', () => 60_000],
    ['every 10 minutes', () => 600_000],
  ])('a service flapping %s gets at most three notifications an hour, the last saying it is unstable', (_name, period) => {
    const hour = notified(flapping(T0, T0 + 3600_000 - 60_000, period));
    expect(hour.length).toBeLessThanOrEqual(3);
    expect(hour.at(-1)).toMatchObject({ transition: 'unstable' });
    // Three hours of it: still at most three in any hour, and about three an hour in all.
    const times = notifiedTimes(flapping(T0, T0 + 3 * 3600_000, period));
    expect(mostInAnHour(times)).toBeLessThanOrEqual(3);
    expect(times.length).toBeLessThanOrEqual(9);
  });

  it('once the flapping stops, what lasts is announced when the quiet hour is over', () => {
    const events = [...flapping(T0, T0 + 600_000, () => 30_000), fail(T0 + 700_000), probeFail(T0 + 700_001)];
    expect(notifies(run(events).effects)).toEqual(['kakaomap:down', 'kakaomap:up', 'kakaomap:unstable']);
    const later = run([...events, tick(T0 + NOTIFY_WINDOW_MS + 60_000), probeFail(T0 + NOTIFY_WINDOW_MS + 120_000)]);
    expect(notifies(later.effects).at(-1)).toBe('kakaomap:down');
  });

  it('separate services are damped separately', () => {
    const other = flapping(T0, T0 + 600_000, () => 30_000).map((event) => ('service' in event ? { ...event, service: 'daum' as ServiceId } : event));
    const both = notifies(run([...flapping(T0, T0 + 600_000, () => 30_000), ...other].sort((a, b) => a.at - b.at)).effects);
    expect(both.filter((line) => line.startsWith('kakaomap')).length).toBe(3);
    expect(both.filter((line) => line.startsWith('daum')).length).toBe(3);
  });
});
