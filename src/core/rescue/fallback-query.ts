import { isAlternativeId, serviceForUrl, type AlternativeId, type ServiceId } from '../catalog/index.ts';
import { decodeCause, encodeCause, type FailureCause } from '../health/cause.ts';

/** Where the fallback page lives inside the extension (crxjs keeps source paths). */
export const FALLBACK_PAGE_PATH = 'src/ui/fallback/index.html';

/**
 * Far above any real Kakao address (a long route or search with its tracking parameters runs to tens
 * of kilobytes), low enough that a hostile one cannot bloat the page. The page shows such an address
 * shortened (display.ts); its links still carry the intent read from all of it.
 */
export const MAX_URL_LENGTH = 131_072;

export interface FallbackRequest {
  readonly service: ServiceId;
  readonly url: string;
  readonly cause: FailureCause;
  /** The tab's title when the load failed, a search text of last resort. */
  readonly title?: string;
  /** Shown at once because the service was already confirmed down: nothing was tried. */
  readonly knownDown?: boolean;
  /** Redirect mode was on but did not move the user: why. */
  readonly redirectSkipped?: 'too-soon' | 'no-alternative';
  /**
   * The user's alternatives in their order, as the background read them, so that the page can paint
   * its links in its first task, before its own read of the settings (which then confirms the order).
   */
  readonly order?: readonly AlternativeId[];
  /** The language the user reads Detour in; the page paints at once only when its strings are at hand. */
  readonly lang?: 'ko' | 'en';
}

const MAX_TITLE_LENGTH = 300;

export function fallbackQuery(request: FallbackRequest): string {
  const params: Record<string, string> = { service: request.service, cause: encodeCause(request.cause), url: request.url };
  if (request.title) params.title = request.title.slice(0, MAX_TITLE_LENGTH);
  if (request.knownDown) params.known = '1';
  if (request.redirectSkipped) params.skip = request.redirectSkipped;
  if (request.order) params.order = request.order.join(',');
  if (request.lang) params.lang = request.lang;
  return `?${new URLSearchParams(params).toString()}`;
}

export type FallbackParseError = 'missing-url' | 'not-catalogued' | 'service-mismatch' | 'bad-cause';

/**
 * Reads the fallback page's own query. It accepts only addresses of catalogued services, so the page
 * can never be turned into an open redirect to an arbitrary site.
 */
export function parseFallbackQuery(search: string): { ok: true; request: FallbackRequest } | { ok: false; error: FallbackParseError } {
  const params = new URLSearchParams(search);
  const url = params.get('url');
  if (!url || url.length > MAX_URL_LENGTH) return { ok: false, error: 'missing-url' };
  const service = serviceForUrl(url);
  if (!service) return { ok: false, error: 'not-catalogued' };
  if (params.get('service') !== service) return { ok: false, error: 'service-mismatch' };
  const cause = decodeCause(params.get('cause'));
  if (!cause) return { ok: false, error: 'bad-cause' };
  const title = params.get('title')?.slice(0, MAX_TITLE_LENGTH);
  const skip = params.get('skip');
  const order = params.get('order');
  const lang = params.get('lang');
  return {
    ok: true,
    request: {
      service,
      url,
      cause,
      ...(title ? { title } : {}),
      ...(params.get('known') === '1' ? { knownDown: true } : {}),
      ...(skip === 'too-soon' || skip === 'no-alternative' ? { redirectSkipped: skip } : {}),
      // Only known alternatives, each once: the order can rank the page's links, never add one.
      ...(order !== null ? { order: [...new Set(order.split(','))].filter(isAlternativeId) } : {}),
      ...(lang === 'ko' || lang === 'en' ? { lang } : {}),
    },
  };
}
