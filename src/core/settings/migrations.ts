/**
 * Ordered, pure migrations: MIGRATIONS[i] turns a version i+1 object into version i+2. Each receives a
 * plain object it must not mutate. The validator runs after the last one, so a migration only moves
 * data; it never has to check it.
 */
export type Migration = (input: Readonly<Record<string, unknown>>) => Record<string, unknown>;

export const MIGRATIONS: readonly Migration[] = [];

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
