import { SERVICES, SERVICE_IDS } from '../catalog/index.ts';
import type { HealthState } from '../health/types.ts';

// The background's side of the page status (report.ts has the key and the page script's side). Kept
// out of report.ts: the page script bundles that file, and the catalogue would go with it.

/** What the background writes under PAGE_STATUS_KEY: the hosts of every service degraded or down (confirmed or not). */
export function pageStatus(state: HealthState): string[] {
  return SERVICE_IDS.filter((id) => state.services[id].status === 'degraded' || state.services[id].status === 'down').flatMap((id) => SERVICES[id].hosts);
}

/**
 * The page status to write after a health change, or undefined when it lists the same hosts as the one
 * last returned (most changes are to other fields: nothing to write). The first call always returns it.
 */
export function createPageStatusChanges(): (state: HealthState) => string[] | undefined {
  let last: string | undefined;
  return (state) => {
    const status = pageStatus(state);
    const key = status.join(' ');
    if (key === last) return undefined;
    last = key;
    return status;
  };
}
