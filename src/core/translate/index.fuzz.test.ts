import { afterEach, describe, expect, it } from 'vitest';
import { ALTERNATIVES, SERVICES, SERVICE_IDS, serviceForUrl, type ServiceId } from '../catalog/index.ts';
import { isAllowedLink, translate, type Place, type TranslateOptions, type Translation } from './index.ts';
import { PARSERS } from './registry.ts';
import { mulberry32 } from '../../../test/support/random.ts';

const ITERATIONS = 100_000;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const CARRIES = new Set(['search', 'place', 'route', 'home']);

/** Every exact host of every service (the "*." wildcards get random subdomains instead). */
const EXACT_HOSTS = SERVICE_IDS.flatMap((id) => (SERVICES[id].hosts as readonly string[]).filter((host) => !host.startsWith('*.')));

/** Paths of every service, so each parser also meets every other service's shapes. */
const PATHS = [
  // KakaoMap
  '/link/search/',
  '/',
  '/actions/searchView',
  '/link/map/',
  '/link/to/',
  '/link/search',
  '//link/search/',
  '/link/search/%2F',
  '/18577297',
  '/m/18577297',
  // Daum search, news, cafe, mail
  '/search',
  '/search/',
  '/v/20240501123456789',
  '/_c21_/search',
  '/somecafe/abcd/123',
  '/hanmailex/mobile/Top.daum',
  '/economy',
  // Melon
  '/search/total/index.htm',
  '/search/song/index.htm',
  '/song/detail.htm',
  '/chart/index.htm',
  '/search/index.htm',
  // KakaoPage, Webtoon
  '/search/result',
  '/content/',
  '/content/나-혼자만-레벨업/',
  '/content/%EB%82%98-%ED%98%BC/',
  '/viewer/',
  '/menu/10010/screen/84',
  // Tistory, Gift, talk, account, pay, T
  '/entry/',
  '/category/',
  '/product/',
  '/_xabcd',
  '/o/',
  '/login/',
  '/oauth/authorize',
  '/payment/',
  '/taxi',
  '',
];
const KEYS = ['q', 'Q', 'query', 'keyword', 'word', 'w', 'urlX', 'itemId', 'songId', 'continue', 'q[]', '', '%71', 'q ', '__proto__'];
const TABS = ['tot', 'news', 'cafe', 'blog', 'img', 'vclip', 'web', '__proto__', 'constructor', 'toString', 'TOT', ''];
const SITE_SUFFIXES = [
  ' | 카카오맵',
  ' - Kakao Map',
  ' - 다음 뉴스',
  ' | 다음뉴스',
  ' – Daum 검색',
  ' - 멜론',
  ' | Melon',
  ' :: 티스토리',
  ' - Tistory',
  ' | 카카오웹툰',
  ' - 카카오페이지',
  ' | 카카오톡 선물하기',
  ' | Kakao',
  '::',
  ' | ',
];

function makeGenerator(seed: number) {
  const random = mulberry32(seed);
  const int = (max: number) => Math.floor(random() * max);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;

  const lookAlikes = [
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
    'tistory.com',
    'evil-tistory.com',
    'tistory.com.evil.example',
    'x.tistory.com.evil.example',
    'daum.net.evil.example',
    'kakao.com',
    'xtistory.com',
    '.tistory.com',
  ];
  const schemes = ['https://', 'http://', 'HTTPS://', 'javascript:', 'data:', 'ftp://', '//', ''];
  const real = [
    'https://map.kakao.com/link/search/%EC%B9%B4%EC%B9%B4%EC%98%A4%ED%8C%90%EA%B5%90',
    'https://map.kakao.com/?q=%ED%8C%90%EA%B5%90%EC%97%AD',
    'https://m.map.kakao.com/actions/searchView?q=%EA%B0%95%EB%82%A8',
    'https://place.map.kakao.com/18577297',
    'https://map.kakao.com/link/search/%25EC%25B9%25B4%25EC%25B9%25B4%25EC%2598%25A4',
    'https://search.daum.net/search?w=news&q=%EA%B8%88%EB%A6%AC',
    'https://m.search.daum.net/search?w=img&q=%25EA%25B3%25A0%25EC%2596%2591%25EC%259D%25B4',
    'https://news.daum.net/search?q=%EA%B8%88%EB%A6%AC',
    'https://v.daum.net/v/20240501123456789',
    'https://top.cafe.daum.net/_c21_/search?q=%EC%BA%A0%ED%95%91',
    'https://www.melon.com/search/total/index.htm?q=%EC%95%84%EC%9D%B4%EC%9C%A0',
    'https://m2.melon.com/search/index.htm?q=abc',
    'https://page.kakao.com/search/result?keyword=%EB%8B%AC%EB%B9%9B',
    'https://webtoon.kakao.com/content/%EB%82%98-%ED%98%BC%EC%9E%90%EB%A7%8C-%EB%A0%88%EB%B2%A8%EC%97%85/2320',
    'https://myblog.tistory.com/search/%EB%A7%9B%EC%A7%91',
    'https://gift.kakao.com/search/result?query=%EB%A6%BD%EB%B0%A4',
    'https://pf.kakao.com/_xabcdE/chat',
    'https://accounts.kakao.com/login/?continue=https%3A%2F%2Fmap.kakao.com',
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
        return pick(['😀', '☕️', '👨‍👩‍👧', '\u200b', '\u202e', '\ufeff', '\u3000', '\u00a0', '-', '--']);
      case 8:
        return pick(['?', '#', '&', '=', '+', '/', '\\', ' ', ':', '@', '[', ']', '"', "'", '<', '>', '`', '|', '.']);
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

  function label(): string {
    const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789-';
    let out = '';
    for (let index = 1 + int(20); index > 0; index -= 1) out += alphabet[int(alphabet.length)];
    return random() < 0.2 ? out.toUpperCase() : out;
  }

  function host(): string {
    const roll = random();
    if (roll < 0.7) return pick(EXACT_HOSTS);
    if (roll < 0.85) return `${label()}${random() < 0.2 ? `.${label()}` : ''}.tistory.com${random() < 0.1 ? '.' : ''}`;
    if (roll < 0.9) return pick(EXACT_HOSTS).toUpperCase();
    return pick(lookAlikes);
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

  function address(): string {
    if (random() < 0.15) return mutate(pick(real));
    const body = random() < 0.02 ? longText() : text(30);
    // Mostly catalogued addresses (the interesting ones), with a steady share of everything else.
    const scheme = random() < 0.85 ? pick(['https://', 'http://']) : pick(schemes);
    let out = `${scheme}${host()}${pick(PATHS)}`;
    if (random() < 0.6) out += body;
    if (random() < 0.2) out += `/${int(100_000)}`;
    const params = int(4);
    for (let index = 0; index < params; index += 1) {
      const key = pick(KEYS);
      const value = key === 'w' ? pick(TABS) : random() < 0.5 ? text(20) : body;
      out += `${index === 0 ? '?' : '&'}${key}=${value}`;
    }
    if (random() < 0.1) out += `#${text(10)}`;
    return out;
  }

  function title(): string | undefined {
    switch (int(8)) {
      case 0:
        return undefined;
      case 1:
        return '';
      case 2:
        return `${text(40)}${pick(SITE_SUFFIXES)}`;
      case 3:
        return `${pick(['https://', 'http://', ''])}${host()}${pick(PATHS)}`;
      case 4: {
        const name = SERVICES[pick(SERVICE_IDS)].name;
        return random() < 0.5 ? name.ko : name.en;
      }
      case 5:
        return random() < 0.5 ? longText() : `${'😀'.repeat(199)}${text(5)}`;
      default:
        return text(60);
    }
  }

  function coordinate(): number {
    return pick([Number.NaN, Infinity, -Infinity, 1e308, -1e308, 0, -0, 91, -181, 37.3947, 127.1112, Number.MAX_SAFE_INTEGER, 5e-324, random() * 400 - 200]);
  }

  function place(): Place | undefined {
    switch (int(7)) {
      case 0:
        return undefined;
      case 1:
        return {};
      case 2:
        return { name: text(40) };
      case 3:
        return { coords: { lat: coordinate(), lng: coordinate() } };
      case 4:
        return {
          name: pick(['<script>alert(1)</script>', 'javascript:alert(1)', '\u202egnp.exe', '"><img src=x>', '\uD800', '%00', 'a/../../b', '가'.repeat(5000), '']),
          coords: { lat: coordinate(), lng: coordinate() },
        };
      case 5:
        // What a corrupt cache might hand over despite the type.
        return pick([{ name: 42 }, { coords: null }, { coords: { lat: '37', lng: '127' } }, { name: null, coords: {} }, { name: ['x'] }] as unknown as Place[]);
      default:
        return { name: text(20), coords: { lat: random() * 180 - 90, lng: random() * 360 - 180 } };
    }
  }

  function options(): TranslateOptions {
    const out: { -readonly [K in keyof TranslateOptions]: TranslateOptions[K] } = {};
    const platform = int(3);
    if (platform < 2) out.platform = platform === 0 ? 'desktop' : 'mobile';
    if (random() < 0.7) out.title = title();
    if (random() < 0.5) {
      const found = place();
      out.lookupPlace =
        random() < 0.05
          ? () => {
              throw new Error('storage gone');
            }
          : () => found;
    }
    if (random() < 0.15) {
      const ids = [...Object.keys(ALTERNATIVES), '__proto__', 'constructor', 'evil', ''];
      out.order = Array.from({ length: int(6) }, () => pick(ids));
    }
    return out;
  }

  return { address, options, place, int, random };
}

/** Throws (with the inputs) unless a translation keeps every promise translate() makes. */
function check(address: string, options: TranslateOptions, result: Translation | undefined): void {
  const fail = (why: string) => {
    throw new Error(`${why} for ${JSON.stringify(address)} with ${JSON.stringify({ ...options, lookupPlace: options.lookupPlace ? 'fn' : undefined })}: ${JSON.stringify(result)}`);
  };
  // Total over exactly the catalogued addresses.
  if ((result === undefined) !== (serviceForUrl(address) === undefined)) fail('translate and serviceForUrl disagree');
  if (!result) return;
  const catalogued = SERVICES[result.service].alternatives as readonly string[];
  const seen = new Set<string>();
  for (const link of result.links) {
    if (!catalogued.includes(link.alternative)) fail(`link to ${link.alternative}, not an alternative of ${result.service}`);
    if (options.order && !options.order.includes(link.alternative)) fail(`link to ${link.alternative}, not in the order`);
    if (seen.has(link.alternative)) fail(`${link.alternative} twice`);
    seen.add(link.alternative);
    if (!isAllowedLink(link.url)) fail(`disallowed link ${JSON.stringify(link.url)}`);
    if (!CARRIES.has(link.carries)) fail(`unknown carries ${String(link.carries)}`);
    if (link.via === 'web') {
      if (!link.url.startsWith('https://')) fail(`non-https web link ${link.url}`);
    } else if (link.via === 'app') {
      if (options.platform !== 'mobile') fail(`app link ${link.url} off mobile`);
    } else {
      fail(`unknown via ${String(link.via)}`);
    }
    if (link.carries === 'home' && (link.url !== ALTERNATIVES[link.alternative].home || link.via !== 'web')) fail(`home link that is not the home page`);
  }
  // Every alternative has a home page, so none is ever left out.
  const expected = options.order ? new Set(options.order.filter((id) => catalogued.includes(id))).size : catalogued.length;
  if (result.links.length !== expected) fail(`expected ${expected} links`);
  if (result.intent.kind === 'search') {
    const { query } = result.intent;
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what a clean query must not hold
    if (query === '' || query !== query.trim() || Array.from(query).length > 200 || LONE_SURROGATE.test(query) || /[\u0000-\u001f\u007f-\u009f]/.test(query)) {
      fail(`unclean query ${JSON.stringify(query)}`);
    }
  }
}

describe('translate fuzz', () => {
  it(`never throws and keeps every link promise over ${ITERATIONS} generated addresses`, () => {
    const generator = makeGenerator(0x5eed_d70e);
    let translated = 0;
    let searches = 0;
    let titled = 0;
    const services = new Set<ServiceId>();
    for (let iteration = 0; iteration < ITERATIONS; iteration += 1) {
      const address = generator.address();
      const options = generator.options();
      let result: Translation | undefined;
      try {
        result = translate(address, options);
      } catch (error) {
        throw new Error(`translate threw on iteration ${iteration} for ${JSON.stringify(address)}: ${String(error)}`);
      }
      check(address, options, result);
      if (!result) continue;
      translated += 1;
      services.add(result.service);
      if (result.intent.kind === 'search') {
        searches += 1;
        if (options.title && !/[?&](q|query|keyword|word)=|\/search\/|\/content\//.test(address)) titled += 1;
      }
    }
    // The generator must actually reach the interesting paths, or the fuzz proves little.
    expect(translated).toBeGreaterThan(ITERATIONS / 2);
    expect(translated).toBeLessThan(ITERATIONS);
    expect(searches).toBeGreaterThan(ITERATIONS / 5);
    expect(titled).toBeGreaterThan(ITERATIONS / 50);
    expect([...services].sort()).toEqual([...SERVICE_IDS].sort());
  }, 20_000);

  describe('with KakaoMap place ids resolved from a hostile cache', () => {
    const original = PARSERS.kakaomap;
    afterEach(() => {
      PARSERS.kakaomap = original;
    });

    it('never throws and keeps every link promise for places', () => {
      const generator = makeGenerator(0x91ace);
      // Whatever the map parsers do today, make a share of KakaoMap addresses name a place id, so the
      // place builders meet NaN, infinite and out-of-range coordinates and hostile names.
      PARSERS.kakaomap = (url) => (generator.random() < 0.7 ? { kind: 'placeId', id: String(1 + generator.int(1e9)) } : original(url));
      let places = 0;
      for (let iteration = 0; iteration < 20_000; iteration += 1) {
        const found = generator.place();
        const base = generator.options();
        const options: TranslateOptions = { ...base, lookupPlace: () => found };
        const address = `https://${['map.kakao.com', 'place.map.kakao.com', 'm.map.kakao.com'][generator.int(3)]}/${generator.int(1e9)}`;
        let result: Translation | undefined;
        try {
          result = translate(address, options);
        } catch (error) {
          throw new Error(`translate threw for ${JSON.stringify(address)} with place ${JSON.stringify(found)}: ${String(error)}`);
        }
        check(address, options, result);
        if (result?.intent.kind === 'place') places += 1;
      }
      expect(places).toBeGreaterThan(5_000);
    });
  });

  it('is deterministic for a seed', () => {
    const a = makeGenerator(7);
    const b = makeGenerator(7);
    const c = makeGenerator(8);
    const fromA = Array.from({ length: 50 }, () => [a.address(), JSON.stringify(a.options())]);
    expect(Array.from({ length: 50 }, () => [b.address(), JSON.stringify(b.options())])).toEqual(fromA);
    expect(Array.from({ length: 50 }, () => [c.address(), JSON.stringify(c.options())])).not.toEqual(fromA);
  });
});
