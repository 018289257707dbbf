import type { Vertical } from '../intent.ts';
import { web, type Builder } from '../links.ts';

const q = encodeURIComponent;

/**
 * Naver search keeps the tab in `where` and the text in `query`, the address its own search box
 * produces: search.naver.com/search.naver?where=news&query=… (cafe posts are where=article).
 */
const NAVER_WHERE: Readonly<Record<Vertical, string>> = { web: 'nexearch', news: 'news', cafe: 'article', blog: 'blog', image: 'image', video: 'video' };

function naverSearchUrl(query: string, vertical: Vertical): string {
  return `https://search.naver.com/search.naver?where=${NAVER_WHERE[vertical]}&query=${q(query)}`;
}

export const naver: Builder = (intent) => (intent.kind === 'search' ? web(naverSearchUrl(intent.query, intent.vertical ?? 'web'), 'search') : undefined);

/**
 * Google web search, with `tbm` for the news (nws), images (isch) and videos (vid) tabs, as documented
 * in Google's search URL parameters; cafe and blog tabs have no Google twin and use the web search.
 */
const GOOGLE_TBM: Readonly<Partial<Record<Vertical, string>>> = { news: 'nws', image: 'isch', video: 'vid' };

export const google: Builder = (intent) => {
  if (intent.kind !== 'search') return undefined;
  const tbm = GOOGLE_TBM[intent.vertical ?? 'web'];
  return web(`https://www.google.com/search?q=${q(intent.query)}${tbm ? `&tbm=${tbm}` : ''}`, 'search');
};

export const naverNews: Builder = (intent) => (intent.kind === 'search' ? web(naverSearchUrl(intent.query, 'news'), 'search') : undefined);

/** Google News search in Korean for Korea: news.google.com/search?q=…&hl=ko&gl=KR&ceid=KR:ko. */
export const googleNews: Builder = (intent) => (intent.kind === 'search' ? web(`https://news.google.com/search?q=${q(intent.query)}&hl=ko&gl=KR&ceid=KR:ko`, 'search') : undefined);

export const naverCafe: Builder = (intent) => (intent.kind === 'search' ? web(naverSearchUrl(intent.query, 'cafe'), 'search') : undefined);

export const naverBlog: Builder = (intent) => (intent.kind === 'search' ? web(naverSearchUrl(intent.query, 'blog'), 'search') : undefined);

/** Naver Shopping search: search.shopping.naver.com/search/all?query=…, as its search box produces. */
export const naverShopping: Builder = (intent) => (intent.kind === 'search' ? web(`https://search.shopping.naver.com/search/all?query=${q(intent.query)}`, 'search') : undefined);
