import { SERVICE_IDS, isServiceId, type ServiceId } from '../catalog/index.ts';
import { PROBE_AFTER_FAILURE_MS } from './thresholds.ts';
import type { HealthState } from './types.ts';

/**
 * Whether probes should run now. They cost the user traffic and tell Kakao and Naver the user is
 * there, so they run only while it matters: a Kakao tab is open, a failure was seen recently, or a
 * service is not well and its recovery has to be noticed. Idle means zero probe traffic.
 */
export function shouldProbe(state: HealthState, now: number, context: { readonly kakaoTabOpen: boolean }): boolean {
  if (context.kakaoTabOpen) return true;
  // Either direction: after the clock went back, a failure "in the future" was still seen just now.
  if (state.lastFailureAt !== null && Math.abs(now - state.lastFailureAt) <= PROBE_AFTER_FAILURE_MS) return true;
  return SERVICE_IDS.some((id) => {
    const status = state.services[id].status;
    return status === 'down' || status === 'degraded';
  });
}

/** The services worth a probe: those open in tabs and those not known well, in catalogue order. */
export function servicesToProbe(state: HealthState, context: { readonly openServices: readonly ServiceId[] }): ServiceId[] {
  const open = new Set<string>(context.openServices.filter(isServiceId));
  return SERVICE_IDS.filter((id) => {
    const status = state.services[id].status;
    return open.has(id) || (status !== 'up' && status !== 'unknown');
  });
}
