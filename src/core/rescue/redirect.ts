import type { NetworkStatus } from '../health/types.ts';

/** At most one automatic redirect per tab and service in this long: never bounce between services. */
export const REDIRECT_COOLDOWN_MS = 5 * 60_000;
/** "그래도 카카오로 이동": how long the user's choice holds for that tab and service. */
export const BYPASS_MS = 10 * 60_000;
/** How long an alternative's probe may take before redirect mode skips it. */
export const ALTERNATIVE_PROBE_TIMEOUT_MS = 1500;

export type RedirectVerdict = { readonly ok: true } | { readonly ok: false; readonly reason: 'offline' | 'too-soon' };

/**
 * Whether redirect mode may take the user elsewhere on its own: never while their own network is down
 * (nothing would load; the fallback page says so), and never twice in a row for the same tab and
 * service (the second failure may be the alternative's round trip back).
 */
export function redirectAllowed(input: { readonly network: NetworkStatus; readonly causeOffline: boolean; readonly lastRedirectAt: number | undefined; readonly now: number }): RedirectVerdict {
  if (input.network === 'offline' || input.causeOffline) return { ok: false, reason: 'offline' };
  if (input.lastRedirectAt !== undefined && Math.abs(input.now - input.lastRedirectAt) < REDIRECT_COOLDOWN_MS) return { ok: false, reason: 'too-soon' };
  return { ok: true };
}
