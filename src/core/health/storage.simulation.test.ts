import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../test/support/random.ts';
import { SERVICE_IDS, SERVICES, type ServiceId } from '../catalog/index.ts';
import { initialHealth, reduce } from './engine.ts';
import { DAY_MS, RECENT_BUCKET_MS, bucketsOf } from './history.ts';
import { servicesToProbe, shouldProbe } from './scheduling.ts';
import { joinFromStorage, splitForStorage } from './storage.ts';
import type { HealthEvent, HealthState, ServiceStatus } from './types.ts';
import { healthView } from './view.ts';

/**
 * Thirty days of history through the real reducer, to hold the storage budget of issue #11: what is
 * stored after a month must be as small as after a day, whatever the month was like.
 */

const M = 60_000;
const H = 60 * M;
const DAYS = 30;
/** 2025-03-01 00:00 KST. */
const T0 = Date.UTC(2025, 1, 28, 15);
const url = (id: ServiceId) => `https://${SERVICES[id].hosts[0]}/`;

interface Run {
  state: HealthState;
  /** The state as it was after the first day, to compare day 1 with day 30. */
  dayOne: HealthState | undefined;
  events: number;
}

function feed(run: Run, event: HealthEvent): void {
  run.state = reduce(run.state, event).state;
  run.events += 1;
  if (!run.dayOne && event.at >= T0 + DAY_MS) run.dayOne = run.state;
}

/** Outage and flapping intervals per service: [from, to) during which every request to it fails. */
type Outages = ReadonlyMap<ServiceId, ReadonlyArray<readonly [number, number]>>;

function outages(random: () => number): Outages {
  const map = new Map<ServiceId, Array<readonly [number, number]>>();
  for (const id of SERVICE_IDS) {
    const list: Array<readonly [number, number]> = [];
    // A few outages a week: 5 to 90 minutes each, at any hour.
    for (let i = 0; i < 12; i += 1) {
      const from = T0 + Math.floor(random() * DAYS * DAY_MS);
      list.push([from, from + (5 + Math.floor(random() * 85)) * M]);
    }
    // A flapping episode or two a week: half an hour of failing and answering every 2 to 4 minutes.
    for (let i = 0; i < 6; i += 1) {
      let at = T0 + Math.floor(random() * DAYS * DAY_MS);
      const end = at + 30 * M;
      while (at < end) {
        const length = (2 + Math.floor(random() * 3)) * M;
        list.push([at, at + length]);
        at += 2 * length;
      }
    }
    map.set(id, list);
  }
  return map;
}

const failing = (plan: Outages, id: ServiceId, at: number) => plan.get(id)!.some(([from, to]) => at >= from && at < to);

/**
 * A user's month: the browser runs from morning to midnight (Korean time), with two to four sessions a
 * day on a few Kakao services (all 16 over the month). The alarm probes once a minute while it should
 * (scheduling.ts decides, as the background does), pages load every few minutes with their
 * sub-resources, and the services have the outages and flapping of `outages`.
 */
function realistic(seed: number): Run {
  const random = mulberry32(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const plan = outages(random);
  const run: Run = { state: initialHealth(T0), dayOne: undefined, events: 0 };
  for (let day = 0; day < DAYS; day += 1) {
    const morning = T0 + day * DAY_MS + 8 * H;
    const sessions: Array<{ from: number; to: number; open: ServiceId[] }> = [];
    const count = 2 + Math.floor(random() * 3);
    for (let i = 0; i < count; i += 1) {
      const from = morning + Math.floor(random() * 15 * H);
      const open = [...new Set([pick(SERVICE_IDS), pick(SERVICE_IDS), pick(SERVICE_IDS)])];
      sessions.push({ from, to: Math.min(morning + 16 * H, from + (20 + Math.floor(random() * 100)) * M), open });
    }
    let alarm = false;
    for (let at = morning; at < morning + 16 * H; at += M) {
      const session = sessions.find((s) => at >= s.from && at < s.to);
      const open = session?.open ?? [];
      // A page load now and then: the main frame, its sub-resources, what the content script read.
      if (session && random() < 0.3) {
        const id = pick(open);
        const t = at + Math.floor(random() * 50_000);
        if (failing(plan, id, t)) {
          feed(run, { type: 'main-frame-failure', service: id, cause: { kind: 'http', status: 503 }, url: url(id), at: t });
        } else {
          feed(run, { type: 'main-frame-ok', service: id, url: url(id), at: t });
          // A Kakao page loads dozens of scripts, API calls and map tiles; a few fail even on a good day.
          for (let r = 0; r < 60; r += 1) feed(run, { type: 'subresource', service: id, ok: random() > 0.02, at: t + 300 + r * 20 });
          feed(run, { type: 'page-content-ok', service: id, url: url(id), at: t + 1500 });
        }
        alarm = true;
      }
      if (!alarm) continue;
      // The alarm's turn, as the background takes it.
      feed(run, { type: 'tick', at });
      if (!shouldProbe(run.state, at, { kakaoTabOpen: open.length > 0 })) {
        alarm = false;
        continue;
      }
      feed(run, { type: 'control', ok: true, at });
      for (const id of servicesToProbe(run.state, { openServices: open })) {
        const ok = !failing(plan, id, at);
        feed(run, ok ? { type: 'probe', service: id, ok, latencyMs: 40 + Math.floor(random() * 200), at } : { type: 'probe', service: id, ok, latencyMs: null, cause: { kind: 'timeout' }, at });
      }
    }
  }
  // The popup opens at the end of the month.
  feed(run, { type: 'tick', at: T0 + DAYS * DAY_MS });
  return run;
}

/** The events that take a service to `target` from where it is: the shortest way the engine allows. */
function reach(run: Run, id: ServiceId, target: Exclude<ServiceStatus, 'unknown'>, at: number): void {
  for (let step = 0; step < 8; step += 1) {
    const health = run.state.services[id];
    if (health.status === target && (target !== 'down' || health.confirmed)) return;
    const blind = health.evidence?.kind === 'error-page';
    const recover: HealthEvent = blind ? { type: 'page-content-ok', service: id, url: url(id), at } : { type: 'probe', service: id, ok: true, latencyMs: 90, at };
    if (target === 'down') feed(run, { type: 'probe', service: id, ok: false, latencyMs: null, cause: { kind: 'refused' }, at });
    else if (target === 'up' || health.status === 'down') feed(run, recover);
    // Degraded by its own requests failing: page text counts only on pages Kakao writes (src/core/health/trust.ts).
    else for (let i = 0; i < 5; i += 1) feed(run, { type: 'subresource', service: id, ok: false, at });
  }
  throw new Error(`${id} did not reach ${target} at ${at}`);
}

/** The hostile month: every service changes status every 5 to 10 minutes, day and night, for 30 days. */
function hostile(seed: number): Run {
  const random = mulberry32(seed);
  const run: Run = { state: initialHealth(T0), dayOne: undefined, events: 0 };
  feed(run, { type: 'control', ok: true, at: T0 });
  const next = new Map<ServiceId, number>(SERVICE_IDS.map((id) => [id, T0 + Math.floor(random() * 5 * M)]));
  const statuses = ['up', 'degraded', 'down'] as const;
  for (let minute = T0; minute <= T0 + DAYS * DAY_MS; minute += M) {
    // The changes due within this minute, in time order, then the alarm's tick at its end.
    const due = SERVICE_IDS.filter((id) => next.get(id)! < minute + M).sort((a, b) => next.get(a)! - next.get(b)!);
    for (const id of due) {
      const at = next.get(id)!;
      const current = run.state.services[id].status;
      const choices = statuses.filter((status) => status !== current);
      reach(run, id, choices[Math.floor(random() * choices.length)]!, at);
      next.set(id, at + Math.floor(((5 + random() * 5) * M) / 1000) * 1000);
    }
    feed(run, { type: 'tick', at: minute + M });
  }
  return run;
}

const bytes = (value: unknown) => new TextEncoder().encode(JSON.stringify(value)).length;
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

/** Today's format before this change: the whole state under one key, history as one object per bucket. */
function v1Format(state: HealthState): unknown {
  const history = Object.fromEntries(SERVICE_IDS.map((id) => [id, { recent: bucketsOf(state.history[id].recent, RECENT_BUCKET_MS), daily: bucketsOf(state.history[id].daily, DAY_MS) }]));
  return { ...state, history };
}

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function time(work: () => unknown, repeat = 25): number {
  const samples: number[] = [];
  for (let i = 0; i < repeat; i += 1) {
    const start = performance.now();
    work();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

const SCENARIOS = [
  { name: 'realistic', simulate: () => realistic(0x0d1a), budget: 8 * 1024 },
  { name: 'hostile: every status change every 5-10 min, 24/7', simulate: () => hostile(0xbad5), budget: 32 * 1024 },
] as const;

describe('storage after 30 simulated days', () => {
  it.each(SCENARIOS)(
    '$name: stays within its budget and reads back exactly',
    ({ name, simulate, budget }) => {
      const run = simulate();
      const { state, dayOne } = run;
      const end = state.accountedUntil;
      const { live, history } = splitForStorage(state);
      const stored = bytes(live) + bytes(history);
      const dayOneStored = dayOne ? bytes(splitForStorage(dayOne).live) + bytes(splitForStorage(dayOne).history) : 0;
      const runs = SERVICE_IDS.reduce((sum, id) => sum + state.history[id].recent.length + state.history[id].daily.length, 0);
      const buckets = SERVICE_IDS.reduce((sum, id) => sum + bucketsOf(state.history[id].recent, RECENT_BUCKET_MS).length + bucketsOf(state.history[id].daily, DAY_MS).length, 0);
      const downSeconds = SERVICE_IDS.reduce((sum, id) => sum + bucketsOf(state.history[id].daily, DAY_MS).reduce((s, b) => s + b.down + b.degraded, 0), 0);

      // The simulation must have lived the month it claims, or the budget proves little.
      expect(SERVICE_IDS.every((id) => state.history[id].daily.length > 0)).toBe(true);
      expect(downSeconds).toBeGreaterThan(0);
      // What is stored is the state, exactly, after a restart.
      expect(joinFromStorage(JSON.parse(JSON.stringify(live)), JSON.parse(JSON.stringify(history)), end)).toStrictEqual(state);
      expect(stored).toBeLessThanOrEqual(budget);

      const liveJson = JSON.parse(JSON.stringify(live)) as unknown;
      const historyJson = JSON.parse(JSON.stringify(history)) as unknown;
      const v1 = JSON.parse(JSON.stringify(v1Format(state))) as unknown;
      const dayOneLive = dayOne && (JSON.parse(JSON.stringify(splitForStorage(dayOne).live)) as unknown);
      const dayOneHistory = dayOne && (JSON.parse(JSON.stringify(splitForStorage(dayOne).history)) as unknown);
      const figures = {
        events: run.events,
        buckets,
        runs,
        'stored day 1 (live + history)': kb(dayOneStored),
        'stored day 30 (live + history)': `${kb(stored)} (${kb(bytes(live))} + ${kb(bytes(history))})`,
        'stored day 30 before (v1, one key)': kb(bytes(v1)),
        'health/get message day 30 (HealthView JSON)': kb(bytes(healthView(liveJson, historyJson, end))),
        'health/get message day 30 before (buckets)': kb(bytes({ state: v1Format(state) })),
        'healthView day 1 (ms)': dayOne ? time(() => healthView(dayOneLive, dayOneHistory, dayOne.accountedUntil + M)).toFixed(3) : '-',
        'healthView day 30 (ms)': time(() => healthView(liveJson, historyJson, end + M)).toFixed(3),
        'healthView day 30 from v1 (migration read, ms)': time(() => healthView(v1, undefined, end + M)).toFixed(3),
        'reduce tick day 1 (ms)': dayOne ? time(() => reduce(dayOne, { type: 'tick', at: dayOne.accountedUntil + M }), 200).toFixed(4) : '-',
        'reduce tick day 30 (ms)': time(() => reduce(state, { type: 'tick', at: end + M }), 200).toFixed(4),
        'splitForStorage + JSON day 30 (ms)': time(() => JSON.stringify(splitForStorage(state))).toFixed(3),
      };
      console.log(
        `[issue #11] ${name}\n${Object.entries(figures)
          .map(([key, value]) => `  ${key}: ${value}`)
          .join('\n')}`,
      );
    },
    300_000,
  );
});
