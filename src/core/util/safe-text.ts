/**
 * Whatever Detour shows or carries (place names, titles, search text, link labels, addresses) comes
 * from outside: a page, a link a stranger made. These helpers make such text safe to read: no control
 * characters, nothing that reorders what follows it (a right-to-left override turns "moc.oaka" into
 * "akao.com"), nothing invisible that passes for a real character (Hangul fillers look like a blank
 * but are letters), and a bounded size. Text only: nothing here makes anything safe to use as HTML.
 */

/**
 * The one list of characters Detour never shows or carries as they are (it runs on every translated
 * address): C0 and C1 controls; bidi embeddings, overrides and isolates, the Arabic letter mark,
 * LRM/RLM; zero-width characters that show as nothing; Hangul fillers, letters that render as blank
 * space and fake empty or look-alike names. Text drops them (UNSAFE_CHARS); an address shows them
 * escaped (UNSAFE_IN_ADDRESS, display.ts).
 */
const UNSAFE_CLASS = '\\u0000-\\u001F\\u007F-\\u009F\\u061C\\u115F\\u1160\\u200B\\u200E\\u200F\\u202A-\\u202E\\u2060\\u2066-\\u2069\\u3164\\uFEFF\\uFFA0';
/**
 * ZWNJ and ZWJ: invisible too, but emoji sequences and scripts need them, so text keeps them; an
 * address has no need of them and shows them escaped.
 */
const JOINERS = '\\u200C\\u200D';
/** Lone surrogates (encodeURIComponent throws on them). */
const LONE_SURROGATE = '[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])|(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]';

/** Everything text never carries, one regular expression: the list above and lone surrogates, joiners kept. */
export const UNSAFE_CHARS = new RegExp(`[${UNSAFE_CLASS}]|${LONE_SURROGATE}`, 'g');

/** Everything an address never shows as it is: the same, joiners too. */
export const UNSAFE_IN_ADDRESS = new RegExp(`[${UNSAFE_CLASS}${JOINERS}]|${LONE_SURROGATE}`, 'g');

/** The text with every unsafe character replaced by a space. */
export function withoutUnsafeChars(text: string): string {
  return text.replace(UNSAFE_CHARS, ' ');
}

/** Cuts to at most `max` code points, never inside a surrogate pair; adds "…" when it cut. */
export function truncate(text: string, max: number): string {
  const points = Array.from(text);
  if (points.length <= max) return text;
  return `${points
    .slice(0, Math.max(0, max - 1))
    .join('')
    .trimEnd()}…`;
}

/**
 * Text fit to show: unsafe characters become spaces, runs of white space one space, trimmed, at most
 * `max` code points.
 */
export function cleanText(text: unknown, max: number): string {
  if (typeof text !== 'string') return '';
  return truncate(withoutUnsafeChars(text).replace(/\s+/g, ' ').trim(), max);
}

/** The longest address Detour stores (failure log, health evidence): far above any real Kakao link's useful part. */
export const MAX_STORED_URL_LENGTH = 2048;

/**
 * An address bounded for storage. What is kept is the address's own start (scheme, host, path and the
 * first of its query), so it still names the same service; the rest is dropped, not summarised.
 */
export function boundedUrl(url: unknown, max: number = MAX_STORED_URL_LENGTH): string {
  if (typeof url !== 'string') return '';
  return url.length <= max ? url : url.slice(0, max);
}

/** An address shortened for display: its start and its end, with "…" between, at most `max` characters. */
export function shortenForDisplay(text: string, max: number): string {
  const points = Array.from(text);
  if (points.length <= max) return text;
  const head = Math.ceil((max - 1) * 0.7);
  const tail = max - 1 - head;
  return `${points.slice(0, head).join('')}…${tail > 0 ? points.slice(-tail).join('') : ''}`;
}
