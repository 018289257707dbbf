import type { ServiceId } from '../catalog/index.ts';
import type { LanguageChoice } from '../i18n/messages.ts';
import { DEFAULTS, SCHEMA_VERSION, type AlternativeChoice, type ProbeMode, type ServiceMode, type Settings } from './defaults.ts';
import { migrate } from './migrations.ts';
import { validateSettings, type ValidationReport } from './validate.ts';

export { completeAlternatives, moveAlternative, offeredAlternatives, setAlternativeEnabled } from './alternatives.ts';
export {
  DEFAULTS,
  HANG_LIMIT_MAX_MS,
  HANG_LIMIT_MIN_MS,
  PROBE_MODES,
  SCHEMA_VERSION,
  SERVICE_MODES,
  type AlternativeChoice,
  type ProbeMode,
  type ServiceMode,
  type ServiceSettings,
  type Settings,
} from './defaults.ts';
export { MIGRATIONS, migrate, type Migration } from './migrations.ts';
export { validateSettings, type ValidationReport } from './validate.ts';

/** Stored value (any version, possibly corrupt) -> current, valid settings and what had to be repaired. */
export function loadSettings(stored: unknown): ValidationReport {
  if (stored === undefined) return { settings: structuredClone(DEFAULTS), replaced: [], dropped: [], filled: [] };
  // A stored value that is not an object is corrupt, not absent: report it as replaced (so the store
  // backs it up and rewrites it) rather than letting migrate() turn it into {} and every entry "filled".
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) return validateSettings(stored);
  return validateSettings(migrate(stored).value);
}

/**
 * True for a stored value written by a newer Detour (another browser sharing synced settings may run
 * one): it is read for what this version understands, but never "repaired" back to this version's shape.
 */
export function isFromNewerVersion(stored: unknown): boolean {
  const version = typeof stored === 'object' && stored !== null ? (stored as Record<string, unknown>).schemaVersion : undefined;
  return typeof version === 'number' && version > SCHEMA_VERSION;
}

/** The top-level settings a patch may set directly. */
const SCALAR_KEYS = ['enabled', 'placeCache', 'notifications', 'hangLimitMs', 'probes', 'language', 'banner', 'exceptions'] as const;

export interface SettingsPatch {
  readonly enabled?: boolean;
  readonly placeCache?: boolean;
  readonly notifications?: boolean;
  readonly hangLimitMs?: number;
  readonly probes?: ProbeMode;
  readonly language?: LanguageChoice;
  readonly banner?: boolean;
  /** The exceptions are set as a whole list (validated patterns, core/settings/exceptions.ts). */
  readonly exceptions?: readonly string[];
  /** A service's alternatives are set as a whole list: the order is the list's order. */
  readonly services?: Partial<Record<ServiceId, { readonly mode?: ServiceMode; readonly alternatives?: readonly AlternativeChoice[] }>>;
}

export type PatchResult = { readonly ok: true; readonly settings: Settings } | { readonly ok: false; readonly invalid: readonly string[] };

/** Applies a change from the UI; a change that would need any repair is refused whole. */
export function applyPatch(current: Settings, patch: SettingsPatch): PatchResult {
  // The patch arrives by message: its type is a promise the sender made, not a fact.
  if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) return { ok: false, invalid: ['(patch)'] };
  const merged: Record<string, unknown> = structuredClone(current);
  for (const key of SCALAR_KEYS) {
    if (patch[key] !== undefined) merged[key] = patch[key];
  }
  if (patch.services !== undefined) {
    const services = merged.services as Record<string, Record<string, unknown>>;
    for (const [id, change] of Object.entries(patch.services)) {
      if (!Object.hasOwn(services, id) || typeof change !== 'object' || change === null) return { ok: false, invalid: [`services.${id}`] };
      // An undefined field means "no change" (as for enabled above), not "reset to the default".
      const defined = Object.fromEntries(Object.entries(change).filter(([, value]) => value !== undefined));
      services[id] = { ...services[id], ...defined };
    }
  }
  const { settings, replaced, dropped } = validateSettings(merged);
  const invalid = [...replaced, ...dropped];
  return invalid.length === 0 ? { ok: true, settings } : { ok: false, invalid };
}
