import { describe, expect, it } from 'vitest';
import { SERVICES, SERVICE_IDS, type ServiceId } from '../catalog/index.ts';
import { titleQuery } from './title.ts';

describe('titleQuery: site-name suffixes', () => {
  it.each<[string, ServiceId, string]>([
    ['스타벅스 판교점 | 카카오맵', 'kakaomap', '스타벅스 판교점'],
    ['스타벅스 판교점 | 카카오 맵', 'kakaomap', '스타벅스 판교점'],
    ['스타벅스 판교점 - Kakao Map', 'kakaomap', '스타벅스 판교점'],
    ['스타벅스 판교점 - KakaoMap', 'kakaomap', '스타벅스 판교점'],
    ['스타벅스 판교점 | KAKAOMAP', 'kakaomap', '스타벅스 판교점'],
    ['서울역 - 다음 지도', 'kakaomap', '서울역'],
    ['서울역 | 다음지도', 'kakaomap', '서울역'],
    ['기준금리 동결 | 다음 뉴스', 'daumnews', '기준금리 동결'],
    ['기준금리 동결 | 다음뉴스', 'daumnews', '기준금리 동결'],
    ['기준금리 동결 - Daum 뉴스', 'daumnews', '기준금리 동결'],
    ['기준금리 동결 - Daum News', 'daumnews', '기준금리 동결'],
    ['기준금리 동결 – 다음', 'daumnews', '기준금리 동결'],
    ['캠핑 후기 | Daum 카페', 'daumcafe', '캠핑 후기'],
    ['캠핑 후기 : 다음카페', 'daumcafe', '캠핑 후기'],
    ['판교 – Daum 검색', 'daumsearch', '판교'],
    ['판교 - 다음 검색', 'daumsearch', '판교'],
    ['받은편지함 - Daum 메일', 'daummail', '받은편지함'],
    ['판교 - Daum', 'daum', '판교'],
    ['밤양갱 - 멜론', 'melon', '밤양갱'],
    ['Supernova – Melon', 'melon', 'Supernova'],
    ['나 혼자만 레벨업 - 카카오페이지', 'kakaopage', '나 혼자만 레벨업'],
    ['나 혼자만 레벨업 | 카카오 페이지', 'kakaopage', '나 혼자만 레벨업'],
    ['나 혼자만 레벨업 - KakaoPage', 'kakaopage', '나 혼자만 레벨업'],
    ['이태원 클라쓰 | 카카오웹툰', 'kakaowebtoon', '이태원 클라쓰'],
    ['이태원 클라쓰 — Kakao Webtoon', 'kakaowebtoon', '이태원 클라쓰'],
    ['도커 정리 :: 티스토리', 'tistory', '도커 정리'],
    ['도커 정리 - Tistory', 'tistory', '도커 정리'],
    ['딸기 케이크 | 카카오톡 선물하기', 'kakaogift', '딸기 케이크'],
    ['딸기 케이크 | 카카오 선물하기', 'kakaogift', '딸기 케이크'],
    ['딸기 케이크 · 카카오선물하기', 'kakaogift', '딸기 케이크'],
    ['동네 빵집 | Kakao', 'kakaotalk', '동네 빵집'],
    // Stacked suffixes come off too (three at most).
    ['스타벅스 판교점 | 카카오맵 - Kakao', 'kakaomap', '스타벅스 판교점'],
    ['기사 | 다음뉴스 | Daum', 'daumnews', '기사'],
    // A site name that is not at the end, or without a separator, is part of the title.
    ['카카오맵 사용법 정리', 'tistory', '카카오맵 사용법 정리'],
    ['멜론 차트 1위', 'daumnews', '멜론 차트 1위'],
    ['멜론빵 맛집', 'kakaomap', '멜론빵 맛집'],
    ['도커 정리 :: 개발 일지', 'tistory', '도커 정리 :: 개발 일지'],
    ['Kakao-Map-Clone', 'tistory', 'Kakao-Map-Clone'],
  ])('%j (%s) -> %j', (title, service, expected) => {
    expect(titleQuery(title, service)).toBe(expected);
  });
});

describe('titleQuery: titles that say nothing', () => {
  it.each<[string | undefined, ServiceId]>([
    [undefined, 'kakaomap'],
    ['', 'kakaomap'],
    ['   ', 'kakaomap'],
    ['\u0000\u0007\n\t', 'kakaomap'],
    [' | 카카오맵', 'kakaomap'],
    ['- 멜론', 'melon'],
    // Addresses, as browsers title a page that never loaded.
    ['https://map.kakao.com/?q=판교', 'kakaomap'],
    ['http://place.map.kakao.com/18577297', 'kakaomap'],
    ['place.map.kakao.com/18577297', 'kakaomap'],
    ['place.map.kakao.com', 'kakaomap'],
    ['myblog.tistory.com/123', 'tistory'],
    ['gift.kakao.com:443/product/1', 'kakaogift'],
    ['v.daum.net/v/20240501123456789 | 다음뉴스', 'daumnews'],
    ['chrome-error://chromewebdata/', 'melon'],
  ])('%j (%s) -> undefined', (title, service) => {
    expect(titleQuery(title, service)).toBeUndefined();
  });

  it.each(SERVICE_IDS)("the service's own name is no search: %s", (id) => {
    const { ko, en } = SERVICES[id].name;
    for (const title of [ko, en, ko.toUpperCase(), en.toUpperCase(), en.toLowerCase(), ` ${ko} `, ko.replace(/\s+/g, ''), en.replace(/\s+/g, '')]) {
      expect(titleQuery(title, id), title).toBeUndefined();
    }
  });

  it.each([
    '카카오맵',
    'Kakao Map',
    'KakaoMap',
    '다음',
    'Daum',
    '다음뉴스',
    'Daum 검색',
    '멜론',
    'Melon',
    '카카오페이지',
    '카카오웹툰',
    'Kakao Webtoon',
    '티스토리',
    'TISTORY',
    '카카오톡 선물하기',
    'Kakao',
  ])('any Kakao site name alone is no search: %j', (title) => {
    for (const id of SERVICE_IDS) expect(titleQuery(title, id), id).toBeUndefined();
  });
});

describe('titleQuery: cleaning', () => {
  it.each([
    ['control characters become spaces', '딸기\u0000케이크\u001b세트', '딸기 케이크 세트'],
    ['C1 controls too', '딸기\u0085케이크\u009f', '딸기 케이크'],
    ['whitespace collapses', '  딸기 \t\n 케이크  ', '딸기 케이크'],
    ['a lone surrogate is dropped', '딸기\uD800케이크\uDC00', '딸기 케이크'],
    ['a real surrogate pair is kept', '딸기 😀 케이크', '딸기 😀 케이크'],
    ['markup stays text', '<img src=x onerror=alert(1)> | 카카오맵', '<img src=x onerror=alert(1)>'],
    ['cleaned before the suffix is matched', '스타벅스\u0000판교점\n|\t카카오맵\u0007', '스타벅스 판교점'],
  ])('%s', (_label, title, expected) => {
    expect(titleQuery(title, 'kakaomap')).toBe(expected);
  });

  it('caps at 200 code points without splitting a character', () => {
    expect(titleQuery('가'.repeat(500), 'kakaomap')).toBe('가'.repeat(200));
    const emoji = titleQuery('😀'.repeat(300), 'kakaomap')!;
    expect(Array.from(emoji)).toHaveLength(200);
    expect(/[\uD800-\uDBFF]$/.test(emoji)).toBe(false);
  });
});
