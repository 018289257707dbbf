import { afterEach, describe, expect, it } from 'vitest';
import { SERVICES, serviceForUrl, type AlternativeId, type ServiceId } from '../catalog/index.ts';
import { isAllowedLink, isShortLink, placeIdIn, titleSpeaksFor, searchableAlternatives, searchLinks, translate, type Intent, type Place, type TranslateOptions } from './index.ts';
import { app, web, type Builder, type Parser } from './links.ts';
import { BUILDERS, PARSERS } from './registry.ts';

const enc = encodeURIComponent;

// Exact link formats of the non-map alternatives (see build/search.ts and build/media.ts).
const NAVER = (where: string, query: string) => `https://search.naver.com/search.naver?where=${where}&query=${enc(query)}`;
const GOOGLE = (query: string, tbm?: string) => `https://www.google.com/search?q=${enc(query)}${tbm ? `&tbm=${tbm}` : ''}`;
const GOOGLE_NEWS = (query: string) => `https://news.google.com/search?q=${enc(query)}&hl=ko&gl=KR&ceid=KR:ko`;
const SHOPPING = (query: string) => `https://search.shopping.naver.com/search/all?query=${enc(query)}`;
const VIBE = (query: string) => `https://vibe.naver.com/search?query=${enc(query)}`;
const GENIE = (query: string) => `https://www.genie.co.kr/search/searchMain?query=${enc(query)}`;
const FLO = (query: string) => `https://www.music-flo.com/search/all?keyword=${enc(query)}`;
const NAVER_WEBTOON = (query: string) => `https://comic.naver.com/search?keyword=${enc(query)}`;
const NAVER_SERIES = (query: string) => `https://series.naver.com/search/search.series?t=all&fs=default&q=${enc(query)}`;

/** Home pages, written out rather than read from the catalogue, so a changed home is noticed. */
const HOMES: Readonly<Record<AlternativeId, string>> = {
  navermap: 'https://map.naver.com/',
  tmap: 'https://www.tmap.co.kr/',
  googlemaps: 'https://www.google.com/maps',
  ut: 'https://m.uber.com/',
  naver: 'https://www.naver.com/',
  google: 'https://www.google.com/',
  navernews: 'https://news.naver.com/',
  googlenews: 'https://news.google.com/?hl=ko&gl=KR&ceid=KR:ko',
  navercafe: 'https://section.cafe.naver.com/',
  naverblog: 'https://section.blog.naver.com/',
  navermail: 'https://mail.naver.com/',
  gmail: 'https://mail.google.com/',
  line: 'https://line.me/ko/',
  band: 'https://band.us/',
  navershopping: 'https://shopping.naver.com/',
  naverlogin: 'https://nid.naver.com/nidlogin.login',
  naverpay: 'https://pay.naver.com/',
  toss: 'https://toss.im/',
  vibe: 'https://vibe.naver.com/',
  genie: 'https://www.genie.co.kr/',
  flo: 'https://www.music-flo.com/',
  naverwebtoon: 'https://comic.naver.com/',
  naverseries: 'https://series.naver.com/',
};

const NONE: Intent = { kind: 'none' };
const search = (query: string, vertical?: 'web' | 'news' | 'cafe' | 'blog' | 'image' | 'video'): Intent => (vertical ? { kind: 'search', query, vertical } : { kind: 'search', query });

/** Expected link per alternative, in the service's catalogue order: a URL that carries a search, or HOME. */
const HOME = 'home' as const;
type Expected = Readonly<Partial<Record<AlternativeId, string>>>;

/** Links for a search on each kind of service, given the query and (for web search) the vertical. */
const daumSearch = (query: string, where: string, tbm?: string): Expected => ({ naver: NAVER(where, query), google: GOOGLE(query, tbm) });
const news = (query: string): Expected => ({ navernews: NAVER('news', query), googlenews: GOOGLE_NEWS(query) });
const cafe = (query: string): Expected => ({ navercafe: NAVER('article', query), google: GOOGLE(query) });
const music = (query: string): Expected => ({ vibe: VIBE(query), genie: GENIE(query), flo: FLO(query) });
const comics = (query: string): Expected => ({ naverwebtoon: NAVER_WEBTOON(query), naverseries: NAVER_SERIES(query) });
const blog = (query: string): Expected => ({ naverblog: NAVER('blog', query), google: GOOGLE(query) });
const gift = (query: string): Expected => ({ navershopping: SHOPPING(query) });
const homes = (service: ServiceId): Expected => Object.fromEntries(SERVICES[service].alternatives.map((id) => [id, HOME]));

type Row = readonly [address: string, service: ServiceId, intent: Intent, links: Expected | 'homes'];

/** Real address shapes of every non-map service, with the exact intent and links each must give. */
const ROWS: readonly Row[] = [
  // Daum search: every tab, raw, encoded and double-encoded queries.
  ['https://search.daum.net/search?w=tot&q=카카오판교', 'daumsearch', search('카카오판교', 'web'), daumSearch('카카오판교', 'nexearch')],
  [`https://search.daum.net/search?w=tot&q=${enc('카카오판교')}`, 'daumsearch', search('카카오판교', 'web'), daumSearch('카카오판교', 'nexearch')],
  [`https://search.daum.net/search?w=tot&q=${enc(enc('카카오판교'))}`, 'daumsearch', search('카카오판교', 'web'), daumSearch('카카오판교', 'nexearch')],
  [`https://search.daum.net/search?nil_suggest=btn&w=tot&DA=SBC&q=${enc('서울 날씨').replace(/%20/g, '+')}`, 'daumsearch', search('서울 날씨', 'web'), daumSearch('서울 날씨', 'nexearch')],
  [`https://search.daum.net/search?w=news&q=${enc('금리 인상')}`, 'daumsearch', search('금리 인상', 'news'), daumSearch('금리 인상', 'news', 'nws')],
  [`https://search.daum.net/search?w=news&DA=STC&q=${enc(enc('환율'))}&sort=recency`, 'daumsearch', search('환율', 'news'), daumSearch('환율', 'news', 'nws')],
  [`https://search.daum.net/search?w=cafe&q=${enc('캠핑 장비')}`, 'daumsearch', search('캠핑 장비', 'cafe'), daumSearch('캠핑 장비', 'article')],
  [`https://search.daum.net/search?w=blog&q=${enc('제주 맛집')}`, 'daumsearch', search('제주 맛집', 'blog'), daumSearch('제주 맛집', 'blog')],
  [`https://search.daum.net/search?w=img&q=${enc('고양이')}`, 'daumsearch', search('고양이', 'image'), daumSearch('고양이', 'image', 'isch')],
  [`https://search.daum.net/search?w=vclip&q=${enc('뉴진스 뮤비')}`, 'daumsearch', search('뉴진스 뮤비', 'video'), daumSearch('뉴진스 뮤비', 'video', 'vid')],
  ['https://search.daum.net/search?w=web&q=typescript', 'daumsearch', search('typescript', 'web'), daumSearch('typescript', 'nexearch')],
  [`https://search.daum.net/search?q=${enc('판교역')}`, 'daumsearch', search('판교역', 'web'), daumSearch('판교역', 'nexearch')],
  [`https://search.daum.net/search?w=unknowntab&q=${enc('판교역')}`, 'daumsearch', search('판교역', 'web'), daumSearch('판교역', 'nexearch')],
  [`https://search.daum.net/search?w=__proto__&q=${enc('판교역')}`, 'daumsearch', search('판교역', 'web'), daumSearch('판교역', 'nexearch')],
  [`https://m.search.daum.net/search?w=tot&q=${enc('카카오')}`, 'daumsearch', search('카카오', 'web'), daumSearch('카카오', 'nexearch')],
  [`https://m.search.daum.net/search?w=img&q=${enc(enc('강아지'))}`, 'daumsearch', search('강아지', 'image'), daumSearch('강아지', 'image', 'isch')],
  [`https://SEARCH.DAUM.NET./search?w=blog&q=${enc('여행')}`, 'daumsearch', search('여행', 'blog'), daumSearch('여행', 'blog')],
  ['https://search.daum.net/search?w=tot&q=a%2Bb', 'daumsearch', search('a+b', 'web'), daumSearch('a+b', 'nexearch')],
  [`https://search.daum.net/search?w=tot&q=${enc('A&B #2 100%')}`, 'daumsearch', search('A&B #2 100%', 'web'), daumSearch('A&B #2 100%', 'nexearch')],
  [`https://search.daum.net/search?w=tot&q=${enc('  공백\t\n많은   검색 ')}`, 'daumsearch', search('공백 많은 검색', 'web'), daumSearch('공백 많은 검색', 'nexearch')],
  ['https://search.daum.net/search?w=tot&q=', 'daumsearch', NONE, 'homes'],
  ['https://search.daum.net/search?w=tot&Q=판교', 'daumsearch', NONE, 'homes'],
  ['https://search.daum.net/', 'daumsearch', NONE, 'homes'],
  // Daum News: search and articles.
  [`https://news.daum.net/search?q=${enc('금리')}`, 'daumnews', search('금리', 'news'), news('금리')],
  [`https://news.daum.net/search?query=${enc('반도체 수출')}`, 'daumnews', search('반도체 수출', 'news'), news('반도체 수출')],
  [`https://m.news.daum.net/search?q=${enc(enc('선거'))}`, 'daumnews', search('선거', 'news'), news('선거')],
  ['https://news.daum.net/', 'daumnews', NONE, 'homes'],
  ['https://news.daum.net/economy', 'daumnews', NONE, 'homes'],
  ['https://v.daum.net/v/20240501123456789', 'daumnews', NONE, 'homes'],
  ['https://v.daum.net/v/20240501123456789?f=o', 'daumnews', NONE, 'homes'],
  ['https://m.news.daum.net/', 'daumnews', NONE, 'homes'],
  // Daum Cafe.
  [`https://top.cafe.daum.net/_c21_/search?q=${enc('캠핑')}`, 'daumcafe', search('캠핑', 'cafe'), cafe('캠핑')],
  [`https://cafe.daum.net/_c21_/search?query=${enc('중고 거래')}`, 'daumcafe', search('중고 거래', 'cafe'), cafe('중고 거래')],
  [`https://m.cafe.daum.net/_search?q=${enc(enc('낚시'))}`, 'daumcafe', search('낚시', 'cafe'), cafe('낚시')],
  ['https://cafe.daum.net/', 'daumcafe', NONE, 'homes'],
  ['https://cafe.daum.net/somecafe', 'daumcafe', NONE, 'homes'],
  ['https://cafe.daum.net/somecafe/abcd/123', 'daumcafe', NONE, 'homes'],
  ['https://m.cafe.daum.net/', 'daumcafe', NONE, 'homes'],
  // Daum portal and mail: nothing to carry.
  ['https://www.daum.net/', 'daum', NONE, 'homes'],
  ['https://daum.net', 'daum', NONE, 'homes'],
  ['https://m.daum.net/', 'daum', NONE, 'homes'],
  ['https://www.daum.net/?nil_profile=mini', 'daum', NONE, 'homes'],
  ['https://mail.daum.net/', 'daummail', NONE, 'homes'],
  ['https://mail.daum.net/#INBOX', 'daummail', NONE, 'homes'],
  ['https://m.mail.daum.net/hanmailex/mobile/Top.daum', 'daummail', NONE, 'homes'],
  // Melon: search pages on every host, song and chart pages.
  [`https://www.melon.com/search/total/index.htm?q=${enc('아이유')}`, 'melon', search('아이유'), music('아이유')],
  [`https://www.melon.com/search/song/index.htm?q=${enc('밤양갱')}&section=&searchGnbYn=Y&kkoSpl=Y&kkoDpType=`, 'melon', search('밤양갱'), music('밤양갱')],
  [`https://www.melon.com/search/total/index.htm?q=${enc(enc('뉴진스'))}`, 'melon', search('뉴진스'), music('뉴진스')],
  ['https://www.melon.com/search/total/index.htm?q=Love+wins+all', 'melon', search('Love wins all'), music('Love wins all')],
  [`https://m2.melon.com/search/index.htm?q=${enc('에스파')}`, 'melon', search('에스파'), music('에스파')],
  [`https://m.melon.com/search/total/index.htm?keyword=${enc('bts')}`, 'melon', search('bts'), music('bts')],
  [`https://melon.com/search/total/index.htm?query=${enc('아이유 & 성시경')}`, 'melon', search('아이유 & 성시경'), music('아이유 & 성시경')],
  ['https://www.melon.com/search/total/index.htm?q=', 'melon', NONE, 'homes'],
  ['https://www.melon.com/song/detail.htm?songId=37225594', 'melon', NONE, 'homes'],
  ['https://www.melon.com/album/detail.htm?albumId=11543214', 'melon', NONE, 'homes'],
  ['https://www.melon.com/chart/index.htm', 'melon', NONE, 'homes'],
  ['https://www.melon.com/index.htm?q=ignored', 'melon', NONE, 'homes'],
  ['https://www.melon.com/', 'melon', NONE, 'homes'],
  // KakaoPage.
  [
    `https://page.kakao.com/search/result?keyword=${enc('나 혼자만 레벨업')}`,
    'kakaopage',
    search('나 혼자만 레벨업'),
    { naverseries: NAVER_SERIES('나 혼자만 레벨업'), naverwebtoon: NAVER_WEBTOON('나 혼자만 레벨업') },
  ],
  [
    `https://page.kakao.com/search/result?keyword=${enc(enc('전지적 독자 시점'))}&categoryUid=0`,
    'kakaopage',
    search('전지적 독자 시점'),
    { naverseries: NAVER_SERIES('전지적 독자 시점'), naverwebtoon: NAVER_WEBTOON('전지적 독자 시점') },
  ],
  [`https://page.kakao.com/search?word=${enc('달빛조각사')}`, 'kakaopage', search('달빛조각사'), { naverseries: NAVER_SERIES('달빛조각사'), naverwebtoon: NAVER_WEBTOON('달빛조각사') }],
  ['https://page.kakao.com/content/59782711', 'kakaopage', NONE, 'homes'],
  ['https://page.kakao.com/content/59782711/viewer/60000000', 'kakaopage', NONE, 'homes'],
  ['https://page.kakao.com/menu/10010/screen/84', 'kakaopage', NONE, 'homes'],
  ['https://page.kakao.com/', 'kakaopage', NONE, 'homes'],
  // Kakao Webtoon: the content slug is the title.
  ['https://webtoon.kakao.com/content/나-혼자만-레벨업/2320', 'kakaowebtoon', search('나 혼자만 레벨업'), comics('나 혼자만 레벨업')],
  [`https://webtoon.kakao.com/content/${enc('나-혼자만-레벨업')}/2320`, 'kakaowebtoon', search('나 혼자만 레벨업'), comics('나 혼자만 레벨업')],
  [`https://webtoon.kakao.com/content/${enc('이태원-클라쓰')}/1047`, 'kakaowebtoon', search('이태원 클라쓰'), comics('이태원 클라쓰')],
  ['https://webtoon.kakao.com/content/solo-leveling/2320', 'kakaowebtoon', search('solo leveling'), comics('solo leveling')],
  [`https://webtoon.kakao.com/search?keyword=${enc('이태원 클라쓰')}`, 'kakaowebtoon', search('이태원 클라쓰'), comics('이태원 클라쓰')],
  ['https://webtoon.kakao.com/content/---/1', 'kakaowebtoon', NONE, 'homes'],
  ['https://webtoon.kakao.com/viewer/solo-leveling-001/12345', 'kakaowebtoon', NONE, 'homes'],
  ['https://webtoon.kakao.com/original-webtoon', 'kakaowebtoon', NONE, 'homes'],
  ['https://webtoon.kakao.com/', 'kakaowebtoon', NONE, 'homes'],
  // Tistory: its own search on any blog's subdomain, and posts.
  ['https://myblog.tistory.com/search/맛집', 'tistory', search('맛집', 'blog'), blog('맛집')],
  [`https://myblog.tistory.com/search/${enc('리액트 훅')}`, 'tistory', search('리액트 훅', 'blog'), blog('리액트 훅')],
  [`https://MyBlog.TISTORY.com/search/${enc(enc('도커'))}`, 'tistory', search('도커', 'blog'), blog('도커')],
  ['https://a-b.c.tistory.com/search/x%20y', 'tistory', search('x y', 'blog'), blog('x y')],
  ['https://myblog.tistory.com/search/', 'tistory', NONE, 'homes'],
  ['https://myblog.tistory.com/123', 'tistory', NONE, 'homes'],
  [`https://myblog.tistory.com/entry/${enc('글-제목')}`, 'tistory', search('글 제목', 'blog'), blog('글 제목')],
  ['https://myblog.tistory.com/category/dev', 'tistory', NONE, 'homes'],
  ['https://www.tistory.com/', 'tistory', NONE, 'homes'],
  ['https://myblog.tistory.com/', 'tistory', NONE, 'homes'],
  // Kakao Gift.
  [`https://gift.kakao.com/search/result?query=${enc('립밤')}&searchType=typing`, 'kakaogift', search('립밤'), gift('립밤')],
  [`https://gift.kakao.com/search/result?q=${enc(enc('케이크 교환권'))}`, 'kakaogift', search('케이크 교환권'), gift('케이크 교환권')],
  ['https://gift.kakao.com/product/1234567', 'kakaogift', NONE, 'homes'],
  ['https://gift.kakao.com/home', 'kakaogift', NONE, 'homes'],
  ['https://gift.kakao.com/', 'kakaogift', NONE, 'homes'],
  // Guidance only: another messenger, another login, another wallet.
  ['https://pf.kakao.com/_xabcdE', 'kakaotalk', NONE, 'homes'],
  ['https://pf.kakao.com/_xabcdE/chat', 'kakaotalk', NONE, 'homes'],
  ['https://open.kakao.com/o/gAbCdEf1', 'kakaotalk', NONE, 'homes'],
  ['https://talk.kakao.com/', 'kakaotalk', NONE, 'homes'],
  [`https://accounts.kakao.com/login/?continue=${enc('https://map.kakao.com/?q=판교')}`, 'kakaoaccount', NONE, 'homes'],
  ['https://kauth.kakao.com/oauth/authorize?client_id=abc&redirect_uri=https%3A%2F%2Fexample.com&response_type=code', 'kakaoaccount', NONE, 'homes'],
  ['https://www.kakaopay.com/', 'kakaopay', NONE, 'homes'],
  ['https://kakaopay.com/', 'kakaopay', NONE, 'homes'],
  ['https://pay.kakao.com/payment/123?q=ignored', 'kakaopay', NONE, 'homes'],
  // Mobility home pages (what else Kakao T and Navi carry belongs to the map translators).
  ['https://t.kakao.com/', 'kakaot', NONE, 'homes'],
  ['https://kakaonavi.kakao.com/', 'kakaonavi', NONE, 'homes'],
  ['https://kakaonavi-wguide.kakao.com/', 'kakaonavi', NONE, 'homes'],
];

function expectedLinks(service: ServiceId, links: Expected | 'homes') {
  const table = links === 'homes' ? homes(service) : links;
  return SERVICES[service].alternatives.map((id) => {
    const url = table[id];
    if (url === undefined) throw new Error(`row for ${service} lacks ${id}`);
    return url === HOME ? { alternative: id, url: HOMES[id], carries: 'home', via: 'web' } : { alternative: id, url, carries: 'search', via: 'web' };
  });
}

describe('translate: non-map services', () => {
  it('has a table of at least 80 addresses covering every non-map service', () => {
    expect(ROWS.length).toBeGreaterThanOrEqual(80);
    const covered = new Set(ROWS.map(([, service]) => service));
    for (const id of Object.keys(SERVICES) as ServiceId[]) if (id !== 'kakaomap') expect(covered.has(id), id).toBe(true);
  });

  it.each(ROWS)('%s -> %s', (address, service, intent, links) => {
    expect(translate(address)).toEqual({
      service,
      intent,
      source: intent.kind !== 'none' ? 'address' : new URL(address).pathname.replace(/\/+$/, '') === '' && new URL(address).search === '' ? 'home' : 'none',
      links: expectedLinks(service, links),
    });
  });

  it('every guidance alternative always gets its home page, whatever the intent', () => {
    const guidance: AlternativeId[] = ['line', 'band', 'naverlogin', 'naverpay', 'toss', 'navermail', 'gmail'];
    const addresses = ['https://pf.kakao.com/_x', 'https://accounts.kakao.com/login', 'https://www.kakaopay.com/', 'https://mail.daum.net/'];
    const seen = new Set<string>();
    for (const address of addresses) {
      for (const title of [undefined, '무언가 검색할 만한 제목']) {
        for (const link of translate(address, { title, platform: 'mobile' })!.links) {
          seen.add(link.alternative);
          expect(link).toEqual({ alternative: link.alternative, url: HOMES[link.alternative], carries: 'home', via: 'web' });
        }
      }
    }
    expect([...seen].sort()).toEqual([...guidance].sort());
  });
});

/** The query a map link carries, read back from its address whatever its exact shape. */
function mapQuery(url: string): string | undefined {
  const parsed = new URL(url);
  if (parsed.hostname === 'map.naver.com') {
    const match = /\/search\/([^/]+)/.exec(parsed.pathname);
    return match?.[1] === undefined ? undefined : decodeURIComponent(match[1]);
  }
  return parsed.searchParams.get('query') ?? parsed.searchParams.get('q') ?? undefined;
}

/** [address, expected query or null for "no intent"]: KakaoMap searches and home pages only. */
const MAP_ADDRESSES: ReadonlyArray<readonly [string, string | null]> = [
  ['https://map.kakao.com/link/search/카카오판교', '카카오판교'],
  [`https://map.kakao.com/link/search/${enc('카카오판교')}`, '카카오판교'],
  [`https://map.kakao.com/link/search/${enc(enc('카카오판교'))}`, '카카오판교'],
  [`https://map.kakao.com/link/search/${enc('서울 중구 세종대로 110')}`, '서울 중구 세종대로 110'],
  [`https://map.kakao.com/link/search/${enc('서울특별시 강남구 테헤란로 152 (역삼동, 강남파이낸스센터)')}`, '서울특별시 강남구 테헤란로 152 (역삼동, 강남파이낸스센터)'],
  [`https://map.kakao.com/link/search/${enc('A&B 카페 #2')}`, 'A&B 카페 #2'],
  ['https://map.kakao.com/link/search/스타벅스,강남', '스타벅스,강남'],
  ['https://map.kakao.com/link/search/판교%', '판교%'],
  [`https://map.kakao.com/link/search/${enc('  공백\t\n많은   검색 ')}`, '공백 많은 검색'],
  ['https://map.kakao.com/?q=판교역', '판교역'],
  ['https://map.kakao.com/?q=판교+맛집', '판교 맛집'],
  [`https://map.kakao.com/?q=${enc(enc('홍대입구역'))}`, '홍대입구역'],
  [`https://map.kakao.com/?urlX=1&q=${enc('여의도 한강공원')}&urlLevel=3`, '여의도 한강공원'],
  ['https://map.kakao.com/?q=a%2Bb', 'a+b'],
  [`https://map.kakao.com/?q=${enc('100% 할인 & 무료')}`, '100% 할인 & 무료'],
  [`https://MAP.KAKAO.COM./?q=${enc('광화문')}`, '광화문'],
  [`http://map.kakao.com/?q=${enc('광화문')}`, '광화문'],
  [`https://m.map.kakao.com/actions/searchView?q=${enc('판교역')}`, '판교역'],
  [`https://map.daum.net/?q=${enc('서울역')}`, '서울역'],
  ['https://map.kakao.com/', null],
  ['https://map.kakao.com', null],
  ['https://m.map.kakao.com/', null],
  ['https://map.daum.net/', null],
  ['https://place.map.kakao.com/', null],
  ['https://map.kakao.com/link/search/%20', null],
];

describe('translate: KakaoMap search (structural: map link formats belong to the map translators)', () => {
  it.each(MAP_ADDRESSES)('%s', (address, query) => {
    const result = translate(address)!;
    expect(result.service).toBe('kakaomap');
    expect(result.intent).toEqual(query === null ? NONE : search(query));
    expect(result.links.map((link) => link.alternative)).toEqual(['navermap', 'tmap', 'googlemaps']);
    for (const link of result.links) {
      expect(isAllowedLink(link.url), link.url).toBe(true);
      expect(link.via).toBe('web');
      expect(link.url.startsWith('https://'), link.url).toBe(true);
    }
    const byId = Object.fromEntries(result.links.map((link) => [link.alternative, link]));
    if (query === null) {
      for (const link of result.links) expect(link).toEqual({ alternative: link.alternative, url: HOMES[link.alternative], carries: 'home', via: 'web' });
    } else {
      for (const id of ['navermap', 'googlemaps']) {
        expect(byId[id]?.carries).toBe('search');
        expect(mapQuery(byId[id]!.url)).toBe(query);
      }
      expect(['search', 'home']).toContain(byId.tmap?.carries);
    }
  });
});

describe('translate: title fallback', () => {
  it.each([
    ['https://map.kakao.com/?itemId=18577297', '스타벅스 판교점 | 카카오맵', '스타벅스 판교점'],
    ['https://place.map.kakao.com/18577297', '스타벅스 판교점 | 카카오맵', '스타벅스 판교점'],
    ['https://map.kakao.com/link/map/18577297', '판교역 신분당선 - Kakao Map', '판교역 신분당선'],
  ])('a KakaoMap page without words searches its cleaned title: %s', (address, title, query) => {
    const result = translate(address, { title })!;
    expect(result.intent).toEqual(search(query));
    const byId = Object.fromEntries(result.links.map((link) => [link.alternative, link]));
    for (const id of ['navermap', 'googlemaps']) {
      expect(byId[id]?.carries).toBe('search');
      expect(mapQuery(byId[id]!.url)).toBe(query);
    }
  });

  it.each([
    ['https://gift.kakao.com/product/1234567', '[선물] 달콤 케이크 교환권 | 카카오톡 선물하기', '[선물] 달콤 케이크 교환권', gift('[선물] 달콤 케이크 교환권')],
    ['https://gift.kakao.com/product/1234567', '딸기 케이크 - 카카오선물하기', '딸기 케이크', gift('딸기 케이크')],
    ['https://myblog.tistory.com/123', '도커 컴포즈 정리 :: 티스토리', '도커 컴포즈 정리', blog('도커 컴포즈 정리')],
    ['https://myblog.tistory.com/123', '도커 컴포즈 정리 :: 개발 일지', '도커 컴포즈 정리 :: 개발 일지', blog('도커 컴포즈 정리 :: 개발 일지')],
    ['https://v.daum.net/v/20240501123456789', '기준금리 동결 | 다음뉴스', '기준금리 동결', news('기준금리 동결')],
    ['https://v.daum.net/v/20240501123456789', '기준금리 동결 - Daum 뉴스', '기준금리 동결', news('기준금리 동결')],
    ['https://www.melon.com/song/detail.htm?songId=37225594', '밤양갱 - 멜론', '밤양갱', music('밤양갱')],
    ['https://www.melon.com/song/detail.htm?songId=37225594', 'Supernova – Melon', 'Supernova', music('Supernova')],
    [
      'https://page.kakao.com/content/59782711',
      '나 혼자만 레벨업 - 카카오페이지',
      '나 혼자만 레벨업',
      { naverseries: NAVER_SERIES('나 혼자만 레벨업'), naverwebtoon: NAVER_WEBTOON('나 혼자만 레벨업') },
    ],
    ['https://webtoon.kakao.com/viewer/x/1', '이태원 클라쓰 | 카카오웹툰', '이태원 클라쓰', comics('이태원 클라쓰')],
    ['https://cafe.daum.net/somecafe/abcd/123', '캠핑 후기 | Daum 카페', '캠핑 후기', cafe('캠핑 후기')],
    ['https://search.daum.net/search?w=news&q=', '판교 – Daum 검색', '판교', daumSearch('판교', 'nexearch')],
  ] as const)('%s titled %j searches %j', (address, title, query, links) => {
    const result = translate(address, { title })!;
    expect(result.intent).toEqual(search(query));
    expect(result.links).toEqual(expectedLinks(result.service, links));
  });

  it('a title on a guidance service gives a search intent, yet only home links', () => {
    const result = translate('https://pf.kakao.com/_xabcdE', { title: '동네 빵집 | 카카오톡 채널' })!;
    expect(result.intent.kind).toBe('search');
    expect(result.links).toEqual(expectedLinks('kakaotalk', 'homes'));
  });

  it('the address wins over the title when it says something', () => {
    expect(translate(`https://search.daum.net/search?w=news&q=${enc('금리')}`, { title: '다른 제목 - Daum 검색' })!.intent).toEqual(search('금리', 'news'));
    expect(translate('https://webtoon.kakao.com/content/solo-leveling/2320', { title: '다른 작품 | 카카오웹툰' })!.intent).toEqual(search('solo leveling'));
  });

  it.each([
    ['https://gift.kakao.com/product/1234567', 'https://gift.kakao.com/product/1234567'],
    ['https://gift.kakao.com/product/1234567', 'gift.kakao.com/product/1234567'],
    ['https://gift.kakao.com/product/1234567', 'gift.kakao.com'],
    ['https://gift.kakao.com/product/1234567', '카카오톡 선물하기'],
    ['https://gift.kakao.com/product/1234567', 'Kakao Gift'],
    ['https://v.daum.net/v/20240501123456789', '다음 뉴스'],
    ['https://v.daum.net/v/20240501123456789', '다음뉴스'],
    ['https://v.daum.net/v/20240501123456789', 'Daum'],
    ['https://www.melon.com/song/detail.htm?songId=1', 'Melon'],
    ['https://www.melon.com/song/detail.htm?songId=1', '멜론'],
    ['https://myblog.tistory.com/123', 'TISTORY'],
    ['https://place.map.kakao.com/18577297', '카카오맵'],
    ['https://place.map.kakao.com/18577297', 'Kakao Map'],
    ['https://place.map.kakao.com/18577297', 'https://place.map.kakao.com/18577297'],
    ['https://place.map.kakao.com/18577297', 'place.map.kakao.com/18577297'],
    ['https://place.map.kakao.com/18577297', ' | 카카오맵'],
    ['https://myblog.tistory.com/123', '   '],
    ['https://myblog.tistory.com/123', '\u0000\u0007\u001b'],
    ['https://myblog.tistory.com/123', ''],
  ])('%s titled %j has no intent', (address, title) => {
    const result = translate(address, { title })!;
    expect(result.intent).toEqual(NONE);
    expect(result.links.every((link) => link.carries === 'home')).toBe(true);
  });

  it.each([
    'https://www.daum.net/',
    'https://www.daum.net',
    'https://gift.kakao.com/',
    'https://map.kakao.com/',
    'https://map.kakao.com//',
    'https://myblog.tistory.com/',
    'https://www.melon.com/',
    'https://pf.kakao.com/',
  ])('a root page never uses the title: %s', (address) => {
    expect(translate(address, { title: '스타벅스 판교점 | 카카오맵' })!.intent).toEqual(NONE);
  });

  it('cleans control, bidi and filler characters and lone surrogates out of a title before searching it', () => {
    const result = translate('https://gift.kakao.com/product/1', { title: '딸기\u0000케이크\uD800 \u202e세트\u3164\n | 카카오톡 선물하기' })!;
    expect(result.intent).toEqual(search('딸기 케이크 세트'));
    expect(result.links[0]).toEqual({ alternative: 'navershopping', url: SHOPPING('딸기 케이크 세트'), carries: 'search', via: 'web' });
  });

  it('caps a title at 200 code points', () => {
    const result = translate('https://gift.kakao.com/product/1', { title: '가'.repeat(500) })!;
    expect(result.intent).toEqual(search('가'.repeat(200)));
  });
});

describe('translate: order option', () => {
  const MELON = `https://www.melon.com/search/total/index.htm?q=${enc('아이유')}`;
  const ids = (options: TranslateOptions) => translate(MELON, options)!.links.map((link) => link.alternative);

  it('defaults to the catalogue order', () => {
    expect(ids({})).toEqual(['vibe', 'genie', 'flo']);
  });

  it('follows a custom order, and the links follow it', () => {
    const result = translate(MELON, { order: ['flo', 'vibe', 'genie'] })!;
    expect(result.links).toEqual([
      { alternative: 'flo', url: FLO('아이유'), carries: 'search', via: 'web' },
      { alternative: 'vibe', url: VIBE('아이유'), carries: 'search', via: 'web' },
      { alternative: 'genie', url: GENIE('아이유'), carries: 'search', via: 'web' },
    ]);
  });

  it('may offer a subset, or nothing', () => {
    expect(ids({ order: ['genie'] })).toEqual(['genie']);
    expect(ids({ order: [] })).toEqual([]);
  });

  it('offers each alternative once even if the order repeats it', () => {
    expect(ids({ order: ['flo', 'vibe', 'flo', 'vibe', 'flo'] })).toEqual(['flo', 'vibe']);
  });

  it("drops unknown ids and another service's alternatives", () => {
    const order = ['evil', '__proto__', 'constructor', 'toString', 'hasOwnProperty', 'melon', 'VIBE', '', ' vibe', 'navermap', 'naver', 'google', 'naverwebtoon', 'genie'];
    expect(ids({ order })).toEqual(['genie']);
    expect(translate('https://map.kakao.com/?q=판교', { order: ['vibe', 'naver', 'googlemaps'] })!.links.map((link) => link.alternative)).toEqual(['googlemaps']);
  });
});

describe('translate: platform option and link safety', () => {
  const restore: Array<() => void> = [];
  afterEach(() => {
    while (restore.length > 0) restore.pop()!();
  });
  function swapBuilder(id: AlternativeId, builder: Builder) {
    const original = BUILDERS[id];
    BUILDERS[id] = builder;
    restore.push(() => {
      BUILDERS[id] = original;
    });
  }
  function swapParser(id: ServiceId, parser: Parser) {
    const original = PARSERS[id];
    PARSERS[id] = parser;
    restore.push(() => {
      PARSERS[id] = original;
    });
  }
  const MELON = `https://www.melon.com/search/total/index.htm?q=${enc('아이유')}`;

  it('never offers an app link on the desktop (the default), and offers it on mobile', () => {
    swapBuilder('vibe', () => app('tmap://search?name=x', 'search'));
    expect(translate(MELON)!.links[0]).toEqual({ alternative: 'vibe', url: HOMES.vibe, carries: 'home', via: 'web' });
    expect(translate(MELON, { platform: 'desktop' })!.links[0]).toEqual({ alternative: 'vibe', url: HOMES.vibe, carries: 'home', via: 'web' });
    expect(translate(MELON, { platform: 'mobile' })!.links[0]).toEqual({ alternative: 'vibe', url: 'tmap://search?name=x', carries: 'search', via: 'app' });
  });

  it('replaces a link that would leave the allow-list with the home page', () => {
    for (const url of ['https://evil.example/', 'http://vibe.naver.com/search?query=x', 'javascript:alert(1)', 'https://user@vibe.naver.com/', 'https://vibe.naver.com:8443/', 'evilapp://x']) {
      swapBuilder('vibe', () => web(url, 'search'));
      expect(translate(MELON, { platform: 'mobile' })!.links[0], url).toEqual({ alternative: 'vibe', url: HOMES.vibe, carries: 'home', via: 'web' });
    }
    swapBuilder('vibe', () => app('javascript:alert(1)', 'search'));
    expect(translate(MELON, { platform: 'mobile' })!.links[0]).toEqual({ alternative: 'vibe', url: HOMES.vibe, carries: 'home', via: 'web' });
  });

  it('a throwing builder costs only its own link', () => {
    swapBuilder('genie', () => {
      throw new Error('boom');
    });
    expect(translate(MELON)!.links).toEqual([
      { alternative: 'vibe', url: VIBE('아이유'), carries: 'search', via: 'web' },
      { alternative: 'genie', url: HOMES.genie, carries: 'home', via: 'web' },
      { alternative: 'flo', url: FLO('아이유'), carries: 'search', via: 'web' },
    ]);
  });

  it('a throwing parser means no intent, never a throw', () => {
    swapParser('melon', () => {
      throw new Error('boom');
    });
    expect(translate(MELON)).toEqual({ service: 'melon', intent: NONE, source: 'none', links: expectedLinks('melon', 'homes') });
  });

  it('the real builders never give an app link on the desktop, for any address in the tables', () => {
    for (const address of [...ROWS.map(([a]) => a), ...MAP_ADDRESSES.map(([a]) => a)]) {
      for (const link of translate(address, { platform: 'desktop', title: '스타벅스 판교점' })!.links) {
        expect(link.via, `${address} ${link.url}`).toBe('web');
        expect(link.url.startsWith('https://')).toBe(true);
      }
      for (const link of translate(address, { platform: 'mobile', title: '스타벅스 판교점' })!.links) expect(isAllowedLink(link.url), link.url).toBe(true);
    }
  });
});

describe('translate: lookupPlace option', () => {
  const restore: Array<() => void> = [];
  afterEach(() => {
    while (restore.length > 0) restore.pop()!();
  });
  /** A KakaoMap parser that names a place id, so resolution is tested apart from the map parsers. */
  function placeIdParser(id: string) {
    const original = PARSERS.kakaomap;
    PARSERS.kakaomap = () => ({ kind: 'placeId', id });
    restore.push(() => {
      PARSERS.kakaomap = original;
    });
  }
  const PLACE: Place = { name: '스타벅스 판교점', coords: { lat: 37.3947, lng: 127.1112 } };

  it('a place id found in the cache becomes a place intent', () => {
    placeIdParser('12345');
    const asked: string[] = [];
    const result = translate('https://place.map.kakao.com/12345', {
      lookupPlace: (id) => {
        asked.push(id);
        return id === '12345' ? PLACE : undefined;
      },
    })!;
    expect(asked).toEqual(['12345']);
    expect(result.intent).toEqual({ kind: 'place', place: PLACE });
    for (const link of result.links) {
      expect(isAllowedLink(link.url)).toBe(true);
      expect(['place', 'search', 'home']).toContain(link.carries);
    }
  });

  it.each([
    ['name only', { name: '판교역' }],
    ['coordinates only', { coords: { lat: 37.39, lng: 127.11 } }],
  ])('a cached place with %s is still a place', (_label, place) => {
    placeIdParser('12345');
    expect(translate('https://place.map.kakao.com/12345', { lookupPlace: () => place })!.intent).toEqual({ kind: 'place', place });
  });

  it.each<[string, (id: string) => Place | undefined]>([
    ['not cached', () => undefined],
    ['cached without name or coordinates', () => ({})],
    ['cached with an empty name', () => ({ name: '' })],
    [
      'a throwing cache',
      (): Place => {
        throw new Error('storage gone');
      },
    ],
  ])('a place id %s is no intent, and the title is used instead', (_label, lookupPlace) => {
    placeIdParser('12345');
    expect(translate('https://place.map.kakao.com/12345', { lookupPlace })!.intent).toEqual(NONE);
    expect(translate('https://place.map.kakao.com/12345', { lookupPlace, title: '판교역 | 카카오맵' })!.intent).toEqual(search('판교역'));
  });

  it('a place id without any lookupPlace is no intent', () => {
    placeIdParser('12345');
    expect(translate('https://place.map.kakao.com/12345')!.intent).toEqual(NONE);
  });

  it('the real place address names its id, which the cache resolves', () => {
    const asked: string[] = [];
    const lookupPlace = (id: string) => {
      asked.push(id);
      return id === '12345' ? PLACE : undefined;
    };
    expect(PARSERS.kakaomap(new URL('https://place.map.kakao.com/12345'))).toEqual({ kind: 'placeId', id: '12345' });
    const result = translate('https://place.map.kakao.com/12345', { lookupPlace })!;
    expect(result.intent).toEqual({ kind: 'place', place: PLACE });
    expect(result.links.map((link) => link.alternative)).toEqual(['navermap', 'tmap', 'googlemaps']);
    for (const link of result.links) {
      expect(isAllowedLink(link.url), link.url).toBe(true);
      expect(link.via).toBe('web');
    }
    expect(result.links.find((link) => link.alternative === 'googlemaps')?.carries).toBe('place');
    // Not cached: no intent, then the title.
    expect(translate('https://place.map.kakao.com/99999', { lookupPlace })!.intent).toEqual(NONE);
    expect(translate('https://place.map.kakao.com/99999', { lookupPlace, title: '판교역 | 카카오맵' })!.intent).toEqual(search('판교역'));
    expect(asked).toEqual(['12345', '99999', '99999']);
  });

  it('lookupPlace is never asked for a service without place ids', () => {
    let asked = 0;
    for (const [address] of ROWS) {
      translate(address, {
        lookupPlace: () => {
          asked += 1;
          return PLACE;
        },
      });
    }
    expect(asked).toBe(0);
  });
});

describe('translate: non-catalogued addresses', () => {
  it.each([
    'https://evil.example/?q=판교',
    'https://map.kakao.com.evil.example/link/search/판교',
    'https://evil-map.kakao.com/?q=판교',
    'https://kakao.com/?q=판교',
    'https://tistory.com/search/x',
    'https://evil-tistory.com/search/x',
    'https://tistory.com.evil.example/search/x',
    'https://search.daum.net.evil.example/search?q=x',
    'https://map.naver.com/p/search/판교',
    'javascript:alert(1)//map.kakao.com/?q=판교',
    'data:text/html,map.kakao.com',
    'ftp://search.daum.net/search?q=x',
    'not a url',
    '',
  ])('returns undefined for %j', (address) => {
    expect(translate(address)).toBeUndefined();
    expect(translate(address, { title: '판교', platform: 'mobile', lookupPlace: () => ({ name: 'x' }) })).toBeUndefined();
  });

  it('agrees with serviceForUrl on every table address', () => {
    for (const [address, service] of ROWS) expect(serviceForUrl(address)).toBe(service);
  });
});

describe('isAllowedLink', () => {
  it.each([
    'https://map.naver.com/',
    'https://map.naver.com/p/search/%ED%8C%90%EA%B5%90',
    'https://www.google.com/maps',
    'https://www.google.com/maps/search/?api=1&query=x',
    'https://search.naver.com/search.naver?where=news&query=x',
    'https://news.google.com/search?q=x&hl=ko&gl=KR&ceid=KR:ko',
    'https://vibe.naver.com/search?query=x',
    'https://MAP.NAVER.COM/',
    'https://map.naver.com:443/', // the default port normalizes away
    'tmap://search?name=x',
    'nmap://search?query=x',
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
    ['Kakao host', 'https://search.daum.net/search?q=x'],
    ['Kakao host', 'https://myblog.tistory.com/'],
    ['unknown app scheme', 'kakaomap://search?q=x'],
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

describe('translate: addresses as people share them', () => {
  it('reads a Kakao T link copied out of HTML with its &amp; separators', () => {
    const result = translate('https://t.kakao.com/launch?type=taxi&amp;dest_lat=37.5050412&amp;dest_lng=127.0343413&amp;ref=localweb')!;
    expect(result.intent).toEqual({ kind: 'route', to: { coords: { lat: 37.5050412, lng: 127.0343413 } }, mode: 'taxi' });
    expect(result.source).toBe('address');
  });

  it('asks the place cache about a detailMapView id, else uses the name the address gives, else the title', () => {
    const bare = 'https://m.map.kakao.com/actions/detailMapView?id=404070599';
    const cached = { name: '카카오판교아지트', coords: { lat: 37.3952969, lng: 127.1109567 } };
    expect(placeIdIn(bare)).toBe('404070599');
    expect(translate(bare, { lookupPlace: (id) => (id === '404070599' ? cached : undefined) })).toMatchObject({ intent: { kind: 'place', place: cached }, source: 'cache' });
    expect(translate(`${bare}&q=${enc('밤부 성수')}`)).toMatchObject({ intent: { kind: 'place', place: { name: '밤부 성수' } }, source: 'address' });
    expect(translate(bare, { title: '밤부 성수 | 카카오맵' })).toMatchObject({ intent: { kind: 'search', query: '밤부 성수' }, source: 'title' });
    expect(translate(bare)).toMatchObject({ intent: NONE, source: 'none' });
  });

  it('tells a front page (nothing asked) from an address it cannot read', () => {
    expect(translate('https://map.kakao.com/')?.source).toBe('home');
    expect(translate('https://kko.to/E47ZooGW3i')?.source).toBe('none');
    expect(translate('https://kko.to/E47ZooGW3i', { title: '오시는 길 - 우리 결혼합니다' })?.source).toBe('title');
  });

  it.each([
    ['https://kko.to/E47ZooGW3i', 'kakaomap'],
    ['https://applink.map.kakao.com/place?id=1402324982&t_src=share', 'kakaomap'],
    ['https://news.v.daum.net/v/20220623113015522', 'daumnews'],
    ['https://qr.kakaopay.com/Ej8TSKM4J', 'kakaopay'],
  ] as const)('watches %s (%s) and offers its alternatives', (address, service) => {
    const result = translate(address)!;
    expect(result.service).toBe(service);
    expect(result.links.map((link) => link.alternative)).toEqual(SERVICES[service].alternatives);
  });

  it('sends Google no route it cannot draw in Korea', () => {
    for (const mode of ['car', 'walk', 'bike', 'taxi', 'transit', undefined] as const) {
      const address = `https://map.kakao.com/link/by/${mode ?? 'unknown'}/${enc('서울역')},37.5547,126.9707/${enc('판교역')},37.3948,127.1112`;
      const google = translate(address)!.links.find((link) => link.alternative === 'googlemaps')!;
      if (google.url.startsWith('https://www.google.com/maps/dir/')) expect(new URL(google.url).searchParams.get('travelmode')).toBe('transit');
      else expect(google).toMatchObject({ carries: 'place', url: 'https://www.google.com/maps/search/?api=1&query=37.3948%2C127.1112' });
    }
  });
});

describe('searchLinks: the fallback page search field', () => {
  it("builds what the user typed into each searching alternative's link, in the given order", () => {
    expect(searchLinks('kakaomap', '  판교역  ', { order: ['googlemaps', 'tmap', 'navermap'] })).toEqual([
      { alternative: 'googlemaps', url: `https://www.google.com/maps/search/?api=1&query=${enc('판교역')}`, carries: 'search', via: 'web' },
      { alternative: 'navermap', url: `https://map.naver.com/p/search/${enc('판교역')}`, carries: 'search', via: 'web' },
    ]);
    // T map searches in its app, where there is one.
    expect(searchLinks('kakaomap', '판교역', { platform: 'mobile' }).map((link) => link.alternative)).toEqual(['navermap', 'tmap', 'googlemaps']);
  });

  it('offers nothing for empty text, nor for alternatives that only guide', () => {
    expect(searchLinks('kakaomap', ' \t\n ')).toEqual([]);
    expect(searchLinks('kakaotalk', '동네 빵집')).toEqual([]);
    expect(searchableAlternatives('kakaopay')).toEqual([]);
    expect(searchableAlternatives('tistory')).toEqual(['naverblog', 'google']);
  });
});

describe('isShortLink', () => {
  it.each([
    ['https://kko.to/E47ZooGW3i', true],
    ['https://KKO.TO./abc', true],
    ['https://map.kakao.com/link/map/1', false],
    ['https://kko.to.example.com/abc', false],
    ['not a url', false],
  ] as const)('%s: %s', (address, expected) => {
    expect(isShortLink(address)).toBe(expected);
  });
});

describe('titleSpeaksFor: whose title may stand for a failed address', () => {
  it.each([
    ['https://place.map.kakao.com/8130474', 'https://place.map.kakao.com/8130474', true],
    ['https://map.kakao.com/?q=a', 'https://search.daum.net/search?q=a', false],
    ['https://kko.to/E47ZooGW3i', 'https://detour-test.tistory.com/123', true],
    ['https://kko.to/E47ZooGW3i', 'https://shop.example.com/invitation', true],
    // The short link's own error page ("503") says nothing.
    ['https://kko.to/E47ZooGW3i', 'https://kko.to/E47ZooGW3i', false],
    ['https://map.kakao.com/link/map/1', 'https://kko.to/E47ZooGW3i', false],
    ['https://kko.to/E47ZooGW3i', undefined, false],
    ['https://example.com/', 'https://example.com/', false],
  ] as const)('%s from %s: %s', (url, page, expected) => {
    expect(titleSpeaksFor(url, page)).toBe(expected);
  });
});
