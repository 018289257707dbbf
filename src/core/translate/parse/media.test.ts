import { describe, expect, it } from 'vitest';
import type { Intent } from '../intent.ts';
import { parseKakaoGift, parseKakaoPage, parseKakaoWebtoon, parseMelon, parseTistory } from './media.ts';

const enc = encodeURIComponent;
const NONE: Intent = { kind: 'none' };
const search = (query: string): Intent => ({ kind: 'search', query });
const blog = (query: string): Intent => ({ kind: 'search', query, vertical: 'blog' });

describe('parseMelon', () => {
  it.each([
    [`https://www.melon.com/search/total/index.htm?q=${enc('아이유')}`, search('아이유')],
    [`https://www.melon.com/search/song/index.htm?q=${enc('밤양갱')}&section=&searchGnbYn=Y&kkoSpl=Y`, search('밤양갱')],
    [`https://www.melon.com/search/album/index.htm?q=${enc(enc('뉴진스'))}`, search('뉴진스')],
    ['https://www.melon.com/search/total/index.htm?q=Love+wins+all', search('Love wins all')],
    [`https://m2.melon.com/search/index.htm?q=${enc('에스파')}`, search('에스파')],
    [`https://m.melon.com/search/total/index.htm?keyword=${enc('bts')}`, search('bts')],
    [`https://melon.com/search/total/index.htm?query=${enc('성시경')}`, search('성시경')],
    [`https://www.melon.com/search/total/index.htm?q=&keyword=${enc('둘째')}`, search('둘째')],
    ['https://www.melon.com/search/total/index.htm?q=', NONE],
    ['https://www.melon.com/search/total/index.htm', NONE],
    // Only a search page's q is a search: a song or chart page's parameters are ids.
    ['https://www.melon.com/song/detail.htm?songId=37225594', NONE],
    ['https://www.melon.com/album/detail.htm?albumId=11543214', NONE],
    ['https://www.melon.com/chart/index.htm', NONE],
    ['https://www.melon.com/index.htm?q=ignored', NONE],
    ['https://www.melon.com/', NONE],
  ])('%s', (address, expected) => {
    expect(parseMelon(new URL(address))).toEqual(expected);
  });
});

describe('parseKakaoPage', () => {
  it.each([
    [`https://page.kakao.com/search/result?keyword=${enc('나 혼자만 레벨업')}`, search('나 혼자만 레벨업')],
    [`https://page.kakao.com/search/result?keyword=${enc(enc('전지적 독자 시점'))}&categoryUid=0`, search('전지적 독자 시점')],
    [`https://page.kakao.com/search?word=${enc('달빛조각사')}`, search('달빛조각사')],
    [`https://page.kakao.com/search?q=${enc('화산귀환')}`, search('화산귀환')],
    [`https://page.kakao.com/search?word=${enc('둘째')}&keyword=${enc('첫째')}`, search('첫째')],
    ['https://page.kakao.com/search/result?keyword=', NONE],
    ['https://page.kakao.com/content/59782711', NONE],
    ['https://page.kakao.com/content/59782711/viewer/60000000', NONE],
    ['https://page.kakao.com/', NONE],
  ])('%s', (address, expected) => {
    expect(parseKakaoPage(new URL(address))).toEqual(expected);
  });
});

describe('parseKakaoWebtoon', () => {
  it.each([
    ['https://webtoon.kakao.com/content/나-혼자만-레벨업/2320', search('나 혼자만 레벨업')],
    [`https://webtoon.kakao.com/content/${enc('나-혼자만-레벨업')}/2320`, search('나 혼자만 레벨업')],
    [`https://webtoon.kakao.com/content/${enc(enc('이태원-클라쓰'))}/1047`, search('이태원 클라쓰')],
    ['https://webtoon.kakao.com/content/solo-leveling/2320', search('solo leveling')],
    ['https://webtoon.kakao.com/content/a--b---c/1', search('a b c')],
    ['https://webtoon.kakao.com/content/-앞뒤-/1', search('앞뒤')],
    ['https://webtoon.kakao.com/content/only-slug', search('only slug')],
    [`https://webtoon.kakao.com/content/${enc('가'.repeat(300))}/1`, search('가'.repeat(200))],
    ['https://webtoon.kakao.com/content/---/1', NONE],
    ['https://webtoon.kakao.com/content/', NONE],
    [`https://webtoon.kakao.com/search?keyword=${enc('이태원 클라쓰')}`, search('이태원 클라쓰')],
    [`https://webtoon.kakao.com/search?q=${enc('화산')}`, search('화산')],
    // The slug wins over a query on a content page.
    [`https://webtoon.kakao.com/content/solo-leveling/2320?keyword=${enc('다른')}`, search('solo leveling')],
    ['https://webtoon.kakao.com/search?keyword=', NONE],
    ['https://webtoon.kakao.com/viewer/solo-leveling-001/12345', NONE],
    ['https://webtoon.kakao.com/', NONE],
  ])('%s', (address, expected) => {
    expect(parseKakaoWebtoon(new URL(address))).toEqual(expected);
  });
});

describe('parseTistory', () => {
  it.each([
    ['https://myblog.tistory.com/search/맛집', blog('맛집')],
    [`https://myblog.tistory.com/search/${enc('리액트 훅')}`, blog('리액트 훅')],
    [`https://MYBLOG.TISTORY.COM/search/${enc(enc('도커'))}`, blog('도커')],
    ['https://a.b.tistory.com/search/x%20y/page/2', blog('x y')],
    ['https://myblog.tistory.com/search/%20%0A', NONE],
    ['https://myblog.tistory.com/search/', NONE],
    ['https://myblog.tistory.com/search', NONE],
    ['https://myblog.tistory.com/123', NONE],
    // A post under its title, the title's spaces as hyphens; a tag page searches its tag.
    ['https://myblog.tistory.com/entry/제목', blog('제목')],
    ['https://ksj14.tistory.com/entry/깊이-우선-탐색-Depth-First-Search', blog('깊이 우선 탐색 Depth First Search')],
    [`https://aroma-bok.tistory.com/entry/${enc('DB-Replication에-대해서')}`, blog('DB Replication에 대해서')],
    ['https://myblog.tistory.com/entry/', NONE],
    ['https://myblog.tistory.com/entry/---', NONE],
    [`https://bcho.tistory.com/tag/${enc('External IP')}`, blog('External IP')],
    [`https://codedrive.tistory.com/tag/${enc('디스크-컨트롤러')}`, blog('디스크-컨트롤러')],
    ['https://myblog.tistory.com/tag/', NONE],
    ['https://myblog.tistory.com/category/search/x', NONE],
    ['https://myblog.tistory.com/?q=ignored', NONE],
    ['https://www.tistory.com/', NONE],
  ])('%s', (address, expected) => {
    expect(parseTistory(new URL(address))).toEqual(expected);
  });
});

describe('parseKakaoGift', () => {
  it.each([
    [`https://gift.kakao.com/search/result?query=${enc('립밤')}&searchType=typing`, search('립밤')],
    [`https://gift.kakao.com/search/result?q=${enc(enc('케이크 교환권'))}`, search('케이크 교환권')],
    [`https://gift.kakao.com/search/result?keyword=${enc('꽃다발')}`, search('꽃다발')],
    [`https://gift.kakao.com/search/result?keyword=${enc('셋째')}&q=${enc('둘째')}&query=${enc('첫째')}`, search('첫째')],
    ['https://gift.kakao.com/search/result?query=', NONE],
    ['https://gift.kakao.com/product/1234567', NONE],
    ['https://gift.kakao.com/home', NONE],
  ])('%s', (address, expected) => {
    expect(parseKakaoGift(new URL(address))).toEqual(expected);
  });
});
