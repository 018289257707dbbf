// Settings built for tests: one service's field changed, the rest kept (copied, never shared).
import type { ServiceId } from '../../src/core/catalog/index.ts';
import type { AlternativeChoice, ServiceMode, Settings } from '../../src/core/settings/index.ts';

/** `base` with one service's mode changed (its other fields kept). */
export const withMode = (base: Settings, id: ServiceId, mode: ServiceMode): Settings => ({
  ...structuredClone(base),
  services: { ...structuredClone(base.services), [id]: { ...structuredClone(base.services[id]), mode } },
});

/** The choices for these ids, each on (or off). */
export const on = (...ids: string[]): AlternativeChoice[] => ids.map((id) => ({ id, enabled: true }));
export const off = (...ids: string[]): AlternativeChoice[] => ids.map((id) => ({ id, enabled: false }));

/** `base` with one service's alternatives changed (its other fields kept). */
export const withAlternatives = (base: Settings, id: ServiceId, alternatives: AlternativeChoice[]): Settings => ({
  ...structuredClone(base),
  services: { ...structuredClone(base.services), [id]: { ...structuredClone(base.services[id]), alternatives: [...alternatives] } },
});
