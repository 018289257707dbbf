import { NO_INTENT, type Intent, type Vertical } from '../intent.ts';
import { searchFrom } from './common.ts';

/**
 * Daum search keeps the tab in `w` and the query in `q` (search.daum.net/search?w=news&q=…), as its
 * own search box produces them. Unknown tabs fall back to the total search.
 */
const DAUM_TABS: Readonly<Record<string, Vertical>> = { tot: 'web', news: 'news', cafe: 'cafe', blog: 'blog', img: 'image', vclip: 'video', web: 'web' };

export function parseDaumSearch(url: URL): Intent {
  const tab = url.searchParams.get('w') ?? 'tot';
  return searchFrom(url, ['q'], Object.hasOwn(DAUM_TABS, tab) ? DAUM_TABS[tab] : 'web');
}

/** Daum News search: news.daum.net/search?q=…; an article (v.daum.net/v/ID) carries no words. */
export function parseDaumNews(url: URL): Intent {
  return searchFrom(url, ['q', 'query'], 'news');
}

/** Daum Cafe search: top.cafe.daum.net/_c21_/search?q=…; a cafe's own address names only its id. */
export function parseDaumCafe(url: URL): Intent {
  return searchFrom(url, ['q', 'query'], 'cafe');
}

/** The portal's front page and mail carry nothing over: the alternative's home page it is. */
export function parseNothing(): Intent {
  return NO_INTENT;
}
