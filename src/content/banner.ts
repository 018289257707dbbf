// The in-page banner: a closed shadow root on a host element of our own, a slim bar along the bottom
// of the viewport (position: fixed, so the page's layout does not move, and clear of the search box
// and menus that Kakao's pages keep at the top). Every string arrives prepared by the
// background and is set as text; links are re-checked here before they become an href.
import type { BannerView } from '../core/page-script/banner.ts';
import { isBannerHref } from '../core/page-script/banner-href.ts';

const STYLE = `
:host{all:initial!important;position:fixed!important;top:auto!important;bottom:0!important;left:0!important;right:0!important;z-index:2147483647!important;display:block!important}
.bar{box-sizing:border-box;display:flex;flex-wrap:wrap;align-items:center;gap:6px 12px;padding:6px 8px 6px 16px;font:15px/1.45 system-ui,-apple-system,"Apple SD Gothic Neo","Malgun Gothic","Noto Sans KR","NanumGothic",sans-serif;word-break:keep-all;overflow-wrap:break-word;color:#1d1d1f;background:#fff8e6;border-top:3px solid #d18f00;box-shadow:0 -4px 16px rgba(0,0,0,.14)}
.title{font-weight:700;flex:1 1 16em;min-width:0}
.title::before{content:"\\26A0\\FE0E";display:inline-block;margin-right:6px;color:#a35b00}
.label{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;align-items:center;gap:6px}
a{box-sizing:border-box;display:inline-flex;align-items:center;gap:6px;min-height:44px;padding:6px 12px;border-radius:8px;color:#0b4fa8;background:#fff;border:1px solid #b9c8de;text-decoration:none;font-size:14px}
li:first-child a{background:#1556c9;border-color:#1556c9;color:#fff;font-weight:700;font-size:15px}
a small{color:#555;font-weight:400}
li:first-child a small{color:#e8efff}
a:hover{text-decoration:underline}
.actions{display:flex;align-items:center;gap:4px;margin-left:auto}
button{font:inherit;font-size:14px;min-height:44px;min-width:44px;padding:4px 10px;border-radius:8px;border:0;background:transparent;color:#1d1d1f;cursor:pointer}
button.snooze{text-decoration:underline;color:#444}
button.close{font-size:22px;line-height:1}
button:hover{background:rgba(0,0,0,.07)}
a:focus-visible,button:focus-visible{outline:3px solid #1a73e8;outline-offset:2px}
@media (pointer:coarse){a,button{min-height:48px;min-width:48px}}
@media (max-width:480px){.title{flex-basis:100%}.actions{margin-left:0}}
@media (prefers-color-scheme:dark){
.bar{color:#f2f2f2;background:#2b2410;border-color:#d9a400}
.title::before{color:#ffc34d}
a{color:#9cc7ff;background:#1e1e1e;border-color:#4a5a70}
li:first-child a{background:#7fb0ff;border-color:#7fb0ff;color:#0c1424}
li:first-child a small{color:#1c2a44}
a small{color:#c8c8c8}
button{color:#f2f2f2}
button.snooze{color:#d0d0d0}
button:hover{background:rgba(255,255,255,.1)}
}`;

let host: HTMLElement | undefined;
let shown = '';
/** The user closed the banner on this page: no later order brings it back until a reload. */
let dismissed = false;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, cls?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (cls) node.className = cls;
  return node;
}

export function removeBanner(): void {
  host?.remove();
  host = undefined;
  shown = '';
}

/**
 * Shows the banner, replacing one already there; the same order twice leaves it (and focus) alone.
 * Without `onSnooze` there is no snooze button, only the close button.
 */
export function showBanner(order: BannerView, onSnooze?: () => void): void {
  const key = JSON.stringify(order);
  if (dismissed || key === shown) return;
  removeBanner();
  shown = key;
  // No id, no class: a fixed name would let any page find Detour (and hide or mimic its banner).
  host = el('div');
  const root = host.attachShadow({ mode: 'closed' });
  root.append(el('style', STYLE));

  const bar = el('div', undefined, 'bar');
  bar.setAttribute('role', 'region');
  bar.setAttribute('aria-label', order.text.title);
  const title = el('strong', order.text.title, 'title');
  // The body sentence is for screen readers: the bar stays one line for the eye.
  title.title = order.text.body;
  bar.setAttribute('aria-description', order.text.body);
  bar.append(title);

  const links = order.links.filter((link) => isBannerHref(String(link.url)));
  if (links.length > 0) {
    const label = el('span', order.text.alternativesLabel, 'label');
    label.id = 'alts';
    const list = el('ul');
    list.setAttribute('aria-labelledby', 'alts');
    for (const link of links) {
      const a = el('a', String(link.label));
      a.href = link.url;
      a.rel = 'noreferrer';
      a.append(el('small', String(link.detail)));
      const item = el('li');
      item.append(a);
      list.append(item);
    }
    bar.append(label, list);
  }

  const close = () => {
    dismissed = true;
    removeBanner();
  };
  const actions = el('div', undefined, 'actions');
  if (onSnooze && order.text.snooze) {
    const snooze = el('button', order.text.snooze, 'snooze');
    snooze.type = 'button';
    snooze.addEventListener('click', () => {
      onSnooze();
      close();
    });
    actions.append(snooze);
  }
  const dismiss = el('button', '\u00d7', 'close');
  dismiss.type = 'button';
  dismiss.setAttribute('aria-label', order.text.dismiss);
  dismiss.title = order.text.dismiss;
  dismiss.addEventListener('click', close);
  actions.append(dismiss);
  bar.append(actions);
  bar.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') close();
  });

  root.append(bar);
  document.documentElement.append(host);
}
