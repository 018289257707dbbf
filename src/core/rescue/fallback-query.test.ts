import { describe, expect, it } from 'vitest';
import { FALLBACK_PAGE_PATH, MAX_URL_LENGTH, fallbackQuery, parseFallbackQuery, type FallbackRequest } from './fallback-query.ts';

const REQUESTS: readonly FallbackRequest[] = [
  { service: 'kakaomap', url: 'https://map.kakao.com/link/search/카카오판교', cause: { kind: 'refused' } },
  { service: 'kakaomap', url: 'https://map.kakao.com/link/search/%EC%B9%B4%EC%B9%B4%EC%98%A4%ED%8C%90%EA%B5%90', cause: { kind: 'http', status: 503 } },
  { service: 'kakaomap', url: 'https://map.kakao.com/?q=판교+맛집&urlLevel=3#hash', cause: { kind: 'timeout' } },
  { service: 'kakaomap', url: 'https://m.map.kakao.com/actions/searchView?q=%EA%B0%95%EB%82%A8%EC%97%AD&service=x&cause=y&url=z', cause: { kind: 'dns' } },
  { service: 'kakaomap', url: 'http://map.daum.net/?q=서울역 & 남대문', cause: { kind: 'tls' } },
  { service: 'kakaomap', url: 'https://place.map.kakao.com/18577297', cause: { kind: 'http', status: 599 } },
  { service: 'kakaomap', url: 'https://map.kakao.com/', cause: { kind: 'offline' } },
  { service: 'daumsearch', url: 'https://search.daum.net/search?w=news&q=%EA%B8%88%EB%A6%AC&url=https://evil.example/', cause: { kind: 'reset' } },
  { service: 'tistory', url: 'https://MyBlog.tistory.com/search/도커', cause: { kind: 'http', status: 502 } },
  { service: 'melon', url: 'https://www.melon.com/search/total/index.htm?q=아이유&service=kakaomap', cause: { kind: 'empty' } },
  { service: 'kakaoaccount', url: 'https://accounts.kakao.com/login/?continue=https%3A%2F%2Fevil.example%2F', cause: { kind: 'network' } },
  { service: 'kakaomap', url: 'https://map.kakao.com/?q=a', cause: { kind: 'refused' } },
  { service: 'kakaomap', url: 'https://map.kakao.com/?q=b', cause: { kind: 'refused' } },
  { service: 'kakaomap', url: 'https://map.kakao.com/?q=c', cause: { kind: 'refused' }, order: ['tmap', 'navermap'], lang: 'en' },
  { service: 'kakaomap', url: 'https://map.kakao.com/?q=d', cause: { kind: 'refused' }, order: [], lang: 'ko' },
];

function query(params: Record<string, string>): string {
  return `?${new URLSearchParams(params).toString()}`;
}

describe('fallbackQuery / parseFallbackQuery', () => {
  it.each(REQUESTS)('round-trips $url', (request) => {
    const search = fallbackQuery(request);
    expect(search.startsWith('?')).toBe(true);
    expect(parseFallbackQuery(search)).toEqual({ ok: true, request });
    // The query must survive being part of a real extension URL, as location.search gives it back.
    const page = new URL(`chrome-extension://abcdefghijklmnop/${FALLBACK_PAGE_PATH}${search}`);
    expect(parseFallbackQuery(page.search)).toEqual({ ok: true, request });
  });

  it('carries the cause in its compact form', () => {
    const params = new URLSearchParams(fallbackQuery(REQUESTS[1]!));
    expect(params.get('cause')).toBe('http-503');
    expect(params.get('service')).toBe('kakaomap');
  });

  it('takes from the order only known alternatives, each once, and only a language it has', () => {
    const base = fallbackQuery(REQUESTS[0]!);
    const parsed = parseFallbackQuery(`${base}&order=${encodeURIComponent('tmap,evil,navermap,tmap,__proto__,,javascript:alert(1)')}&lang=fr`);
    expect(parsed).toEqual({ ok: true, request: { ...REQUESTS[0], order: ['tmap', 'navermap'] } });
  });

  it('accepts the query without a leading ?', () => {
    expect(parseFallbackQuery(fallbackQuery(REQUESTS[0]!).slice(1))).toEqual({ ok: true, request: REQUESTS[0] });
  });

  it.each([
    ['missing url', query({ service: 'kakaomap', cause: 'refused' }), 'missing-url'],
    ['empty url', query({ service: 'kakaomap', cause: 'refused', url: '' }), 'missing-url'],
    ['empty query', '', 'missing-url'],
    [`url over ${MAX_URL_LENGTH} characters`, query({ service: 'kakaomap', cause: 'refused', url: `https://map.kakao.com/?q=${'a'.repeat(MAX_URL_LENGTH)}` }), 'missing-url'],
    ['non-catalogued host', query({ service: 'kakaomap', cause: 'refused', url: 'https://evil.example/' }), 'not-catalogued'],
    ['look-alike host', query({ service: 'kakaomap', cause: 'refused', url: 'https://map.kakao.com.evil.example/' }), 'not-catalogued'],
    ['javascript: url', query({ service: 'kakaomap', cause: 'refused', url: 'javascript:alert(1)//map.kakao.com/' }), 'not-catalogued'],
    ['data: url', query({ service: 'kakaomap', cause: 'refused', url: 'data:text/html,<script>alert(1)</script>' }), 'not-catalogued'],
    ['relative url', query({ service: 'kakaomap', cause: 'refused', url: '/link/search/x' }), 'not-catalogued'],
    ['service missing', query({ cause: 'refused', url: 'https://map.kakao.com/' }), 'service-mismatch'],
    ['service another id', query({ service: 'navermap', cause: 'refused', url: 'https://map.kakao.com/' }), 'service-mismatch'],
    ['service __proto__', query({ service: '__proto__', cause: 'refused', url: 'https://map.kakao.com/' }), 'service-mismatch'],
    ['service of a sibling Daum site', query({ service: 'daum', cause: 'refused', url: 'https://search.daum.net/search?q=x' }), 'service-mismatch'],
    ['bare tistory.com', query({ service: 'tistory', cause: 'refused', url: 'https://tistory.com/' }), 'not-catalogued'],
    ['tistory look-alike', query({ service: 'tistory', cause: 'refused', url: 'https://evil-tistory.com/' }), 'not-catalogued'],
    ['cause missing', query({ service: 'kakaomap', url: 'https://map.kakao.com/' }), 'bad-cause'],
    ['cause unknown', query({ service: 'kakaomap', cause: 'exploded', url: 'https://map.kakao.com/' }), 'bad-cause'],
    ['cause 404', query({ service: 'kakaomap', cause: 'http-404', url: 'https://map.kakao.com/' }), 'bad-cause'],
    ['cause http-5000', query({ service: 'kakaomap', cause: 'http-5000', url: 'https://map.kakao.com/' }), 'bad-cause'],
  ])('rejects %s', (_label, search, error) => {
    expect(parseFallbackQuery(search)).toEqual({ ok: false, error });
  });

  it('accepts a url of exactly MAX_URL_LENGTH characters', () => {
    const prefix = 'https://map.kakao.com/?q=';
    const url = prefix + 'a'.repeat(MAX_URL_LENGTH - prefix.length);
    expect(url).toHaveLength(MAX_URL_LENGTH);
    expect(parseFallbackQuery(query({ service: 'kakaomap', cause: 'refused', url }))).toEqual({
      ok: true,
      request: { service: 'kakaomap', url, cause: { kind: 'refused' } },
    });
  });

  it('uses the first of repeated parameters (no smuggling a second url)', () => {
    const search = `${fallbackQuery(REQUESTS[0]!)}&url=${encodeURIComponent('https://evil.example/')}`;
    expect(parseFallbackQuery(search)).toEqual({ ok: true, request: REQUESTS[0] });
    const evilFirst = `?url=${encodeURIComponent('https://evil.example/')}&${fallbackQuery(REQUESTS[0]!).slice(1)}`;
    expect(parseFallbackQuery(evilFirst)).toEqual({ ok: false, error: 'not-catalogued' });
  });
});
