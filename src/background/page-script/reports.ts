import type { BannerOrder } from '../../core/page-script/banner.ts';
import { pageTextCounts, evidenceServiceForUrl } from '../../core/health/trust.ts';
import { classifyErrorPage } from '../../core/health/error-page.ts';
import type { HealthEvent, HealthState } from '../../core/health/types.ts';
import type { PageFacts } from '../../core/places/extract.ts';
import { placeIdOf } from '../../core/places/extract.ts';
import type { Settings } from '../../core/settings/index.ts';
import type { PageInfo } from './banner.ts';
import { documentOf } from '../rescue/loads.ts';

export interface PageReportDeps {
  readonly settings: () => Promise<Settings>;
  readonly dispatch: (events: readonly HealthEvent[]) => Promise<HealthState>;
  readonly wake: () => Promise<void>;
  readonly bannerFor: (state: HealthState, page: PageInfo) => Promise<BannerOrder | null>;
  readonly rememberPlace: (facts: PageFacts) => Promise<void>;
  /** Whether the last load of this address was answered with a 5xx. */
  readonly servedError: (url: string) => boolean;
  readonly now: () => number;
}

/**
 * What a Kakao page's own script reports about the page it runs in: Kakao's maintenance or error page
 * served with 200, a healthy page (which clears such a verdict), a place's name for the place cache.
 * Answers with the banner the page should show, if any.
 */
export function createPageReports(deps: PageReportDeps) {
  return async function pageSeen(facts: (Partial<PageFacts> & { status?: unknown }) | null | undefined, senderUrl: string | undefined): Promise<BannerOrder | null> {
    // A page may only speak for itself, and only a page from Kakao's own server (https, port 443)
    // says anything (src/core/health/trust.ts).
    const url = senderUrl ?? '';
    const service = evidenceServiceForUrl(url);
    if (!service || typeof facts?.url !== 'string' || documentOf(facts.url) !== documentOf(url)) return null;
    // A 5xx body ("503") is the server's failure, already handled: it is neither a healthy page nor a
    // place's name. Firefox runs content scripts on such bodies too.
    if ((typeof facts.status === 'number' && facts.status >= 500) || deps.servedError(url)) return null;
    const title = String(facts.title ?? '');
    // Page text counts only where Kakao writes the page: never a blog, cafe post, mail, chat or channel.
    const page = pageTextCounts(url, service) ? classifyErrorPage({ title, heading: String(facts.heading ?? ''), body: String(facts.bodyText ?? '') }) : undefined;
    if (page) {
      const state = await deps.dispatch([{ type: 'error-page', service, url, page, at: deps.now() }]);
      await deps.wake();
      // An error page's title names no search: the address alone carries the intent.
      return deps.bannerFor(state, { url, errorPage: true });
    }
    const state = await deps.dispatch([{ type: 'page-content-ok', service, url, at: deps.now() }]);
    // Only a healthy page may fill the place cache: an error page's title is no place's name.
    if (placeIdOf(url) && (await deps.settings()).placeCache) await deps.rememberPlace(facts as PageFacts);
    return deps.bannerFor(state, { url, title });
  };
}
