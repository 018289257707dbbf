import { OPEN_ALTERNATIVE_COMMAND, clickedUrl, linkForAlternative, menuPlan, orderFor, parseMenuItemId, preferredLink } from '../core/anytime.ts';
import type { SettingsStore } from '../core/settings/store.ts';
import type { Place } from '../core/translate/intent.ts';
import type { TabAlternatives } from '../core/messages.ts';
import { intentSubject, placeIdIn, translate, type TranslateOptions } from '../core/translate/index.ts';
import type { ActiveTab } from '../platform/commands.ts';
import type { WindowTab } from '../platform/tabs.ts';
import type { MenuClick, MenuItem } from '../platform/context-menus.ts';
import { devicePlatform } from '../platform/device.ts';
import { alternativeName, t } from '../platform/i18n.ts';

interface Deps {
  readonly settings: SettingsStore;
  readonly lookupPlace: (id: string) => Promise<Place | null>;
  readonly openNextTo: (opener: MenuClick['tab'], url: string) => Promise<void>;
  readonly navigateTab: (tabId: number, url: string) => Promise<void>;
}

/** "Open in another service" at any time: the context menu on Kakao pages and links, and the shortcut. */
export function createAnytime({ settings, lookupPlace, openNextTo, navigateTab }: Deps) {
  /** What translate needs beyond the address: the platform, the place cache's entry, the page title. */
  async function contextFor(url: string, title: string | undefined): Promise<Omit<TranslateOptions, 'order'>> {
    const placeId = placeIdIn(url);
    const place = placeId ? await lookupPlace(placeId).catch(() => null) : null;
    return {
      platform: devicePlatform(),
      ...(title ? { title } : {}),
      lookupPlace: (id) => (place && id === placeId ? place : undefined),
    };
  }

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
      const link = linkForAlternative(url, chosen.alternative, await contextFor(url, chosen.context === 'page' ? click.tab?.title : undefined));
      if (link) await openNextTo(click.tab, link.url);
    },

    /** The popup: every alternative for the active tab's Kakao page, in the user's order; null for any other page. */
    async forTab(tab: WindowTab | undefined): Promise<TabAlternatives | null> {
      // Without a url the page is not on a Kakao host (Detour may not read it).
      if (!tab?.url) return null;
      const order = orderFor(tab.url, (await settings.get()).services);
      const translation = translate(tab.url, { ...(await contextFor(tab.url, tab.title)), ...(order ? { order } : {}) });
      if (!translation || translation.links.length === 0) return null;
      return { service: translation.service, subject: intentSubject(translation.intent), links: translation.links, tab: { id: tab.id, index: tab.index, windowId: tab.windowId } };
    },

    /** The shortcut: this Kakao page in the user's preferred alternative, in the same tab. */
    async onCommand(command: string, tab: ActiveTab | undefined): Promise<void> {
      // Without a url the page is not on a Kakao host (Detour may not read it): nothing to do.
      if (command !== OPEN_ALTERNATIVE_COMMAND || !tab?.url) return;
      const order = orderFor(tab.url, (await settings.get()).services);
      const link = preferredLink(tab.url, { ...(await contextFor(tab.url, tab.title)), ...(order ? { order } : {}) });
      if (link) await navigateTab(tab.id, link.url);
    },
  };
}
