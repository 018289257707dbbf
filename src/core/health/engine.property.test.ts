import { describe, expect, it } from 'vitest';
import { SERVICES as CATALOGUE, SERVICE_IDS, isServiceId, type ServiceId } from '../catalog/index.ts';
import { shortCutCause } from '../rescue/known-down.ts';
import type { FailureCause } from './cause.ts';
import { initialHealth, reduce } from './engine.ts';
import { CONFIRM_FAILURES, NOTIFY_PLAIN_PER_WINDOW, NOTIFY_WINDOW_MS, RECOVERY_PROBES, SUBRESOURCE_MAX_SAMPLES } from './thresholds.ts';
import { CLOCK_BACK_TOLERANCE_MS, DAILY_BUCKETS, DAY_MS, RECENT_BUCKETS, RECENT_BUCKET_MS, dailyBucketStart, recentBucketStart } from './history.ts';
import { throughStorage } from '../../../test/support/health-storage.ts';
import { sameSummary, summarize } from './summary.ts';
import type { HealthEffect, HealthEvent, HealthState, HistoryRun } from './types.ts';
import { mulberry32 as prng } from '../../../test/support/random.ts';

const SEQUENCES = 10_000;
const T0 = Date.UTC(2025, 0, 15, 3);
/** A few services, so that sequences pile several signals onto the same one; plus one not catalogued. */
const SERVICES: readonly ServiceId[] = [...SERVICE_IDS.slice(0, 4), 'nope' as ServiceId];
const CAUSES: readonly FailureCause[] = [{ kind: 'refused' }, { kind: 'timeout' }, { kind: 'http', status: 503 }, { kind: 'offline' }, { kind: 'dns' }];

function generator(random: () => number) {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const gap = (): number => {
    const r = random();
    if (r < 0.15) return 0;
    if (r < 0.3) return pick([1, 999, 1000, 60_000, 120_000, 120_001, RECENT_BUCKET_MS]);
    if (r < 0.85) return Math.floor(random() * 90_000);
    if (r < 0.92) return Math.floor(random() * 30 * 60_000);
    if (r < 0.97) return -Math.floor(random() * 10 * 60_000); // the clock went back
    return pick([DAY_MS, 3 * DAY_MS, 40 * DAY_MS]); // asleep
  };
  const event = (at: number): HealthEvent => {
    const service = pick(SERVICES);
    // Mostly the service's own page; sometimes what an attacker controls (see hostileEvent).
    const url = random() < 0.8 ? ownUrl(service) : pick(hostileUrls(service));
    switch (pick(['fail', 'fail', 'hang', 'ok', 'ok', 'probe', 'probe', 'probe', 'sub', 'sub', 'sub', 'page', 'control', 'control', 'net', 'tick'] as const)) {
      case 'fail':
        return { type: 'main-frame-failure', service, cause: pick(CAUSES), url, at };
      case 'hang':
        return { type: 'hang', service, url, waitedMs: 8000, at };
      case 'ok':
        return { type: 'main-frame-ok', service, url, at };
      case 'probe':
        return random() < 0.5
          ? { type: 'probe', service, ok: true, latencyMs: Math.floor(random() * 900), at }
          : { type: 'probe', service, ok: false, latencyMs: null, cause: { kind: 'timeout' }, at };
      case 'sub':
        return { type: 'subresource', service, ok: random() < 0.35, at };
      case 'page':
        return { type: 'error-page', service, url, page: random() < 0.5 ? 'maintenance' : 'error', at };
      case 'control':
        return { type: 'control', ok: random() < 0.6, at };
      case 'net':
        return { type: 'browser-network', online: random() < 0.6, at };
      case 'tick':
        return { type: 'tick', at };
    }
  };
  return { gap, event };
}

/** A page Kakao writes for the service. */
function ownUrl(service: ServiceId): string {
  if (!isServiceId(service)) return 'https://map.kakao.com/';
  const own: readonly string[] = CATALOGUE[service].authoredHosts;
  return `https://${own[0] ?? CATALOGUE[service].hosts[0]}/`;
}

/** Addresses a stranger can make fail, or fill with words: other ports, plain http, user-written hosts. */
function hostileUrls(service: ServiceId): string[] {
  const host = isServiceId(service) ? (CATALOGUE[service].hosts[0] as string).replace('*.', 'evil.') : 'map.kakao.com';
  return [
    `https://${host}:80/?q=x`,
    `https://${host}:81/`,
    `http://${host}/`,
    `https://u:p@${host}/`,
    'https://evil.tistory.com/1',
    'https://cafe.daum.net/x/1',
    'https://mail.daum.net/',
    'https://open.kakao.com/o/x',
    'https://pf.kakao.com/_x',
    'https://v.daum.net/v/1',
  ];
}

/** Only what an attacker can produce, and Kakao's own server answering now and then. */
function hostileGenerator(random: () => number) {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const event = (at: number): HealthEvent => {
    const service = pick(SERVICE_IDS);
    const url = pick(hostileUrls(service));
    // A failed load of a user-content host over https:443 is still Kakao's server failing: only the
    // addresses a stranger can make fail (other ports, plain http) are hostile for loads.
    const loadUrl = pick(hostileUrls(service).slice(0, 4));
    switch (pick(['fail', 'fail', 'hang', 'page', 'page', 'page', 'probe', 'control'] as const)) {
      case 'fail':
        return { type: 'main-frame-failure', service, cause: pick(CAUSES.filter((cause) => cause.kind !== 'offline')), url: loadUrl, at };
      case 'hang':
        return { type: 'hang', service, url: loadUrl, waitedMs: 8000, at };
      case 'page':
        return { type: 'error-page', service, url, page: random() < 0.7 ? 'maintenance' : 'error', at };
      case 'probe':
        return { type: 'probe', service, ok: true, latencyMs: 167, at };
      case 'control':
        return { type: 'control', ok: true, at };
    }
  };
  return { event };
}

/** Frozen all the way down, so any mutation of an input by reduce throws (ES modules are strict). */
function deepFreeze<T>(value: T): T {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value;
  Object.freeze(value);
  for (const child of Object.values(value)) deepFreeze(child);
  return value;
}

/** Runs hold valid buckets, at most `max` of them, and are canonical: in order, apart, none empty, touching ones different. */
function checkRuns(runs: readonly HistoryRun[], length: number, max: number, startOf: (t: number) => number, where: string): void {
  const buckets = runs.reduce((sum, run) => sum + run.count, 0);
  if (buckets > max) expect.fail(`${where}: ${buckets} buckets`);
  runs.forEach((run, index) => {
    const seconds = run.up + run.degraded + run.down;
    if (!Number.isInteger(run.count) || run.count < 1 || run.up < 0 || run.degraded < 0 || run.down < 0 || seconds === 0 || seconds > length / 1000 || startOf(run.start) !== run.start) {
      expect.fail(`${where}: bad run ${JSON.stringify(run)}`);
    }
    const previous = runs[index - 1];
    if (!previous) return;
    const end = previous.start + previous.count * length;
    if (end > run.start) expect.fail(`${where}: runs out of order or overlapping`);
    if (end === run.start && previous.up === run.up && previous.degraded === run.degraded && previous.down === run.down) expect.fail(`${where}: runs not merged`);
  });
}

function checkInvariants(
  before: HealthState,
  state: HealthState,
  event: HealthEvent,
  effects: readonly HealthEffect[],
  lastNotified: Map<ServiceId, 'down' | 'up' | 'unstable'>,
  sent: Map<ServiceId, number[]>,
  where: string,
): void {
  for (const id of SERVICE_IDS) {
    const health = state.services[id];
    if (health.confirmed && health.status !== 'down' && health.status !== 'degraded') expect.fail(`${where}: ${id} confirmed while ${health.status}`);
    if (health.goodStreak < 0 || health.goodStreak >= RECOVERY_PROBES) expect.fail(`${where}: ${id} goodStreak ${health.goodStreak}`);
    if (health.recentFailures.length > CONFIRM_FAILURES) expect.fail(`${where}: ${id} keeps ${health.recentFailures.length} failures`);
    if (health.subresources.length > SUBRESOURCE_MAX_SAMPLES) expect.fail(`${where}: ${id} keeps ${health.subresources.length} samples`);
    checkRuns(state.history[id].recent, RECENT_BUCKET_MS, RECENT_BUCKETS, recentBucketStart, `${where} ${id} recent`);
    checkRuns(state.history[id].daily, DAY_MS, DAILY_BUCKETS, dailyBucketStart, `${where} ${id} daily`);
  }
  // accountedUntil goes back only when the clock was set back past the tolerance, and then to the clock.
  if (state.accountedUntil < before.accountedUntil && !(event.at < before.accountedUntil - CLOCK_BACK_TOLERANCE_MS && state.accountedUntil === event.at)) {
    expect.fail(`${where}: accountedUntil went back`);
  }
  for (const effect of effects) {
    if (effect.type !== 'notify') continue;
    if (state.network === 'offline') expect.fail(`${where}: notified ${effect.service} while offline`);
    if (lastNotified.get(effect.service) === effect.transition) expect.fail(`${where}: ${effect.service} '${effect.transition}' notified twice in a row`);
    const health = state.services[effect.service];
    if (effect.transition === 'down' && !(health.status === 'down' && health.confirmed)) expect.fail(`${where}: 'down' for a service not confirmed down`);
    if (effect.transition === 'up' && health.status !== 'up') expect.fail(`${where}: 'up' for a service not up`);
    lastNotified.set(effect.service, effect.transition);
    // Damping: never more than a few notifications per service in any hour, by the events' clock.
    const recent = (sent.get(effect.service) ?? []).filter((t) => Math.abs(event.at - t) < NOTIFY_WINDOW_MS);
    if (recent.length > NOTIFY_PLAIN_PER_WINDOW) expect.fail(`${where}: ${effect.service}: ${recent.length + 1} notifications within an hour`);
    sent.set(effect.service, [...recent, event.at]);
  }
  const summaryChanges = effects.filter((effect) => effect.type === 'summary-changed').length;
  if (summaryChanges !== (sameSummary(summarize(before), summarize(state)) ? 0 : 1)) expect.fail(`${where}: ${summaryChanges} summary-changed`);
}

describe('reduce over random event sequences', () => {
  it(`holds its invariants over ${SEQUENCES} seeded sequences, with a restart in each`, () => {
    const random = prng(0x5eed);
    const { gap, event: eventAt } = generator(random);
    let notifications = 0;
    let confirmedDowns = 0;
    for (let sequence = 0; sequence < SEQUENCES; sequence += 1) {
      const length = 1 + Math.floor(random() * 30);
      const restartAt = Math.floor(random() * (length + 1));
      let at = T0;
      let state = deepFreeze(initialHealth(T0));
      let resumed: HealthState | undefined;
      const lastNotified = new Map<ServiceId, 'down' | 'up' | 'unstable'>();
      const sent = new Map<ServiceId, number[]>();
      const effects: HealthEffect[] = [];
      const resumedEffects: HealthEffect[] = [];
      let effectsAtRestart = 0;
      for (let step = 0; step < length; step += 1) {
        if (step === restartAt) {
          resumed = throughStorage(state, at);
          effectsAtRestart = effects.length;
        }
        at = Math.max(0, at + gap());
        const event = eventAt(at);
        const where = `sequence ${sequence} step ${step} (${event.type})`;
        let result: ReturnType<typeof reduce>;
        try {
          result = reduce(state, event);
        } catch (error) {
          throw new Error(`${where}: threw ${String(error)}`);
        }
        checkInvariants(state, result.state, event, result.effects, lastNotified, sent, where);
        effects.push(...result.effects);
        state = deepFreeze(result.state);
        if (resumed) {
          const other = reduce(resumed, event);
          resumed = other.state;
          resumedEffects.push(...other.effects);
        }
        if (result.state.services[SERVICES[0]!].confirmed && result.state.services[SERVICES[0]!].status === 'down') confirmedDowns += 1;
      }
      notifications += effects.filter((effect) => effect.type === 'notify').length;
      if (resumed) {
        expect(resumed, `sequence ${sequence}: state after a restart at ${restartAt}`).toStrictEqual(state);
        expect(resumedEffects, `sequence ${sequence}: effects after a restart at ${restartAt}`).toEqual(effects.slice(effectsAtRestart));
      }
    }
    // The sequences must actually reach the interesting states, or the invariants prove little.
    expect(notifications).toBeGreaterThan(1000);
    expect(confirmedDowns).toBeGreaterThan(1000);
  }, 300_000);
});

describe('hostile event sequences', () => {
  it('nothing a stranger controls confirms an outage, notifies, or arms the known-down short-cut', () => {
    const random = prng(0xbad5eed);
    const { event: hostile } = hostileGenerator(random);
    let suspected = 0;
    for (let sequence = 0; sequence < 600; sequence += 1) {
      let state = initialHealth(T0);
      let at = T0;
      for (let step = 0; step < 40; step += 1) {
        at += Math.floor(random() * 30_000);
        const event = hostile(at);
        const result = reduce(state, event);
        state = result.state;
        const where = `sequence ${sequence} step ${step} (${event.type} ${'url' in event ? event.url : ''})`;
        if (result.effects.some((effect) => effect.type === 'notify')) expect.fail(`${where}: notified`);
        for (const id of SERVICE_IDS) {
          const health = state.services[id];
          if (health.confirmed) expect.fail(`${where}: ${id} confirmed ${health.status}`);
          if (shortCutCause(state, id)) expect.fail(`${where}: ${id} known down`);
          if (health.status !== 'unknown' && health.status !== 'up') suspected += 1;
        }
      }
    }
    // Nothing hostile even raises a suspicion; the probes' answers make services 'up'.
    expect(suspected).toBe(0);
  }, 60_000);
});
