import type { Alternative } from './types.ts';

const n = (ko: string, en: string) => ({ ko, en });

/** Every destination Detour may send a user to. Link formats live beside each builder in src/core/translate/build. */
export const ALTERNATIVES = {
  navermap: {
    id: 'navermap',
    name: n('네이버 지도', 'Naver Map'),
    hosts: ['map.naver.com', 'm.map.naver.com'],
    appSchemes: ['nmap'],
    home: 'https://map.naver.com/',
    probe: 'https://map.naver.com/favicon.ico',
  },
  tmap: {
    id: 'tmap',
    name: n('티맵', 'TMAP'),
    hosts: ['www.tmap.co.kr', 'tmap.life', 'apis.openapi.sk.com'],
    appSchemes: ['tmap'],
    home: 'https://www.tmap.co.kr/',
    probe: 'https://www.tmap.co.kr/favicon.ico',
  },
  googlemaps: { id: 'googlemaps', name: n('구글 지도', 'Google Maps'), hosts: ['www.google.com'], home: 'https://www.google.com/maps', probe: 'https://www.google.com/generate_204' },
  ut: { id: 'ut', name: n('우티 (UT)', 'UT (Uber)'), hosts: ['m.uber.com'], appSchemes: ['uber'], home: 'https://m.uber.com/', probe: 'https://m.uber.com/favicon.ico' },
  naver: {
    id: 'naver',
    name: n('네이버', 'Naver'),
    hosts: ['www.naver.com', 'm.naver.com', 'search.naver.com', 'm.search.naver.com'],
    home: 'https://www.naver.com/',
    probe: 'https://www.naver.com/favicon.ico',
  },
  google: { id: 'google', name: n('구글', 'Google'), hosts: ['www.google.com'], home: 'https://www.google.com/', probe: 'https://www.google.com/generate_204' },
  navernews: { id: 'navernews', name: n('네이버 뉴스', 'Naver News'), hosts: ['news.naver.com', 'search.naver.com'], home: 'https://news.naver.com/', probe: 'https://news.naver.com/favicon.ico' },
  googlenews: {
    id: 'googlenews',
    name: n('구글 뉴스', 'Google News'),
    hosts: ['news.google.com'],
    home: 'https://news.google.com/?hl=ko&gl=KR&ceid=KR:ko',
    probe: 'https://news.google.com/favicon.ico',
  },
  navercafe: {
    id: 'navercafe',
    name: n('네이버 카페', 'Naver Cafe'),
    hosts: ['section.cafe.naver.com', 'cafe.naver.com', 'search.naver.com'],
    home: 'https://section.cafe.naver.com/',
    probe: 'https://cafe.naver.com/favicon.ico',
  },
  naverblog: {
    id: 'naverblog',
    name: n('네이버 블로그', 'Naver Blog'),
    hosts: ['section.blog.naver.com', 'search.naver.com'],
    home: 'https://section.blog.naver.com/',
    probe: 'https://section.blog.naver.com/favicon.ico',
  },
  navermail: { id: 'navermail', name: n('네이버 메일', 'Naver Mail'), hosts: ['mail.naver.com'], home: 'https://mail.naver.com/', probe: 'https://mail.naver.com/favicon.ico' },
  gmail: { id: 'gmail', name: n('Gmail', 'Gmail'), hosts: ['mail.google.com'], home: 'https://mail.google.com/', probe: 'https://mail.google.com/favicon.ico' },
  line: { id: 'line', name: n('LINE', 'LINE'), hosts: ['line.me'], home: 'https://line.me/ko/', probe: 'https://line.me/favicon.ico', guidance: true },
  band: { id: 'band', name: n('네이버 밴드', 'Naver Band'), hosts: ['band.us'], home: 'https://band.us/', probe: 'https://band.us/favicon.ico', guidance: true },
  navershopping: {
    id: 'navershopping',
    name: n('네이버 쇼핑', 'Naver Shopping'),
    hosts: ['shopping.naver.com', 'search.shopping.naver.com'],
    home: 'https://shopping.naver.com/',
    probe: 'https://shopping.naver.com/favicon.ico',
  },
  naverlogin: {
    id: 'naverlogin',
    name: n('네이버 로그인', 'Naver login'),
    hosts: ['nid.naver.com'],
    home: 'https://nid.naver.com/nidlogin.login',
    probe: 'https://nid.naver.com/favicon.ico',
    guidance: true,
  },
  naverpay: { id: 'naverpay', name: n('네이버페이', 'Naver Pay'), hosts: ['pay.naver.com'], home: 'https://pay.naver.com/', probe: 'https://pay.naver.com/favicon.ico', guidance: true },
  toss: { id: 'toss', name: n('토스', 'Toss'), hosts: ['toss.im'], home: 'https://toss.im/', probe: 'https://toss.im/favicon.ico', guidance: true },
  vibe: { id: 'vibe', name: n('바이브 (VIBE)', 'VIBE'), hosts: ['vibe.naver.com'], home: 'https://vibe.naver.com/', probe: 'https://vibe.naver.com/favicon.ico' },
  genie: { id: 'genie', name: n('지니뮤직', 'Genie Music'), hosts: ['www.genie.co.kr'], home: 'https://www.genie.co.kr/', probe: 'https://www.genie.co.kr/favicon.ico' },
  flo: { id: 'flo', name: n('플로 (FLO)', 'FLO'), hosts: ['www.music-flo.com'], home: 'https://www.music-flo.com/', probe: 'https://www.music-flo.com/favicon.ico' },
  naverwebtoon: { id: 'naverwebtoon', name: n('네이버 웹툰', 'Naver Webtoon'), hosts: ['comic.naver.com'], home: 'https://comic.naver.com/', probe: 'https://comic.naver.com/favicon.ico' },
  naverseries: { id: 'naverseries', name: n('네이버 시리즈', 'Naver Series'), hosts: ['series.naver.com'], home: 'https://series.naver.com/', probe: 'https://series.naver.com/favicon.ico' },
} as const satisfies Record<string, Alternative>;

export type AlternativeId = keyof typeof ALTERNATIVES;

/**
 * Where the notice for a failing postcode widget on another site points: the government's road-name
 * address search (no Kakao service has it as an alternative; it is allow-listed all the same).
 */
export const POSTCODE_ALTERNATIVE = { url: 'https://www.juso.go.kr/', host: 'www.juso.go.kr' } as const;
