import type { Service } from './types.ts';

const n = (ko: string, en: string) => ({ ko, en });

/**
 * Kakao's services, the hosts that belong to each, and where to go instead. Hosts are the ones the
 * services use on the web today; API hosts are what their pages load behind the scenes.
 */
export const SERVICES = {
  kakaomap: {
    id: 'kakaomap',
    name: n('카카오맵', 'KakaoMap'),
    category: 'map',
    // kko.to is the short link KakaoMap's share button makes; it resolves to applink.map.kakao.com,
    // the app-or-web landing page: both are where a shared place or route first fails.
    hosts: ['map.kakao.com', 'm.map.kakao.com', 'place.map.kakao.com', 'map.daum.net', 'applink.map.kakao.com', 'kko.to'],
    apiHosts: ['dapi.kakao.com', 'map.daumcdn.net', 't1.daumcdn.net', 'mts.daumcdn.net', 'map0.daumcdn.net', 'map1.daumcdn.net', 'map2.daumcdn.net', 'map3.daumcdn.net'],
    // place.map.kakao.com shows owners' names and users' reviews.
    authoredHosts: ['map.kakao.com', 'm.map.kakao.com', 'map.daum.net'],
    probe: 'https://map.kakao.com/favicon.ico',
    alternatives: ['navermap', 'tmap', 'googlemaps'],
  },
  kakaot: {
    id: 'kakaot',
    name: n('카카오 T', 'Kakao T'),
    category: 'mobility',
    hosts: ['t.kakao.com'],
    apiHosts: ['api.kakaomobility.com'],
    authoredHosts: ['t.kakao.com'],
    probe: 'https://t.kakao.com/favicon.ico',
    alternatives: ['ut', 'tmap', 'navermap'],
  },
  kakaonavi: {
    id: 'kakaonavi',
    name: n('카카오내비', 'Kakao Navi'),
    category: 'mobility',
    hosts: ['kakaonavi.kakao.com', 'kakaonavi-wguide.kakao.com'],
    apiHosts: ['apis-navi.kakaomobility.com'],
    authoredHosts: ['kakaonavi.kakao.com', 'kakaonavi-wguide.kakao.com'],
    probe: 'https://kakaonavi-wguide.kakao.com/favicon.ico',
    alternatives: ['tmap', 'navermap', 'googlemaps'],
  },
  kakaotalk: {
    id: 'kakaotalk',
    name: n('카카오톡 채널·오픈채팅', 'KakaoTalk channels and open chat'),
    category: 'messaging',
    hosts: ['pf.kakao.com', 'open.kakao.com', 'talk.kakao.com'],
    apiHosts: ['talk-pilsner.kakao.com'],
    // Channels, open chat and talk pages are written by their members.
    authoredHosts: [],
    probe: 'https://pf.kakao.com/favicon.ico',
    alternatives: ['line', 'band'],
  },
  kakaogift: {
    id: 'kakaogift',
    name: n('카카오톡 선물하기', 'Kakao Gift'),
    category: 'shopping',
    hosts: ['gift.kakao.com'],
    apiHosts: [],
    authoredHosts: ['gift.kakao.com'],
    probe: 'https://gift.kakao.com/favicon.ico',
    alternatives: ['navershopping'],
  },
  daum: {
    id: 'daum',
    name: n('Daum', 'Daum'),
    category: 'portal',
    hosts: ['www.daum.net', 'daum.net', 'm.daum.net'],
    apiHosts: ['t1.daumcdn.net', 'search1.kakaocdn.net'],
    authoredHosts: ['www.daum.net', 'daum.net', 'm.daum.net'],
    probe: 'https://www.daum.net/favicon.ico',
    alternatives: ['naver', 'google'],
  },
  daumsearch: {
    id: 'daumsearch',
    name: n('Daum 검색', 'Daum Search'),
    category: 'search',
    hosts: ['search.daum.net', 'm.search.daum.net'],
    apiHosts: ['search1.kakaocdn.net'],
    // Kakao's pages, though a search page echoes its query in its title: a link to a search for
    // "서비스 점검 중" can make Daum Search suspect (a banner) until the next probe, never more.
    authoredHosts: ['search.daum.net', 'm.search.daum.net'],
    probe: 'https://search.daum.net/favicon.ico',
    alternatives: ['naver', 'google'],
  },
  daumnews: {
    id: 'daumnews',
    name: n('Daum 뉴스', 'Daum News'),
    category: 'news',
    // news.v.daum.net is the older article host, still in many shared links.
    hosts: ['news.daum.net', 'v.daum.net', 'm.news.daum.net', 'news.v.daum.net'],
    apiHosts: ['t1.daumcdn.net'],
    // v.daum.net and m.news.daum.net carry press articles, titles and all.
    authoredHosts: ['news.daum.net'],
    probe: 'https://news.daum.net/favicon.ico',
    alternatives: ['navernews', 'googlenews'],
  },
  daumcafe: {
    id: 'daumcafe',
    name: n('Daum 카페', 'Daum Cafe'),
    category: 'community',
    hosts: ['cafe.daum.net', 'm.cafe.daum.net', 'top.cafe.daum.net'],
    apiHosts: ['t1.daumcdn.net'],
    // Cafe posts are their members'.
    authoredHosts: [],
    probe: 'https://cafe.daum.net/favicon.ico',
    alternatives: ['navercafe', 'google'],
  },
  daummail: {
    id: 'daummail',
    name: n('Daum 메일', 'Daum Mail'),
    category: 'mail',
    hosts: ['mail.daum.net', 'm.mail.daum.net'],
    apiHosts: [],
    // A mail's subject is its sender's, shown as the page title.
    authoredHosts: [],
    probe: 'https://mail.daum.net/favicon.ico',
    alternatives: ['navermail', 'gmail'],
  },
  kakaoaccount: {
    id: 'kakaoaccount',
    name: n('카카오계정 로그인', 'Kakao account and login'),
    category: 'account',
    hosts: ['accounts.kakao.com', 'kauth.kakao.com'],
    apiHosts: [],
    authoredHosts: ['accounts.kakao.com', 'kauth.kakao.com'],
    probe: 'https://accounts.kakao.com/favicon.ico',
    alternatives: ['naverlogin'],
  },
  kakaopay: {
    id: 'kakaopay',
    name: n('카카오페이', 'Kakao Pay'),
    category: 'payment',
    // qr.kakaopay.com: the "송금 링크" people share to be paid.
    hosts: ['www.kakaopay.com', 'kakaopay.com', 'pay.kakao.com', 'qr.kakaopay.com'],
    apiHosts: [],
    authoredHosts: ['www.kakaopay.com', 'kakaopay.com', 'pay.kakao.com'],
    probe: 'https://www.kakaopay.com/favicon.ico',
    alternatives: ['naverpay', 'toss'],
  },
  melon: {
    id: 'melon',
    name: n('멜론', 'Melon'),
    category: 'music',
    hosts: ['www.melon.com', 'melon.com', 'm.melon.com', 'm2.melon.com'],
    apiHosts: ['cdnimg.melon.co.kr'],
    authoredHosts: ['www.melon.com', 'melon.com', 'm.melon.com', 'm2.melon.com'],
    probe: 'https://www.melon.com/favicon.ico',
    alternatives: ['vibe', 'genie', 'flo'],
  },
  kakaopage: {
    id: 'kakaopage',
    name: n('카카오페이지', 'KakaoPage'),
    category: 'content',
    hosts: ['page.kakao.com'],
    apiHosts: ['page-edge.kakao.com'],
    authoredHosts: ['page.kakao.com'],
    probe: 'https://page.kakao.com/favicon.ico',
    alternatives: ['naverseries', 'naverwebtoon'],
  },
  kakaowebtoon: {
    id: 'kakaowebtoon',
    name: n('카카오웹툰', 'Kakao Webtoon'),
    category: 'content',
    hosts: ['webtoon.kakao.com'],
    apiHosts: ['gateway-kw.kakao.com'],
    authoredHosts: ['webtoon.kakao.com'],
    probe: 'https://webtoon.kakao.com/favicon.ico',
    alternatives: ['naverwebtoon', 'naverseries'],
  },
  tistory: {
    id: 'tistory',
    name: n('티스토리', 'Tistory'),
    category: 'blog',
    hosts: ['www.tistory.com', '*.tistory.com'],
    apiHosts: ['t1.daumcdn.net'],
    // Every *.tistory.com blog is its author's, scripts and skin included.
    authoredHosts: ['www.tistory.com'],
    probe: 'https://www.tistory.com/favicon.ico',
    alternatives: ['naverblog', 'google'],
  },
} as const satisfies Record<string, Service>;

export type ServiceId = keyof typeof SERVICES;
