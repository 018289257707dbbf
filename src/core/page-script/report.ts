import { onKakaoDomain } from '../catalog/kakao-domains.ts';

/**
 * What the page script in a Kakao page decides on its own, so that a healthy page on a healthy day
 * costs the background nothing: it speaks only when there is something to say.
 */

/** The hosts named in the stored page status (anything malformed names none). */
export function hostsNotUp(stored: unknown): readonly string[] {
  if (!Array.isArray(stored)) return [];
  return stored.filter((host): host is string => typeof host === 'string' && /^(\*\.)?[a-z0-9.-]{1,100}$/.test(host)).slice(0, 200);
}

/** Whether `hostname` is one of those hosts. */
export function hostListed(hostname: string, hosts: readonly string[]): boolean {
  return hosts.some((listed) => (listed.startsWith('*.') ? hostname.endsWith(listed.slice(1)) : hostname === listed));
}

export interface PageSituation {
  /** The page's own service is listed as not up. */
  readonly serviceNotUp: boolean;
  /** The page's text reads like Kakao's maintenance or error page. */
  readonly looksLikeErrorPage: boolean;
  /** A place page, whose name and coordinates the place cache may keep. */
  readonly placePage: boolean;
}

/** Whether the page script tells the background about this page at all. */
export function shouldReportPage(situation: PageSituation): boolean {
  return situation.serviceNotUp || situation.looksLikeErrorPage || situation.placePage;
}

/**
 * A request a Kakao page's own script counts: to Kakao's own domains (its pages, APIs, CDNs and tiles;
 * catalog/kakao-domains.ts), and only https on the default port speaks for Kakao's servers.
 */
export function isKakaoRequest(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' && parsed.port === '' && onKakaoDomain(parsed.hostname);
  } catch {
    return false;
  }
}

/** One finished request, as Resource Timing reports it. */
export interface TimedRequest {
  readonly url: string;
  /** HTTP status; 0 where the browser does not tell (opaque cross-origin answers, older browsers). */
  readonly status: number;
  /** When it ended, ms (any clock, the same for all). */
  readonly at: number;
}

/** The window the background's failure rate looks at. */
export const REQUEST_WINDOW_MS = 60_000;
/** The most failed addresses one report carries. */
export const MAX_REPORTED_FAILURES = 20;

export interface RequestCounts {
  /** Requests to Kakao that answered below 500 (or without a visible status) in the window. */
  readonly ok: number;
  /** Those answered with a 5xx, their addresses (at most MAX_REPORTED_FAILURES). */
  readonly failed: readonly string[];
}

/**
 * Counts the page's requests to Kakao in the last window. `failedElsewhere`: addresses the browser
 * reported failing (a withheld or refused answer may still leave a timing entry, without a status): not
 * counted as answered.
 */
export function countRequests(requests: readonly TimedRequest[], now: number, failedElsewhere: ReadonlySet<string> = new Set()): RequestCounts {
  let ok = 0;
  const failed: string[] = [];
  for (const request of requests) {
    if (now - request.at > REQUEST_WINDOW_MS || !isKakaoRequest(request.url)) continue;
    if (request.status < 500 && failedElsewhere.has(request.url)) continue;
    if (request.status >= 500) {
      if (failed.length < MAX_REPORTED_FAILURES) failed.push(request.url);
    } else ok += 1;
  }
  return { ok, failed };
}

/** The background's question to a page: the addresses it saw fail (bounded). */
export function parseFailedElsewhere(value: unknown): ReadonlySet<string> {
  if (!Array.isArray(value)) return new Set();
  return new Set(value.filter((url): url is string => typeof url === 'string' && url.length <= 2048).slice(0, 200));
}

/** A report from a page, checked: counts bounded, only failures at Kakao's own https addresses. */
export function parseRequestCounts(value: unknown): RequestCounts | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { ok, failed } = value as Record<string, unknown>;
  if (typeof ok !== 'number' || !Number.isInteger(ok) || ok < 0 || !Array.isArray(failed)) return undefined;
  return {
    ok: Math.min(ok, 10_000),
    failed: failed.filter((url): url is string => typeof url === 'string' && url.length <= 2048 && isKakaoRequest(url)).slice(0, MAX_REPORTED_FAILURES),
  };
}
