import { describe, expect, it } from 'vitest';
import { MAX_DISPLAYED_URL, readableUrl } from './display.ts';
import { withoutUnsafeChars } from './safe-text.ts';

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
    // Every other character that could disguise an address: isolates, the Arabic letter mark, Hangul fillers.
    ['https://map.kakao.com/?q=%E2%81%A7x', 'https://map.kakao.com/?q=%2067x'],
    ['https://map.kakao.com/?q=%D8%9Cx', 'https://map.kakao.com/?q=%061Cx'],
    ['https://map.kakao.com/?q=%E3%85%A4', 'https://map.kakao.com/?q=%3164'],
    ['https://map.kakao.com/?q=%EF%BE%A0', 'https://map.kakao.com/?q=%FFA0'],
    ['https://map.kakao.com/?q=%E1%85%9F', 'https://map.kakao.com/?q=%115F'],
    ['', ''],
  ])('%s -> %s', (input, expected) => {
    expect(readableUrl(input)).toBe(expected);
  });

  it('shows a 40 KB address by its start and its end, shortened', () => {
    const url = `https://map.kakao.com/?q=${'a'.repeat(40_000)}&end=1`;
    const shown = readableUrl(url);
    expect(shown.length).toBeLessThanOrEqual(MAX_DISPLAYED_URL);
    expect(shown.startsWith('https://map.kakao.com/?q=aaa')).toBe(true);
    expect(shown.endsWith('&end=1')).toBe(true);
    expect(shown).toContain('…');
  });
});

describe('one list of unsafe characters (safe-text.ts) for text and addresses', () => {
  const JOINERS = new Set(['\u200C', '\u200D']);
  const stripped = (ch: string) => withoutUnsafeChars(`a${ch}b`) !== `a${ch}b`;
  const escaped = (ch: string) => readableUrl(`a${ch}b`) !== `a${ch}b`;

  it('every UTF-16 code unit: text drops exactly what an address shows escaped, but for ZWNJ and ZWJ', () => {
    const differ: string[] = [];
    let count = 0;
    for (let unit = 0; unit <= 0xffff; unit += 1) {
      const ch = String.fromCharCode(unit);
      if (ch === '%') continue; // decodeURI's own business, not an unsafe character
      if (stripped(ch)) count += 1;
      if (stripped(ch) !== escaped(ch)) differ.push(ch);
    }
    // Text keeps the joiners (emoji sequences, scripts); an address shows them escaped.
    expect(differ).toEqual([...JOINERS]);
    expect(stripped('\u200D')).toBe(false);
    expect(readableUrl('a\u200Db')).toBe('a%200Db');
    // 32 C0 + 33 DEL and C1 + 1 ALM + 2 Hangul choseong/jungseong fillers + ZWSP, LRM, RLM + 5 embeddings
    // and overrides + word joiner + 4 isolates + Hangul filler + BOM + halfwidth filler + 2048 lone surrogates.
    expect(count).toBe(32 + 33 + 1 + 2 + 3 + 5 + 1 + 4 + 1 + 1 + 1 + 2048);
  });

  it('a surrogate pair is a character, kept by both; a lone half is dropped by both', () => {
    expect(stripped('😀')).toBe(false);
    expect(escaped('😀')).toBe(false);
    expect(withoutUnsafeChars('a\uD83Db')).toBe('a b');
    expect(readableUrl('a\uD83Db')).toBe('a%D83Db');
  });
});
