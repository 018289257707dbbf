import { describe, expect, it } from 'vitest';
import { MAX_STORED_URL_LENGTH, boundedUrl, cleanText, shortenForDisplay, truncate, withoutUnsafeChars } from './safe-text.ts';

const HOSTILE = [
  '\u202A',
  '\u202B',
  '\u202C',
  '\u202D',
  '\u202E',
  '\u2066',
  '\u2067',
  '\u2068',
  '\u2069',
  '\u061C',
  '\u200E',
  '\u200F',
  '\u200B',
  '\u2060',
  '\uFEFF',
  '\u3164',
  '\u115F',
  '\u1160',
  '\uFFA0',
  '\u0000',
  '\u001B',
  '\u0085',
  '\u009B',
  '\uD800',
  '\uDC00',
];

describe('cleanText', () => {
  it.each(HOSTILE.map((ch) => [`U+${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`, ch]))('strips %s', (_name, ch) => {
    expect(cleanText(`판교${ch}역`, 100)).toBe('판교 역');
    expect(cleanText(`${ch}${ch}`, 100)).toBe('');
  });

  it('keeps Hangul, emoji with joiners and surrogate pairs whole', () => {
    expect(cleanText('스타벅스 👩‍👩‍👧 𝕂', 100)).toBe('스타벅스 👩‍👩‍👧 𝕂');
  });

  it('bounds by code points, never splitting a pair, and says it cut', () => {
    expect(cleanText('가'.repeat(50), 10)).toBe(`${'가'.repeat(9)}…`);
    expect(truncate('😀'.repeat(5), 3)).toBe('😀😀…');
  });

  it('takes anything: non-strings become empty text', () => {
    expect(cleanText(undefined, 10)).toBe('');
    expect(cleanText({ toString: () => 'x' }, 10)).toBe('');
  });

  it('a name made of fillers alone is no name', () => {
    expect(withoutUnsafeChars('\u3164\u3164').trim()).toBe('');
  });
});

describe('boundedUrl and shortenForDisplay', () => {
  it('bounds a stored address, keeping its start', () => {
    const url = `https://map.kakao.com/?q=${'a'.repeat(500_000)}`;
    expect(boundedUrl(url)).toHaveLength(MAX_STORED_URL_LENGTH);
    expect(boundedUrl(url).startsWith('https://map.kakao.com/?q=')).toBe(true);
    expect(boundedUrl('https://map.kakao.com/')).toBe('https://map.kakao.com/');
    expect(boundedUrl(42)).toBe('');
  });

  it('shortens for display with both ends kept', () => {
    expect(shortenForDisplay('abcdefghij', 5)).toBe('abc…j');
    expect(shortenForDisplay('abc', 5)).toBe('abc');
  });
});
