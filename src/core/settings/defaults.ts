import { SERVICES, SERVICE_IDS, type ServiceId } from '../catalog/index.ts';
import type { LanguageChoice } from '../i18n/messages.ts';

export const SERVICE_MODES = ['off', 'suggest', 'redirect'] as const;
export type ServiceMode = (typeof SERVICE_MODES)[number];

/**
 * When probes (one cheap request per Kakao service) may run by themselves: while a Kakao page is open or
 * after a failure, only after a failure (the default), or never (then only the user's "check now").
 * The default costs nothing on a healthy day: a page that loads is evidence enough, and a failing one
 * (its load, or its own requests to Kakao) starts the probes that confirm it and notice the recovery.
 */
export const PROBE_MODES = ['auto', 'after-failure', 'manual'] as const;
export type ProbeMode = (typeof PROBE_MODES)[number];

export const SCHEMA_VERSION = 2;

/** Bounds of the hang limit: shorter would catch slow mobile networks, longer helps nobody. */
export const HANG_LIMIT_MIN_MS = 3000;
export const HANG_LIMIT_MAX_MS = 60_000;

/** One alternative in a service's list: its place in the list is the user's order. */
export interface AlternativeChoice {
  readonly id: string;
  readonly enabled: boolean;
}

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
    /** Every catalogued alternative, in the user's order; only the enabled ones are offered. */
    alternatives: SERVICES[id].alternatives.map((alternative): AlternativeChoice => ({ id: alternative, enabled: true })),
  })),
  /** Remember the names and coordinates of Kakao places visited while healthy, on this machine only. */
  placeCache: true,
  /** Tell the user when a service goes down and when it is back. */
  notifications: true,
  /** A Kakao page with no response for this long counts as failed (the browser alone waits indefinitely). */
  hangLimitMs: 8000,
  /** When Detour may probe Kakao's services by itself. */
  probes: 'after-failure' as ProbeMode,
  /** The language of every page, notification and menu: the browser's ('auto'), or one of ours. */
  language: 'auto' as LanguageChoice,
  /** The in-page banner on pages that loaded but are partly broken; off for good, whatever each service's mode. */
  banner: true,
  /** Address patterns where Detour never steps in (core/settings/exceptions.ts), as the user typed them. */
  exceptions: [] as string[],
};

export type Settings = typeof DEFAULTS;
export type ServiceSettings = Settings['services'][ServiceId];
