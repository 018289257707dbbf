import { describe, expect, it } from 'vitest';
import { readableUrl } from './display.ts';

describe('readableUrl', () => {
  it.each([
    ['https://map.kakao.com/?q=%ED%8C%90%EA%B5%90%EC%97%AD', 'https://map.kakao.com/?q=판교역'],
    ['https://map.kakao.com/link/search/%EC%B9%B4%EC%B9%B4%EC%98%A4', 'https://map.kakao.com/link/search/카카오'],
    // Reserved characters stay encoded, so a decoded "&" or "/" cannot change how the address reads.
    ['https://map.kakao.com/?q=a%26b%3Dc%2Fd%23e', 'https://map.kakao.com/?q=a%26b%3Dc%2Fd%23e'],
    // Malformed escapes: shown as they are.
    ['https://map.kakao.com/?q=%E0%A4%A', 'https://map.kakao.com/?q=%E0%A4%A'],
    ['https://map.kakao.com/?q=100%', 'https://map.kakao.com/?q=100%'],
    // A right-to-left override would make the address read backwards: shown escaped.
    ['https://map.kakao.com/?q=%E2%80%AEmoc.live', 'https://map.kakao.com/?q=%202Emoc.live'],
    ['https://map.kakao.com/?q=a\u200Bb', 'https://map.kakao.com/?q=a%200Bb'],
    ['', ''],
  ])('%s -> %s', (input, expected) => {
    expect(readableUrl(input)).toBe(expected);
  });
});
