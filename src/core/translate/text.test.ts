import { describe, expect, it } from 'vitest';
import { cleanQuery, decodeLoosely, pageWords } from './text.ts';

const PANGYO = '카카오판교';
const PANGYO_1 = encodeURIComponent(PANGYO); // %EC%B9%B4...
const PANGYO_2 = encodeURIComponent(PANGYO_1); // %25EC%25B9%25B4...

describe('decodeLoosely', () => {
  it.each([
    ['single-encoded Korean', PANGYO_1, PANGYO],
    ['double-encoded Korean', PANGYO_2, PANGYO],
    ['lower-case escapes', PANGYO_1.toLowerCase(), PANGYO],
    ['mixed text and escapes', `강남역%20${encodeURIComponent('스타벅스')}`, '강남역 스타벅스'],
    ['encoded space', 'a%20b', 'a b'],
    ['plus is not a space in a path', 'a+b', 'a+b'],
    ['encoded plus', 'a%2Bb', 'a+b'],
    ['encoded reserved characters', '%26%23%3F%2F%25', '&#?/%'],
    ['plain ASCII untouched', 'Pangyo Station', 'Pangyo Station'],
    ['plain Korean untouched', PANGYO, PANGYO],
    ['empty', '', ''],
    ['emoji', encodeURIComponent('☕️🍜'), '☕️🍜'],
    // At most two rounds: a triple-encoded text keeps one layer.
    ['triple-encoded stops after two rounds', encodeURIComponent(PANGYO_2), PANGYO_1],
    ['"%2541" decodes twice to A', '%2541', 'A'],
    ['"%252541" decodes twice to %41', '%252541', '%41'],
  ])('%s', (_label, input, expected) => {
    expect(decodeLoosely(input)).toBe(expected);
  });

  it.each([
    ['truncated escape', '%E0%A4%A'],
    ['lone %', '%'],
    ['trailing %', 'abc%'],
    ['% before non-hex', '%G1%ZZ'],
    ['percent sign in text', '100% 할인'],
    ['lone continuation byte', '%80'],
    ['overlong encoding of "/"', '%C0%AF'],
    ['encoded lone high surrogate', '%ED%A0%80'],
    ['encoded lone low surrogate', '%ED%B0%80'],
    ['truncated three-byte sequence', '%EC%B9'],
    ['byte that never leads UTF-8', '%FF%FE'],
  ])('keeps malformed input as it is: %s', (_label, input) => {
    expect(decodeLoosely(input)).toBe(input);
  });

  it.each([
    ['a stray % after good escapes', `${PANGYO_1}%`, `${PANGYO}%`],
    ['a link cut off mid-escape', `${PANGYO_1}%ED%8C`, `${PANGYO}%ED%8C`],
    ['a stray % between words', `${encodeURIComponent('카카오')}%20100%`, '카카오 100%'],
    ['an encoded lone surrogate among good escapes', `${encodeURIComponent('판')}%ED%A0%80${encodeURIComponent('교')}`, '판%ED%A0%80교'],
    ['a broken sequence followed by a good one', '%ED%8C%ED%8C%90', '%ED%8C판'],
    ['double-encoded with a stray %', `${PANGYO_2}%`, `${PANGYO}%`],
  ])('still decodes the well-formed escapes around malformed ones: %s', (_label, input, expected) => {
    expect(decodeLoosely(input)).toBe(expected);
  });

  it('never throws and never produces lone surrogates', () => {
    const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
    const samples: string[] = [];
    for (let byte = 0; byte < 256; byte += 1) {
      const hex = `%${byte.toString(16).padStart(2, '0')}`;
      samples.push(hex, `${hex}%80`, `${hex}%80%80`, `${hex}%80%80%80`, `${hex}%BF%BF`, `%25${hex.slice(1)}`);
    }
    for (const sample of samples) {
      const out = decodeLoosely(sample);
      expect(typeof out).toBe('string');
      expect(loneSurrogate.test(out), sample).toBe(false);
    }
  });
});

describe('cleanQuery', () => {
  it.each([
    ['plain text untouched', '카카오 판교', '카카오 판교'],
    ['trims', '  판교역  ', '판교역'],
    ['collapses runs of whitespace', '강남역 \t\n  스타벅스', '강남역 스타벅스'],
    ['ideographic and no-break spaces', '강남역\u3000\u00a0스타벅스', '강남역 스타벅스'],
    ['C0 controls become spaces', 'a\u0000b\u0007c\u001bd', 'a b c d'],
    ['DEL and C1 controls become spaces', 'a\u007fb\u0085c\u009fd', 'a b c d'],
    ['only controls and spaces -> empty', '\u0000 \t\u0001\u007f ', ''],
    ['keeps U+00A0 neighbours like U+00A1', '¡hola', '¡hola'],
    ['empty', '', ''],
    ['markup stays text', '<img src=x onerror=alert(1)>', '<img src=x onerror=alert(1)>'],
    ['a lone high surrogate becomes a space', 'a\uD800b', 'a b'],
    ['a lone low surrogate becomes a space', 'a\uDC00b', 'a b'],
    ['reversed surrogates are two lone ones', 'a\uDC00\uD800b', 'a b'],
    ['a trailing lone surrogate goes', '판교\uD83D', '판교'],
    ['a real surrogate pair stays', 'a\uD83D\uDE00b', 'a😀b'],
  ])('%s', (_label, input, expected) => {
    expect(cleanQuery(input)).toBe(expected);
  });

  it('never leaves a lone surrogate, so every builder can encode the result', () => {
    const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
    for (let unit = 0xd800; unit <= 0xdfff; unit += 0x3f) {
      for (const input of [String.fromCharCode(unit), `x${String.fromCharCode(unit)}`, `${String.fromCharCode(unit)}x`, `가${String.fromCharCode(unit)}😀`]) {
        const out = cleanQuery(input);
        expect(loneSurrogate.test(out), JSON.stringify(input)).toBe(false);
        expect(() => encodeURIComponent(out)).not.toThrow();
      }
    }
  });

  it('caps at 200 code points', () => {
    expect(cleanQuery('a'.repeat(500))).toBe('a'.repeat(200));
    expect(cleanQuery('a'.repeat(200))).toBe('a'.repeat(200));
    expect(cleanQuery('a'.repeat(199))).toBe('a'.repeat(199));
  });

  it('counts Hangul syllables as one each and never splits them', () => {
    const out = cleanQuery('가'.repeat(300));
    expect(out).toBe('가'.repeat(200));
    expect(Array.from(out)).toHaveLength(200);
  });

  it('never splits a surrogate pair at the cap', () => {
    for (const prefix of ['', 'a']) {
      // With the prefix the cap falls where a naive UTF-16 slice would cut an emoji in half.
      const out = cleanQuery(prefix + '😀'.repeat(300));
      const points = Array.from(out);
      expect(points).toHaveLength(200);
      expect(points.at(-1)).toBe('😀');
      expect(/[\uD800-\uDBFF]$/.test(out)).toBe(false);
      expect(out.length).toBe(prefix.length + (200 - prefix.length) * 2);
    }
  });

  it('trims a space left at the cut', () => {
    const out = cleanQuery(`${'가'.repeat(199)} 나다라`);
    expect(out).toBe('가'.repeat(199));
  });

  it('applies the cap after collapsing whitespace', () => {
    const out = cleanQuery(`${'가 '.repeat(100)}${'나'.repeat(50)}`);
    // "가 " * 100 is 200 code points; the trailing space is trimmed at the cut.
    expect(out).toBe('가 '.repeat(100).trim());
  });
});

describe("pageWords: a page's words as a search, without its addresses", () => {
  it.each([
    ['판교 맛집 추천', '판교 맛집 추천'],
    ['공지 자세한 내용은 tistory-help.example 에서', '공지 자세한 내용은 에서'],
    ['바로가기 https://evil.example/x?y=1 클릭', '바로가기 클릭'],
    ['문의 help@kakao-help.com 으로', '문의 으로'],
    ['www.something 안내', '안내'],
    ['카카오.한국 공지', '공지'],
    ['naver.com 대신 daum.net', '대신'],
    ['http://x', ''],
    // What a post is about stays.
    ['Node.js 설치 방법', 'Node.js 설치 방법'],
    ['Vue.js 3.5 릴리스', 'Vue.js 3.5 릴리스'],
    ['버전 1.2.3 출시', '버전 1.2.3 출시'],
  ] as const)('%s -> %s', (text, words) => {
    expect(pageWords(text)).toBe(words);
  });
});
