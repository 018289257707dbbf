import type { ServiceId } from '../catalog/index.ts';
import type { FailureCause } from './cause.ts';

/** What Detour believes about one Kakao service. */
export type ServiceStatus = 'unknown' | 'up' | 'degraded' | 'down';

/** What the user's own connection looks like: 'offline' means nothing answers, Naver included. */
export type NetworkStatus = 'unknown' | 'online' | 'offline';

/** The signal that last changed a service's status, shown to the user as "why". */
export type Evidence =
  | { readonly kind: 'main-frame'; readonly cause: FailureCause; readonly url: string }
  | { readonly kind: 'hang'; readonly url: string; readonly waitedMs: number }
  | { readonly kind: 'subresources'; readonly failed: number; readonly total: number }
  | { readonly kind: 'error-page'; readonly url: string; readonly page: 'maintenance' | 'error' }
  | { readonly kind: 'probe'; readonly ok: boolean; readonly cause?: FailureCause; readonly latencyMs?: number }
  | { readonly kind: 'page-ok'; readonly url: string };

export interface ServiceHealth {
  readonly status: ServiceStatus;
  /**
   * False while a 'down' rests on one strong signal alone (a main-frame failure, a hang): the fallback
   * is offered at once, but badges, notifications and "known down" short-cuts wait for confirmation.
   */
  readonly confirmed: boolean;
  /** Epoch ms the status took its current value. */
  readonly since: number;
  readonly evidence: Evidence | null;
  /** Epoch ms of the last probe of this service, and what it measured. */
  readonly lastCheck: number | null;
  readonly latencyMs: number | null;
  /** Consecutive good probes (or healthy loads) while down or degraded: recovery needs RECOVERY_PROBES. */
  readonly goodStreak: number;
  /** Main-frame failures within CONFIRM_WINDOW_MS, oldest first (epoch ms), to confirm without a probe. */
  readonly recentFailures: readonly number[];
  /** Sub-resource outcomes within SUBRESOURCE_WINDOW_MS: [epoch ms, ok]. Bounded. */
  readonly subresources: ReadonlyArray<readonly [number, boolean]>;
}

/** One history bucket: seconds spent in each status. `start` is epoch ms of the bucket's start. */
export interface HistoryBucket {
  readonly start: number;
  readonly up: number;
  readonly degraded: number;
  readonly down: number;
}

/**
 * `count` consecutive buckets that hold the same seconds: bucket i of the run starts at
 * start + i * the bucket length. A day watched and healthy throughout is one run, not 288 buckets.
 * Runs are kept canonical: oldest first, none empty or overlapping, and two runs that touch always
 * differ (otherwise they would be one).
 */
export interface HistoryRun extends HistoryBucket {
  readonly count: number;
}

export interface ServiceHistory {
  /** The last 24 hours of 5-minute buckets, oldest first; at most 288 buckets in all. */
  readonly recent: readonly HistoryRun[];
  /** The last 30 days, one bucket per day (UTC+9 days: Korea), oldest first; at most 30 buckets in all. */
  readonly daily: readonly HistoryRun[];
}

export interface HealthState {
  readonly version: 1;
  readonly services: Readonly<Record<ServiceId, ServiceHealth>>;
  readonly network: NetworkStatus;
  readonly networkSince: number;
  /** Epoch ms of the last accounting of time into history. */
  readonly accountedUntil: number;
  readonly history: Readonly<Record<ServiceId, ServiceHistory>>;
  /** Epoch ms of the last failure signal of any service: probes keep running for a while after it. */
  readonly lastFailureAt: number | null;
  /** The last transition the user was notified of, per service, so none is repeated after a restart. */
  readonly notified: Readonly<Partial<Record<ServiceId, 'down' | 'up'>>>;
  /** When each service's recent plain notifications were sent (epoch ms, at most NOTIFY_PLAIN_PER_WINDOW): for damping. */
  readonly notifiedAt: Readonly<Partial<Record<ServiceId, readonly number[]>>>;
  /** When each service was last announced as unstable (epoch ms): quiet for a window after it. */
  readonly unstableAt: Readonly<Partial<Record<ServiceId, number>>>;
}

export type HealthEvent =
  /** A main-frame load of the service failed (network error or 5xx). */
  | { readonly type: 'main-frame-failure'; readonly service: ServiceId; readonly cause: FailureCause; readonly url: string; readonly at: number }
  /** A main-frame load of the service got a response that is not a server error (2xx, 3xx, 4xx). */
  | { readonly type: 'main-frame-ok'; readonly service: ServiceId; readonly url: string; readonly at: number }
  /** A main-frame load has had no response for the hang limit. */
  | { readonly type: 'hang'; readonly service: ServiceId; readonly url: string; readonly waitedMs: number; readonly at: number }
  /** A sub-resource (XHR, script, tile, API) of a loaded page of the service finished or failed. */
  | { readonly type: 'subresource'; readonly service: ServiceId; readonly ok: boolean; readonly at: number }
  /** The content script read a loaded page of the service and it is not an error page. */
  | { readonly type: 'page-content-ok'; readonly service: ServiceId; readonly url: string; readonly at: number }
  /** The content script found Kakao's own maintenance or error page, served with 200. */
  | { readonly type: 'error-page'; readonly service: ServiceId; readonly url: string; readonly page: 'maintenance' | 'error'; readonly at: number }
  /**
   * A probe's answer, stamped when it arrived (`at`); `startedAt`, when it was sent: an answer sent
   * before another one arrived is stale (a 5-second time-out landing after a newer success) and is ignored.
   */
  | { readonly type: 'probe'; readonly service: ServiceId; readonly ok: boolean; readonly latencyMs: number | null; readonly cause?: FailureCause; readonly at: number; readonly startedAt?: number }
  /** The control probes (Naver and one more): ok when any of them answered. */
  | { readonly type: 'control'; readonly ok: boolean; readonly at: number }
  | { readonly type: 'browser-network'; readonly online: boolean; readonly at: number }
  /** Time passes: account it into history (sent by the alarm and before every read). */
  | { readonly type: 'tick'; readonly at: number };

export type HealthEffect =
  /**
   * Tell the user (a browser notification), at most once per service per transition, and damped: a
   * service swinging down and up too often gets one 'unstable' notification instead of each swing.
   */
  | { readonly type: 'notify'; readonly service: ServiceId; readonly transition: 'down' | 'up' | 'unstable' }
  /** The summary the badge and popup show has changed. */
  | { readonly type: 'summary-changed' };

export interface Summary {
  /** 'offline' beats everything: Kakao is not blamed for the user's own network. */
  readonly verdict: 'offline' | 'all-up' | 'some-down' | 'kakao-wide' | 'unknown';
  /** Confirmed-down services. */
  readonly down: readonly ServiceId[];
  readonly degraded: readonly ServiceId[];
}
