import { cleanQuery, decodeLoosely } from '../text.ts';
import { NO_INTENT, type Intent } from '../intent.ts';
import { searchFrom } from './common.ts';

/** Melon search: www.melon.com/search/total/index.htm?q=… (and /search/song/, m2.melon.com/search/…?q=…). */
export function parseMelon(url: URL): Intent {
  return url.pathname.includes('/search') ? searchFrom(url, ['q', 'query', 'keyword']) : NO_INTENT;
}

/** KakaoPage search: page.kakao.com/search/result?keyword=… (older links: ?word=…). */
export function parseKakaoPage(url: URL): Intent {
  return searchFrom(url, ['keyword', 'word', 'q']);
}

/**
 * Kakao Webtoon: webtoon.kakao.com/content/{title-slug}/{id}, the title with its spaces as hyphens,
 * and webtoon.kakao.com/search?keyword=… for a search.
 */
export function parseKakaoWebtoon(url: URL): Intent {
  const content = /^\/content\/([^/]+)/.exec(url.pathname);
  if (content?.[1]) {
    const title = cleanQuery(decodeLoosely(content[1]).replace(/-+/g, ' '));
    return title ? { kind: 'search', query: title } : NO_INTENT;
  }
  return searchFrom(url, ['keyword', 'q']);
}

/** Tistory's own search: {blog}.tistory.com/search/{query}. A post address carries no words. */
export function parseTistory(url: URL): Intent {
  const search = /^\/search\/([^/]+)/.exec(url.pathname);
  if (search?.[1]) {
    const query = cleanQuery(decodeLoosely(search[1]));
    return query ? { kind: 'search', query, vertical: 'blog' } : NO_INTENT;
  }
  return NO_INTENT;
}

/** Kakao Gift search: gift.kakao.com/search/result?query=…; a product page carries only an id. */
export function parseKakaoGift(url: URL): Intent {
  return searchFrom(url, ['query', 'q', 'keyword']);
}
