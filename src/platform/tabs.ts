import browser from './browser.ts';

export async function navigateTab(tabId: number, url: string): Promise<void> {
  await browser.tabs.update(tabId, { url });
}

/** The tab's title and address, or undefined when the tab is gone or not ours to read. */
export async function tabInfo(tabId: number): Promise<{ title: string; url: string } | undefined> {
  try {
    const tab = await browser.tabs.get(tabId);
    return { title: tab.title ?? '', url: tab.url ?? '' };
  } catch {
    return undefined;
  }
}

export function extensionUrl(path: string): string {
  return browser.runtime.getURL(path);
}

export async function openOptionsPage(): Promise<void> {
  await browser.runtime.openOptionsPage();
}

/** A new tab right after the opener, in front, remembered as opened from it (no "tabs" permission needed). */
export async function openNextTo(opener: { readonly id?: number; readonly index: number; readonly windowId?: number } | undefined, url: string): Promise<void> {
  if (!opener) {
    await browser.tabs.create({ url });
    return;
  }
  await browser.tabs.create({
    url,
    index: opener.index + 1,
    ...(opener.id !== undefined && opener.id >= 0 ? { openerTabId: opener.id } : {}),
    ...(opener.windowId !== undefined ? { windowId: opener.windowId } : {}),
  });
}

/**
 * Calls back when a tab has finished loading a page (its load event has fired), with the page's
 * address where Detour may read it (host permission; no "tabs" permission needed).
 */
export function onTabLoaded(listener: (tabId: number, url: string | undefined) => void): void {
  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    if (change.status === 'complete') listener(tabId, tab.url);
  });
}
