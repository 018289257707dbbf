import { FALLBACK_PAGE_PATH, parseFallbackQuery, type FallbackRequest } from './fallback-query.ts';

/**
 * The Kakao address a tab is about. On Detour's own fallback page that is the address that failed
 * (carried in the page's query, with the rest of the page's request), so the popup, the context menu
 * and the shortcut can offer its alternatives there too, as the page does; on any other page, the
 * page's own address. `extensionOrigin` is runtime.getURL('') ("chrome-extension://<id>/").
 * Undefined for a fallback page with a bad query.
 */
export function tabAddress(tabUrl: string, extensionOrigin: string): { readonly url: string; readonly fallback?: FallbackRequest } | undefined {
  const page = `${extensionOrigin}${FALLBACK_PAGE_PATH}`;
  if (!tabUrl.startsWith(page)) return { url: tabUrl };
  const rest = tabUrl.slice(page.length);
  if (rest !== '' && !rest.startsWith('?') && !rest.startsWith('#')) return { url: tabUrl };
  const query = rest.split('#')[0] ?? '';
  const parsed = parseFallbackQuery(query);
  return parsed.ok ? { url: parsed.request.url, fallback: parsed.request } : undefined;
}

/** The address alone (tabAddress). */
export function kakaoAddressOf(tabUrl: string, extensionOrigin: string): string | undefined {
  return tabAddress(tabUrl, extensionOrigin)?.url;
}
