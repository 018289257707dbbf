import * as v from 'valibot';
import { SERVICE_IDS, type ServiceId } from '../catalog/index.ts';
import { decodeCause, isServerError, type FailureCause } from './cause.ts';
import { initialHealth } from './engine.ts';
import { DAY_MS, RECENT_BUCKET_MS, dailyBucketStart, emptyHistory, recentBucketStart, DAILY_BUCKETS, RECENT_BUCKETS } from './history.ts';
import { boundedUrl } from '../safe-text.ts';
import { CONFIRM_FAILURES, NOTIFY_PLAIN_PER_WINDOW, SUBRESOURCE_MAX_SAMPLES } from './thresholds.ts';
import type { HealthState, HistoryBucket, NetworkStatus, ServiceHealth, ServiceHistory } from './types.ts';

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

function bucketList(length: number, startOf: (t: number) => number) {
  return v.pipe(
    v.array(v.object({ start: finite, up: seconds, degraded: seconds, down: seconds })),
    v.check((buckets) =>
      buckets.every(
        (bucket, index) =>
          startOf(bucket.start) === bucket.start &&
          bucket.up + bucket.degraded + bucket.down <= length / 1000 &&
          (index === 0 || buckets[index - 1]!.start < bucket.start),
      ),
    ),
  );
}

const HISTORY = v.object({ recent: bucketList(RECENT_BUCKET_MS, recentBucketStart), daily: bucketList(DAY_MS, dailyBucketStart) });

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseService(stored: unknown, fallback: ServiceHealth): ServiceHealth {
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

function parseHistory(stored: unknown): ServiceHistory {
  const result = v.safeParse(HISTORY, stored);
  if (!result.success) return emptyHistory();
  const recent: HistoryBucket[] = result.output.recent.slice(-RECENT_BUCKETS);
  const daily: HistoryBucket[] = result.output.daily.slice(-DAILY_BUCKETS);
  return { recent, daily };
}

function finiteOr(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

/**
 * Reads the state back after the service worker was stopped. Each service (and its history) stands
 * alone: a corrupt one starts over as unknown, the good ones are kept, services added to the catalogue
 * since are filled in and removed ones dropped. Another version's state is not guessed at. Never throws.
 */
export function parseHealthState(stored: unknown, now: number): HealthState {
  try {
    return parseState(stored, now);
  } catch {
    // Storage holds plain data, so this takes a hostile object (a getter that throws): start over.
    return initialHealth(now);
  }
}

function parseState(stored: unknown, now: number): HealthState {
  const initial = initialHealth(now);
  if (!isRecord(stored) || stored.version !== 1) return initial;
  const storedServices = isRecord(stored.services) ? stored.services : {};
  const storedHistory = isRecord(stored.history) ? stored.history : {};
  const storedNotified = isRecord(stored.notified) ? stored.notified : {};
  const storedNotifiedAt = isRecord(stored.notifiedAt) ? stored.notifiedAt : {};
  const notifiedAt: Partial<Record<ServiceId, readonly number[]>> = {};
  const storedUnstable = isRecord(stored.unstableAt) ? stored.unstableAt : {};
  const unstableAt: Partial<Record<ServiceId, number>> = {};
  const services = {} as Record<ServiceId, ServiceHealth>;
  const history = {} as Record<ServiceId, ServiceHistory>;
  const notified: Partial<Record<ServiceId, 'down' | 'up'>> = {};
  for (const id of SERVICE_IDS) {
    services[id] = Object.hasOwn(storedServices, id) ? parseService(storedServices[id], initial.services[id]) : initial.services[id];
    history[id] = Object.hasOwn(storedHistory, id) ? parseHistory(storedHistory[id]) : emptyHistory();
    const last = Object.hasOwn(storedNotified, id) ? storedNotified[id] : undefined;
    if (last === 'down' || last === 'up') notified[id] = last;
    const times = Object.hasOwn(storedNotifiedAt, id) ? storedNotifiedAt[id] : undefined;
    if (Array.isArray(times)) notifiedAt[id] = times.filter((t): t is number => typeof t === 'number' && Number.isFinite(t)).slice(-NOTIFY_PLAIN_PER_WINDOW);
    const unstable = Object.hasOwn(storedUnstable, id) ? storedUnstable[id] : undefined;
    if (typeof unstable === 'number' && Number.isFinite(unstable)) unstableAt[id] = unstable;
  }
  const network: NetworkStatus = stored.network === 'online' || stored.network === 'offline' ? stored.network : 'unknown';
  const lastFailureAt = typeof stored.lastFailureAt === 'number' && Number.isFinite(stored.lastFailureAt) ? stored.lastFailureAt : null;
  return {
    version: 1,
    services,
    network,
    networkSince: finiteOr(stored.networkSince, now),
    accountedUntil: finiteOr(stored.accountedUntil, now),
    history,
    lastFailureAt,
    notified,
    notifiedAt,
    unstableAt,
  };
}
