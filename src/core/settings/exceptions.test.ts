import { describe, expect, it } from 'vitest';
import { MAX_EXCEPTIONS, exceptionRegex, isException, isValidExceptionPattern, parseExceptionPattern, readExceptionLines } from './exceptions.ts';

describe('parseExceptionPattern', () => {
  it.each([
    ['map.kakao.com', { host: 'map.kakao.com', subdomains: false, path: '' }],
    ['*.daum.net', { host: 'daum.net', subdomains: true, path: '' }],
    ['https://cafe.daum.net/MyCafe', { host: 'cafe.daum.net', subdomains: false, path: '/mycafe' }],
    ['  Map.Kakao.com/  ', { host: 'map.kakao.com', subdomains: false, path: '' }],
  ])('%s', (text, expected) => {
    expect(parseExceptionPattern(text)).toEqual(expected);
  });
  it.each([
    '',
    ' ',
    'kakao',
    '*',
    '*.com.',
    'map kakao.com',
    'map.kakao.com:8443',
    'user@map.kakao.com',
    'ftp://map.kakao.com',
    'map.*.com',
    'map.kakao.com/a*',
    '-bad.com',
    `${'a'.repeat(64)}.com`,
    `${'a.'.repeat(200)}com`,
  ])('rejects %j', (text) => {
    expect(isValidExceptionPattern(text)).toBe(false);
  });
});

describe('isException', () => {
  const patterns = ['map.kakao.com', '*.daum.net', 'cafe.daum.net/mycafe', 'blog.kakao.com/notes/'];
  it.each([
    ['https://map.kakao.com/?q=x', true],
    ['https://m.map.kakao.com/', false],
    ['https://daum.net/', true],
    ['https://search.daum.net/search?q=1', true],
    ['https://cafe.daum.net/mycafe', true],
    ['https://cafe.daum.net/mycafe/123', true],
    ['https://blog.kakao.com/notes/1', true],
    ['https://blog.kakao.com/notesx', false],
    ['https://melon.com/', false],
    ['https://evilmap.kakao.com.example/', false],
    ['https://notdaum.net/', false],
    ['not a url', false],
    ['moz-extension://x/map.kakao.com', false],
  ])('%s → %s', (url, expected) => {
    expect(isException(url, patterns)).toBe(expected);
  });
  it('a path prefix ends at a segment boundary', () => {
    expect(isException('https://cafe.daum.net/mycafe2', ['cafe.daum.net/mycafe'])).toBe(false);
  });
  it('no patterns, no exceptions; an invalid stored pattern matches nothing', () => {
    expect(isException('https://map.kakao.com/', [])).toBe(false);
    expect(isException('https://map.kakao.com/', ['map kakao'])).toBe(false);
  });
});

describe('readExceptionLines', () => {
  it('keeps the patterns once each, in order, and names the lines that are not patterns', () => {
    expect(readExceptionLines('map.kakao.com\n\n  *.daum.net \nnope\nmap.kakao.com\r\nhttp://')).toEqual({ patterns: ['map.kakao.com', '*.daum.net'], invalid: ['nope', 'http://'] });
  });
  it(`keeps at most ${MAX_EXCEPTIONS}`, () => {
    const text = Array.from({ length: MAX_EXCEPTIONS + 5 }, (_, index) => `h${index}.example.com`).join('\n');
    expect(readExceptionLines(text).patterns).toHaveLength(MAX_EXCEPTIONS);
  });
});

describe('exceptionRegex', () => {
  // The browser matches the canonical address (lower-case host, percent-encoded path), case-insensitively.
  const PATTERNS = ['map.kakao.com', '*.daum.net', 'cafe.daum.net/mycafe', 'cafe.daum.net/mycafe/', 'https://Blog.Tistory.com/Entry', '*.tistory.com/tag', 'm.map.kakao.com/actions/searchview'];
  const HOSTS = [
    'map.kakao.com',
    'm.map.kakao.com',
    'daum.net',
    'www.daum.net',
    'cafe.daum.net',
    'a.b.cafe.daum.net',
    'blog.tistory.com',
    'x.blog.tistory.com',
    'tistory.com',
    'map.kakao.com.evil.example',
    'evilmap.kakao.com',
    'xdaum.net',
    'map.kakao.com.',
  ];
  const PATHS = [
    '/',
    '/mycafe',
    '/mycafe/1',
    '/mycafe2',
    '/MyCafe',
    '/mycafe?x=1',
    '/mycafe#top',
    '/entry',
    '/Entry/slug',
    '/entry-2',
    '/tag',
    '/tag/도커',
    '/actions/searchView?q=1',
    '/actions/searchViewX',
    '/%EC%B9%B4',
  ];
  const urls = HOSTS.flatMap((host) => PATHS.flatMap((path) => [`https://${host}${path}`, `http://${host}:8080${path}`])).map((url) => new URL(url).href);

  it.each(PATTERNS)('matches exactly the addresses isException exempts, for %s', (text) => {
    const pattern = parseExceptionPattern(text)!;
    const regex = new RegExp(exceptionRegex(pattern), 'i');
    const disagreements = urls.filter((url) => regex.test(url) !== isException(url, [text]));
    expect(disagreements).toEqual([]);
    // Not vacuous: some addresses are exempt and some are not.
    expect(urls.some((url) => isException(url, [text]))).toBe(true);
    expect(urls.some((url) => !isException(url, [text]))).toBe(true);
  });
});
