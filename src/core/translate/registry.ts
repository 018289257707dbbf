import type { AlternativeId, ServiceId } from '../catalog/index.ts';
import type { Builder, Parser } from './links.ts';
import { googleMaps, naverMap, tmap, ut } from './build/maps.ts';
import { flo, genie, naverSeries, naverWebtoon, vibe } from './build/media.ts';
import { google, googleNews, naver, naverBlog, naverCafe, naverNews, naverShopping } from './build/search.ts';
import { parseDaumCafe, parseDaumNews, parseDaumSearch, parseNothing } from './parse/daum.ts';
import { parseKakaoMapUrl } from './parse/kakaomap.ts';
import { parseKakaoNavi, parseKakaoT } from './parse/kakaot.ts';
import { parseKakaoGift, parseKakaoPage, parseKakaoWebtoon, parseMelon, parseTistory } from './parse/media.ts';

/** How each Kakao service's addresses are read. The Record type makes a missing service a compile error. */
export const PARSERS: Record<ServiceId, Parser> = {
  kakaomap: parseKakaoMapUrl,
  kakaot: parseKakaoT,
  kakaonavi: parseKakaoNavi,
  kakaotalk: parseNothing,
  kakaogift: parseKakaoGift,
  daum: parseNothing,
  daumsearch: parseDaumSearch,
  daumnews: parseDaumNews,
  daumcafe: parseDaumCafe,
  daummail: parseNothing,
  kakaoaccount: parseNothing,
  kakaopay: parseNothing,
  melon: parseMelon,
  kakaopage: parseKakaoPage,
  kakaowebtoon: parseKakaoWebtoon,
  tistory: parseTistory,
};

const homeOnly: Builder = () => undefined;

/** How each alternative carries an intent; one that cannot gets its home page. */
export const BUILDERS: Record<AlternativeId, Builder> = {
  navermap: naverMap,
  tmap,
  googlemaps: googleMaps,
  ut,
  naver,
  google,
  navernews: naverNews,
  googlenews: googleNews,
  navercafe: naverCafe,
  naverblog: naverBlog,
  navermail: homeOnly,
  gmail: homeOnly,
  line: homeOnly,
  band: homeOnly,
  navershopping: naverShopping,
  naverlogin: homeOnly,
  naverpay: homeOnly,
  toss: homeOnly,
  vibe,
  genie,
  flo,
  naverwebtoon: naverWebtoon,
  naverseries: naverSeries,
};
