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
 * The cause to show at once for a navigation to a service confirmed down, or undefined to let the
 * navigation go ahead. During the 2022 fire, each new attempt waited to fail again, for days.
 */
export function shortCutCause(state: HealthState, service: ServiceId): FailureCause | undefined {
  return isKnownDown(state, service) ? knownDownCause(state.services[service]) : undefined;
}
