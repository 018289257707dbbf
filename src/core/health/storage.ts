import { SERVICE_IDS, type ServiceId } from '../catalog/index.ts';
import { initialHealth } from './engine.ts';
import { decodeRuns, encodeRuns } from './history-codec.ts';
import { DAILY_BUCKETS, DAY_MS, KST_OFFSET_MS, RECENT_BUCKETS, RECENT_BUCKET_MS, emptyHistory, keepLastBuckets } from './history.ts';
import { isV1State, parseHealthState, parseLiveFields, type LiveFields } from './parse-state.ts';
import type { HealthState, HistoryRun, ServiceHealth, ServiceHistory } from './types.ts';

/*
 * The health state is kept under two keys of the local storage area (HEALTH_KEY and HISTORY_KEY in
 * src/core/storage-keys.ts), because the two halves change at very different rates: the live state
 * (statuses, evidence) changes on transitions and is small; the history grows every minute and is
 * written at most once a minute, so a status change never rewrites 30 days of it.
 */

/** The version both stored parts carry. 1 was the whole state, history as buckets, under HEALTH_KEY. */
export const STORAGE_VERSION = 2;

/** What is stored under HEALTH_KEY: the state without its history; services never observed left out. */
export interface LiveHealth extends Omit<LiveFields, 'services' | 'notifiedAt' | 'unstableAt'> {
  readonly version: typeof STORAGE_VERSION;
  /** Damping's memory (src/core/health/engine.ts), left out while empty. */
  readonly notifiedAt?: LiveFields['notifiedAt'];
  readonly unstableAt?: LiveFields['unstableAt'];
  /** The services Detour knows anything about; the others are initialService(blankSince). */
  readonly services: Readonly<Partial<Record<ServiceId, ServiceHealth>>>;
  /** When the services left out became unknown (all at once, as a rule: when Detour started), so they read back exactly. */
  readonly blankSince?: number;
}

/** One service's history in the dense text form of history-codec.ts. */
export interface StoredServiceHistory {
  readonly recent: string;
  readonly daily: string;
}

/**
 * What is stored under HISTORY_KEY. accountedUntil lives here, with the history it describes: the
 * live state is written only on transitions, so its copy would lag what the history already holds,
 * and the same stretch would be credited twice.
 */
export interface HealthHistory {
  readonly version: typeof STORAGE_VERSION;
  readonly accountedUntil: number;
  /** Services with no history are left out. */
  readonly services: Readonly<Partial<Record<ServiceId, StoredServiceHistory>>>;
}

/** Daily buckets start at Korean midnight, which is 15:00 UTC: the grid of their starts. */
const DAILY_ORIGIN = -KST_OFFSET_MS;

/** Whether a service holds nothing but when it became unknown: it reads back as initialService(since). */
function isBlank(health: ServiceHealth): boolean {
  return (
    health.status === 'unknown' &&
    !health.confirmed &&
    health.evidence === null &&
    health.lastCheck === null &&
    health.latencyMs === null &&
    health.goodStreak === 0 &&
    health.recentFailures.length === 0 &&
    health.subresources.length === 0
  );
}

/** The `since` most blank services share (as a rule all of them: Detour's start), so that they all go unstored. */
function commonestBlankSince(state: HealthState): number | undefined {
  const counts = new Map<number, number>();
  for (const id of SERVICE_IDS) {
    const health = state.services[id];
    if (isBlank(health)) counts.set(health.since, (counts.get(health.since) ?? 0) + 1);
  }
  let best: number | undefined;
  for (const [since, count] of counts) if (best === undefined || count > counts.get(best)!) best = since;
  return best;
}

/** The two values to store, under HEALTH_KEY and HISTORY_KEY: plain data (sharing the state's immutable parts), small. */
export function splitForStorage(state: HealthState): { live: LiveHealth; history: HealthHistory } {
  const services: Partial<Record<ServiceId, ServiceHealth>> = {};
  const histories: Partial<Record<ServiceId, StoredServiceHistory>> = {};
  const blankSince = commonestBlankSince(state);
  for (const id of SERVICE_IDS) {
    const health = state.services[id];
    if (!isBlank(health) || health.since !== blankSince) services[id] = health;
    const { recent, daily } = state.history[id];
    if (recent.length > 0 || daily.length > 0) {
      histories[id] = { recent: encodeRuns(recent, RECENT_BUCKET_MS, 0), daily: encodeRuns(daily, DAY_MS, DAILY_ORIGIN) };
    }
  }
  const live: LiveHealth = {
    version: STORAGE_VERSION,
    services,
    network: state.network,
    networkSince: state.networkSince,
    lastFailureAt: state.lastFailureAt,
    notified: { ...state.notified },
    // Damping's memory, only where there is any: a fresh state stays a few hundred bytes.
    ...(Object.keys(state.notifiedAt).length > 0 ? { notifiedAt: { ...state.notifiedAt } } : {}),
    ...(Object.keys(state.unstableAt).length > 0 ? { unstableAt: { ...state.unstableAt } } : {}),
    ...(blankSince === undefined ? {} : { blankSince }),
  };
  return { live, history: { version: STORAGE_VERSION, accountedUntil: state.accountedUntil, services: histories } };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function series(text: unknown, length: number, origin: number, max: number): readonly HistoryRun[] | null {
  if (typeof text !== 'string') return null;
  // No valid series of `max` buckets is this long (a run costs at most 15 digits, a gap 9): refuse to decode a tampered novel.
  if (text.length > 32 * max + 16) return null;
  const runs = decodeRuns(text, length, origin);
  return runs && keepLastBuckets(runs, length, max);
}

function parseServiceHistory(stored: unknown): ServiceHistory {
  if (!isRecord(stored)) return emptyHistory();
  const recent = series(stored.recent, RECENT_BUCKET_MS, 0, RECENT_BUCKETS);
  const daily = series(stored.daily, DAY_MS, DAILY_ORIGIN, DAILY_BUCKETS);
  // Like a v1 history, a service's history stands or falls as a whole.
  return recent && daily ? { recent, daily } : emptyHistory();
}

/** A stored history, or null when it is absent, corrupt as a whole, or of another version. */
function parseHistory(stored: unknown): { accountedUntil: number; history: Record<ServiceId, ServiceHistory> } | null {
  if (!isRecord(stored) || stored.version !== STORAGE_VERSION) return null;
  if (typeof stored.accountedUntil !== 'number' || !Number.isFinite(stored.accountedUntil)) return null;
  const services = isRecord(stored.services) ? stored.services : {};
  const history = {} as Record<ServiceId, ServiceHistory>;
  for (const id of SERVICE_IDS) history[id] = Object.hasOwn(services, id) ? parseServiceHistory(services[id]) : emptyHistory();
  return { accountedUntil: stored.accountedUntil, history };
}

function join(liveStored: unknown, historyStored: unknown, now: number): HealthState {
  const initial = initialHealth(now);
  const stored = parseHistory(historyStored);
  if (isV1State(liveStored)) {
    // Upgrading from one key: the old state keeps its history, unless the new history was already
    // written (it is newer then: the live key is rewritten only on transitions).
    const old = parseHealthState(liveStored, now);
    return stored ? { ...old, ...stored } : old;
  }
  const isLive = isRecord(liveStored) && liveStored.version === STORAGE_VERSION;
  const blankSince = isLive && typeof liveStored.blankSince === 'number' && Number.isFinite(liveStored.blankSince) ? liveStored.blankSince : now;
  const live = isLive ? parseLiveFields(liveStored, now, blankSince) : initial;
  return {
    version: 1,
    services: live.services,
    network: live.network,
    networkSince: live.networkSince,
    lastFailureAt: live.lastFailureAt,
    notified: live.notified,
    notifiedAt: live.notifiedAt,
    unstableAt: live.unstableAt,
    // A history lost or corrupt starts over from now: the time before it is not claimed.
    accountedUntil: stored?.accountedUntil ?? now,
    history: stored?.history ?? initial.history,
  };
}

/**
 * The state from the two stored values (either may be missing). Never throws: each part, and each
 * service within it, stands alone, so a corrupt one starts over without taking the rest with it. The
 * v1 format (the whole state under HEALTH_KEY) is read with its history; another version of either
 * part is not guessed at and that part starts over.
 */
export function joinFromStorage(liveStored: unknown, historyStored: unknown, now: number): HealthState {
  try {
    return join(liveStored, historyStored, now);
  } catch {
    // Storage holds plain data, so this takes a hostile object (a getter that throws). Try each half
    // alone before giving up on both.
    try {
      return join(liveStored, undefined, now);
    } catch {
      try {
        return join(undefined, historyStored, now);
      } catch {
        return initialHealth(now);
      }
    }
  }
}

/** Whether a stored live value is the single-key state from before the split (version 1). */
export function isLegacyHealth(stored: unknown): boolean {
  return isRecord(stored) && stored.version === 1;
}
