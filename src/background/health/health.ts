import { CONTROL_PROBES, SERVICES, SERVICE_IDS, type ServiceId } from '../../core/catalog/index.ts';
import { reduce } from '../../core/health/engine.ts';
import { probeAllowed, servicesToProbe, shouldProbe, type ProbeTrigger } from '../../core/health/scheduling.ts';
import { summarize } from '../../core/health/summary.ts';
import type { FailureCause } from '../../core/health/cause.ts';
import type { HealthEffect, HealthEvent, HealthState, Summary } from '../../core/health/types.ts';
import type { HealthView } from '../../core/health/view.ts';
import type { Settings } from '../../core/settings/index.ts';

export const PROBE_ALARM = 'detour-probe';
/** Once a minute while a Kakao page is open or something failed; never otherwise. */
const PROBE_PERIOD_MINUTES = 1;
const PROBE_TIMEOUT_MS = 5000;
/** What is not a transition (a probe's latency, a healthy sub-resource sample, time accounted) is written at most this often. */
export const QUIET_WRITE_MS = 60_000;

export interface ProbeOutcome {
  readonly ok: boolean;
  readonly latencyMs: number | null;
  readonly cause?: FailureCause;
}

/** Where the state lives between worker lives: read once at start, written as the policy below says. */
export interface HealthPersistence {
  read(): Promise<HealthState>;
  /** `history`: the history is written too (the live part always is). */
  write(state: HealthState, parts: { readonly history: boolean }): Promise<void>;
}

export interface HealthDeps {
  readonly persistence: HealthPersistence;
  readonly settings: () => Promise<Settings>;
  readonly now: () => number;
  readonly probe: (url: string, timeoutMs: number, control: boolean) => Promise<ProbeOutcome>;
  readonly notify: (id: string, service: ServiceId, transition: 'down' | 'up' | 'unstable') => Promise<void>;
  readonly setBadge: (summary: Summary) => Promise<void>;
  readonly ensureAlarm: (name: string, periodMinutes: number) => Promise<void>;
  readonly clearAlarm: (name: string) => Promise<void>;
  /** Services with a page open in some tab now. */
  readonly openServices: () => Promise<ServiceId[]>;
  readonly setTimer: (run: () => void, ms: number) => unknown;
  readonly clearTimer: (timer: unknown) => void;
}

export interface Health {
  dispatch(events: readonly HealthEvent[]): Promise<HealthState>;
  /** The state as it is now (in memory): history brought up to now, nothing written. */
  view(): Promise<HealthView>;
  state(): Promise<HealthState>;
  /** Probes these services and the control hosts now, when the user's probe setting allows it for this trigger. */
  check(services: readonly ServiceId[], trigger: ProbeTrigger): Promise<HealthView>;
  /** The alarm's turn: account time, probe if anything calls for it, stop the alarm when nothing does. */
  onAlarm(): Promise<void>;
  /** Something worth watching happened (a Kakao page, a failure): keep the probe alarm running. */
  wake(): Promise<void>;
  /** Restores the badge after a browser or worker start, or a change of language. */
  restoreBadge(): Promise<void>;
  /** Calls back after every dispatch with the state before and after it (for the in-page banner). */
  onChange(listener: (before: HealthState, after: HealthState) => void): void;
  /** Writes what is pending now (the worker is about to be stopped). */
  flush(): Promise<void>;
}

/** Whether time would now be counted differently in the history (a status or its confirmation changed). */
function countsChanged(before: HealthState, after: HealthState): boolean {
  return before.network !== after.network || SERVICE_IDS.some((id) => before.services[id].status !== after.services[id].status || before.services[id].confirmed !== after.services[id].confirmed);
}

/** Whether a step changed what users and other pages see: those are written at once. */
function isTransition(before: HealthState, after: HealthState, effects: readonly HealthEffect[]): boolean {
  return effects.length > 0 || countsChanged(before, after);
}

/**
 * The health state lives in the background's memory: read from storage once per worker life, changed
 * there by every event, and written on transitions (a status, a confirmation, the network, a
 * notification) at once and otherwise at most once a minute. Before, every event read and rewrote the
 * whole stored value, history and all, several times per page load; at day 30 that was most of the cost.
 */
export function createHealth(deps: HealthDeps): Health {
  const { persistence, settings, now } = deps;
  let current: Promise<HealthState> | undefined;
  /** Every change goes through this chain, in order, so no event is reduced against a stale state. */
  let chain: Promise<unknown> = Promise.resolve();
  let quietTimer: unknown;
  let dirty = false;
  let writing: Promise<void> = Promise.resolve();
  const listeners: Array<(before: HealthState, after: HealthState) => void> = [];

  const load = () => (current ??= persistence.read());

  /**
   * The history goes with the live part when a status changed (what was accounted until now must be
   * kept with it, or a restart would credit the last minute to the new status) and on the quiet write.
   */
  function writeNow(state: HealthState, history: boolean): Promise<void> {
    if (history) {
      dirty = false;
      if (quietTimer !== undefined) deps.clearTimer(quietTimer);
      quietTimer = undefined;
    }
    // Writes stay in order: a slow older write never lands after a newer one.
    writing = writing.then(() => persistence.write(state, { history })).catch(() => undefined);
    return writing;
  }

  function writeSoon(): void {
    dirty = true;
    if (quietTimer !== undefined) return;
    quietTimer = deps.setTimer(() => {
      quietTimer = undefined;
      if (dirty) void load().then((state) => writeNow(state, true));
    }, QUIET_WRITE_MS);
  }

  async function runEffects(effects: readonly HealthEffect[], state: HealthState): Promise<void> {
    const notifications = effects.filter((effect) => effect.type === 'notify');
    if (notifications.length > 0 && (await settings()).notifications) {
      for (const effect of notifications) await deps.notify(`detour-${effect.service}`, effect.service, effect.transition).catch(() => undefined);
    }
    if (effects.some((effect) => effect.type === 'summary-changed')) await deps.setBadge(summarize(state)).catch(() => undefined);
  }

  function dispatch(events: readonly HealthEvent[]): Promise<HealthState> {
    const step = chain.then(async () => {
      const before = await load();
      let state = before;
      const effects: HealthEffect[] = [];
      for (const event of events) {
        const reduced = reduce(state, event);
        state = reduced.state;
        effects.push(...reduced.effects);
      }
      current = Promise.resolve(state);
      if (isTransition(before, state, effects)) {
        const history = countsChanged(before, state);
        await writeNow(state, history);
        if (!history) writeSoon();
      } else if (state !== before) writeSoon();
      return { before, state, effects };
    });
    chain = step.catch(() => undefined);
    return step.then(async ({ before, state, effects }) => {
      await runEffects(effects, state);
      for (const listener of listeners) listener(before, state);
      return state;
    });
  }

  async function view(): Promise<HealthView> {
    await chain;
    const state = reduce(await load(), { type: 'tick', at: now() }).state;
    return { state, summary: summarize(state) };
  }

  async function check(services: readonly ServiceId[], trigger: ProbeTrigger): Promise<HealthView> {
    if (!probeAllowed((await settings()).probes, trigger)) return view();
    const startedAt = now();
    const [control, results] = await Promise.all([
      Promise.all(CONTROL_PROBES.map((url) => deps.probe(url, PROBE_TIMEOUT_MS, true))),
      Promise.all(services.map((id) => deps.probe(SERVICES[id].probe, PROBE_TIMEOUT_MS, false))),
    ]);
    const at = now();
    // The control goes first: a failing Kakao probe must not be held against Kakao while offline.
    // Each answer carries when its probe started: one that answers after a newer one (a hung server's
    // time-out, long after a recovery was seen) says nothing about now, and the engine drops it.
    const events: HealthEvent[] = [
      { type: 'control', ok: control.some((result) => result.ok), at },
      ...results.map(({ ok, latencyMs, cause }, index): HealthEvent => ({ type: 'probe', service: services[index]!, ok, latencyMs, ...(cause ? { cause } : {}), at, startedAt })),
    ];
    const state = await dispatch(events);
    return { state, summary: summarize(state) };
  }

  return {
    dispatch,
    view,
    state: async () => {
      await chain;
      return load();
    },
    check,
    async onAlarm() {
      const state = await dispatch([{ type: 'tick', at: now() }]);
      const open = await deps.openServices();
      const mode = (await settings()).probes;
      if (!shouldProbe(state, now(), { kakaoTabOpen: open.length > 0, mode })) {
        // Nothing open, nothing failing (or probes only on request): no probe traffic until something happens.
        await deps.clearAlarm(PROBE_ALARM);
        // The worker may sleep now: what was kept for the quiet write goes out first.
        if (dirty) await writeNow(state, true);
        return;
      }
      await check(servicesToProbe(state, { openServices: open, mode }), 'alarm');
    },
    async wake() {
      if ((await settings()).probes !== 'manual') await deps.ensureAlarm(PROBE_ALARM, PROBE_PERIOD_MINUTES);
    },
    async restoreBadge() {
      await deps.setBadge(summarize(await load())).catch(() => undefined);
    },
    onChange(listener) {
      listeners.push(listener);
    },
    async flush() {
      await chain;
      if (dirty) await writeNow(await load(), true);
      await writing;
    },
  };
}
