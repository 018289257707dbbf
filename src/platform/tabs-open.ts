import browser from './browser.ts';

/** Addresses of open tabs on the given hosts; host permissions are enough to see them, no "tabs" needed. */
export async function openTabUrls(patterns: string[]): Promise<string[]> {
  try {
    const tabs = await browser.tabs.query({ url: patterns });
    return tabs.flatMap((tab) => (tab.url ? [tab.url] : []));
  } catch {
    return [];
  }
}
