import { SERVICES, isServiceId } from '../catalog/index.ts';

/**
 * Ordered, pure migrations: MIGRATIONS[i] turns a version i+1 object into version i+2. Each receives a
 * plain object it must not mutate. The validator runs after the last one, so a migration only moves
 * data; it never has to check it.
 */
export type Migration = (input: Readonly<Record<string, unknown>>) => Record<string, unknown>;

/**
 * v1 -> v2: a service's `alternatives` was the list of alternatives to offer, in order (one left out
 * was not offered); it becomes every alternative with an `enabled` flag, so that one turned off keeps
 * its place. The listed ones come first, enabled; the catalogued ones the list left out follow, off.
 * Anything that is not a list of strings is left for the validator.
 */
export const alternativesWithFlags: Migration = (input) => {
  const services = input.services;
  if (!isRecord(services)) return { ...input };
  const migrated = Object.entries(services).map(([id, entry]) => {
    if (!isRecord(entry) || !Array.isArray(entry.alternatives) || !entry.alternatives.every((item) => typeof item === 'string')) return [id, entry] as const;
    const listed = entry.alternatives as string[];
    const leftOut = isServiceId(id) ? SERVICES[id].alternatives.filter((alternative) => !listed.includes(alternative)) : [];
    const alternatives = [...listed.map((alternative) => ({ id: alternative, enabled: true })), ...leftOut.map((alternative) => ({ id: alternative, enabled: false }))];
    return [id, { ...entry, alternatives }] as const;
  });
  // fromEntries defines own properties: a "__proto__" service name stays a plain key for the validator to drop.
  return { ...input, services: Object.fromEntries(migrated) };
};

export const MIGRATIONS: readonly Migration[] = [alternativesWithFlags];

export interface MigrationResult {
  readonly value: Record<string, unknown>;
  readonly from: number;
  readonly to: number;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Brings stored settings up to the current schema. An object without a usable version is treated as
 * version 1 (the first release); one from a newer Detour is left for the validator, which keeps what
 * it understands.
 */
export function migrate(input: unknown, migrations: readonly Migration[] = MIGRATIONS): MigrationResult {
  const current = migrations.length + 1;
  if (!isRecord(input)) return { value: {}, from: current, to: current };
  const declared = input.schemaVersion;
  const from = typeof declared === 'number' && Number.isInteger(declared) && declared >= 1 ? declared : 1;
  let value: Record<string, unknown> = { ...input };
  for (let version = from; version < current; version += 1) {
    const step = migrations[version - 1];
    if (step) value = { ...step(value), schemaVersion: version + 1 };
  }
  // Stamp the version even when no step ran, so an unversioned object is not reported as repaired.
  return { value: from <= current ? { ...value, schemaVersion: current } : value, from, to: Math.max(from, current) };
}
