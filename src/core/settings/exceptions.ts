/**
 * Permanent exceptions: addresses where Detour never steps in (no fallback page, no redirect, no
 * banner). A pattern is a host ("map.kakao.com"), a host and everything under it ("*.daum.net", which
 * also matches daum.net itself), optionally with a path prefix ("cafe.daum.net/mycafe"). A scheme
 * typed in front ("https://") is accepted and ignored. Nothing else: no ports, no other wildcards.
 */

export interface ExceptionPattern {
  readonly host: string;
  /** "*.": the host and all its subdomains. */
  readonly subdomains: boolean;
  /** '' or a path prefix starting with "/". */
  readonly path: string;
}

/** Generous for a hand-kept list; bounded so a settings file cannot bloat every request's check. */
export const MAX_EXCEPTIONS = 100;
export const MAX_PATTERN_LENGTH = 300;

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

export function parseExceptionPattern(text: string): ExceptionPattern | undefined {
  let rest = text.trim().toLowerCase();
  if (rest === '' || rest.length > MAX_PATTERN_LENGTH || /\s/.test(rest)) return undefined;
  rest = rest.replace(/^https?:\/\//, '');
  const slash = rest.indexOf('/');
  const hostPart = slash === -1 ? rest : rest.slice(0, slash);
  let path = slash === -1 ? '' : rest.slice(slash);
  if (path === '/') path = '';
  if (path.includes('*') || path.includes('?') || path.includes('#')) return undefined;
  const subdomains = hostPart.startsWith('*.');
  const host = subdomains ? hostPart.slice(2) : hostPart;
  const labels = host.split('.');
  if (labels.length < 2 || !labels.every((label) => LABEL.test(label))) return undefined;
  return { host, subdomains, path };
}

export function isValidExceptionPattern(text: string): boolean {
  return parseExceptionPattern(text) !== undefined;
}

function matches(pattern: ExceptionPattern, url: URL): boolean {
  const host = url.hostname.toLowerCase().replace(/\.$/, '');
  const hostOk = host === pattern.host || (pattern.subdomains && host.endsWith(`.${pattern.host}`));
  if (!hostOk) return false;
  if (pattern.path === '') return true;
  const path = url.pathname.toLowerCase();
  // A path prefix ends at a segment boundary: "/mycafe" matches "/mycafe" and "/mycafe/1", not "/mycafe2".
  return path === pattern.path || path.startsWith(pattern.path.endsWith('/') ? pattern.path : `${pattern.path}/`);
}

/**
 * Whether Detour must leave this address alone. The background calls it before it steps in on a
 * failed main-frame load (fallback page or redirect) and before it shows a banner.
 */
export function isException(url: string, patterns: readonly string[]): boolean {
  if (patterns.length === 0) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return false;
  return patterns.some((text) => {
    const pattern = parseExceptionPattern(text);
    return pattern !== undefined && matches(pattern, parsed);
  });
}

/**
 * The same match as isException, as a regular expression over a whole address (RE2 syntax, as
 * declarativeNetRequest's regexFilter takes it; to be matched case-insensitively): the scheme, the
 * host (a trailing dot allowed), any port, then the path prefix ending at a segment boundary.
 */
export function exceptionRegex(pattern: ExceptionPattern): string {
  const host = escapeRegex(pattern.host);
  const hostPart = pattern.subdomains ? `([^/?#@:]+\\.)*${host}` : host;
  const pathPart = pattern.path === '' ? '/' : pattern.path.endsWith('/') ? escapeRegex(pattern.path) : `${escapeRegex(pattern.path)}([/?#]|$)`;
  return `^https?://${hostPart}\\.?(:[0-9]+)?${pathPart}`;
}

/** The text matched literally inside a regular expression (RE2 and JavaScript alike). */
export function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The user's text, one pattern a line: the patterns to keep, and the lines that are not patterns. */
export function readExceptionLines(text: string): { readonly patterns: string[]; readonly invalid: string[] } {
  const lines = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
  const patterns: string[] = [];
  const invalid: string[] = [];
  for (const line of lines) {
    if (!isValidExceptionPattern(line)) invalid.push(line);
    else if (!patterns.includes(line)) patterns.push(line);
  }
  return { patterns: patterns.slice(0, MAX_EXCEPTIONS), invalid };
}
