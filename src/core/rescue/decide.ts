import type { ServiceId } from '../catalog/index.ts';
import { outcomeCause, type MainFrameOutcome } from '../health/main-frame.ts';
import type { FailureCause } from '../health/cause.ts';
import type { Settings } from '../settings/index.ts';
import { evidenceServiceForUrl, intentServiceForUrl } from '../health/trust.ts';

export type RescueDecision =
  | { readonly action: 'ignore'; readonly reason: 'not-a-tab' | 'not-catalogued' | 'not-a-failure' | 'disabled' | 'service-off' }
  | {
      readonly action: 'fallback';
      readonly service: ServiceId;
      readonly cause: FailureCause;
      readonly url: string;
      readonly tabId: number;
      /**
       * Whether the failure is also evidence about the service (its own server, https:443, a named
       * host). Without it the tab is helped all the same, but nothing may claim an outage.
       */
      readonly evidence: boolean;
    };

/** Decides what a finished main-frame load calls for. Pure: the background only carries it out. */
export function decideRescue(outcome: MainFrameOutcome, settings: Settings): RescueDecision {
  // Prerenders and other tab-less loads report tabId -1; there is no tab to rescue.
  if (outcome.tabId < 0) return { action: 'ignore', reason: 'not-a-tab' };
  // Any Kakao address the user's tab failed to load is helped, whatever its scheme, port or host
  // family: helping this tab records nothing. Only evidenceServiceForUrl may speak for the service.
  const service = intentServiceForUrl(outcome.url);
  if (!service) return { action: 'ignore', reason: 'not-catalogued' };
  const cause = outcomeCause(outcome);
  if (!cause) return { action: 'ignore', reason: 'not-a-failure' };
  if (!settings.enabled) return { action: 'ignore', reason: 'disabled' };
  if (settings.services[service].mode === 'off') return { action: 'ignore', reason: 'service-off' };
  return { action: 'fallback', service, cause, url: outcome.url, tabId: outcome.tabId, evidence: evidenceServiceForUrl(outcome.url) === service };
}
