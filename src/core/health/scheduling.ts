import { SERVICE_IDS, isServiceId, type ServiceId } from '../catalog/index.ts';
import type { ProbeMode } from '../settings/defaults.ts';
import { PROBE_AFTER_FAILURE_MS } from './thresholds.ts';
import type { HealthState } from './types.ts';

/** Why a probe would run: the alarm's round, a failure just seen, an open fallback page waiting for a recovery, or the user. */
export type ProbeTrigger = 'alarm' | 'failure' | 'fallback-page' | 'user';

/**
 * Whether probes should run now. They cost the user traffic and tell Kakao and Naver the user is
 * there, so they run only while it matters: a Kakao tab is open (unless the user chose probes after
 * failures only), a failure was seen recently, or a service is not well and its recovery has to be
 * noticed. Idle means zero probe traffic; the 'manual' mode means none the user did not ask for.
 */
export function shouldProbe(state: HealthState, now: number, context: { readonly kakaoTabOpen: boolean; readonly mode?: ProbeMode }): boolean {
  const mode = context.mode ?? 'auto';
  if (mode === 'manual') return false;
  if (mode === 'auto' && context.kakaoTabOpen) return true;
  // Either direction: after the clock went back, a failure "in the future" was still seen just now.
  if (state.lastFailureAt !== null && Math.abs(now - state.lastFailureAt) <= PROBE_AFTER_FAILURE_MS) return true;
  return SERVICE_IDS.some((id) => {
    const status = state.services[id].status;
    return status === 'down' || status === 'degraded';
  });
}

/**
 * The services worth a probe: those open in tabs (in the 'auto' mode) and those not known well, in
 * catalogue order.
 */
export function servicesToProbe(state: HealthState, context: { readonly openServices: readonly ServiceId[]; readonly mode?: ProbeMode }): ServiceId[] {
  const open = new Set<string>((context.mode ?? 'auto') === 'auto' ? context.openServices.filter(isServiceId) : []);
  return SERVICE_IDS.filter((id) => {
    const status = state.services[id].status;
    return open.has(id) || (status !== 'up' && status !== 'unknown');
  });
}

/** Whether a probe for this trigger may run: the user's own "check now" always; nothing else in the 'manual' mode. */
export function probeAllowed(mode: ProbeMode, trigger: ProbeTrigger): boolean {
  return trigger === 'user' || mode !== 'manual';
}
