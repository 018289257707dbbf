import { describe, expect, it } from 'vitest';
import { NO_INTENT } from '../intent.ts';
import { googleMapsUrl, naverMapUrl } from './maps.ts';

describe('naverMapUrl / googleMapsUrl', () => {
  it.each([
    ['카카오판교', '%EC%B9%B4%EC%B9%B4%EC%98%A4%ED%8C%90%EA%B5%90'],
    ['판교역 1번 출구', '%ED%8C%90%EA%B5%90%EC%97%AD%201%EB%B2%88%20%EC%B6%9C%EA%B5%AC'],
    ['스타벅스,강남', '%EC%8A%A4%ED%83%80%EB%B2%85%EC%8A%A4%2C%EA%B0%95%EB%82%A8'],
    ['A&B #2', 'A%26B%20%232'],
    ['a+b/c?d=e', 'a%2Bb%2Fc%3Fd%3De'],
    ['100%', '100%25'],
    ['Seoul Station', 'Seoul%20Station'],
    ['☕', '%E2%98%95'],
    ["it's (here)!", "it's%20(here)!"],
  ])('search %j', (query, encoded) => {
    expect(naverMapUrl({ kind: 'search', query })).toBe(`https://map.naver.com/p/search/${encoded}`);
    expect(googleMapsUrl({ kind: 'search', query })).toBe(`https://www.google.com/maps/search/?api=1&query=${encoded}`);
  });

  it('the encoded query reads back as the original in each service', () => {
    const query = '서울 중구 세종대로 110 & 시청 #1';
    const naver = new URL(naverMapUrl({ kind: 'search', query }));
    expect(decodeURIComponent(naver.pathname.replace('/p/search/', ''))).toBe(query);
    const google = new URL(googleMapsUrl({ kind: 'search', query }));
    expect(google.searchParams.get('query')).toBe(query);
    expect(google.searchParams.get('api')).toBe('1');
    expect([...google.searchParams.entries()]).toHaveLength(2);
  });

  it('opens the home pages when there is no intent', () => {
    expect(naverMapUrl(NO_INTENT)).toBe('https://map.naver.com/');
    expect(googleMapsUrl(NO_INTENT)).toBe('https://www.google.com/maps');
  });
});
