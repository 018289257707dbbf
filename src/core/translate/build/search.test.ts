import { describe, expect, it } from 'vitest';
import type { Intent, Vertical } from '../intent.ts';
import type { BuildContext } from '../links.ts';
import { google, googleNews, naver, naverBlog, naverCafe, naverNews, naverShopping } from './search.ts';

const DESKTOP: BuildContext = { platform: 'desktop' };
const MOBILE: BuildContext = { platform: 'mobile' };
const search = (query: string, vertical?: Vertical): Intent => (vertical ? { kind: 'search', query, vertical } : { kind: 'search', query });
const Q = '판교 맛집';
const QE = '%ED%8C%90%EA%B5%90%20%EB%A7%9B%EC%A7%91';

describe('naver', () => {
  it.each([
    [undefined, 'nexearch'],
    ['web', 'nexearch'],
    ['news', 'news'],
    ['cafe', 'article'],
    ['blog', 'blog'],
    ['image', 'image'],
    ['video', 'video'],
  ] as const)('vertical %s -> where=%s', (vertical, where) => {
    expect(naver(search(Q, vertical), DESKTOP)).toEqual({ url: `https://search.naver.com/search.naver?where=${where}&query=${QE}`, carries: 'search', via: 'web' });
  });
});

describe('google', () => {
  it.each([
    [undefined, ''],
    ['web', ''],
    ['news', '&tbm=nws'],
    ['cafe', ''],
    ['blog', ''],
    ['image', '&tbm=isch'],
    ['video', '&tbm=vid'],
  ] as const)('vertical %s -> %j', (vertical, tbm) => {
    expect(google(search(Q, vertical), DESKTOP)).toEqual({ url: `https://www.google.com/search?q=${QE}${tbm}`, carries: 'search', via: 'web' });
  });
});

describe('the single-tab searches ignore the vertical', () => {
  it.each([undefined, 'web', 'news', 'cafe', 'blog', 'image', 'video'] as const)('vertical %s', (vertical) => {
    const intent = search(Q, vertical);
    expect(naverNews(intent, DESKTOP)).toEqual({ url: `https://search.naver.com/search.naver?where=news&query=${QE}`, carries: 'search', via: 'web' });
    expect(naverCafe(intent, DESKTOP)).toEqual({ url: `https://search.naver.com/search.naver?where=article&query=${QE}`, carries: 'search', via: 'web' });
    expect(naverBlog(intent, DESKTOP)).toEqual({ url: `https://search.naver.com/search.naver?where=blog&query=${QE}`, carries: 'search', via: 'web' });
    expect(googleNews(intent, DESKTOP)).toEqual({ url: `https://news.google.com/search?q=${QE}&hl=ko&gl=KR&ceid=KR:ko`, carries: 'search', via: 'web' });
    expect(naverShopping(intent, DESKTOP)).toEqual({ url: `https://search.shopping.naver.com/search/all?query=${QE}`, carries: 'search', via: 'web' });
  });
});

const BUILDERS = { naver, google, naverNews, naverCafe, naverBlog, googleNews, naverShopping };

describe('every search builder', () => {
  it.each([
    ['A&B #2', 'A%26B%20%232'],
    ['a+b/c?d=e', 'a%2Bb%2Fc%3Fd%3De'],
    ['100%', '100%25'],
    ['☕', '%E2%98%95'],
    ["it's (here)!", "it's%20(here)!"],
    ['<script>', '%3Cscript%3E'],
  ])('encodes %j as one parameter value', (query, encoded) => {
    for (const [name, build] of Object.entries(BUILDERS)) {
      const link = build(search(query), DESKTOP);
      expect(link?.url, name).toContain(`=${encoded}`);
    }
  });

  it('the query reads back from each address exactly, and nothing is smuggled in', () => {
    const query = '서울 중구 & where=image #1 ?x=y';
    const expected: Record<string, string> = { naver: 'query', naverNews: 'query', naverCafe: 'query', naverBlog: 'query', naverShopping: 'query', google: 'q', googleNews: 'q' };
    for (const [name, build] of Object.entries(BUILDERS)) {
      const url = new URL(build(search(query), DESKTOP)!.url);
      expect(url.searchParams.get(expected[name]!), name).toBe(query);
      expect(url.hash, name).toBe('');
      if (name.startsWith('naver') && name !== 'naverShopping') expect(url.searchParams.getAll('where'), name).toHaveLength(1);
    }
  });

  it.each<[string, Intent]>([
    ['none', { kind: 'none' }],
    ['place', { kind: 'place', place: { name: '판교역' } }],
    ['placeId', { kind: 'placeId', id: '123' }],
    ['route', { kind: 'route', to: { name: '판교역' } }],
  ])('carries nothing for a %s intent (the home page is used instead)', (_label, intent) => {
    for (const build of Object.values(BUILDERS)) expect(build(intent, DESKTOP)).toBeUndefined();
  });

  it('gives web links on both platforms', () => {
    for (const build of Object.values(BUILDERS)) expect(build(search(Q), MOBILE)).toEqual(build(search(Q), DESKTOP));
  });
});
