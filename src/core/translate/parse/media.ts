import { decodeLoosely, pageWords } from '../text.ts';
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
    const title = pageWords(decodeLoosely(content[1]).replace(/-+/g, ' '));
    return title ? { kind: 'search', query: title } : NO_INTENT;
  }
  return searchFrom(url, ['keyword', 'q']);
}

/**
 * Tistory, as its blogs write their own addresses:
 *   {blog}.tistory.com/search/{query}     the blog's search
 *   {blog}.tistory.com/tag/{tag}          posts with a tag: the tag is the search
 *   {blog}.tistory.com/entry/{title-slug} a post under its title, spaces as hyphens (the "문자" permalink
 *                                         setting): the title is the search
 * A numbered post ({blog}.tistory.com/123) carries no words.
 */
const TISTORY_PATHS = /^\/(search|tag|entry)\/([^/]+)/;

export function parseTistory(url: URL): Intent {
  const match = TISTORY_PATHS.exec(url.pathname);
  if (!match?.[1] || !match[2]) return NO_INTENT;
  const text = decodeLoosely(match[2]);
  const query = pageWords(match[1] === 'entry' ? text.replace(/-+/g, ' ') : text);
  return query ? { kind: 'search', query, vertical: 'blog' } : NO_INTENT;
}

/** Kakao Gift search: gift.kakao.com/search/result?query=…; a product page carries only an id. */
export function parseKakaoGift(url: URL): Intent {
  return searchFrom(url, ['query', 'q', 'keyword']);
}
