// The in-page banner: a closed shadow root on a host element of our own, laid over the top of the
// page (position: fixed, so the page's layout does not move). Every string arrives prepared by the
// background and is set as text; links are re-checked here before they become an href.
import type { BannerView } from '../core/banner.ts';
import { isBannerHref } from '../core/banner-href.ts';

const STYLE = `
:host{all:initial!important;position:fixed!important;top:0!important;left:0!important;right:0!important;z-index:2147483647!important;display:block!important}
.bar{box-sizing:border-box;margin:8px auto;max-width:760px;padding:12px 14px;border-radius:10px;font:14px/1.45 system-ui,-apple-system,"Apple SD Gothic Neo","Malgun Gothic","Noto Sans KR",sans-serif;color:#1d1d1f;background:#fff8e6;border:1px solid #e0a100;box-shadow:0 4px 18px rgba(0,0,0,.18)}
.title{display:block;font-weight:700;font-size:15px}
p{margin:4px 0 8px}
.label{display:block;font-weight:600;margin-bottom:4px}
ul{list-style:none;margin:0 0 10px;padding:0;display:flex;flex-wrap:wrap;gap:6px}
a{display:inline-block;padding:5px 10px;border-radius:6px;color:#0b4fa8;background:#fff;border:1px solid #b9c8de;text-decoration:none}
a small{color:#555;margin-left:6px}
a:hover{text-decoration:underline}
.actions{display:flex;gap:8px;justify-content:flex-end}
button{font:inherit;padding:4px 12px;border-radius:6px;border:1px solid #888;background:#fff;color:#1d1d1f;cursor:pointer}
a:focus-visible,button:focus-visible{outline:3px solid #1a73e8;outline-offset:2px}
@media (prefers-color-scheme:dark){
.bar{color:#f2f2f2;background:#2b2410;border-color:#b88400}
a{color:#9cc7ff;background:#1e1e1e;border-color:#4a5a70}
a small{color:#c8c8c8}
button{background:#1e1e1e;color:#f2f2f2;border-color:#999}
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
  bar.append(el('strong', order.text.title, 'title'), el('p', order.text.body));

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
    const snooze = el('button', order.text.snooze);
    snooze.type = 'button';
    snooze.addEventListener('click', () => {
      onSnooze();
      close();
    });
    actions.append(snooze);
  }
  const dismiss = el('button', order.text.dismiss);
  dismiss.type = 'button';
  dismiss.addEventListener('click', close);
  actions.append(dismiss);
  bar.append(actions);
  bar.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') close();
  });

  root.append(bar);
  document.documentElement.append(host);
}
