import { SERVICE_IDS, isServiceId, type ServiceId } from '../catalog/index.ts';
import { boundedUrl } from '../util/safe-text.ts';
import { pageTextCounts, evidenceServiceForUrl } from './trust.ts';
import { accountTime, emptyHistory } from './history.ts';
import { sameSummary, summarize } from './summary.ts';
import {
  CONFIRM_FAILURES,
  CONFIRM_WINDOW_MS,
  NOTIFY_PLAIN_PER_WINDOW,
  NOTIFY_WINDOW_MS,
  RECOVERY_PROBES,
  SUBRESOURCE_FAILURE_RATE,
  SUBRESOURCE_MAX_SAMPLES,
  SUBRESOURCE_MIN_FAILURES,
  SUBRESOURCE_WINDOW_MS,
} from './thresholds.ts';
import type { Evidence, HealthEffect, HealthEvent, HealthState, NetworkStatus, ServiceHealth, ServiceHistory } from './types.ts';

export interface Reduction {
  readonly state: HealthState;
  readonly effects: HealthEffect[];
}

export function initialService(now: number): ServiceHealth {
  return { status: 'unknown', confirmed: false, since: now, evidence: null, lastCheck: null, latencyMs: null, goodStreak: 0, recentFailures: [], subresources: [] };
}

export function initialHealth(now: number): HealthState {
  const services = {} as Record<ServiceId, ServiceHealth>;
  const history = {} as Record<ServiceId, ServiceHistory>;
  for (const id of SERVICE_IDS) {
    services[id] = initialService(now);
    history[id] = emptyHistory();
  }
  return { version: 1, services, network: 'unknown', networkSince: now, accountedUntil: now, history, lastFailureAt: null, notified: {}, notifiedAt: {}, unstableAt: {} };
}

/** The parts of the state one event may change, copied once so the input is never mutated. */
interface Work {
  readonly services: Record<ServiceId, ServiceHealth>;
  network: NetworkStatus;
  networkSince: number;
  lastFailureAt: number | null;
}

const EVENT_TYPES: ReadonlySet<string> = new Set(['main-frame-failure', 'main-frame-ok', 'hang', 'subresource', 'error-page', 'page-content-ok', 'probe', 'control', 'browser-network', 'tick']);

/** Events cross a message boundary: their type is a promise of the sender, so check what is used. */
function isUsable(event: HealthEvent): boolean {
  if (typeof event !== 'object' || event === null) return false;
  if (typeof event.at !== 'number' || !Number.isFinite(event.at)) return false;
  if (!EVENT_TYPES.has(event.type)) return false;
  // A missing verdict must not read as a failure: "ok: undefined" is no evidence of anything.
  if (event.type === 'probe' || event.type === 'subresource' || event.type === 'control') return typeof event.ok === 'boolean';
  if (event.type === 'browser-network') return typeof event.online === 'boolean';
  return true;
}

function setNetwork(work: Work, network: NetworkStatus, at: number): void {
  if (work.network === network) return;
  work.network = network;
  work.networkSince = at;
}

/**
 * Nothing answers: the failures that made services suspect were most likely the user's own network,
 * so unconfirmed suspicions are withdrawn. Their status before the suspicion is not stored (the
 * contract has no field for it); 'unknown' is the honest answer until the next signal.
 */
function goOffline(work: Work, at: number): void {
  setNetwork(work, 'offline', at);
  for (const id of SERVICE_IDS) {
    const health = work.services[id];
    if (health.status === 'down' && !health.confirmed) {
      work.services[id] = { ...health, status: 'unknown', since: at, evidence: null, goodStreak: 0, recentFailures: [] };
    }
  }
}

/**
 * Sub-resource samples count only within SUBRESOURCE_WINDOW_MS of an event. Those outside it are
 * dropped at every event, not only at the service's next sub-resource: otherwise the last page of
 * every service visited would keep up to SUBRESOURCE_MAX_SAMPLES samples in the state (and in
 * storage) for as long as the user does not come back to it.
 */
function dropStaleSamples(work: Work, at: number): void {
  for (const id of SERVICE_IDS) {
    const health = work.services[id];
    if (health.subresources.some(([t]) => Math.abs(at - t) > SUBRESOURCE_WINDOW_MS)) {
      work.services[id] = { ...health, subresources: health.subresources.filter(([t]) => Math.abs(at - t) <= SUBRESOURCE_WINDOW_MS) };
    }
  }
}

/**
 * Failures that are no more than CONFIRM_WINDOW_MS from `at`, in either direction: a clock that went
 * back must not leave stale "future" failures confirming forever, nor lose real ones. Only the newest
 * CONFIRM_FAILURES matter for confirmation, so the list is never longer.
 */
function recentWith(failures: readonly number[], at: number): number[] {
  const kept = failures.filter((t) => Math.abs(at - t) <= CONFIRM_WINDOW_MS);
  kept.push(at);
  kept.sort((a, b) => a - b);
  return kept.slice(-CONFIRM_FAILURES);
}

/** A main-frame failure or hang: suspect at once, confirmed by a second one within the window. */
function mainFrameFailure(work: Work, id: ServiceId, evidence: Evidence, at: number): void {
  work.lastFailureAt = at;
  // Never blame Kakao for the user's network.
  if (work.network === 'offline') return;
  const health = work.services[id];
  const recentFailures = recentWith(health.recentFailures, at);
  const wasDown = health.status === 'down';
  // The service's own probe answered since the first of these failures: then two failed loads may be
  // two addresses a stranger crafted for Kakao's server to refuse with a 5xx, not an outage. Each
  // still gets the fallback page; only a failed probe confirms.
  const probeAnswered = health.lastCheck !== null && health.latencyMs !== null && health.lastCheck >= (recentFailures[0] ?? at);
  const confirmed = (wasDown && health.confirmed) || (recentFailures.length >= CONFIRM_FAILURES && !probeAnswered);
  const changed = !wasDown || confirmed !== health.confirmed;
  work.services[id] = {
    ...health,
    status: 'down',
    confirmed,
    since: wasDown ? health.since : at,
    evidence: changed ? evidence : health.evidence,
    goodStreak: 0,
    recentFailures,
  };
}

/** Back to up from down or degraded: fresh evidence is needed before either again. */
function recovered(health: ServiceHealth, evidence: Evidence, at: number): ServiceHealth {
  return { ...health, status: 'up', confirmed: false, since: at, evidence, goodStreak: 0, recentFailures: [], subresources: [] };
}

/** A good probe or a healthy main-frame load. */
function goodSignal(work: Work, id: ServiceId, health: ServiceHealth, evidence: Evidence, at: number): void {
  if (health.status === 'unknown') {
    work.services[id] = { ...health, status: 'up', confirmed: false, since: at, evidence, goodStreak: 0 };
  } else if (health.status === 'up') {
    work.services[id] = health;
  } else {
    const goodStreak = health.goodStreak + 1;
    work.services[id] = goodStreak >= RECOVERY_PROBES ? recovered(health, evidence, at) : { ...health, goodStreak };
  }
}

/**
 * Kakao serves its maintenance and error pages with 200: while one is the evidence, another page's
 * 200 proves nothing, and counting it would flap down/up with every page load. Kakao's own probe is
 * another matter (below).
 */
function blindToErrorPage(health: ServiceHealth): boolean {
  return health.evidence?.kind === 'error-page' && (health.status === 'down' || health.status === 'degraded');
}

function probe(work: Work, event: Extract<HealthEvent, { type: 'probe' }>): void {
  const { service: id, at } = event;
  const health = work.services[id];
  // Sent before the last answer arrived: a newer probe has spoken since, and outranks it.
  if (typeof event.startedAt === 'number' && health.lastCheck !== null && event.startedAt < health.lastCheck) return;
  if (event.ok) {
    // Something answered, so the user's network works, whatever the last control probe said.
    if (work.network !== 'online') setNetwork(work, 'online', at);
    const latencyMs = typeof event.latencyMs === 'number' && Number.isFinite(event.latencyMs) ? event.latencyMs : null;
    const evidence: Evidence = latencyMs === null ? { kind: 'probe', ok: true } : { kind: 'probe', ok: true, latencyMs };
    const checked: ServiceHealth = { ...health, lastCheck: at, latencyMs };
    // Page text is a suspicion anyone who can write a title can raise (src/core/health/trust.ts): Kakao's
    // own server answering outweighs it at once. Nothing keeps a user from a service whose probe answers.
    if (blindToErrorPage(health)) work.services[id] = recovered(checked, evidence, at);
    else goodSignal(work, id, checked, evidence, at);
    return;
  }
  if (work.network === 'offline') {
    work.services[id] = { ...health, lastCheck: at };
    return;
  }
  work.lastFailureAt = at;
  const evidence: Evidence = event.cause ? { kind: 'probe', ok: false, cause: event.cause } : { kind: 'probe', ok: false };
  const checked: ServiceHealth = { ...health, lastCheck: at, latencyMs: null, goodStreak: 0 };
  if (health.status === 'down') {
    // A failed probe while the control works is strong: it confirms a suspicion.
    work.services[id] = health.confirmed ? checked : { ...checked, confirmed: true, evidence };
  } else {
    work.services[id] = { ...checked, status: 'down', confirmed: true, since: at, evidence };
  }
}

function subresourceStats(samples: ReadonlyArray<readonly [number, boolean]>): { failed: number; total: number; meets: boolean } {
  const failed = samples.reduce((count, [, ok]) => (ok ? count : count + 1), 0);
  const total = samples.length;
  return { failed, total, meets: failed >= SUBRESOURCE_MIN_FAILURES && failed / total >= SUBRESOURCE_FAILURE_RATE };
}

function subresource(work: Work, event: Extract<HealthEvent, { type: 'subresource' }>): void {
  // Failed requests while offline are the user's network; good ones say nothing new then either.
  if (work.network === 'offline') return;
  const { service: id, at } = event;
  const health = work.services[id];
  const samples: Array<readonly [number, boolean]> = health.subresources.filter(([t]) => Math.abs(at - t) <= SUBRESOURCE_WINDOW_MS);
  samples.push([at, event.ok]);
  const subresources = samples.slice(-SUBRESOURCE_MAX_SAMPLES);
  const { failed, total, meets } = subresourceStats(subresources);
  const updated: ServiceHealth = { ...health, subresources };
  if (meets && (health.status === 'up' || health.status === 'unknown')) {
    work.lastFailureAt = at;
    work.services[id] = { ...updated, status: 'degraded', confirmed: true, since: at, evidence: { kind: 'subresources', failed, total }, goodStreak: 0 };
  } else if (!meets && total >= SUBRESOURCE_MIN_FAILURES && health.status === 'degraded' && health.evidence?.kind === 'subresources') {
    // Only a degradation the sub-resources measured is undone by them: an error page's own images
    // load fine, and must not clear the error the page itself announced.
    work.services[id] = { ...updated, status: 'up', confirmed: false, since: at, evidence: { kind: 'subresources', failed, total }, goodStreak: 0, recentFailures: [] };
  } else {
    work.services[id] = updated;
  }
}

/**
 * A maintenance or error page served with 200. Only a page Kakao writes counts (never a blog, a cafe
 * post, mail, a chat or channel page, nor plain http: src/core/health/trust.ts), and even then it is a
 * suspicion, never a confirmation: a phrase in a title is easy to come by, so Kakao's own server has
 * to agree (a failed probe confirms; a good one clears it). It holds while the network looks offline
 * (the page did arrive), but confirms nothing then either.
 */
function errorPage(work: Work, event: Extract<HealthEvent, { type: 'error-page' }>): void {
  const { service: id, at } = event;
  const url = String(event.url);
  if (!pageTextCounts(url, id)) return;
  const health = work.services[id];
  const evidence: Evidence = { kind: 'error-page', url: boundedUrl(url), page: event.page === 'maintenance' ? 'maintenance' : 'error' };
  work.lastFailureAt = at;
  if (health.status === 'down') {
    // Already down (suspected or confirmed on stronger evidence): the page adds nothing to that.
    work.services[id] = { ...health, goodStreak: 0 };
  } else if (evidence.page === 'maintenance') {
    work.services[id] = { ...health, status: 'down', confirmed: false, since: at, evidence, goodStreak: 0, recentFailures: [] };
  } else if (health.status === 'up' || health.status === 'unknown') {
    work.services[id] = { ...health, status: 'degraded', confirmed: false, since: at, evidence, goodStreak: 0 };
  } else {
    work.services[id] = { ...health, goodStreak: 0 };
  }
}

function apply(work: Work, event: HealthEvent): void {
  switch (event.type) {
    case 'control':
      if (event.ok) setNetwork(work, 'online', event.at);
      else goOffline(work, event.at);
      return;
    case 'browser-network':
      // The browser's "online" only means a link is up, not that anything answers: wait for the control.
      if (!event.online) goOffline(work, event.at);
      else if (work.network === 'offline') setNetwork(work, 'unknown', event.at);
      return;
    case 'tick':
      return;
    default:
      break;
  }
  if (!isServiceId(event.service)) return;
  switch (event.type) {
    case 'main-frame-failure':
    case 'hang':
      // Defence in depth (signals.ts filters already): only Kakao's own server's failure is evidence.
      if (evidenceServiceForUrl(String(event.url)) !== event.service) return;
      break;
    default:
      break;
  }
  switch (event.type) {
    case 'main-frame-failure':
      if (event.cause?.kind === 'offline') {
        work.lastFailureAt = event.at;
        goOffline(work, event.at);
      } else {
        mainFrameFailure(work, event.service, { kind: 'main-frame', cause: event.cause, url: boundedUrl(event.url) }, event.at);
      }
      return;
    case 'hang':
      mainFrameFailure(work, event.service, { kind: 'hang', url: boundedUrl(event.url), waitedMs: event.waitedMs }, event.at);
      return;
    case 'main-frame-ok':
      if (blindToErrorPage(work.services[event.service])) return;
      goodSignal(work, event.service, work.services[event.service], { kind: 'page-ok', url: boundedUrl(event.url) }, event.at);
      return;
    case 'page-content-ok':
      // Only reading the page can clear what reading the page found; otherwise a status code says as much.
      if (blindToErrorPage(work.services[event.service])) goodSignal(work, event.service, work.services[event.service], { kind: 'page-ok', url: boundedUrl(event.url) }, event.at);
      return;
    case 'probe':
      probe(work, event);
      return;
    case 'subresource':
      subresource(work, event);
      return;
    case 'error-page':
      errorPage(work, event);
      return;
  }
}

/**
 * Notifications follow the state rather than the event: a service confirmed down that the user was
 * not yet told about is announced, and a recovery only after a 'down' was announced. Because the
 * record of what was announced lives in the state, replaying events or restarting the worker can
 * never announce the same transition twice. Nothing is announced while offline: the user's own
 * network is then the likelier story, and what still holds is announced once it is back.
 */
function notifications(state: HealthState, at: number): Pick<HealthState, 'notified' | 'notifiedAt' | 'unstableAt'> & { effects: HealthEffect[] } {
  const effects: HealthEffect[] = [];
  const { notified: told, notifiedAt: toldAt, unstableAt: toldUnstable } = state;
  if (state.network === 'offline') return { notified: told, notifiedAt: toldAt, unstableAt: toldUnstable, effects };
  let notified: Partial<Record<ServiceId, 'down' | 'up'>> | undefined;
  let notifiedAt: Partial<Record<ServiceId, readonly number[]>> | undefined;
  let unstableAt: Partial<Record<ServiceId, number>> | undefined;
  // |at - t|: a clock that jumped either way can neither stretch nor skip the window.
  const within = (t: number) => Math.abs(at - t) < NOTIFY_WINDOW_MS;
  for (const id of SERVICE_IDS) {
    const health = state.services[id];
    const last = told[id];
    let transition: 'down' | 'up' | undefined;
    if (health.status === 'down' && health.confirmed && last !== 'down') transition = 'down';
    else if (health.status === 'up' && last === 'down') transition = 'up';
    if (!transition) continue;
    // Damping. A flapping service would announce every swing: after NOTIFY_PLAIN_PER_WINDOW plain
    // notifications within the window, one says the service is unstable, and then it is quiet for a
    // window. The transition is not marked as told meanwhile, so what still holds afterwards is
    // announced then, plainly.
    const unstable = toldUnstable[id];
    if (unstable !== undefined && within(unstable)) continue;
    const recent = (toldAt[id] ?? []).filter(within);
    if (recent.length >= NOTIFY_PLAIN_PER_WINDOW) {
      unstableAt ??= { ...toldUnstable };
      notifiedAt ??= { ...toldAt };
      unstableAt[id] = at;
      notifiedAt[id] = [];
      effects.push({ type: 'notify', service: id, transition: 'unstable' });
      continue;
    }
    notified ??= { ...told };
    notifiedAt ??= { ...toldAt };
    notified[id] = transition;
    notifiedAt[id] = [...recent, at];
    effects.push({ type: 'notify', service: id, transition });
  }
  return { notified: notified ?? told, notifiedAt: notifiedAt ?? toldAt, unstableAt: unstableAt ?? toldUnstable, effects };
}

/**
 * The one place that decides what is down. Pure and total: the input is never mutated, nothing is
 * thrown, an event for a service outside the catalogue only lets time pass.
 */
export function reduce(state: HealthState, event: HealthEvent): Reduction {
  if (!isUsable(event)) return { state, effects: [] };
  const before = summarize(state);
  const accounted = accountTime(state, event.at);
  const work: Work = {
    services: { ...accounted.services },
    network: accounted.network,
    networkSince: accounted.networkSince,
    lastFailureAt: accounted.lastFailureAt,
  };
  dropStaleSamples(work, event.at);
  apply(work, event);
  const applied: HealthState = { ...accounted, services: work.services, network: work.network, networkSince: work.networkSince, lastFailureAt: work.lastFailureAt };
  const { notified, notifiedAt, unstableAt, effects } = notifications(applied, event.at);
  const next: HealthState = notified === applied.notified && notifiedAt === applied.notifiedAt && unstableAt === applied.unstableAt ? applied : { ...applied, notified, notifiedAt, unstableAt };
  if (!sameSummary(before, summarize(next))) effects.push({ type: 'summary-changed' });
  return { state: next, effects };
}

/** Folds a sequence of events, collecting every effect in order: for replays and tests. */
export function reduceAll(state: HealthState, events: readonly HealthEvent[]): Reduction {
  let current = state;
  const effects: HealthEffect[] = [];
  for (const event of events) {
    const result = reduce(current, event);
    current = result.state;
    effects.push(...result.effects);
  }
  return { state: current, effects };
}
