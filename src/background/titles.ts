import { serviceForUrl } from '../core/catalog/index.ts';
import { isShortLink } from '../core/translate/index.ts';
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
      // A short link (kko.to) says nothing itself: the page it was clicked on, of any site, is the best guess.
      if (tab && tab.title && (serviceForUrl(tab.url) === service || isShortLink(url))) titles.set(tabId, tab.title);
    },
    take(tabId: number): string | undefined {
      const title = titles.get(tabId);
      titles.delete(tabId);
      return title;
    },
  };
}
