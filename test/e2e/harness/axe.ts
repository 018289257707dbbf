import { readFileSync } from 'node:fs';
import { ROOT } from './paths.ts';
import type { Tab } from './types.ts';

/** What axe reports of one rule broken on the page. */
export interface AxeViolation {
  readonly id: string;
  readonly impact: 'minor' | 'moderate' | 'serious' | 'critical' | null;
  readonly help: string;
  /** Selector and axe's summary of each failing element. */
  readonly nodes: readonly string[];
}

let source: string | undefined;

/**
 * Runs axe-core (WCAG 2.0/2.1 A and AA rules) in the page as it is now. The library goes in through
 * the debugging protocol's evaluation (CDP in Chromium, WebDriver BiDi in Firefox), which an extension
 * page's content security policy does not govern: nothing is added to the extension itself.
 */
export async function axeViolations(tab: Tab): Promise<AxeViolation[]> {
  source ??= readFileSync(`${ROOT}node_modules/axe-core/axe.min.js`, 'utf8');
  if (!(await tab.evaluate<boolean>(`typeof globalThis.axe === 'object'`))) await tab.evaluate(`${source}\n;true`);
  return tab.evaluate<AxeViolation[]>(`axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] })
    .then((results) => results.violations.map((v) => ({ id: v.id, impact: v.impact ?? null, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ') + ': ' + n.failureSummary) })))`);
}

/** The violations that fail the tests: serious and critical ones. */
export function seriousOrCritical(violations: readonly AxeViolation[]): AxeViolation[] {
  return violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
}
