import { SERVICE_IDS, type ServiceId } from '../catalog/index.ts';
import type { HealthState } from '../health/types.ts';

/**
 * What an in-page banner shows, fully prepared by the background: every string already localized,
 * every link already allow-listed. The page side only lays it out, as text.
 */
export interface BannerView {
  readonly text: {
    readonly title: string;
    readonly body: string;
    readonly dismiss: string;
    /** "Hide for this session"; absent where there is nobody to tell (another site's page). */
    readonly snooze?: string;
    readonly alternativesLabel: string;
  };
  readonly links: ReadonlyArray<{ readonly label: string; readonly detail: string; readonly url: string }>;
}

/** The banner on a Kakao service's own page: for that service, and always with the snooze. */
export interface BannerOrder extends BannerView {
  readonly service: ServiceId;
  readonly text: BannerView['text'] & { readonly snooze: string };
}

/** Why a page gets a banner: the service is partly broken, or Kakao serves its own error page. */
export type BannerReason = 'degraded' | 'error-page';

export interface BannerFacts {
  readonly state: HealthState;
  readonly service: ServiceId;
  /** Detour's master switch and the service's mode. */
  readonly enabled: boolean;
  readonly mode: 'off' | 'suggest' | 'redirect';
  /** The user hid the banner for this service for the rest of the browser session. */
  readonly snoozed: boolean;
  /** The user turned the banner off for good (settings.banner false), whatever the service's mode. */
  readonly bannerOff?: boolean;
  /** The page's address is one of the user's permanent exceptions (core/settings/exceptions.ts isException). */
  readonly exception?: boolean;
  /** The page asking is itself Kakao's maintenance or error page (the content script read it so). */
  readonly pageIsErrorPage?: boolean;
}

/**
 * Whether a page that did load gets the banner, and why. Only a page that loaded but is broken: a
 * degraded service, or one down on the word of an error page served with 200. A service down for
 * failed loads is the fallback page's business; healthy services, a snoozed or switched-off service
 * and the user's own network being down (no alternative would load either) get nothing.
 */
export function bannerReason(facts: BannerFacts): BannerReason | undefined {
  const { state, service } = facts;
  if (!facts.enabled || facts.mode === 'off' || facts.snoozed || facts.bannerOff === true || facts.exception === true) return undefined;
  if (state.network === 'offline') return undefined;
  const health = state.services[service] as HealthState['services'][ServiceId] | undefined;
  if (!health) return undefined;
  const errorPage = health.evidence?.kind === 'error-page' || facts.pageIsErrorPage === true;
  if (health.status === 'degraded') return errorPage ? 'error-page' : 'degraded';
  if (health.status === 'down' && errorPage) return 'error-page';
  return undefined;
}

/** Services a state change made degraded: their open pages are told at once, without a reload. */
export function newlyDegraded(before: HealthState, after: HealthState): ServiceId[] {
  return SERVICE_IDS.filter((id) => after.services[id]?.status === 'degraded' && before.services[id]?.status !== 'degraded');
}

/** The snoozed services as stored (a list of ids); anything else stored there counts as none. */
export function parseSnoozed(stored: unknown): ServiceId[] {
  if (!Array.isArray(stored)) return [];
  return SERVICE_IDS.filter((id) => stored.includes(id));
}
