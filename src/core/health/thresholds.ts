/**
 * The numbers the health engine decides by. They live apart from engine.ts so that summary.ts and
 * scheduling.ts can read them without an import cycle; engine.ts re-exports them as the public names.
 */

/**
 * Consecutive good probes (or healthy main-frame loads) that take a down or degraded service back to
 * up, and that clear an unconfirmed suspicion. One good answer in the middle of an outage is common
 * (a cached edge, a lucky retry); two in a row is what keeps the status from flapping.
 */
export const RECOVERY_PROBES = 2;

/**
 * Two main-frame failures (or hangs) of the same service no more than this far apart confirm 'down'
 * without waiting for a probe: the user retried and it failed again. Inclusive at the edge.
 */
export const CONFIRM_WINDOW_MS = 120_000;
export const CONFIRM_FAILURES = 2;

/**
 * Sub-resources (API calls, scripts, tiles) mark a loaded service 'degraded' once, within the last
 * SUBRESOURCE_WINDOW_MS, at least SUBRESOURCE_MIN_FAILURES failed and at least SUBRESOURCE_FAILURE_RATE
 * of all of them failed: a single failed image is not an outage, and neither is a busy page whose few
 * failures drown in hundreds of good loads.
 */
export const SUBRESOURCE_WINDOW_MS = 60_000;
export const SUBRESOURCE_MIN_FAILURES = 5;
export const SUBRESOURCE_FAILURE_RATE = 0.5;
/** A map page loads hundreds of tiles a minute: the window keeps the newest samples only, bounded. */
export const SUBRESOURCE_MAX_SAMPLES = 200;

/** Three or more services confirmed down at once is an outage of Kakao as a whole, not of one service. */
export const KAKAO_WIDE_MIN_DOWN = 3;

/** Probes keep running this long after the last failure seen, then stop (zero probe traffic when idle). */
export const PROBE_AFTER_FAILURE_MS = 15 * 60_000;

/**
 * Notification damping per service: at most NOTIFY_PLAIN_PER_WINDOW "down"/"back up" notifications in
 * NOTIFY_WINDOW_MS, then one saying the service is unstable, then silence for NOTIFY_WINDOW_MS. A
 * service flapping every 15 s would otherwise notify 120 times an hour; this caps it at 3.
 */
export const NOTIFY_WINDOW_MS = 60 * 60_000;
export const NOTIFY_PLAIN_PER_WINDOW = 2;
