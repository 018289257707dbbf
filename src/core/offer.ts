import { serviceForUrl } from './catalog/index.ts';
import { offeredAlternatives } from './settings/alternatives.ts';
import type { AlternativeChoice } from './settings/defaults.ts';
import type { Place } from './translate/intent.ts';
import { translate, type Platform, type Translation } from './translate/index.ts';

export interface OfferContext {
  /** The user's alternatives per service (settings-shaped): their order, and which are on. */
  readonly services: Readonly<Record<string, { readonly alternatives: readonly AlternativeChoice[] } | undefined>>;
  readonly platform: Platform;
  /** A search text of last resort: the title of the page the user was on. */
  readonly title?: string | undefined;
  /** What the place cache holds for the address's place id, if it names one. */
  readonly place?: { readonly id: string; readonly place: Place } | null | undefined;
  /** An order other than the user's (the context menu's one chosen alternative). */
  readonly order?: readonly string[] | undefined;
}

/**
 * The alternatives Detour offers for a Kakao address: the user's order of the alternatives they keep
 * on, the device's platform, the cached place, the title as a last resort. The background (rescuer,
 * banner, popup, menus, shortcut) and the fallback page all ask here, so the same address always gets
 * the same offer.
 */
export function offer(url: string, context: OfferContext): Translation | undefined {
  const order = context.order ?? orderFor(url, context.services);
  const cached = context.place ?? undefined;
  return translate(url, {
    platform: context.platform,
    ...(context.title ? { title: context.title } : {}),
    ...(order ? { order } : {}),
    lookupPlace: (id) => (cached && cached.id === id ? cached.place : undefined),
  });
}

/** The alternatives the user offers for the service of this address, in their order, from settings-shaped data. */
export function orderFor(url: string, services: Readonly<Record<string, { readonly alternatives: readonly AlternativeChoice[] } | undefined>>): readonly string[] | undefined {
  const service = serviceForUrl(url);
  const entry = service ? services[service] : undefined;
  return entry ? offeredAlternatives(entry) : undefined;
}
