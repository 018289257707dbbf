import type { ServiceId } from '../catalog/index.ts';
import { outcomeCause, type MainFrameOutcome } from '../health/main-frame.ts';
import type { FailureCause } from '../health/cause.ts';
import type { Settings } from '../settings/index.ts';
import { trustedServiceForUrl } from '../health/trust.ts';

export type RescueDecision =
  | { readonly action: 'ignore'; readonly reason: 'not-a-tab' | 'not-catalogued' | 'not-a-failure' | 'disabled' | 'service-off' }
  | { readonly action: 'fallback'; readonly service: ServiceId; readonly cause: FailureCause; readonly url: string; readonly tabId: number };

/** Decides what a finished main-frame load calls for. Pure: the background only carries it out. */
export function decideRescue(outcome: MainFrameOutcome, settings: Settings): RescueDecision {
  // Prerenders and other tab-less loads report tabId -1; there is no tab to rescue.
  if (outcome.tabId < 0) return { action: 'ignore', reason: 'not-a-tab' };
  // Only a load from Kakao's own server (https, port 443) is Kakao's failure: a stranger's link to
  // https://map.kakao.com:81/ or a plain-http page a hostile network answers is left to the browser.
  const service = trustedServiceForUrl(outcome.url);
  if (!service) return { action: 'ignore', reason: 'not-catalogued' };
  const cause = outcomeCause(outcome);
  if (!cause) return { action: 'ignore', reason: 'not-a-failure' };
  if (!settings.enabled) return { action: 'ignore', reason: 'disabled' };
  if (settings.services[service].mode === 'off') return { action: 'ignore', reason: 'service-off' };
  return { action: 'fallback', service, cause, url: outcome.url, tabId: outcome.tabId };
}
