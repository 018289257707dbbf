import { describe, expect, it } from 'vitest';
import { FALLBACK_PAGE_PATH, fallbackQuery } from './fallback-query.ts';
import { kakaoAddressOf, tabAddress } from './tab-address.ts';

const ORIGIN = 'chrome-extension://abcdefghijklmnop/';
const KAKAO = 'https://map.kakao.com/?q=%ED%8C%90%EA%B5%90%EC%97%AD';
const fallback = `${ORIGIN}${FALLBACK_PAGE_PATH}${fallbackQuery({ service: 'kakaomap', url: KAKAO, cause: { kind: 'refused' }, title: '판교역 - 카카오맵' })}`;

describe('kakaoAddressOf', () => {
  it('on the fallback page, the address that failed', () => {
    expect(kakaoAddressOf(fallback, ORIGIN)).toBe(KAKAO);
    expect(kakaoAddressOf(`${fallback}#top`, ORIGIN)).toBe(KAKAO);
    expect(tabAddress(fallback, ORIGIN)?.fallback).toEqual({ service: 'kakaomap', url: KAKAO, cause: { kind: 'refused' }, title: '판교역 - 카카오맵' });
  });
  it('on any other page, the page itself', () => {
    expect(kakaoAddressOf(KAKAO, ORIGIN)).toBe(KAKAO);
    expect(kakaoAddressOf(`${ORIGIN}src/ui/options/index.html`, ORIGIN)).toBe(`${ORIGIN}src/ui/options/index.html`);
    expect(tabAddress(KAKAO, ORIGIN)).toEqual({ url: KAKAO });
  });
  it("another extension's page of the same path is not ours", () => {
    const other = fallback.replace(ORIGIN, 'chrome-extension://zzzzzzzzzzzzzzzz/');
    expect(kakaoAddressOf(other, ORIGIN)).toBe(other);
  });
  it('a fallback page whose query names no catalogued address gives nothing (never an open redirect)', () => {
    expect(kakaoAddressOf(`${ORIGIN}${FALLBACK_PAGE_PATH}?service=kakaomap&cause=refused&url=https%3A%2F%2Fevil.example%2F`, ORIGIN)).toBeUndefined();
    expect(kakaoAddressOf(`${ORIGIN}${FALLBACK_PAGE_PATH}`, ORIGIN)).toBeUndefined();
  });
});
