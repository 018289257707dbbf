/**
 * Whatever Detour shows or carries (place names, titles, search text, link labels, addresses) comes
 * from outside: a page, a link a stranger made. These helpers make such text safe to read: no control
 * characters, nothing that reorders what follows it (a right-to-left override turns "moc.oaka" into
 * "akao.com"), nothing invisible that passes for a real character (Hangul fillers look like a blank
 * but are letters), and a bounded size. Text only: nothing here makes anything safe to use as HTML.
 */

/** Bidi embeddings, overrides and isolates, the Arabic letter mark, LRM/RLM. */
const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;
/** Zero-width characters that show as nothing (ZWJ/ZWNJ are kept: emoji and scripts need them). */
const ZERO_WIDTH = /[\u200B\u2060\uFEFF]/;
/** Hangul fillers: letters that render as blank space, used to fake empty or look-alike names. */
const FILLERS = /[\u115F\u1160\u3164\uFFA0]/;

/** True for a character Detour never shows or carries: controls, bidi, zero-width, fillers, lone surrogates. */
export function isUnsafeChar(ch: string): boolean {
  const code = ch.codePointAt(0) ?? 0;
  if (code < 0x20 || (code >= 0x7f && code < 0xa0)) return true;
  if (code >= 0xd800 && code <= 0xdfff) return true;
  return BIDI.test(ch) || ZERO_WIDTH.test(ch) || FILLERS.test(ch);
}

/** Cuts to at most `max` code points, never inside a surrogate pair; adds "…" when it cut. */
export function truncate(text: string, max: number): string {
  const points = Array.from(text);
  if (points.length <= max) return text;
  return `${points.slice(0, Math.max(0, max - 1)).join('').trimEnd()}…`;
}

/**
 * Text fit to show: unsafe characters become spaces, runs of white space one space, trimmed, at most
 * `max` code points.
 */
export function cleanText(text: unknown, max: number): string {
  if (typeof text !== 'string') return '';
  let out = '';
  for (const ch of text) out += isUnsafeChar(ch) ? ' ' : ch;
  return truncate(out.replace(/\s+/g, ' ').trim(), max);
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
