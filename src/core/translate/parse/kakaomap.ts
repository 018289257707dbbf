import { cleanQuery, decodeLoosely } from '../text.ts';
import { NO_INTENT, type Intent } from '../intent.ts';

/**
 * Reads the intent out of a KakaoMap address without asking Kakao (it may be down).
 * Shapes, from Kakao's published "URL로 지도 열기" guide (apis.map.kakao.com/web/guide/#url):
 *   https://map.kakao.com/link/search/{query}
 * and the site's own search address, also used by Daum's older map host:
 *   https://map.kakao.com/?q={query}, https://map.daum.net/?q={query}, https://m.map.kakao.com/actions/searchView?q={query}
 */
export function parseKakaoMapUrl(url: URL): Intent {
  const linkSearch = /^\/link\/search\/(.+)$/.exec(url.pathname);
  if (linkSearch?.[1]) {
    const query = cleanQuery(decodeLoosely(linkSearch[1]));
    return query ? { kind: 'search', query } : NO_INTENT;
  }
  const q = url.searchParams.get('q');
  if (q !== null) {
    // URLSearchParams already decoded once; a second layer means the link was double-encoded.
    const query = cleanQuery(decodeLoosely(q));
    return query ? { kind: 'search', query } : NO_INTENT;
  }
  return NO_INTENT;
}
