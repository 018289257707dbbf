import { hasNamespace } from './android-surface.ts';
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

/** The browser window this page belongs to: for the toolbar popup, the window it was opened from. */
export async function currentWindowId(): Promise<number | undefined> {
  if (!hasNamespace('windows')) return undefined;
  try {
    return (await browser.windows.getCurrent()).id;
  } catch {
    return undefined;
  }
}

export interface WindowTab {
  readonly id: number;
  readonly index: number;
  readonly windowId: number;
  /** Present only where Detour has host access (Kakao's hosts): no "tabs" permission is asked for. */
  readonly url?: string;
  readonly title?: string;
}

/** The active tab of a window (of the last focused one, without an id). */
export async function activeTab(windowId: number | undefined): Promise<WindowTab | undefined> {
  try {
    const [tab] = await browser.tabs.query(windowId === undefined ? { active: true, lastFocusedWindow: true } : { active: true, windowId });
    if (tab?.id === undefined || tab.windowId === undefined) return undefined;
    return { id: tab.id, index: tab.index, windowId: tab.windowId, ...(tab.url ? { url: tab.url } : {}), ...(tab.title ? { title: tab.title } : {}) };
  } catch {
    return undefined;
  }
}
