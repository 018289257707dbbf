import type { Tab } from './types.ts';

// Detour's banners live in a closed shadow root: the page sees only their host element. Tests read
// and press what is inside through the browser's debugging protocol (Tab.inShadow), and the keyboard.
// The host has no id or class (a page must not find Detour by name): it is the one element laid
// directly on <html>, outside the page's body.
export const BANNER_HOST = ':root > div';

export interface BannerView {
  readonly region: string | null;
  readonly texts: string[];
  readonly links: Array<{ text: string; href: string; rel: string }>;
  readonly buttons: string[];
  readonly focused: string | null;
}

const READ_BANNER = `(root) => {
  const region = root.querySelector('[role=region]');
  return {
    region: region ? region.getAttribute('aria-label') : null,
    texts: [...root.querySelectorAll('strong, p, span')].map((node) => node.textContent),
    links: [...root.querySelectorAll('a')].map((a) => ({ text: a.textContent, href: a.href, rel: a.rel })),
    buttons: [...root.querySelectorAll('button')].map((button) => button.getAttribute('aria-label') ?? button.textContent),
    focused: root.activeElement ? root.activeElement.textContent : null,
  };
}`;

export const hasBanner = (tab: Tab) => tab.evaluate<boolean>(`document.querySelector('${BANNER_HOST}') !== null`);
export const readBanner = (tab: Tab) => tab.inShadow<BannerView>(BANNER_HOST, READ_BANNER);

/** Clicks the banner's button with this label; false when there is none. */
export const clickBannerButton = (tab: Tab, label: string) =>
  tab.inShadow<boolean>(
    BANNER_HOST,
    `(root) => {
  const button = [...root.querySelectorAll('button')].find((node) => (node.getAttribute('aria-label') ?? node.textContent) === ${JSON.stringify(label)});
  if (button) button.click();
  return Boolean(button);
}`,
  );
