import { describe, expect, it } from 'vitest';
import { pathSegment, queryParam, searchFrom } from './common.ts';

const enc = encodeURIComponent;
const u = (address: string) => new URL(address);

describe('queryParam', () => {
  it.each([
    ['https://x.kakao.com/?q=판교', ['q'], '판교'],
    [`https://x.kakao.com/?q=${enc('판교역')}`, ['q'], '판교역'],
    [`https://x.kakao.com/?q=${enc(enc('판교역'))}`, ['q'], '판교역'],
    // URLSearchParams takes one layer and decodeLoosely two more; a fourth stays.
    [`https://x.kakao.com/?q=${enc(enc(enc('판교역')))}`, ['q'], '판교역'],
    [`https://x.kakao.com/?q=${enc(enc(enc(enc('판교역'))))}`, ['q'], enc('판교역')],
    ['https://x.kakao.com/?q=a+b', ['q'], 'a b'],
    ['https://x.kakao.com/?q=a%2Bb', ['q'], 'a+b'],
    ['https://x.kakao.com/?q=100%', ['q'], '100%'],
    // URLSearchParams itself turns a truncated UTF-8 escape into U+FFFD; a double-encoded one is kept as text.
    ['https://x.kakao.com/?q=%ED%8C', ['q'], '\uFFFD'],
    ['https://x.kakao.com/?q=%25ED%258C', ['q'], '%ED%8C'],
    ['https://x.kakao.com/?q=%20%20a%09%0Ab%20', ['q'], 'a b'],
    ['https://x.kakao.com/?q=first&q=second', ['q'], 'first'],
    // The first non-empty parameter among the names, in the names' order (not the address's).
    ['https://x.kakao.com/?query=B&q=A', ['q', 'query'], 'A'],
    ['https://x.kakao.com/?q=&query=B', ['q', 'query'], 'B'],
    ['https://x.kakao.com/?q=+++&query=B', ['q', 'query'], 'B'],
    ['https://x.kakao.com/?q=%00%01&query=B', ['q', 'query'], 'B'],
    ['https://x.kakao.com/?Q=A', ['q'], undefined],
    ['https://x.kakao.com/?q=', ['q'], undefined],
    ['https://x.kakao.com/', ['q'], undefined],
    ['https://x.kakao.com/?q=A', [], undefined],
    ['https://x.kakao.com/#q=A', ['q'], undefined],
  ] as const)('%s %j -> %j', (address, names, expected) => {
    expect(queryParam(u(address), names)).toBe(expected);
  });

  it('caps a long value at 200 code points', () => {
    expect(queryParam(u(`https://x.kakao.com/?q=${enc('가'.repeat(500))}`), ['q'])).toBe('가'.repeat(200));
  });
});

describe('searchFrom', () => {
  it.each([
    ['https://x.kakao.com/?q=판교', ['q'], undefined, { kind: 'search', query: '판교' }],
    ['https://x.kakao.com/?q=판교', ['q'], 'news', { kind: 'search', query: '판교', vertical: 'news' }],
    ['https://x.kakao.com/?keyword=판교', ['q', 'keyword'], 'blog', { kind: 'search', query: '판교', vertical: 'blog' }],
    ['https://x.kakao.com/?q=', ['q'], 'news', { kind: 'none' }],
    ['https://x.kakao.com/', ['q'], undefined, { kind: 'none' }],
  ] as const)('%s %j %s', (address, names, vertical, expected) => {
    const intent = searchFrom(u(address), names, vertical);
    expect(intent).toEqual(expected);
    // No vertical means no vertical key at all, not vertical: undefined.
    if (vertical === undefined) expect(Object.keys(intent)).not.toContain('vertical');
  });
});

describe('pathSegment', () => {
  it.each([
    ['https://x.kakao.com/a/b/c', 0, 'a'],
    ['https://x.kakao.com/a/b/c', 2, 'c'],
    ['https://x.kakao.com/a/b/c', 3, ''],
    ['https://x.kakao.com//a//b', 1, 'b'],
    ['https://x.kakao.com/', 0, ''],
    ['https://x.kakao.com/search/판교역', 1, '판교역'],
    [`https://x.kakao.com/search/${enc(enc('판교역'))}`, 1, '판교역'],
    ['https://x.kakao.com/search/a%20%20b%0A', 1, 'a b'],
    ['https://x.kakao.com/search/a%2Fb', 1, 'a/b'],
    ['https://x.kakao.com/search/a+b', 1, 'a+b'],
    ['https://x.kakao.com/search/%', 1, '%'],
  ] as const)('%s [%d] -> %j', (address, index, expected) => {
    expect(pathSegment(u(address), index)).toBe(expected);
  });
});
