import type { KnownDownRule } from '../core/rescue/known-down.ts';
import browser from './browser.ts';

/**
 * Replaces every session rule of Detour's with these (one call: the browser applies the removal and
 * the additions together). Session rules end with the browser session, and a service that recovers
 * takes its rule with it.
 */
export async function replaceSessionRules(rules: readonly KnownDownRule[]): Promise<void> {
  const existing = await browser.declarativeNetRequest.getSessionRules();
  await browser.declarativeNetRequest.updateSessionRules({
    removeRuleIds: existing.map((rule) => rule.id),
    addRules: rules.map((rule) => ({ ...rule, condition: { ...rule.condition, resourceTypes: [...rule.condition.resourceTypes] } })),
  });
}
