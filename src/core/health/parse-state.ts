import * as v from 'valibot';
import { SERVICE_IDS, type ServiceId } from '../catalog/index.ts';
import { decodeCause, isServerError, type FailureCause } from './cause.ts';
import { boundedUrl } from '../util/safe-text.ts';
import { initialHealth, initialService } from './engine.ts';
import { DAILY_BUCKETS, DAY_MS, RECENT_BUCKETS, RECENT_BUCKET_MS, appendRun, dailyBucketStart, emptyHistory, keepLastBuckets, recentBucketStart } from './history.ts';
import { CONFIRM_FAILURES, NOTIFY_PLAIN_PER_WINDOW, SUBRESOURCE_MAX_SAMPLES } from './thresholds.ts';
import type { HealthState, HistoryBucket, HistoryRun, NetworkStatus, ServiceHealth, ServiceHistory } from './types.ts';

const finite = v.pipe(v.number(), v.finite());
const count = v.pipe(v.number(), v.integer(), v.minValue(0));
const seconds = v.pipe(v.number(), v.finite(), v.minValue(0));

function isCause(value: unknown): value is FailureCause {
  if (typeof value !== 'object' || value === null) return false;
  const { kind, status } = value as Record<string, unknown>;
  if (kind === 'http') return typeof status === 'number' && isServerError(status);
  return typeof kind === 'string' && decodeCause(kind)?.kind === kind;
}

const cause = v.custom<FailureCause>(isCause);

const EVIDENCE = v.variant('kind', [
  v.object({ kind: v.literal('main-frame'), cause, url: v.string() }),
  v.object({ kind: v.literal('hang'), url: v.string(), waitedMs: finite }),
  v.object({ kind: v.literal('subresources'), failed: count, total: count }),
  v.object({ kind: v.literal('error-page'), url: v.string(), page: v.picklist(['maintenance', 'error']) }),
  v.object({ kind: v.literal('probe'), ok: v.boolean(), cause: v.optional(cause), latencyMs: v.optional(finite) }),
  v.object({ kind: v.literal('page-ok'), url: v.string() }),
]);

const SERVICE = v.pipe(
  v.object({
    status: v.picklist(['unknown', 'up', 'degraded', 'down']),
    confirmed: v.boolean(),
    since: finite,
    evidence: v.nullable(EVIDENCE),
    lastCheck: v.nullable(finite),
    latencyMs: v.nullable(finite),
    goodStreak: count,
    recentFailures: v.array(finite),
    subresources: v.array(v.tuple([finite, v.boolean()])),
  }),
  // The engine never confirms anything but an outage; a stored state that says otherwise is corrupt.
  v.check((health) => !health.confirmed || health.status === 'down' || health.status === 'degraded'),
);

/**
 * A stored series: buckets as today's v1 format wrote them ({ start, up, degraded, down }), or runs
 * of them (the same with a `count`). Aligned, in order, never overlapping, no bucket over its length.
 */
function seriesList(length: number, startOf: (t: number) => number) {
  return v.pipe(
    v.array(v.object({ start: finite, count: v.optional(v.pipe(count, v.minValue(1))), up: seconds, degraded: seconds, down: seconds })),
    v.check((runs) =>
      runs.every((run, index) => {
        const previous = runs[index - 1];
        return startOf(run.start) === run.start && run.up + run.degraded + run.down <= length / 1000 && (previous === undefined || previous.start + (previous.count ?? 1) * length <= run.start);
      }),
    ),
  );
}

const HISTORY = v.object({ recent: seriesList(RECENT_BUCKET_MS, recentBucketStart), daily: seriesList(DAY_MS, dailyBucketStart) });

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** One stored service, or `fallback` when it is not a valid one; the engine's bounds re-applied. */
export function parseService(stored: unknown, fallback: ServiceHealth): ServiceHealth {
  const result = v.safeParse(SERVICE, stored);
  if (!result.success) return fallback;
  const health = result.output;
  // Bounds the engine keeps, re-applied so a tampered or older value cannot grow without limit.
  const evidence = health.evidence && 'url' in health.evidence ? { ...health.evidence, url: boundedUrl(health.evidence.url) } : health.evidence;
  return {
    ...health,
    evidence,
    recentFailures: [...health.recentFailures].sort((a, b) => a - b).slice(-CONFIRM_FAILURES),
    subresources: health.subresources.slice(-SUBRESOURCE_MAX_SAMPLES),
  } as ServiceHealth;
}

function canonical(stored: ReadonlyArray<HistoryBucket & { readonly count?: number | undefined }>, length: number, max: number): readonly HistoryRun[] {
  const runs: HistoryRun[] = [];
  for (const { start, count, up, degraded, down } of stored) appendRun(runs, { start, count: count ?? 1, up, degraded, down }, length);
  return keepLastBuckets(runs, length, max);
}

/** A v1 history (buckets, or runs of them), validated and bounded; empty when it is not one. */
export function parseV1History(stored: unknown): ServiceHistory {
  const result = v.safeParse(HISTORY, stored);
  if (!result.success) return emptyHistory();
  return { recent: canonical(result.output.recent, RECENT_BUCKET_MS, RECENT_BUCKETS), daily: canonical(result.output.daily, DAY_MS, DAILY_BUCKETS) };
}

function finiteOr(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

/** Everything of the state but its history and accountedUntil: what both storage formats share. */
export type LiveFields = Pick<HealthState, 'services' | 'network' | 'networkSince' | 'lastFailureAt' | 'notified' | 'notifiedAt' | 'unstableAt'>;

/**
 * The live fields of a stored state (either format). Each service stands alone: a corrupt one starts
 * over as unknown (since `now`), the good ones are kept, a service missing (never observed, or added
 * to the catalogue since) is filled in as unknown since `blankSince` and a removed one dropped. Expects a record; may throw on hostile
 * objects (getters), which the callers catch.
 */
export function parseLiveFields(stored: Record<string, unknown>, now: number, blankSince: number = now): LiveFields {
  const storedServices = isRecord(stored.services) ? stored.services : {};
  const storedNotified = isRecord(stored.notified) ? stored.notified : {};
  const storedNotifiedAt = isRecord(stored.notifiedAt) ? stored.notifiedAt : {};
  const storedUnstable = isRecord(stored.unstableAt) ? stored.unstableAt : {};
  const services = {} as Record<ServiceId, ServiceHealth>;
  const notified: Partial<Record<ServiceId, 'down' | 'up'>> = {};
  const notifiedAt: Partial<Record<ServiceId, readonly number[]>> = {};
  const unstableAt: Partial<Record<ServiceId, number>> = {};
  for (const id of SERVICE_IDS) {
    services[id] = Object.hasOwn(storedServices, id) ? parseService(storedServices[id], initialService(now)) : initialService(blankSince);
    const last = Object.hasOwn(storedNotified, id) ? storedNotified[id] : undefined;
    if (last === 'down' || last === 'up') notified[id] = last;
    const times = Object.hasOwn(storedNotifiedAt, id) ? storedNotifiedAt[id] : undefined;
    if (Array.isArray(times)) notifiedAt[id] = times.filter((t): t is number => typeof t === 'number' && Number.isFinite(t)).slice(-NOTIFY_PLAIN_PER_WINDOW);
    const unstable = Object.hasOwn(storedUnstable, id) ? storedUnstable[id] : undefined;
    if (typeof unstable === 'number' && Number.isFinite(unstable)) unstableAt[id] = unstable;
  }
  const network: NetworkStatus = stored.network === 'online' || stored.network === 'offline' ? stored.network : 'unknown';
  const lastFailureAt = typeof stored.lastFailureAt === 'number' && Number.isFinite(stored.lastFailureAt) ? stored.lastFailureAt : null;
  return { services, network, networkSince: finiteOr(stored.networkSince, now), lastFailureAt, notified, notifiedAt, unstableAt };
}

/**
 * Reads back a whole state kept under one key: today's v1 format (history as buckets) or the same
 * with history as runs. Each service (and its history) stands alone: a corrupt one starts over, the
 * good ones are kept, services added to the catalogue since are filled in and removed ones dropped.
 * Another version's state is not guessed at. Never throws.
 */
export function parseHealthState(stored: unknown, now: number): HealthState {
  try {
    return parseState(stored, now);
  } catch {
    // Storage holds plain data, so this takes a hostile object (a getter that throws): start over.
    return initialHealth(now);
  }
}

/** Whether a stored value is a whole state in the v1 format (history included). */
export function isV1State(stored: unknown): stored is Record<string, unknown> {
  return isRecord(stored) && stored.version === 1;
}

function parseState(stored: unknown, now: number): HealthState {
  if (!isV1State(stored)) return initialHealth(now);
  const storedHistory = isRecord(stored.history) ? stored.history : {};
  const history = {} as Record<ServiceId, ServiceHistory>;
  for (const id of SERVICE_IDS) history[id] = Object.hasOwn(storedHistory, id) ? parseV1History(storedHistory[id]) : emptyHistory();
  return { version: 1, ...parseLiveFields(stored, now), accountedUntil: finiteOr(stored.accountedUntil, now), history };
}
