/** What the user was trying to do, independent of which service they tried to do it on. */
export type MapIntent =
  | { readonly kind: 'search'; readonly query: string }
  | { readonly kind: 'none' };

export type IntentKind = MapIntent['kind'];

export const NO_INTENT: MapIntent = { kind: 'none' };
