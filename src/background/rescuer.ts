import { FALLBACK_PAGE_PATH, fallbackQuery } from '../core/fallback.ts';
import { decideRescue, type MainFrameOutcome, type RescueDecision } from '../core/rescue.ts';
import type { SettingsStore } from '../core/settings/store.ts';
import { extensionUrl, navigateTab } from '../platform/tabs.ts';
import type { FailureLog } from './failure-log.ts';

interface Deps {
  readonly settings: SettingsStore;
  readonly failures: FailureLog;
  /** The title of the page the failed navigation started from, when that was the same service. */
  readonly titleFor: (tabId: number) => string | undefined;
}

/** Carries out the core's decision for each finished main-frame load. */
export function createRescuer({ settings, failures, titleFor }: Deps) {
  return {
    async handle(outcome: MainFrameOutcome): Promise<RescueDecision> {
      const decision = decideRescue(outcome, await settings.get());
      if (decision.action !== 'fallback') return decision;
      const { service, url, cause, tabId } = decision;
      const title = titleFor(tabId);
      await navigateTab(tabId, extensionUrl(FALLBACK_PAGE_PATH) + fallbackQuery({ service, url, cause, title }));
      await failures.record({ service, url, cause, at: Date.now() });
      return decision;
    },
  };
}
