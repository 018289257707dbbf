import { bannerReason, newlyDegraded, parseSnoozed, type BannerOrder } from '../../core/page-script/banner.ts';
import { serviceForUrl, serviceMatchPatterns, type ServiceId } from '../../core/catalog/index.ts';
import { isException } from '../../core/settings/exceptions.ts';
import type { HealthState } from '../../core/health/types.ts';
import { linkDetail, type Localize } from '../../core/translate/link-label.ts';
import type { KeyValueArea } from '../../core/ports.ts';
import { createSerialQueue } from '../../core/util/serial.ts';
import type { Settings } from '../../core/settings/index.ts';
import { intentSubject } from '../../core/translate/index.ts';
import { PAGE_SCRIPT_FILE, shouldReadPage } from '../../core/page-script/scope.ts';
import type { OfferFor } from '../offer.ts';
import { BANNER_SNOOZED_KEY } from '../../core/storage-keys.ts';

export interface BannerDeps {
  readonly settings: () => Promise<Settings>;
  /** The session store (storage.session): snoozes end with the browser session. */
  readonly session: KeyValueArea;
  readonly offerFor: OfferFor;
  /** The banner's text, in the language Detour speaks. */
  readonly t: Localize;
  readonly serviceName: (id: ServiceId) => string;
  readonly alternativeName: (id: string) => string;
  /** The open tabs on these match patterns, with their addresses. */
  readonly tabsOn: (patterns: string[]) => Promise<Array<{ id: number; url: string }>>;
  /** Hands a tab's page script its banner; false when the tab has none (still loading, an error page). */
  readonly sendToTab: (tabId: number, name: 'banner/show', order: BannerOrder) => Promise<boolean>;
  /** Runs a packaged script in a tab; false when the browser refuses. */
  readonly injectScript: (tabId: number, file: string) => Promise<boolean>;
}

export interface PageInfo {
  readonly url: string;
  readonly title?: string;
  /** The content script found Kakao's own error or maintenance page here. */
  readonly errorPage?: boolean;
}

/** Decides which loaded Kakao pages get the in-page banner, and prepares it (localized, translated). */
export function createBanners({ settings, session, offerFor, t, serviceName, alternativeName, tabsOn, sendToTab, injectScript }: BannerDeps) {
  const serialized = createSerialQueue();
  const snoozed = async () => parseSnoozed(await session.get(BANNER_SNOOZED_KEY));

  async function orderFor(state: HealthState, page: PageInfo): Promise<BannerOrder | null> {
    const service = serviceForUrl(page.url);
    if (!service) return null;
    const current = await settings();
    const reason = bannerReason({
      state,
      service,
      enabled: current.enabled,
      mode: current.services[service].mode,
      snoozed: (await snoozed()).includes(service),
      pageIsErrorPage: page.errorPage === true,
      bannerOff: !current.banner,
      exception: isException(page.url, current.exceptions),
    });
    if (!reason) return null;
    const translation = await offerFor(page.url, { title: page.title });
    const subject = translation ? intentSubject(translation.intent) : '';
    const name = serviceName(service);
    return {
      service,
      text: {
        title: reason === 'error-page' ? t('bannerTitleErrorPage', name) : t('bannerTitleDegraded', name),
        body: t('bannerBody'),
        dismiss: t('bannerDismiss'),
        snooze: t('bannerSnooze'),
        alternativesLabel: t('bannerAlternatives'),
      },
      links: (translation?.links ?? []).map((link) => ({ label: alternativeName(link.alternative), detail: linkDetail(link, subject, t), url: link.url })),
    };
  }

  /** Tells the open pages of services that just became degraded, without waiting for a reload. */
  async function pushChanges(before: HealthState, after: HealthState): Promise<void> {
    for (const service of newlyDegraded(before, after)) {
      for (const tab of await tabsOn(serviceMatchPatterns([service]))) {
        // Only Kakao's own pages (https, a named host): a blog under *.tistory.com is its author's page,
        // and an element laid over it is something its author's script can see.
        if (!shouldReadPage(tab.url) || serviceForUrl(tab.url) !== service) continue;
        // No title: the tab may be showing Kakao's error page, whose title is nobody's search.
        const order = await orderFor(after, { url: tab.url });
        if (!order) continue;
        // A page not read yet (still loading) gets its page script now; it asks for its banner itself.
        if (!(await sendToTab(tab.id, 'banner/show', order))) await injectScript(tab.id, PAGE_SCRIPT_FILE);
      }
    }
  }

  return {
    orderFor,
    pushChanges,
    snooze: (service: ServiceId) =>
      serialized(async () => {
        const list = await snoozed();
        if (!list.includes(service)) await session.set(BANNER_SNOOZED_KEY, [...list, service]);
      }),
  };
}
