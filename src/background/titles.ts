import { serviceForUrl } from '../core/catalog/index.ts';
import { titleSpeaksFor } from '../core/translate/index.ts';
import { tabInfo } from '../platform/tabs.ts';

/**
 * Remembers, per tab, the title of the Kakao page a navigation started from, when it belongs to the
 * same service (a place page reloaded, a search refined). That title names what the user was looking
 * at; the tab's title after a failure is the error page's own ("502", "Problem loading page").
 * Kept in memory only: losing it to a service-worker restart costs a search text of last resort.
 */
export function createTitleMemory() {
  const titles = new Map<number, string>();
  return {
    async noteStart(tabId: number, url: string): Promise<void> {
      titles.delete(tabId);
      const service = serviceForUrl(url);
      if (!service || tabId < 0) return;
      const tab = await tabInfo(tabId);
      // Same service, or the page a short link (kko.to) was clicked on: core/translate titleSpeaksFor.
      if (tab && tab.title && titleSpeaksFor(url, tab.url)) titles.set(tabId, tab.title);
    },
    take(tabId: number): string | undefined {
      const title = titles.get(tabId);
      titles.delete(tabId);
      return title;
    },
  };
}
