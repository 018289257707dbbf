import { describe, expect, it } from 'vitest';
import type { Intent } from '../intent.ts';
import { parseKakaoMapUrl } from './kakaomap.ts';

const search = (query: string): Intent => ({ kind: 'search', query });
const NONE: Intent = { kind: 'none' };
const enc = encodeURIComponent;

describe('parseKakaoMapUrl', () => {
  it.each([
    // Kakao's documented /link/search/ form, raw, encoded and double-encoded.
    ['https://map.kakao.com/link/search/카카오판교', search('카카오판교')],
    [`https://map.kakao.com/link/search/${enc('카카오판교')}`, search('카카오판교')],
    [`https://map.kakao.com/link/search/${enc(enc('카카오판교'))}`, search('카카오판교')],
    ['https://map.kakao.com/link/search/판교역 1번 출구', search('판교역 1번 출구')],
    ['https://map.kakao.com/link/search/판교역%20%201번', search('판교역 1번')],
    ['https://map.kakao.com/link/search/스타벅스,강남', search('스타벅스,강남')],
    [`https://map.kakao.com/link/search/${enc('스타벅스,강남')}`, search('스타벅스,강남')],
    [`https://map.kakao.com/link/search/${enc('A&B 카페 #2')}`, search('A&B 카페 #2')],
    ['https://map.kakao.com/link/search/a+b', search('a+b')],
    ['https://map.kakao.com/link/search/서울/강남구', search('서울/강남구')],
    ['https://map.kakao.com/link/search/판교?q=ignored', search('판교')],
    ['https://map.kakao.com/link/search/판교#frag', search('판교')],
    ['https://map.kakao.com/link/search/%20%20', NONE],
    ['https://map.kakao.com/link/search/', NONE],
    ['https://map.kakao.com/link/search', NONE],
    ['https://map.kakao.com/link/map/18577297', NONE],
    // The site's own ?q= search, where + is a space.
    ['https://map.kakao.com/?q=판교역', search('판교역')],
    [`https://map.kakao.com/?q=${enc('판교역')}`, search('판교역')],
    [`https://map.kakao.com/?q=${enc(enc('판교역'))}`, search('판교역')],
    ['https://map.kakao.com/?q=판교+맛집', search('판교 맛집')],
    ['https://map.kakao.com/?q=a%2Bb', search('a+b')],
    [`https://map.kakao.com/?q=${enc('A&B #2')}&other=1`, search('A&B #2')],
    ['https://map.kakao.com/?q=스타벅스,강남', search('스타벅스,강남')],
    ['https://map.kakao.com/?q=first&q=second', search('first')],
    ['https://map.kakao.com/?q=', NONE],
    ['https://map.kakao.com/?q=+++', NONE],
    ['https://map.kakao.com/?Q=판교', NONE],
    ['https://map.kakao.com/', NONE],
    ['https://map.kakao.com/?itemId=18577297', NONE],
    [`https://m.map.kakao.com/actions/searchView?q=${enc('판교역')}`, search('판교역')],
    ['https://m.map.kakao.com/actions/searchView?q=판교+역', search('판교 역')],
    ['https://m.map.kakao.com/actions/searchView', NONE],
    [`https://map.daum.net/?q=${enc('서울역')}`, search('서울역')],
    ['https://map.daum.net/', NONE],
    ['https://place.map.kakao.com/18577297', NONE],
    // Control characters never reach the query.
    ['https://map.kakao.com/link/search/%00%1B판교%0A역', search('판교 역')],
  ])('%s', (address, expected) => {
    expect(parseKakaoMapUrl(new URL(address))).toEqual(expected);
  });

  it('caps very long queries at 200 code points', () => {
    const intent = parseKakaoMapUrl(new URL(`https://map.kakao.com/link/search/${enc('가'.repeat(1000))}`));
    expect(intent).toEqual(search('가'.repeat(200)));
  });

  it('prefers the /link/search/ path over ?q=', () => {
    expect(parseKakaoMapUrl(new URL('https://map.kakao.com/link/search/path?q=param'))).toEqual(search('path'));
  });
});
