import { ALTERNATIVE_IDS, SERVICE_IDS, SERVICES, isAlternativeId, serviceMatchPatterns, type AlternativeId } from '../catalog/index.ts';

/**
 * "Open in another service", at any time, not only in outages: the context menu on Kakao pages and
 * links, and the keyboard shortcut. Pure: which menu items exist, and what a click or the shortcut opens.
 */

/** Where the menu shows: on a Kakao page itself, or on a link to a Kakao address (on any page). */
export type MenuContext = 'page' | 'link';
export const MENU_CONTEXTS: readonly MenuContext[] = ['page', 'link'];

export const OPEN_ALTERNATIVE_COMMAND = 'open-alternative';

export interface MenuItemPlan {
  readonly id: string;
  readonly parentId?: string;
  readonly context: MenuContext;
  /** The parent is "다른 서비스에서 열기"; each child is titled with its alternative's localized name. */
  readonly alternative?: AlternativeId;
  /** documentUrlPatterns for 'page' items, targetUrlPatterns for 'link' items. */
  readonly patterns: readonly string[];
}

const parentId = (context: MenuContext) => `detour-${context}`;
const childId = (context: MenuContext, alternative: AlternativeId) => `detour-${context}:${alternative}`;

/** The services that offer this alternative (in the catalogue: menus are static, settings may differ). */
export function servicesOffering(alternative: AlternativeId) {
  return SERVICE_IDS.filter((id) => (SERVICES[id].alternatives as readonly string[]).includes(alternative));
}

/**
 * Every menu item, parents first. Browsers give no way to build a submenu when it opens (Chrome has
 * no onShown), so there is one child per alternative, shown only on the hosts of services that list it.
 */
export function menuPlan(): MenuItemPlan[] {
  return MENU_CONTEXTS.flatMap((context) => [
    { id: parentId(context), context, patterns: serviceMatchPatterns() },
    ...ALTERNATIVE_IDS.flatMap((alternative): MenuItemPlan[] => {
      const services = servicesOffering(alternative);
      if (services.length === 0) return [];
      return [{ id: childId(context, alternative), parentId: parentId(context), context, alternative, patterns: serviceMatchPatterns(services) }];
    }),
  ]);
}

/** What a clicked menu item asks for, or undefined for an item that is not one of ours. */
export function parseMenuItemId(id: string | number): { context: MenuContext; alternative: AlternativeId } | undefined {
  const match = /^detour-(page|link):([a-z]+)$/.exec(String(id));
  if (!match || !isAlternativeId(match[2])) return undefined;
  return { context: match[1] as MenuContext, alternative: match[2] };
}

/** The address a click is about: the link's target in the link context, else the page's own. */
export function clickedUrl(context: MenuContext, info: { readonly linkUrl?: string; readonly pageUrl?: string }): string | undefined {
  return context === 'link' ? info.linkUrl : info.pageUrl;
}
