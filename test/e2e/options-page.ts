import { expect } from 'vitest';
import type { BrowserSession, Tab } from './harness/index.ts';
import { OPTIONS_PAGE_PATH } from './harness/paths.ts';

/** The options page, once the background has answered it (its controls are enabled). */
export async function openOptions(browser: BrowserSession): Promise<Tab> {
  const tab = await browser.newTab();
  await tab.goto(`${browser.extensionOrigin}${OPTIONS_PAGE_PATH}`);
  await expect.poll(() => tab.evaluate<boolean>(`document.querySelector('main.options')?.getAttribute('aria-busy') === 'false'`), { timeout: 10_000 }).toBe(true);
  return tab;
}

/** Opens a service's entry the way a user does, by clicking its summary (when it is closed). */
export async function openService(tab: Tab, service: string): Promise<void> {
  const details = `details[data-service-details=${service}]`;
  if (!(await tab.evaluate<boolean>(`document.querySelector('${details}').open`))) await tab.click(`${details} > summary`);
  await expect.poll(() => tab.evaluate<boolean>(`document.querySelector('${details}').open`)).toBe(true);
}

/** Sets a service's mode on the options page and waits until it is saved. */
export async function setMode(browser: BrowserSession, service: string, mode: 'off' | 'suggest' | 'redirect'): Promise<void> {
  const options = await openOptions(browser);
  await openService(options, service);
  await options.click(`input[name=mode-${service}][value=${mode}]`);
  await expect.poll(() => options.evaluate<boolean>(`document.querySelector('input[name=mode-${service}][value=${mode}]').checked`)).toBe(true);
  await expect.poll(() => options.text('[data-testid=save-status]')).toMatch(/^(저장했습니다\.|Saved\.)$/);
  await options.close();
}
