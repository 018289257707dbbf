import type { ServiceId } from '../catalog/index.ts';
import { escapeRegex, exceptionRegex, parseExceptionPattern } from '../settings/exceptions.ts';
import type { FailureCause } from '../health/cause.ts';
import { isKnownDown } from '../health/summary.ts';
import type { HealthState, ServiceHealth } from '../health/types.ts';

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
 * Never on page text alone (it confirms nothing: src/core/health/trust.ts), and never once the service's own
 * probe answers.
 */
export function shortCutCause(state: HealthState, service: ServiceId): FailureCause | undefined {
  if (!isKnownDown(state, service)) return undefined;
  const health = state.services[service];
  if (health.evidence?.kind === 'error-page' || probeAnsweredSinceDown(health)) return undefined;
  return knownDownCause(health);
}

/**
 * How a navigation to a service confirmed down is kept in the browser: blocked, or sent to an empty
 * page (src/platform/blocked-navigation.ts says which, and why it differs between browsers).
 */
export type KeepInAction = { readonly type: 'block' } | { readonly type: 'redirect'; readonly redirect: { readonly url: 'about:blank' } };

/** A session rule that keeps navigations to a service confirmed down from leaving the browser. */
export interface BlockRule {
  readonly id: number;
  readonly priority: 1;
  readonly action: KeepInAction;
  readonly condition: {
    readonly regexFilter: string;
    readonly resourceTypes: ['main_frame'];
    readonly excludedTabIds?: number[];
  };
}

/** A rule that lets one of the user's exceptions through, above every block rule. */
export interface AllowRule {
  readonly id: number;
  readonly priority: 2;
  readonly action: { readonly type: 'allow' };
  readonly condition: {
    readonly regexFilter: string;
    readonly resourceTypes: ['main_frame'];
    readonly isUrlFilterCaseSensitive: false;
  };
}

export type KnownDownRule = BlockRule | AllowRule;

/** Allow rules are numbered after the block rules (one per service at most). */
const FIRST_ALLOW_ID = 1000;

/**
 * The rules for the known-down short-cut, as data: one per service confirmed down (while Detour and
 * that service's handling are on), blocking only main-frame navigations to its hosts, never in a tab
 * the user let through ("다시 시도", "그래도 카카오로 이동"). The background moves the tab to the
 * fallback page as the navigation starts; the rule makes sure no request reaches the broken server
 * (a hung one would hold it for the whole hang limit). Gone the moment the service is not confirmed down.
 */
export function knownDownRules(input: {
  readonly state: HealthState;
  readonly enabled: boolean;
  readonly modeOf: (service: ServiceId) => 'suggest' | 'redirect' | 'off';
  readonly hostsOf: (service: ServiceId) => readonly string[];
  readonly services: readonly ServiceId[];
  readonly passes: ReadonlyArray<{ readonly tabId: number; readonly service: ServiceId }>;
  /** The user's exceptions (settings.exceptions): Detour never steps in there, down or not. */
  readonly exceptions: readonly string[];
  /** Block unless told otherwise. */
  readonly keepIn?: KeepInAction;
}): KnownDownRule[] {
  if (!input.enabled) return [];
  const blocks = input.services.flatMap((service, index): BlockRule[] => {
    if (input.modeOf(service) === 'off' || !shortCutCause(input.state, service)) return [];
    // Exact hosts (a request domain would also take every subdomain: daum.net would block all of Daum).
    const regexFilter = hostsRegex(input.hostsOf(service));
    const excludedTabIds = [...new Set(input.passes.filter((pass) => pass.service === service && pass.tabId >= 0).map((pass) => pass.tabId))];
    return [
      { id: index + 1, priority: 1, action: input.keepIn ?? { type: 'block' }, condition: { regexFilter, resourceTypes: ['main_frame'], ...(excludedTabIds.length > 0 ? { excludedTabIds } : {}) } },
    ];
  });
  if (blocks.length === 0) return [];
  // The rescuer leaves an exception alone; a block rule that did not would strand the user on the
  // browser's "blocked" page of the very address they told Detour to keep out of.
  const allows = input.exceptions
    .flatMap((text) => parseExceptionPattern(text) ?? [])
    .map(
      (pattern, index): AllowRule => ({
        id: FIRST_ALLOW_ID + index,
        priority: 2,
        action: { type: 'allow' },
        condition: { regexFilter: exceptionRegex(pattern), resourceTypes: ['main_frame'], isUrlFilterCaseSensitive: false },
      }),
    );
  return [...blocks, ...allows];
}

/** A regular expression for addresses on exactly these hosts ("*.x" for any subdomain of x). */
export function hostsRegex(hosts: readonly string[]): string {
  const alternatives = hosts.map((host) => (host.startsWith('*.') ? `[a-z0-9-]+(\\.[a-z0-9-]+)*${escapeRegex(host.slice(1))}` : escapeRegex(host)));
  return `^https?://(${alternatives.join('|')})(:[0-9]+)?/`;
}
