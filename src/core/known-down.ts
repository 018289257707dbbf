import type { ServiceId } from './catalog/index.ts';
import type { FailureCause } from './health/cause.ts';
import { isKnownDown } from './health/summary.ts';
import type { HealthState, ServiceHealth } from './health/types.ts';

/** How a confirmed outage was known, in the words the fallback page uses for a failed load. */
export function knownDownCause(health: ServiceHealth): FailureCause {
  const evidence = health.evidence;
  switch (evidence?.kind) {
    case 'main-frame':
      return evidence.cause;
    case 'hang':
      return { kind: 'timeout' };
    case 'probe':
      return evidence.cause ?? { kind: 'network' };
    case 'error-page':
      return { kind: evidence.page === 'maintenance' ? 'maintenance' : 'error-page' };
    default:
      return { kind: 'network' };
  }
}

/**
 * Whether the service's own probe has answered since it went down. Then the short-cut must not hold
 * the user back: whatever confirmed the outage, Kakao's server is talking again, and only a load can
 * tell whether the user's page works.
 */
export function probeAnsweredSinceDown(health: ServiceHealth): boolean {
  if (health.goodStreak > 0) return true;
  return health.evidence?.kind === 'probe' && health.evidence.ok;
}

/**
 * The cause to show at once for a navigation to a service confirmed down, or undefined to let the
 * navigation go ahead. During the 2022 fire, each new attempt waited to fail again, for days.
 * Never on page text alone (it confirms nothing: src/core/trust.ts), and never once the service's own
 * probe answers.
 */
export function shortCutCause(state: HealthState, service: ServiceId): FailureCause | undefined {
  if (!isKnownDown(state, service)) return undefined;
  const health = state.services[service];
  if (health.evidence?.kind === 'error-page' || probeAnsweredSinceDown(health)) return undefined;
  return knownDownCause(health);
}
