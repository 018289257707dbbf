import { describe, expect, it } from 'vitest';
import { extractPlace, placeIdOf } from './extract.ts';

const enc = encodeURIComponent;

describe('placeIdOf', () => {
  it.each([
    ['https://place.map.kakao.com/8130474', '8130474'],
    ['https://place.map.kakao.com/8130474/', '8130474'],
    ['https://place.map.kakao.com/8130474?service=search_pc', '8130474'],
    ['https://place.map.kakao.com/8130474#comment', '8130474'],
    ['https://place.map.kakao.com/', undefined],
    ['https://place.map.kakao.com/m/8130474', undefined],
    ['https://place.map.kakao.com/abc', undefined],
    ['https://map.kakao.com/8130474', undefined],
    ['https://place.map.kakao.com.evil.example/8130474', undefined],
    ['not a url', undefined],
  ])('%s -> %s', (url, id) => expect(placeIdOf(url)).toBe(id));
});

describe('extractPlace', () => {
  const base = { url: 'https://place.map.kakao.com/8130474', title: '카카오판교아지트 | 카카오맵', hrefs: [] as string[] };

  it('takes the name from og:title, else the cleaned title', () => {
    expect(extractPlace({ ...base, ogTitle: '카카오 판교 아지트' })).toEqual({ id: '8130474', name: '카카오 판교 아지트' });
    expect(extractPlace(base)).toEqual({ id: '8130474', name: '카카오판교아지트' });
    expect(extractPlace({ ...base, ogTitle: '스타벅스 판교점 | 카카오맵' })).toEqual({ id: '8130474', name: '스타벅스 판교점' });
  });

  it('takes coordinates from a KakaoMap link on the page', () => {
    const hrefs = ['https://example.com/x', 'javascript:void(0)', `https://map.kakao.com/link/map/${enc('카카오판교아지트')},37.3952969,127.1109567`];
    expect(extractPlace({ ...base, hrefs })).toEqual({ id: '8130474', name: '카카오판교아지트', coords: { lat: 37.3952969, lng: 127.1109567 } });
  });

  it('takes coordinates from a directions link', () => {
    const hrefs = [`https://map.kakao.com/link/to/${enc('판교역')},37.394726,127.111209`];
    expect(extractPlace({ ...base, hrefs })?.coords).toEqual({ lat: 37.394726, lng: 127.111209 });
  });

  it('ignores links on other hosts even when they look like KakaoMap links', () => {
    const hrefs = ['https://evil.example/link/map/x,37.1,127.1'];
    expect(extractPlace({ ...base, hrefs })?.coords).toBeUndefined();
  });

  it.each([
    ['not a place page', { ...base, url: 'https://map.kakao.com/?q=x' }],
    ['a title that is only the site name', { ...base, title: '카카오맵' }],
    ['a title that is an address', { ...base, title: 'place.map.kakao.com/8130474' }],
    ['an empty title', { ...base, title: '' }],
    ['a 503 body', { ...base, title: '503', status: 503 }],
    ['a 404 body', { ...base, status: 404 }],
  ])('says nothing for %s', (_label, facts) => {
    expect(extractPlace(facts)).toBeUndefined();
  });
});
