import { describe, expect, it } from 'vitest';
import type { Intent, Vertical } from '../intent.ts';
import { parseDaumCafe, parseDaumNews, parseDaumSearch, parseNothing } from './daum.ts';

const enc = encodeURIComponent;
const NONE: Intent = { kind: 'none' };
const search = (query: string, vertical: Vertical): Intent => ({ kind: 'search', query, vertical });

describe('parseDaumSearch', () => {
  it.each([
    // Every tab Daum's search box produces, and what it means elsewhere.
    [`https://search.daum.net/search?w=tot&q=${enc('판교')}`, search('판교', 'web')],
    [`https://search.daum.net/search?w=web&q=${enc('판교')}`, search('판교', 'web')],
    [`https://search.daum.net/search?w=news&q=${enc('판교')}`, search('판교', 'news')],
    [`https://search.daum.net/search?w=cafe&q=${enc('판교')}`, search('판교', 'cafe')],
    [`https://search.daum.net/search?w=blog&q=${enc('판교')}`, search('판교', 'blog')],
    [`https://search.daum.net/search?w=img&q=${enc('판교')}`, search('판교', 'image')],
    [`https://search.daum.net/search?w=vclip&q=${enc('판교')}`, search('판교', 'video')],
    // No tab, or one Detour does not know: the total search.
    [`https://search.daum.net/search?q=${enc('판교')}`, search('판교', 'web')],
    [`https://search.daum.net/search?w=dic&q=${enc('판교')}`, search('판교', 'web')],
    [`https://search.daum.net/search?w=NEWS&q=${enc('판교')}`, search('판교', 'web')],
    [`https://search.daum.net/search?w=&q=${enc('판교')}`, search('판교', 'web')],
    // Prototype keys are not tabs.
    [`https://search.daum.net/search?w=__proto__&q=${enc('판교')}`, search('판교', 'web')],
    [`https://search.daum.net/search?w=constructor&q=${enc('판교')}`, search('판교', 'web')],
    [`https://search.daum.net/search?w=toString&q=${enc('판교')}`, search('판교', 'web')],
    [`https://search.daum.net/search?w=hasOwnProperty&q=${enc('판교')}`, search('판교', 'web')],
    // Encodings.
    ['https://search.daum.net/search?w=tot&q=카카오판교', search('카카오판교', 'web')],
    [`https://search.daum.net/search?w=tot&q=${enc(enc('카카오판교'))}`, search('카카오판교', 'web')],
    ['https://search.daum.net/search?w=tot&q=%EC%84%9C%EC%9A%B8+%EB%82%A0%EC%94%A8', search('서울 날씨', 'web')],
    ['https://search.daum.net/search?w=tot&q=a%2Bb', search('a+b', 'web')],
    [`https://search.daum.net/search?w=tot&q=${enc('A&B #2')}&DA=YZR`, search('A&B #2', 'web')],
    [`https://m.search.daum.net/search?w=img&q=${enc('고양이')}`, search('고양이', 'image')],
    ['https://search.daum.net/search?w=tot&q=%00%1B판교%0A역', search('판교 역', 'web')],
    // Nothing to search for.
    ['https://search.daum.net/search?w=tot&q=', NONE],
    ['https://search.daum.net/search?w=tot&q=+++', NONE],
    ['https://search.daum.net/search?w=tot&query=판교', NONE],
    ['https://search.daum.net/search?w=news', NONE],
    ['https://search.daum.net/', NONE],
  ])('%s', (address, expected) => {
    expect(parseDaumSearch(new URL(address))).toEqual(expected);
  });
});

describe('parseDaumNews', () => {
  it.each([
    [`https://news.daum.net/search?q=${enc('금리')}`, search('금리', 'news')],
    [`https://news.daum.net/search?query=${enc('금리')}`, search('금리', 'news')],
    [`https://news.daum.net/search?q=&query=${enc('금리')}`, search('금리', 'news')],
    [`https://news.daum.net/search?q=${enc('첫째')}&query=${enc('둘째')}`, search('첫째', 'news')],
    [`https://m.news.daum.net/search?q=${enc(enc('선거'))}`, search('선거', 'news')],
    ['https://news.daum.net/', NONE],
    ['https://news.daum.net/economy', NONE],
    ['https://v.daum.net/v/20240501123456789', NONE],
    ['https://v.daum.net/v/20240501123456789?f=o', NONE],
  ])('%s', (address, expected) => {
    expect(parseDaumNews(new URL(address))).toEqual(expected);
  });
});

describe('parseDaumCafe', () => {
  it.each([
    [`https://top.cafe.daum.net/_c21_/search?q=${enc('캠핑')}`, search('캠핑', 'cafe')],
    [`https://cafe.daum.net/_c21_/search?query=${enc('중고 거래')}`, search('중고 거래', 'cafe')],
    [`https://m.cafe.daum.net/_search?q=${enc(enc('낚시'))}`, search('낚시', 'cafe')],
    ['https://cafe.daum.net/', NONE],
    ['https://cafe.daum.net/somecafe', NONE],
    ['https://cafe.daum.net/somecafe/abcd/123', NONE],
    ['https://cafe.daum.net/_c21_/search?q=', NONE],
  ])('%s', (address, expected) => {
    expect(parseDaumCafe(new URL(address))).toEqual(expected);
  });
});

describe('parseNothing', () => {
  it.each(['https://www.daum.net/', 'https://www.daum.net/?q=판교', 'https://mail.daum.net/#INBOX', 'https://pf.kakao.com/_x?q=x'])('%s -> none', (address) => {
    expect(parseNothing()).toEqual(NONE);
    expect((parseNothing as (url: URL) => Intent)(new URL(address))).toEqual(NONE);
  });
});
