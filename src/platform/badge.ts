import browser from './browser.ts';

const COLORS = { red: '#c62828', orange: '#e65100', gray: '#616161', none: '#00000000' } as const;

export async function setBadge(text: string, color: keyof typeof COLORS, title: string): Promise<void> {
  await browser.action.setBadgeText({ text });
  if (text) await browser.action.setBadgeBackgroundColor({ color: COLORS[color] });
  await browser.action.setTitle({ title });
}

/** A badge and tooltip for one tab only, over the global ones; both browsers clear them when the tab navigates. */
export async function setTabBadge(tabId: number, text: string, color: keyof typeof COLORS, title: string): Promise<void> {
  await browser.action.setBadgeText({ tabId, text });
  await browser.action.setBadgeBackgroundColor({ tabId, color: COLORS[color] });
  await browser.action.setTitle({ tabId, title });
}

/** Back to the global badge and tooltip for this tab. */
export async function clearTabBadge(tabId: number): Promise<void> {
  await browser.action.setBadgeText({ tabId, text: null });
  try {
    await browser.action.setTitle({ tabId, title: null });
  } catch {
    // Chromium cannot unset a tab's tooltip (it throws on a null title): the tab gets the global one
    // as it is now, until it navigates.
    await browser.action.setTitle({ tabId, title: await browser.action.getTitle({}) });
  }
}
