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
