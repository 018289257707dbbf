import { SERVICE_IDS, type ServiceId } from '../catalog/index.ts';
import { KAKAO_WIDE_MIN_DOWN } from './thresholds.ts';
import type { HealthState, Summary } from './types.ts';

export interface Badge {
  readonly text: string;
  readonly color: 'red' | 'orange' | 'gray' | 'none';
  readonly severity: 'none' | 'warn' | 'down' | 'offline';
}

/** What the badge and the popup show. Unconfirmed suspicions are left out: they wait for a probe. */
export function summarize(state: HealthState): Summary {
  const down: ServiceId[] = [];
  const degraded: ServiceId[] = [];
  let known = 0;
  let allUp = true;
  for (const id of SERVICE_IDS) {
    const health = state.services[id];
    if (health.status === 'down' && health.confirmed) down.push(id);
    if (health.status === 'degraded') degraded.push(id);
    if (health.status !== 'unknown') {
      known += 1;
      if (health.status !== 'up') allUp = false;
    }
  }
  const verdict: Summary['verdict'] =
    state.network === 'offline' ? 'offline' : down.length >= KAKAO_WIDE_MIN_DOWN ? 'kakao-wide' : down.length > 0 || degraded.length > 0 ? 'some-down' : allUp && known > 0 ? 'all-up' : 'unknown';
  return { verdict, down, degraded };
}

export function sameSummary(a: Summary, b: Summary): boolean {
  const sameList = (x: readonly ServiceId[], y: readonly ServiceId[]) => x.length === y.length && x.every((id, index) => id === y[index]);
  return a.verdict === b.verdict && sameList(a.down, b.down) && sameList(a.degraded, b.degraded);
}

/** The toolbar badge: how many services are down, '!' when the user looks offline, nothing when fine. */
export function badgeFor(summary: Summary): Badge {
  if (summary.verdict === 'offline') return { text: '!', color: 'gray', severity: 'offline' };
  if (summary.down.length > 0) return { text: String(summary.down.length), color: 'red', severity: 'down' };
  if (summary.degraded.length > 0) return { text: String(summary.degraded.length), color: 'orange', severity: 'warn' };
  return { text: '', color: 'none', severity: 'none' };
}

/** The toolbar button's tooltip, as a message: its key, and the services its one placeholder names (in order). */
export interface BadgeTitle {
  readonly key: 'badgeOffline' | 'badgeKakaoWide' | 'badgeDown' | 'badgeDegraded' | 'badgeAllUp' | 'actionTitle';
  /** Present only for the messages that name services: the caller joins their localized names with ', '. */
  readonly services?: readonly ServiceId[];
}

/** What the tooltip says beside the badge: offline, Kakao-wide, which services are down (else degraded), all up, or the plain name. */
export function badgeTitleFor(summary: Summary): BadgeTitle {
  switch (summary.verdict) {
    case 'offline':
      return { key: 'badgeOffline' };
    case 'kakao-wide':
      return { key: 'badgeKakaoWide', services: summary.down };
    case 'some-down':
      return summary.down.length > 0 ? { key: 'badgeDown', services: summary.down } : { key: 'badgeDegraded', services: summary.degraded };
    case 'all-up':
      return { key: 'badgeAllUp' };
    case 'unknown':
      return { key: 'actionTitle' };
  }
}

/**
 * Whether a navigation to the service may go straight to the fallback. Only a confirmed outage
 * counts, and never while offline: then the alternatives are unreachable too.
 */
export function isKnownDown(state: HealthState, service: ServiceId): boolean {
  const health = state.services[service] as HealthState['services'][ServiceId] | undefined;
  return state.network !== 'offline' && health !== undefined && health.status === 'down' && health.confirmed;
}
