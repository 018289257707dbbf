import { hasNamespace } from './android-surface.ts';
import browser from './browser.ts';

export interface MenuItem {
  readonly id: string;
  readonly parentId?: string;
  readonly title: string;
  readonly context: 'page' | 'link';
  /** documentUrlPatterns for 'page' items, targetUrlPatterns for 'link' items. */
  readonly patterns: readonly string[];
}

export interface MenuClick {
  readonly menuItemId: string | number;
  readonly linkUrl?: string;
  readonly pageUrl?: string;
  /** The tab the menu was opened in, where the browser says (not on every surface). */
  readonly tab?: { readonly id?: number; readonly index: number; readonly windowId?: number; readonly title?: string };
}

function create(item: MenuItem): Promise<void> {
  return new Promise((resolve, reject) => {
    browser.contextMenus.create(
      {
        id: item.id,
        ...(item.parentId ? { parentId: item.parentId } : {}),
        title: item.title,
        contexts: [item.context],
        ...(item.context === 'page' ? { documentUrlPatterns: [...item.patterns] } : { targetUrlPatterns: [...item.patterns] }),
      },
      () => {
        const error = browser.runtime.lastError;
        if (error) reject(new Error(error.message));
        else resolve();
      },
    );
  });
}

/**
 * Replaces every menu item of the extension with these, parents first. Idempotent: menus outlive the
 * Chrome service worker and the Firefox event page, so a second call must not meet duplicate ids.
 */
export async function replaceMenus(items: readonly MenuItem[]): Promise<void> {
  if (!hasNamespace('contextMenus')) return;
  await browser.contextMenus.removeAll();
  for (const item of items) await create(item);
}

/** No menu where the browser has none (Firefox for Android): the listener is never called. */
export function onMenuClicked(listener: (click: MenuClick) => void): void {
  if (!hasNamespace('contextMenus')) return;
  browser.contextMenus.onClicked.addListener((info, tab) => {
    listener({
      menuItemId: info.menuItemId,
      ...(info.linkUrl ? { linkUrl: info.linkUrl } : {}),
      ...(info.pageUrl ? { pageUrl: info.pageUrl } : {}),
      ...(tab ? { tab: { id: tab.id, index: tab.index, windowId: tab.windowId, title: tab.title } } : {}),
    });
  });
}

/** Install and update: menus are created once there, and persist across background restarts. */
export function onInstalled(listener: () => void): void {
  browser.runtime.onInstalled.addListener(() => listener());
}
