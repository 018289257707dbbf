import browser from './browser.ts';

/**
 * Firefox for Android offers a subset of the WebExtension API: no context menus (`contextMenus` /
 * `menus`), no keyboard shortcuts (`commands`) and no windows (`windows`). The namespaces are not
 * there at all, so touching one throws a TypeError; in the background that would stop every
 * listener registered after it (the popup, the fallback page and the banners would get no answer).
 * Each platform module that uses one of them asks here first and does nothing where it is missing.
 */
export type OptionalNamespace = 'contextMenus' | 'commands' | 'windows';

export function hasNamespace(name: OptionalNamespace): boolean {
  return (browser as unknown as Record<string, unknown>)[name] != null;
}
