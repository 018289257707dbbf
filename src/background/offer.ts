import { orderFor } from '../core/anytime.ts';
import type { Settings } from '../core/settings/index.ts';
import type { Place } from '../core/translate/intent.ts';
import { placeIdIn, translate, type Platform, type Translation } from '../core/translate/index.ts';

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

/**
 * The one way the background turns a Kakao address into alternatives: the place cache asked for the
 * address's place id, the user's order of alternatives, the device's platform, the title as a last
 * resort. The rescuer, the banner, the popup's page alternatives, the context menu and the shortcut
 * all ask here, so they can never offer different things for the same address.
 */
export function createOffers({ settings, lookupPlace, platform }: OfferDeps) {
  return async function offerFor(url: string, options: OfferOptions = {}): Promise<Translation | undefined> {
    const placeId = placeIdIn(url);
    const place = placeId ? await lookupPlace(placeId).catch(() => null) : null;
    const order = options.order ?? orderFor(url, (await settings()).services);
    return translate(url, {
      platform: platform(),
      ...(options.title ? { title: options.title } : {}),
      ...(order ? { order } : {}),
      lookupPlace: (id) => (place && id === placeId ? place : undefined),
    });
  };
}

export type OfferFor = ReturnType<typeof createOffers>;
