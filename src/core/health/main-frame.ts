import { classifyNetworkError, classifyStatus } from './classify.ts';
import type { FailureCause } from './cause.ts';

/**
 * A main-frame load, as the platform layer reports it once it has ended, or once it has waited past
 * the hang limit without a response.
 */
export type MainFrameOutcome =
  | { readonly type: 'error'; readonly tabId: number; readonly url: string; readonly error: string }
  | { readonly type: 'response'; readonly tabId: number; readonly url: string; readonly statusCode: number }
  | { readonly type: 'hang'; readonly tabId: number; readonly url: string; readonly waitedMs: number };

/** Why the load failed, or undefined when it did not (aborts, 404s, healthy pages). */
export function outcomeCause(outcome: MainFrameOutcome): FailureCause | undefined {
  switch (outcome.type) {
    case 'error':
      return classifyNetworkError(outcome.error);
    case 'response':
      return classifyStatus(outcome.statusCode);
    case 'hang':
      return { kind: 'timeout' };
  }
}
