import { FALLBACK_PAGE_PATH, parseFallbackQuery } from './fallback-query.ts';

/**
 * The Kakao address a tab is about. On Detour's own fallback page that is the address that failed
 * (carried in the page's query), so the popup, the context menu and the shortcut can offer its
 * alternatives there too; on any other page, the page's own address. `extensionOrigin` is
 * runtime.getURL('') ("chrome-extension://<id>/"). Undefined for a fallback page with a bad query.
 */
export function kakaoAddressOf(tabUrl: string, extensionOrigin: string): string | undefined {
  const page = `${extensionOrigin}${FALLBACK_PAGE_PATH}`;
  if (!tabUrl.startsWith(page)) return tabUrl;
  const rest = tabUrl.slice(page.length);
  if (rest !== '' && !rest.startsWith('?') && !rest.startsWith('#')) return tabUrl;
  const query = rest.split('#')[0] ?? '';
  const parsed = parseFallbackQuery(query);
  return parsed.ok ? parsed.request.url : undefined;
}

/** Whether a tab shows Detour's fallback page. */
export function isFallbackPage(tabUrl: string, extensionOrigin: string): boolean {
  return tabUrl.startsWith(`${extensionOrigin}${FALLBACK_PAGE_PATH}`);
}
