import { describe, expect, it } from 'vitest';
import { SERVICES } from '../catalog/index.ts';
import { isAllowedLink, translate } from './index.ts';
import { serviceForUrl } from '../catalog/index.ts';

/** mulberry32: a tiny seeded PRNG, so every run explores the same addresses and a failure reproduces. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ITERATIONS = 100_000;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function makeGenerator(seed: number) {
  const random = mulberry32(seed);
  const int = (max: number) => Math.floor(random() * max);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;

  const catalogued = SERVICES.kakaomap.hosts as readonly string[];
  const hosts = [
    ...catalogued,
    ...catalogued.map((host) => host.toUpperCase()),
    ...catalogued.map((host) => `${host}.`),
    'evil.example',
    'map.kakao.com.evil.example',
    'evil-map.kakao.com',
    'map.naver.com',
    'www.google.com',
    'user:pw@map.kakao.com',
    'map.kakao.com:8080',
    'map.kakao.com@evil.example',
    '[::1]',
    '127.0.0.1',
    '',
  ];
  const schemes = ['https://', 'http://', 'HTTPS://', 'javascript:', 'data:', 'ftp://', '//', ''];
  const paths = ['/link/search/', '/', '/actions/searchView', '/link/map/', '/link/to/', '/link/search', '//link/search/', '/link/search/%2F', ''];
  const keys = ['q', 'Q', 'query', 'urlX', 'itemId', 'q[]', '', '%71', 'q '];
  const real = [
    'https://map.kakao.com/link/search/%EC%B9%B4%EC%B9%B4%EC%98%A4%ED%8C%90%EA%B5%90',
    'https://map.kakao.com/?q=%ED%8C%90%EA%B5%90%EC%97%AD',
    'https://m.map.kakao.com/actions/searchView?q=%EA%B0%95%EB%82%A8',
    'https://map.daum.net/?q=%EC%84%9C%EC%9A%B8%EC%97%AD',
    'https://place.map.kakao.com/18577297',
    'https://map.kakao.com/link/search/%25EC%25B9%25B4%25EC%25B9%25B4%25EC%2598%25A4',
  ];

  function char(): string {
    switch (int(12)) {
      case 0:
        return String.fromCharCode(0xac00 + int(0xd7a4 - 0xac00)); // Hangul syllable
      case 1:
        return String.fromCharCode(0x1100 + int(0x100)); // conjoining jamo
      case 2:
        return String.fromCharCode(0xd800 + int(0x800)); // lone surrogate, raw
      case 3:
        return pick(['%ED%A0%80', '%ED%B0%80', '%ED%BF%BF', '%F0%9F', '%C0%AF', '%FF']); // encoded lone surrogates, bad UTF-8
      case 4:
        return pick(['%', '%%', '%G', '%2', '%E0%A4%A', '%25', '%2525', '%00', '%0A', '%7F', '%C2%85']); // %-junk
      case 5:
        return String.fromCodePoint(int(0x110000)).replace(/[\uD800-\uDFFF]/, '?'); // any code point
      case 6:
        return String.fromCharCode(int(0x20)); // control
      case 7:
        return pick(['😀', '☕️', '👨‍👩‍👧', '\u200b', '\u202e', '\ufeff', '\u3000', '\u00a0']);
      case 8:
        return pick(['?', '#', '&', '=', '+', '/', '\\', ' ', ':', '@', '[', ']', '"', "'", '<', '>', '`']);
      case 9:
        return encodeURIComponent(String.fromCharCode(0xac00 + int(0xd7a4 - 0xac00)));
      default:
        return String.fromCharCode(0x21 + int(0x5e)); // printable ASCII
    }
  }

  function text(maxLength: number): string {
    const length = int(maxLength + 1);
    let out = '';
    for (let index = 0; index < length; index += 1) out += char();
    return random() < 0.2 ? encodeURIComponent(out.replace(/[\uD800-\uDFFF]/g, '')) : out;
  }

  function longText(): string {
    return random() < 0.5 ? '가'.repeat(1000 + int(9000)) : `${encodeURIComponent('판교')}%`.repeat(200 + int(1000));
  }

  function mutate(address: string): string {
    const chars = Array.from(address);
    const edits = 1 + int(4);
    for (let edit = 0; edit < edits; edit += 1) {
      const at = int(chars.length + 1);
      switch (int(3)) {
        case 0:
          chars.splice(at, 1);
          break;
        case 1:
          chars.splice(at, 0, char());
          break;
        default:
          chars.splice(at, 1, char());
      }
    }
    return chars.join('');
  }

  return function next(): string {
    if (random() < 0.2) return mutate(pick(real));
    const body = random() < 0.02 ? longText() : text(30);
    // Mostly catalogued addresses (the interesting ones), with a steady share of everything else.
    const scheme = random() < 0.8 ? pick(['https://', 'http://']) : pick(schemes);
    const host = random() < 0.8 ? pick(catalogued) : pick(hosts);
    let address = `${scheme}${host}${pick(paths)}`;
    if (random() < 0.6) address += body;
    const params = int(4);
    for (let index = 0; index < params; index += 1) {
      address += `${index === 0 ? '?' : '&'}${pick(keys)}=${random() < 0.5 ? text(20) : body}`;
    }
    if (random() < 0.1) address += `#${text(10)}`;
    return address;
  };
}

describe('translate fuzz', () => {
  it(`never throws and only yields allowed https links over ${ITERATIONS} generated addresses`, () => {
    const next = makeGenerator(0x5eed_d70e);
    let translated = 0;
    let searches = 0;
    for (let iteration = 0; iteration < ITERATIONS; iteration += 1) {
      const address = next();
      let result: ReturnType<typeof translate>;
      try {
        result = translate(address);
      } catch (error) {
        throw new Error(`translate threw on iteration ${iteration} for ${JSON.stringify(address)}: ${String(error)}`);
      }
      // Total over exactly the catalogued addresses.
      if ((result === undefined) !== (serviceForUrl(address) === undefined)) {
        throw new Error(`translate and serviceForUrl disagree on ${JSON.stringify(address)}`);
      }
      if (!result) continue;
      translated += 1;
      if (result.links.length !== 2) throw new Error(`expected both alternatives for ${JSON.stringify(address)}`);
      for (const link of result.links) {
        if (!link.url.startsWith('https://') || !isAllowedLink(link.url)) {
          throw new Error(`disallowed link ${JSON.stringify(link.url)} from ${JSON.stringify(address)}`);
        }
      }
      if (result.intent.kind === 'search') {
        searches += 1;
        const { query } = result.intent;
        if (query === '' || query !== query.trim() || Array.from(query).length > 200 || LONE_SURROGATE.test(query) || /[\u0000-\u001f\u007f-\u009f]/.test(query)) {
          throw new Error(`unclean query ${JSON.stringify(query)} from ${JSON.stringify(address)}`);
        }
      }
    }
    // The generator must actually reach the interesting paths, or the fuzz proves little.
    expect(translated).toBeGreaterThan(ITERATIONS / 2);
    expect(searches).toBeGreaterThan(ITERATIONS / 4);
    expect(translated).toBeLessThan(ITERATIONS);
  }, 20_000);

  it('is deterministic for a seed', () => {
    const a = makeGenerator(7);
    const b = makeGenerator(7);
    const c = makeGenerator(8);
    const fromA = Array.from({ length: 50 }, a);
    expect(Array.from({ length: 50 }, b)).toEqual(fromA);
    expect(Array.from({ length: 50 }, c)).not.toEqual(fromA);
  });
});
