import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SERVICES, type ServiceId } from '../../src/core/catalog/index.ts';
import { isInKorea } from '../../src/core/translate/geo/wcongnamul.ts';
import { isAllowedLink, placeIdIn, translate, type Intent, type Place, type Platform, type TravelMode } from '../../src/core/translate/index.ts';

/*
 * Detour's translation measured on addresses other people wrote: the corpus in
 * test/fixtures/real-addresses.tsv (its header says where each comes from and how the expected intent
 * is written). Every address is graded against what a reader can tell it is for:
 *   carried  Detour reads everything readable (text, name, coordinates, start, mode); how much of it
 *            each alternative can take is the builders' business (src/core/translate/build)
 *   partly   the destination or place is carried, something else readable is not
 *   opaque   nothing readable without a server (a short link, an id): the place cache or the title
 *   lost     something readable, nothing carried
 *   wrong    something carried that the address does not say (must never happen)
 */

const MODES: ReadonlySet<string> = new Set(['car', 'transit', 'walk', 'bike', 'taxi']);
const README = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

type Expected =
  | { readonly kind: 'search'; readonly query: string }
  | { readonly kind: 'place'; readonly place: ExpectedPlace }
  | { readonly kind: 'route'; readonly from?: ExpectedPlace; readonly to: ExpectedPlace; readonly mode?: TravelMode }
  | { readonly kind: 'id'; readonly id: string }
  | { readonly kind: 'opaque' };

/** A place as the corpus writes it: "NAME@LAT,LNG", "NAME", "@LAT,LNG" or "@~" (somewhere in Korea). */
interface ExpectedPlace {
  readonly name?: string;
  readonly coords?: { readonly lat: number; readonly lng: number } | 'korea';
}

interface Row {
  readonly source: string;
  readonly url: string;
  readonly expected: Expected;
}

function expectedPlace(text: string): ExpectedPlace {
  const at = text.lastIndexOf('@');
  const name = at < 0 ? text : text.slice(0, at);
  const where = at < 0 ? '' : text.slice(at + 1);
  const place: { name?: string; coords?: ExpectedPlace['coords'] } = {};
  if (name) place.name = name;
  if (where === '~') place.coords = 'korea';
  else if (where) {
    const [lat, lng] = where.split(',').map(Number);
    if (!Number.isFinite(lat) || !Number.isFinite(lng)) throw new Error(`bad coordinates in ${text}`);
    place.coords = { lat: lat!, lng: lng! };
  }
  return place;
}

function parseExpected(text: string): Expected {
  if (text === 'opaque') return { kind: 'opaque' };
  const [kind, ...rest] = text.split(':');
  const body = rest.join(':');
  switch (kind) {
    case 's':
      return { kind: 'search', query: body };
    case 'p':
      return { kind: 'place', place: expectedPlace(body) };
    case 'id':
      return { kind: 'id', id: body };
    case 'r': {
      const hash = body.lastIndexOf('#');
      const mode = hash >= 0 && MODES.has(body.slice(hash + 1)) ? (body.slice(hash + 1) as TravelMode) : undefined;
      const points = mode ? body.slice(0, hash) : body;
      const arrow = points.indexOf('>');
      if (arrow < 0) throw new Error(`route without ">": ${text}`);
      const from = points.slice(0, arrow);
      return { kind: 'route', to: expectedPlace(points.slice(arrow + 1)), ...(from ? { from: expectedPlace(from) } : {}), ...(mode ? { mode } : {}) };
    }
    default:
      throw new Error(`unknown expectation ${text}`);
  }
}

const ROWS: readonly Row[] = readFileSync(new URL('../fixtures/real-addresses.tsv', import.meta.url), 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '' && !line.startsWith('#'))
  .map((line) => {
    const [source, url, expected, ...extra] = line.split('\t');
    if (!source || !url || !expected || extra.length > 0) throw new Error(`malformed corpus line: ${line}`);
    return { source, url, expected: parseExpected(expected) };
  });

type Grade = 'carried' | 'partly' | 'opaque' | 'lost' | 'wrong';

/** 'match' when the place says what was expected, 'missing' when it lacks a part, 'wrong' when it contradicts it. */
function comparePlace(actual: Place | undefined, expected: ExpectedPlace): 'match' | 'missing' | 'wrong' {
  if (!actual) return 'missing';
  let missing = false;
  if (expected.name !== undefined) {
    if (actual.name === undefined) missing = true;
    else if (actual.name !== expected.name) return 'wrong';
  }
  if (expected.coords !== undefined) {
    if (!actual.coords) missing = true;
    else if (expected.coords === 'korea') {
      if (!isInKorea(actual.coords)) return 'wrong';
    } else if (Math.abs(actual.coords.lat - expected.coords.lat) > 1e-6 || Math.abs(actual.coords.lng - expected.coords.lng) > 1e-6) return 'wrong';
  }
  // Coordinates the address did not give are invented: wrong. (A name it did not give may be the cache's.)
  if (expected.coords === undefined && actual.coords) return 'wrong';
  return missing ? 'missing' : 'match';
}

function grade(intent: Intent, expected: Expected, url: string): Grade {
  switch (expected.kind) {
    case 'opaque':
      return intent.kind === 'none' ? 'opaque' : 'wrong';
    case 'id':
      return placeIdIn(url) === expected.id && intent.kind === 'none' ? 'opaque' : 'wrong';
    case 'search':
      if (intent.kind === 'none') return 'lost';
      return intent.kind === 'search' && intent.query === expected.query ? 'carried' : 'wrong';
    case 'place': {
      if (intent.kind === 'none') return 'lost';
      if (intent.kind !== 'place') return 'wrong';
      const result = comparePlace(intent.place, expected.place);
      return result === 'match' ? 'carried' : result === 'missing' ? 'partly' : 'wrong';
    }
    case 'route': {
      if (intent.kind === 'none') return 'lost';
      if (intent.kind === 'place' || intent.kind === 'search') {
        // Only the destination survived, as a place or a search for its name.
        const place = intent.kind === 'place' ? intent.place : { name: intent.query };
        return comparePlace(place, expected.to) === 'wrong' ? 'wrong' : 'partly';
      }
      if (intent.kind !== 'route') return 'wrong';
      const to = comparePlace(intent.to, expected.to);
      if (to === 'wrong') return 'wrong';
      const from = expected.from ? comparePlace(intent.from, expected.from) : intent.from ? 'wrong' : 'match';
      if (from === 'wrong') return 'wrong';
      if (expected.mode !== undefined && intent.mode !== undefined && intent.mode !== expected.mode) return 'wrong';
      const modeCarried = expected.mode === undefined || intent.mode === expected.mode;
      return to === 'match' && from === 'match' && modeCarried ? 'carried' : 'partly';
    }
  }
}

interface Graded extends Row {
  readonly service: ServiceId;
  readonly grade: Grade;
}

const GRADED: readonly Graded[] = ROWS.map((row) => {
  const translation = translate(row.url);
  if (!translation) throw new Error(`not a watched address: ${row.url}`);
  return { ...row, service: translation.service, grade: grade(translation.intent, row.expected, row.url) };
});

/** The README's figures line, per service in catalogue order. */
function figuresLine(): string {
  const parts = (Object.keys(SERVICES) as ServiceId[]).flatMap((service) => {
    const rows = GRADED.filter((row) => row.service === service);
    if (rows.length === 0) return [];
    const count = (grade: Grade) => rows.filter((row) => row.grade === grade).length;
    return [`${SERVICES[service].name.en} ${rows.length}: ${count('carried')} carried, ${count('partly')} partly, ${count('opaque')} opaque, ${count('lost')} lost`];
  });
  const readable = GRADED.filter((row) => row.grade !== 'opaque');
  const carried = readable.filter((row) => row.grade === 'carried').length;
  return `On ${GRADED.length} real addresses from public code (\`test/fixtures/real-addresses.tsv\`), ${carried} of the ${readable.length} readable intents are carried whole (${Math.floor((carried / readable.length) * 1000) / 10} %), none wrong: ${parts.join('; ')}.`;
}

describe('real addresses other people wrote', () => {
  it('is a corpus of at least 200 distinct addresses, every kind of Kakao address among them', () => {
    expect(ROWS.length).toBeGreaterThanOrEqual(200);
    expect(new Set(ROWS.map((row) => row.url)).size).toBe(ROWS.length);
    const services = new Set(GRADED.map((row) => row.service));
    for (const service of ['kakaomap', 'kakaot', 'kakaonavi', 'kakaotalk', 'kakaogift', 'daumsearch', 'daumnews', 'daumcafe', 'kakaopay', 'melon', 'kakaopage', 'kakaowebtoon', 'tistory'] as const) {
      expect(services.has(service), service).toBe(true);
    }
  });

  it.each(GRADED.map((row) => [row.url, row.source, row] as const))('%s (%s) is carried as its reader would read it', (_url, _source, row) => {
    expect(row.grade, JSON.stringify(translate(row.url)?.intent)).not.toBe('wrong');
    expect(row.grade).not.toBe('lost');
  });

  it('carries at least 97 % of the readable intents whole, and none wrongly', () => {
    const readable = GRADED.filter((row) => row.grade !== 'opaque');
    const carried = readable.filter((row) => row.grade === 'carried');
    expect(GRADED.filter((row) => row.grade === 'wrong')).toEqual([]);
    expect(carried.length / readable.length).toBeGreaterThanOrEqual(0.97);
  });

  it('reads a place id through the place cache', () => {
    for (const row of GRADED.filter((r) => r.expected.kind === 'id')) {
      const result = translate(row.url, { lookupPlace: (id) => (id === (row.expected as { id: string }).id ? { name: '기억한 장소', coords: { lat: 37.5, lng: 127 } } : undefined) });
      expect(result?.intent, row.url).toEqual({ kind: 'place', place: { name: '기억한 장소', coords: { lat: 37.5, lng: 127 } } });
      expect(result?.source).toBe('cache');
    }
  });

  it.each<Platform>(['desktop', 'mobile'])('offers alternatives for every address, each allow-listed, none that dead-ends (%s)', (platform) => {
    for (const row of ROWS) {
      for (const title of [undefined, '우리 결혼식에 초대합니다']) {
        const links = translate(row.url, { platform, ...(title ? { title } : {}) })?.links ?? [];
        expect(links.length, row.url).toBeGreaterThan(0);
        for (const link of links) {
          expect(isAllowedLink(link.url), link.url).toBe(true);
          // Google routes nothing but transit in South Korea: a driving, walking or cycling link ends at "Can't find a way there".
          if (link.url.startsWith('https://www.google.com/maps/dir/')) expect(new URL(link.url).searchParams.get('travelmode'), link.url).toBe('transit');
        }
      }
    }
  });

  it('has its figures in the README', () => {
    expect(README, `README should say:\n${figuresLine()}`).toContain(figuresLine());
  });
});
