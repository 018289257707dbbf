/** Text helpers shared by the translators. Every function is total: any string in, a string out. */
import { withoutUnsafeChars } from '../util/safe-text.ts';

const MAX_QUERY_LENGTH = 200;
const ESCAPE_RUN = /(?:%[0-9a-fA-F]{2})+/g;

/** Bytes a UTF-8 sequence starting with this lead byte takes, or 0 for a byte that cannot lead one. */
function sequenceLength(lead: number): number {
  if (lead < 0x80) return 1;
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

/** Decodes one run of "%XX" escapes, keeping any escape that is not part of a valid UTF-8 sequence. */
function decodeRun(run: string): string {
  try {
    return decodeURIComponent(run);
  } catch {
    // Fall through: decode the well-formed sequences one by one.
  }
  const count = run.length / 3;
  let out = '';
  let index = 0;
  while (index < count) {
    const length = sequenceLength(parseInt(run.slice(index * 3 + 1, index * 3 + 3), 16));
    if (length > 0 && index + length <= count) {
      try {
        out += decodeURIComponent(run.slice(index * 3, (index + length) * 3));
        index += length;
        continue;
      } catch {
        // Overlong, surrogate or truncated sequence: keep its first escape as text below.
      }
    }
    out += run.slice(index * 3, index * 3 + 3);
    index += 1;
  }
  return out;
}

/**
 * Decodes percent-encoding, twice at most: links pasted through chat apps and redirectors often arrive
 * double-encoded ("%25ED%258C...") or cut short mid-escape. Malformed escapes (a stray "%", a truncated
 * or invalid UTF-8 sequence) are kept as they are, and the well-formed ones around them still decoded.
 */
export function decodeLoosely(text: string): string {
  let current = text;
  for (let round = 0; round < 2; round += 1) {
    const next = current.replace(ESCAPE_RUN, decodeRun);
    if (next === current) break;
    current = next;
  }
  return current;
}

/**
 * A search text fit to carry over: no control, bidi, zero-width or Hangul filler characters
 * (src/core/util/safe-text.ts), single spaces, bounded length.
 */
export function cleanQuery(text: string): string {
  // A lone surrogate (possible in a page title) would make encodeURIComponent throw in every builder;
  // it goes with the rest.
  let out = withoutUnsafeChars(text);
  out = out.replace(/\s+/g, ' ').trim();
  // Cut by code points so a Hangul syllable or emoji is never split in half.
  const points = Array.from(out);
  return points.length > MAX_QUERY_LENGTH ? points.slice(0, MAX_QUERY_LENGTH).join('').trim() : out;
}

/**
 * Top-level domains common enough in Korean pages' words to be worth recognising (and the reserved
 * `.example` family of RFC 2606). A closed list, not "any two letters": "Node.js" and "Vue.js" are what
 * a post is about, not where to go.
 */
const TLDS =
  'com|net|org|kr|co|io|me|info|biz|xyz|site|online|shop|store|app|dev|ai|gg|tv|us|uk|jp|cn|to|ly|be|link|click|top|club|page|blog|kim|live|world|today|news|one|pro|asia|so|in|eu|de|fr|ru|cc|ws|la|moe|example|test|invalid|localhost|xn--[a-z0-9-]+|한국';
const ADDRESS = new RegExp(String.raw`(?:[a-z][a-z0-9+.-]*:\/\/\S*|[^\s@]+@[^\s@]+|www\.\S+|(?:[\p{L}\p{N}_-]+\.)+(?:${TLDS})(?![\p{L}\p{N}_-])(?::\d+)?(?:\/\S*)?)`, 'giu');
/** What is looked at: words past it would be cut from the search anyway (cleanQuery). */
const MAX_PAGE_WORDS = 400;

/**
 * Words read from a page (its title, a post's or work's slug) as a search to carry over, without the
 * addresses, domains and e-mail addresses in them: whoever wrote the page chose those words, and
 * Detour carries them as the user's search, never as a place to go (`… 자세한 내용은 x.example 에서`).
 */
export function pageWords(text: string): string {
  return cleanQuery(Array.from(withoutUnsafeChars(text)).slice(0, MAX_PAGE_WORDS).join('').replace(ADDRESS, ' '));
}
