import { OPEN_ALTERNATIVE_COMMAND, clickedUrl, menuPlan, parseMenuItemId } from '../../core/open-elsewhere/menu.ts';
import type { TabAlternatives } from '../../core/messages.ts';
import { tabAddress } from '../../core/rescue/tab-address.ts';
import { intentSubject } from '../../core/translate/index.ts';
import type { Localize } from '../../core/translate/link-label.ts';
import type { ActiveTab } from '../../platform/commands.ts';
import type { WindowTab } from '../../platform/tabs.ts';
import type { MenuClick, MenuItem } from '../../platform/context-menus.ts';
import type { OfferFor } from '../offer.ts';

export interface OpenElsewhereDeps {
  readonly offerFor: OfferFor;
  readonly openNextTo: (opener: MenuClick['tab'], url: string) => Promise<void>;
  readonly navigateTab: (tabId: number, url: string) => Promise<void>;
  /** runtime.getURL: on Detour's own fallback page the failed Kakao address stands in for the tab's. */
  readonly extensionUrl: (path: string) => string;
  /** The menu's titles, in the language Detour speaks. */
  readonly t: Localize;
  readonly alternativeName: (id: string) => string;
}

/** "Open in another service" at any time: the context menu on Kakao pages and links, and the shortcut. */
export function createOpenElsewhere({ offerFor, openNextTo, navigateTab, extensionUrl, t, alternativeName }: OpenElsewhereDeps) {
  /**
   * The Kakao address a tab is about, and the title worth reading for it. On the fallback page that is
   * the title the tab had when the load failed, carried in the page's query, which the page's own links
   * use too; the page's own title ("… 접속 불가 · Detour") says nothing about what the user wanted.
   */
  const addressOf = (tab: { readonly url?: string; readonly title?: string }): { url: string; title: string | undefined; fallback: boolean } | undefined => {
    if (!tab.url) return undefined;
    const address = tabAddress(tab.url, extensionUrl(''));
    if (!address) return undefined;
    return address.fallback ? { url: address.url, title: address.fallback.title, fallback: true } : { url: address.url, title: tab.title, fallback: false };
  };

  return {
    /** The menu items, localized. */
    menuItems: (): MenuItem[] =>
      menuPlan().map((item) => ({
        id: item.id,
        ...(item.parentId ? { parentId: item.parentId } : {}),
        context: item.context,
        title: item.alternative ? alternativeName(item.alternative) : t('menuOpenElsewhere'),
        patterns: item.patterns,
      })),

    /** A click on one alternative: it opens in a new tab next to this one, with the intent carried over. */
    async onMenuClick(click: MenuClick): Promise<void> {
      const chosen = parseMenuItemId(click.menuItemId);
      if (!chosen) return;
      const url = clickedUrl(chosen.context, click);
      if (!url) return;
      // The page's title may name what it shows; a link's target has no title we could read.
      // The user picked this alternative by name: it is offered even if their own list leaves it out.
      const translation = await offerFor(url, { title: chosen.context === 'page' ? click.tab?.title : undefined, order: [chosen.alternative] });
      const link = translation?.links.find((candidate) => candidate.alternative === chosen.alternative);
      if (link) await openNextTo(click.tab, link.url);
    },

    /**
     * The popup: every alternative for the active tab's Kakao page, in the user's order; on Detour's
     * fallback page, those of the address that failed there. Null for any other page.
     */
    async forTab(tab: WindowTab | undefined): Promise<TabAlternatives | null> {
      // Without a url the page is not on a Kakao host (Detour may not read it).
      const address = tab ? addressOf(tab) : undefined;
      if (!tab || !address) return null;
      const translation = await offerFor(address.url, { title: address.title });
      if (!translation || translation.links.length === 0) return null;
      return {
        service: translation.service,
        subject: intentSubject(translation.intent),
        links: translation.links,
        tab: { id: tab.id, index: tab.index, windowId: tab.windowId },
        ...(address.fallback ? { fallback: true } : {}),
      };
    },

    /** The shortcut: this Kakao page in the user's preferred alternative, in the same tab. */
    async onCommand(command: string, tab: ActiveTab | undefined): Promise<void> {
      // Without a url the page is not on a Kakao host (Detour may not read it): nothing to do.
      const address = tab ? addressOf(tab) : undefined;
      if (command !== OPEN_ALTERNATIVE_COMMAND || !tab || !address) return;
      const link = (await offerFor(address.url, { title: address.title }))?.links[0];
      if (link) await navigateTab(tab.id, link.url);
    },
  };
}
