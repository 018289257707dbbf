import { SERVICES, SERVICE_IDS, type ServiceId } from '../catalog/index.ts';
import type { LanguageChoice } from '../i18n/messages.ts';

export const SERVICE_MODES = ['off', 'suggest', 'redirect'] as const;
export type ServiceMode = (typeof SERVICE_MODES)[number];

export const SCHEMA_VERSION = 1;

/** Bounds of the hang limit: shorter would catch slow mobile networks, longer helps nobody. */
export const HANG_LIMIT_MIN_MS = 3000;
export const HANG_LIMIT_MAX_MS = 60_000;

function perService<T>(make: (id: ServiceId) => T): Record<ServiceId, T> {
  return Object.fromEntries(SERVICE_IDS.map((id) => [id, make(id)])) as Record<ServiceId, T>;
}

/** The one source of default settings; the Settings type is derived from it. */
export const DEFAULTS = {
  schemaVersion: SCHEMA_VERSION,
  /** Master switch: off means Detour never steps in, whatever the per-service modes say. */
  enabled: true,
  services: perService((id) => ({
    mode: 'suggest' as ServiceMode,
    /** The alternatives to offer, in the user's order; one left out is not offered. */
    alternatives: [...SERVICES[id].alternatives] as string[],
  })),
  /** Remember the names and coordinates of Kakao places visited while healthy, on this machine only. */
  placeCache: true,
  /** Tell the user when a service goes down and when it is back. */
  notifications: true,
  /** A Kakao page with no response for this long counts as failed (the browser alone waits indefinitely). */
  hangLimitMs: 8000,
  /** The language of every page, notification and menu: the browser's ('auto'), or one of ours. */
  language: 'auto' as LanguageChoice,
};

export type Settings = typeof DEFAULTS;
export type ServiceSettings = Settings['services'][ServiceId];
