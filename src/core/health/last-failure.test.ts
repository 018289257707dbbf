import { describe, expect, it } from 'vitest';
import { parseFailure, serializeFailure, type FailureRecord } from './last-failure.ts';

const RECORDS: readonly FailureRecord[] = [
  { service: 'kakaomap', url: 'https://map.kakao.com/', cause: { kind: 'refused' }, at: 1_700_000_000_000 },
  { service: 'kakaomap', url: 'https://map.kakao.com/link/search/%EC%B9%B4%EC%B9%B4%EC%98%A4%ED%8C%90%EA%B5%90', cause: { kind: 'http', status: 503 }, at: 0 },
  { service: 'kakaomap', url: 'https://m.map.kakao.com/actions/searchView?q=판교역', cause: { kind: 'timeout' }, at: 1.5 },
  { service: 'kakaomap', url: 'http://map.daum.net/?q=%EA%B0%95%EB%82%A8', cause: { kind: 'tls' }, at: Number.MAX_SAFE_INTEGER },
  { service: 'kakaomap', url: 'https://place.map.kakao.com/12345', cause: { kind: 'offline' }, at: 42 },
];

const GOOD = { service: 'kakaomap', url: 'https://map.kakao.com/?q=x', cause: 'refused', at: 1000 };

describe('serializeFailure / parseFailure', () => {
  it.each(RECORDS)('round-trips $url ($cause.kind)', (record) => {
    const stored = serializeFailure(record);
    // Storage keeps JSON-able values only: prove it survives that too.
    expect(parseFailure(JSON.parse(JSON.stringify(stored)))).toEqual(record);
    expect(parseFailure(stored)).toEqual(record);
  });

  it('stores the cause in its compact encoded form', () => {
    expect(serializeFailure(RECORDS[1]!)).toEqual({
      service: 'kakaomap',
      url: RECORDS[1]!.url,
      cause: 'http-503',
      at: 0,
    });
  });

  it('accepts the baseline good record (so the rejections below are meaningful)', () => {
    expect(parseFailure(GOOD)).toEqual({ service: 'kakaomap', url: 'https://map.kakao.com/?q=x', cause: { kind: 'refused' }, at: 1000 });
  });

  it.each([
    ['null', null],
    ['undefined', undefined],
    ['a number', 42],
    ['a string', 'kakaomap'],
    ['a boolean', true],
    ['an empty array', []],
    ['an array of values', ['kakaomap', 'https://map.kakao.com/', 'refused', 1]],
    ['an empty object', {}],
  ])('rejects %s', (_label, stored) => {
    expect(parseFailure(stored)).toBeNull();
  });

  it.each([
    ['service missing', { ...GOOD, service: undefined }],
    ['service unknown', { ...GOOD, service: 'navermap' }],
    ['service __proto__', { ...GOOD, service: '__proto__' }],
    ['service not a string', { ...GOOD, service: 1 }],
    ['url missing', { ...GOOD, url: undefined }],
    ['url not a string', { ...GOOD, url: 42 }],
    ['url malformed', { ...GOOD, url: 'not a url' }],
    ['url on another host', { ...GOOD, url: 'https://evil.example/?q=x' }],
    ['url on a look-alike host', { ...GOOD, url: 'https://map.kakao.com.evil.example/' }],
    ['url javascript:', { ...GOOD, url: 'javascript:alert(1)//map.kakao.com' }],
    ['cause missing', { ...GOOD, cause: undefined }],
    ['cause unknown', { ...GOOD, cause: 'exploded' }],
    ['cause 404', { ...GOOD, cause: 'http-404' }],
    ['cause as an object', { ...GOOD, cause: { kind: 'refused' } }],
    ['at missing', { ...GOOD, at: undefined }],
    ['at a string', { ...GOOD, at: '1000' }],
    ['at NaN', { ...GOOD, at: Number.NaN }],
    ['at negative', { ...GOOD, at: -1 }],
    ['at Infinity', { ...GOOD, at: Number.POSITIVE_INFINITY }],
    ['at -Infinity', { ...GOOD, at: Number.NEGATIVE_INFINITY }],
    ['at null', { ...GOOD, at: null }],
  ])('rejects a record with %s', (_label, stored) => {
    expect(parseFailure(stored)).toBeNull();
  });

  it('ignores extra fields rather than carrying them along', () => {
    expect(parseFailure({ ...GOOD, extra: '<img src=x onerror=alert(1)>' })).toEqual({
      service: 'kakaomap',
      url: GOOD.url,
      cause: { kind: 'refused' },
      at: 1000,
    });
  });
});
