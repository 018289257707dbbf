import { describe, expect, it } from 'vitest';
import { isAllowedLink, translate, type MapIntent } from './index.ts';

const enc = encodeURIComponent;
const NAVER = (query: string) => `https://map.naver.com/p/search/${enc(query)}`;
const GOOGLE = (query: string) => `https://www.google.com/maps/search/?api=1&query=${enc(query)}`;
const NAVER_HOME = 'https://map.naver.com/';
const GOOGLE_HOME = 'https://www.google.com/maps';

/** [address, expected query or null for "no intent"] */
const ADDRESSES: ReadonlyArray<readonly [string, string | null]> = [
  ['https://map.kakao.com/link/search/카카오판교', '카카오판교'],
  [`https://map.kakao.com/link/search/${enc('카카오판교')}`, '카카오판교'],
  [`https://map.kakao.com/link/search/${enc(enc('카카오판교'))}`, '카카오판교'],
  [`https://map.kakao.com/link/search/${enc('서울 중구 세종대로 110')}`, '서울 중구 세종대로 110'],
  [`https://map.kakao.com/link/search/${enc('경기 성남시 분당구 판교역로 166')}`, '경기 성남시 분당구 판교역로 166'],
  [`https://map.kakao.com/link/search/${enc('제주특별자치도 제주시 첨단로 242')}`, '제주특별자치도 제주시 첨단로 242'],
  [`https://map.kakao.com/link/search/${enc('부산 해운대구 우동 1411-1')}`, '부산 해운대구 우동 1411-1'],
  [`https://map.kakao.com/link/search/${enc('서울특별시 강남구 테헤란로 152 (역삼동, 강남파이낸스센터)')}`, '서울특별시 강남구 테헤란로 152 (역삼동, 강남파이낸스센터)'],
  [`https://map.kakao.com/link/search/${enc('스타벅스 판교점')}`, '스타벅스 판교점'],
  [`https://map.kakao.com/link/search/${enc('A&B 카페 #2')}`, 'A&B 카페 #2'],
  ['https://map.kakao.com/link/search/스타벅스,강남', '스타벅스,강남'],
  ['https://map.kakao.com/link/search/Seoul%20Station', 'Seoul Station'],
  ['https://map.kakao.com/link/search/N%EC%84%9C%EC%9A%B8%ED%83%80%EC%9B%8C', 'N서울타워'],
  ['https://map.kakao.com/link/search/판교%', '판교%'],
  [`https://map.kakao.com/link/search/${enc('카카오')}%ED%8C`, '카카오%ED%8C'],
  ['https://map.kakao.com/?q=판교역', '판교역'],
  ['https://map.kakao.com/?q=판교+맛집', '판교 맛집'],
  [`https://map.kakao.com/?q=${enc('강남역 2호선')}`, '강남역 2호선'],
  [`https://map.kakao.com/?q=${enc(enc('홍대입구역'))}`, '홍대입구역'],
  [`https://map.kakao.com/?urlX=1&q=${enc('여의도 한강공원')}&urlLevel=3`, '여의도 한강공원'],
  ['https://map.kakao.com/?q=a%2Bb', 'a+b'],
  [`https://map.kakao.com/?q=${enc('100% 할인 & 무료')}`, '100% 할인 & 무료'],
  [`https://MAP.KAKAO.COM./?q=${enc('광화문')}`, '광화문'],
  [`http://map.kakao.com/?q=${enc('광화문')}`, '광화문'],
  [`https://m.map.kakao.com/actions/searchView?q=${enc('판교역')}`, '판교역'],
  [`https://m.map.kakao.com/actions/searchView?q=${enc('인천국제공항 제1여객터미널')}&wxEnc=LVSUTO`, '인천국제공항 제1여객터미널'],
  [`https://map.daum.net/?q=${enc('서울역')}`, '서울역'],
  [`https://map.daum.net/?q=${enc('대전 유성구 대학로 291')}`, '대전 유성구 대학로 291'],
  ['https://map.kakao.com/?q=%E2%98%95%20%EC%B9%B4%ED%8E%98', '☕ 카페'],
  [`https://map.kakao.com/link/search/${enc('  공백\t\n많은   검색 ')}`, '공백 많은 검색'],
  // No intent: the home pages.
  ['https://map.kakao.com/', null],
  ['https://map.kakao.com/?q=', null],
  ['https://map.kakao.com/?itemId=18577297', null],
  ['https://place.map.kakao.com/18577297', null],
  ['https://m.map.kakao.com/', null],
  ['https://map.daum.net/', null],
  ['https://map.kakao.com/link/map/18577297', null],
  ['https://map.kakao.com/link/search/%20', null],
];

describe('translate', () => {
  it('has a table of at least 30 addresses', () => {
    expect(ADDRESSES.length).toBeGreaterThanOrEqual(30);
  });

  it.each(ADDRESSES)('%s', (address, query) => {
    const result = translate(address);
    const intent: MapIntent = query === null ? { kind: 'none' } : { kind: 'search', query };
    expect(result).toEqual({
      service: 'kakaomap',
      intent,
      links: [
        { alternative: 'navermap', url: query === null ? NAVER_HOME : NAVER(query) },
        { alternative: 'googlemaps', url: query === null ? GOOGLE_HOME : GOOGLE(query) },
      ],
    });
  });

  it('follows a custom order', () => {
    const result = translate('https://map.kakao.com/?q=판교', ['googlemaps', 'navermap']);
    expect(result?.links.map((link) => link.alternative)).toEqual(['googlemaps', 'navermap']);
    expect(result?.links[0]?.url).toBe(GOOGLE('판교'));
  });

  it('may offer a subset', () => {
    expect(translate('https://map.kakao.com/?q=판교', ['googlemaps'])?.links).toEqual([{ alternative: 'googlemaps', url: GOOGLE('판교') }]);
    expect(translate('https://map.kakao.com/?q=판교', [])?.links).toEqual([]);
  });

  it('drops unknown and uncatalogued ids from the order', () => {
    const order = ['evilmap', '__proto__', 'constructor', 'toString', 'kakaomap', 'navermap', 'NAVERMAP', ''];
    expect(translate('https://map.kakao.com/?q=판교', order)?.links).toEqual([{ alternative: 'navermap', url: NAVER('판교') }]);
  });

  it('offers each alternative once even if the order repeats it', () => {
    const result = translate('https://map.kakao.com/?q=판교', ['navermap', 'googlemaps', 'navermap', 'googlemaps']);
    expect(result?.links.map((link) => link.alternative)).toEqual(['navermap', 'googlemaps']);
  });

  it.each([
    'https://evil.example/?q=판교',
    'https://map.kakao.com.evil.example/link/search/판교',
    'https://evil-map.kakao.com/?q=판교',
    'https://kakao.com/?q=판교',
    'https://map.naver.com/p/search/판교',
    'javascript:alert(1)//map.kakao.com/?q=판교',
    'data:text/html,map.kakao.com',
    'ftp://map.kakao.com/?q=판교',
    'not a url',
    '',
  ])('returns undefined for the non-catalogued %j', (address) => {
    expect(translate(address)).toBeUndefined();
  });

  it('every generated link is allowed', () => {
    for (const [address] of ADDRESSES) {
      for (const link of translate(address)?.links ?? []) expect(isAllowedLink(link.url), link.url).toBe(true);
    }
  });
});

describe('isAllowedLink', () => {
  it.each([
    'https://map.naver.com/',
    'https://map.naver.com/p/search/%ED%8C%90%EA%B5%90',
    'https://www.google.com/maps',
    'https://www.google.com/maps/search/?api=1&query=x',
    'https://MAP.NAVER.COM/',
    'https://map.naver.com:443/', // the default port normalizes away
  ])('allows %s', (url) => {
    expect(isAllowedLink(url)).toBe(true);
  });

  it.each([
    ['http', 'http://map.naver.com/'],
    ['http', 'http://www.google.com/maps'],
    ['userinfo', 'https://user@map.naver.com/'],
    ['userinfo', 'https://user:pass@map.naver.com/'],
    ['userinfo', 'https://:pass@www.google.com/maps'],
    ['userinfo trick', 'https://map.naver.com@evil.example/'],
    ['port', 'https://map.naver.com:8443/'],
    ['port', 'https://www.google.com:80/maps'],
    ['other host', 'https://evil.example/'],
    ['other host', 'https://google.com/maps'],
    ['other host', 'https://maps.google.com/'],
    ['other host', 'https://naver.com/'],
    ['other host', 'https://map.naver.com.evil.example/'],
    ['other host', 'https://evil.example/https://map.naver.com/'],
    ['Kakao host', 'https://map.kakao.com/'],
    ['javascript:', 'javascript:alert(1)//map.naver.com/'],
    ['javascript:', 'JavaScript:alert(document.cookie)'],
    ['data:', 'data:text/html,<script>alert(1)</script>'],
    ['protocol-relative', '//map.naver.com/'],
    ['relative', '/p/search/x'],
    ['file:', 'file:///etc/passwd'],
    ['malformed', 'https://'],
    ['malformed', ''],
    ['ws', 'wss://map.naver.com/'],
  ])('rejects %s: %s', (_why, url) => {
    expect(isAllowedLink(url)).toBe(false);
  });
});
