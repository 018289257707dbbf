import type { AlternativeChoice } from './defaults.ts';

/** The alternatives to offer for a service, in the user's order: the enabled ones. */
export function offeredAlternatives(entry: { readonly alternatives: readonly AlternativeChoice[] }): string[] {
  return entry.alternatives.filter((choice) => choice.enabled).map((choice) => choice.id);
}

/** The list with `id` moved to position `to` (clamped to the list); the same order when `id` is not in it. */
export function moveAlternative(list: readonly AlternativeChoice[], id: string, to: number): AlternativeChoice[] {
  const from = list.findIndex((choice) => choice.id === id);
  const copy = list.map((choice) => ({ ...choice }));
  if (from < 0) return copy;
  const [moved] = copy.splice(from, 1);
  const target = Math.min(Math.max(Math.trunc(to) || 0, 0), copy.length);
  copy.splice(target, 0, moved!);
  return copy;
}

/** The list with `id` turned on or off, in place. */
export function setAlternativeEnabled(list: readonly AlternativeChoice[], id: string, enabled: boolean): AlternativeChoice[] {
  return list.map((choice) => (choice.id === id ? { id, enabled } : { ...choice }));
}

/**
 * A list that names only some of the catalogued alternatives gets the others appended, enabled: an
 * alternative added to the catalogue after the list was saved is offered, after the user's own order.
 */
export function completeAlternatives(list: readonly AlternativeChoice[], catalogued: readonly string[]): AlternativeChoice[] {
  const named = new Set(list.map((choice) => choice.id));
  return [...list.map((choice) => ({ id: choice.id, enabled: choice.enabled })), ...catalogued.filter((id) => !named.has(id)).map((id) => ({ id, enabled: true }))];
}
