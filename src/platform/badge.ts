import browser from './browser.ts';

const COLORS = { red: '#c62828', orange: '#e65100', gray: '#616161', none: '#00000000' } as const;

export async function setBadge(text: string, color: keyof typeof COLORS, title: string): Promise<void> {
  await browser.action.setBadgeText({ text });
  if (text) await browser.action.setBadgeBackgroundColor({ color: COLORS[color] });
  await browser.action.setTitle({ title });
}
