import { offer } from '../core/offer.ts';
import type { Settings } from '../core/settings/index.ts';
import type { Place } from '../core/translate/intent.ts';
import { placeIdIn, type Platform, type Translation } from '../core/translate/index.ts';

export interface OfferDeps {
  readonly settings: () => Promise<Settings>;
  readonly lookupPlace: (id: string) => Promise<Place | null>;
  readonly platform: () => Platform;
}

export interface OfferOptions {
  /** A search text of last resort: the title of the page the user was on. */
  readonly title?: string | undefined;
  /** An alternative order other than the user's (the context menu's one chosen alternative). */
  readonly order?: readonly string[];
}

/** core/offer.ts with what the background holds: the settings in memory and the place cache. */
export function createOffers({ settings, lookupPlace, platform }: OfferDeps) {
  return async function offerFor(url: string, options: OfferOptions = {}): Promise<Translation | undefined> {
    const placeId = placeIdIn(url);
    const place = placeId ? await lookupPlace(placeId).catch(() => null) : null;
    return offer(url, { services: (await settings()).services, platform: platform(), title: options.title, place: placeId && place ? { id: placeId, place } : null, order: options.order });
  };
}

export type OfferFor = ReturnType<typeof createOffers>;
