/** Text helpers shared by the translators. Every function is total: any string in, a string out. */

const MAX_QUERY_LENGTH = 200;
const PERCENT_ESCAPE = /%[0-9a-fA-F]{2}/;

/**
 * Decodes percent-encoding, twice at most: links pasted through chat apps and redirectors often arrive
 * double-encoded ("%25ED%258C..."). Malformed escapes are kept as they are rather than thrown on.
 */
export function decodeLoosely(text: string): string {
  let current = text;
  for (let round = 0; round < 2 && PERCENT_ESCAPE.test(current); round += 1) {
    try {
      const next = decodeURIComponent(current);
      if (next === current) break;
      current = next;
    } catch {
      break;
    }
  }
  return current;
}

/** A search text fit to carry over: no control characters, single spaces, bounded length. */
export function cleanQuery(text: string): string {
  // eslint-style character classes would flag the control range; a code-point filter says it plainly.
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    out += code < 0x20 || (code >= 0x7f && code < 0xa0) ? ' ' : ch;
  }
  out = out.replace(/\s+/g, ' ').trim();
  // Cut by code points so a Hangul syllable or emoji is never split in half.
  const points = Array.from(out);
  return points.length > MAX_QUERY_LENGTH ? points.slice(0, MAX_QUERY_LENGTH).join('').trim() : out;
}
