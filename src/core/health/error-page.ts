/**
 * Recognises Kakao's own maintenance and error pages, which are served with HTTP 200 and so look
 * healthy to the network layer. The content script passes the page's visible text; this decides.
 *
 * False positives are the costly mistake: calling a healthy Daum News article or a Tistory post an
 * outage would show a banner on a working page. Hence the rules:
 *  - only the title, the main heading and the first BODY_PREFIX characters of body text are read;
 *  - a phrase counts alone only in the title or heading, and only when that line reads like a notice
 *    (short, the phrase followed by what notices say next, not a headline, a search result page or an
 *    announcement of something past or future);
 *  - in the body, two distinct phrases are needed, at separate places (so "정기 점검 중", which holds
 *    two overlapping phrases, is still one), and none at all count on a page with a news byline.
 */

export type ErrorPageKind = 'maintenance' | 'error';

export interface PageText {
  readonly title: string;
  readonly heading: string;
  readonly body: string;
}

/** How much of the body text is read: an error page says what it is at the top. */
export const BODY_PREFIX = 500;
/** A title or heading longer than this is an article or a post, not a notice. */
const MAX_NOTICE_LINE = 40;

interface Phrase {
  readonly id: string;
  readonly kind: ErrorPageKind;
  /** Where it counts in the body. Global, to find every occurrence. */
  readonly pattern: RegExp;
  /** Where it counts alone, in a title or heading: stricter where the bare phrase is common prose. */
  readonly line: RegExp;
}

/**
 * What may follow a phrase in a notice line: the end, a separator before the site's name, or the
 * words a notice goes on with. "서비스 점검 안내" is a notice; "서비스 점검 체크리스트" is a post.
 */
const NOTICE_END = String.raw`(?:$|\s?[|\-–—·:(\[]|\s?(?:안내|중|작업|진행|입니다|이에요|으로|로|가|이|을|에\s?따른|시간))`;
const noticeLine = (phrase: string) => new RegExp(phrase + NOTICE_END);

const PHRASES: readonly Phrase[] = [
  { id: 'service-maintenance', kind: 'maintenance', pattern: /서비스\s?점검/g, line: noticeLine(String.raw`서비스\s?점검`) },
  { id: 'system-maintenance', kind: 'maintenance', pattern: /시스템\s?점검/g, line: noticeLine(String.raw`시스템\s?점검`) },
  // "점검 중요성", "점검 중대 결함" are not "under maintenance".
  { id: 'under-maintenance', kind: 'maintenance', pattern: /점검\s?중(?![요대앙간])/g, line: /점검\s?중(?:입니다|이에요|이니|\s?안내|$)/ },
  { id: 'regular-maintenance', kind: 'maintenance', pattern: /정기\s?점검/g, line: /정기\s?점검\s?(?:안내|중|입니다|$)/ },
  { id: 'inconvenience', kind: 'maintenance', pattern: /서비스\s?이용에\s?불편/g, line: /서비스\s?이용에\s?불편/ },
  {
    id: 'maintenance-en',
    kind: 'maintenance',
    pattern: /\bmaintenance\b/g,
    // "Car maintenance tips" is a blog post; "Under maintenance" is a notice.
    line: /\b(?:under|scheduled|planned|system|service|server|site|emergency) maintenance\b|\bmaintenance (?:in progress|notice|mode|underway)\b|\bdown for maintenance\b|(?:^|[|\-–—·:] ?)maintenance(?: ?[|\-–—·:]|$)/,
  },
  { id: 'temporary-error', kind: 'error', pattern: /일시적인\s?오류/g, line: noticeLine(String.raw`일시적인\s?오류`) },
  { id: 'temporarily-unavailable-ko', kind: 'error', pattern: /일시적으로\s?서비스를\s?이용할\s?수\s?없/g, line: /일시적으로\s?서비스를\s?이용할\s?수\s?없/ },
  { id: 'retry-later', kind: 'error', pattern: /잠시\s?후\s?다시\s?시도/g, line: /잠시\s?후\s?다시\s?시도/ },
  { id: 'cannot-connect', kind: 'error', pattern: /서비스에\s?접속할\s?수\s?없/g, line: /서비스에\s?접속할\s?수\s?없/ },
  { id: 'temporarily-unavailable-en', kind: 'error', pattern: /\btemporarily unavailable\b/g, line: /\btemporarily unavailable\b/ },
  { id: 'error-occurred', kind: 'error', pattern: /\ban error (?:has )?occurred\b/g, line: /\ban error (?:has )?occurred\b/ },
];

/**
 * A title or heading with these is a headline or an announcement about maintenance (planned, over,
 * restored), written while the service works: not the maintenance page itself.
 */
const NOT_A_NOTICE = /예정|완료|종료|복구|공지|기자|속보|검색|\bsearch\b|…|\.\.\.|[‘’“”"]|\bscheduled for\b|\bcompleted\b|\brestored\b/;
/** A news byline: an article about an outage quotes the phrases without being the outage page. */
const NEWS = /기자|무단\s?전재|재배포\s?금지/;

function normalize(text: unknown): string {
  if (typeof text !== 'string') return '';
  return text
    .normalize('NFKC')
    .replace(/[\u200b-\u200d\u2060\ufeff]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

function lineMatches(line: string): Phrase[] {
  if (line === '' || line.length > MAX_NOTICE_LINE || NOT_A_NOTICE.test(line)) return [];
  return PHRASES.filter((phrase) => phrase.line.test(line));
}

interface Occurrence {
  readonly phrase: Phrase;
  readonly start: number;
  readonly end: number;
}

function occurrences(text: string): Occurrence[] {
  const found: Occurrence[] = [];
  for (const phrase of PHRASES) {
    for (const match of text.matchAll(phrase.pattern)) {
      found.push({ phrase, start: match.index, end: match.index + match[0].length });
    }
  }
  return found;
}

/** The phrases of the body, if at least two distinct ones stand apart; none otherwise. */
function bodyMatches(body: string): Phrase[] {
  if (NEWS.test(body)) return [];
  const found = occurrences(body);
  const apart = found.some((a) => found.some((b) => a.phrase.id !== b.phrase.id && (a.end <= b.start || b.end <= a.start)));
  return apart ? found.map((occurrence) => occurrence.phrase) : [];
}

/**
 * Maintenance wins over error: a maintenance page often also says the service is unavailable. "서비스
 * 이용에 불편" is said on both kinds, so it only decides when nothing else does.
 */
function kindOf(matched: readonly Phrase[]): ErrorPageKind {
  if (matched.some((phrase) => phrase.kind === 'maintenance' && phrase.id !== 'inconvenience')) return 'maintenance';
  if (matched.some((phrase) => phrase.kind === 'error')) return 'error';
  return 'maintenance';
}

export function classifyErrorPage(text: PageText): ErrorPageKind | null {
  if (typeof text !== 'object' || text === null) return null;
  const title = normalize(text.title);
  const heading = normalize(text.heading);
  const body = normalize(text.body).slice(0, BODY_PREFIX);
  const fromLines = [...lineMatches(title), ...lineMatches(heading)];
  const fromBody = bodyMatches(body);
  if (fromLines.length === 0 && fromBody.length === 0) return null;
  // Once the page is known to be one, the body helps tell which kind (unless it reads as news).
  const inBody = NEWS.test(body) ? [] : occurrences(body).map((occurrence) => occurrence.phrase);
  return kindOf([...fromLines, ...fromBody, ...inBody]);
}
