import { describe, expect, it } from 'vitest';
import type { Intent } from '../intent.ts';
import type { BuildContext } from '../links.ts';
import { flo, genie, naverSeries, naverWebtoon, vibe } from './media.ts';

const DESKTOP: BuildContext = { platform: 'desktop' };
const MOBILE: BuildContext = { platform: 'mobile' };
const search = (query: string): Intent => ({ kind: 'search', query });

describe('media builders', () => {
  it.each([
    ['아이유', '%EC%95%84%EC%9D%B4%EC%9C%A0'],
    ['Love wins all', 'Love%20wins%20all'],
    ['나 혼자만 레벨업', '%EB%82%98%20%ED%98%BC%EC%9E%90%EB%A7%8C%20%EB%A0%88%EB%B2%A8%EC%97%85'],
    ['A&B=C', 'A%26B%3DC'],
  ])('search %j', (query, encoded) => {
    const intent = search(query);
    expect(vibe(intent, DESKTOP)).toEqual({ url: `https://vibe.naver.com/search?query=${encoded}`, carries: 'search', via: 'web' });
    expect(genie(intent, DESKTOP)).toEqual({ url: `https://www.genie.co.kr/search/searchMain?query=${encoded}`, carries: 'search', via: 'web' });
    expect(flo(intent, DESKTOP)).toEqual({ url: `https://www.music-flo.com/search/all?keyword=${encoded}`, carries: 'search', via: 'web' });
    expect(naverWebtoon(intent, DESKTOP)).toEqual({ url: `https://comic.naver.com/search?keyword=${encoded}`, carries: 'search', via: 'web' });
    expect(naverSeries(intent, DESKTOP)).toEqual({ url: `https://series.naver.com/search/search.series?t=all&fs=default&q=${encoded}`, carries: 'search', via: 'web' });
  });

  it('ignores the vertical and the platform', () => {
    for (const build of [vibe, genie, flo, naverWebtoon, naverSeries]) {
      expect(build({ kind: 'search', query: 'x', vertical: 'news' }, MOBILE)).toEqual(build(search('x'), DESKTOP));
    }
  });

  it('the query reads back exactly, and cannot add parameters', () => {
    const query = '곡 & t=x #1 ?q=y';
    const cases: Array<[typeof vibe, string]> = [
      [vibe, 'query'],
      [genie, 'query'],
      [flo, 'keyword'],
      [naverWebtoon, 'keyword'],
      [naverSeries, 'q'],
    ];
    for (const [build, name] of cases) {
      const url = new URL(build(search(query), DESKTOP)!.url);
      expect(url.searchParams.get(name)).toBe(query);
      expect(url.hash).toBe('');
    }
    const series = new URL(naverSeries(search(query), DESKTOP)!.url);
    expect(series.searchParams.getAll('t')).toEqual(['all']);
    expect(series.searchParams.get('fs')).toBe('default');
  });

  it.each<[string, Intent]>([
    ['none', { kind: 'none' }],
    ['place', { kind: 'place', place: { name: '판교역' } }],
    ['placeId', { kind: 'placeId', id: '123' }],
    ['route', { kind: 'route', to: { name: '판교역' } }],
  ])('carries nothing for a %s intent', (_label, intent) => {
    for (const build of [vibe, genie, flo, naverWebtoon, naverSeries]) expect(build(intent, DESKTOP)).toBeUndefined();
  });
});
