import * as v from 'valibot';
import { SERVICES, SERVICE_IDS } from '../catalog/index.ts';
import { LANGUAGE_CHOICES } from '../i18n/messages.ts';
import { MAX_EXCEPTIONS, isValidExceptionPattern } from './exceptions.ts';
import { completeAlternatives } from './alternatives.ts';
import { DEFAULTS, HANG_LIMIT_MAX_MS, HANG_LIMIT_MIN_MS, PROBE_MODES, SCHEMA_VERSION, SERVICE_MODES, type Settings } from './defaults.ts';

type Leaf = v.GenericSchema;
interface SchemaTree {
  readonly [key: string]: Leaf | SchemaTree;
}

/** Shape of valid settings, leaf by leaf, so a bad value is replaced alone and the rest kept. */
const SCHEMA: SchemaTree = {
  schemaVersion: v.literal(SCHEMA_VERSION),
  enabled: v.boolean(),
  services: Object.fromEntries(
    SERVICE_IDS.map((id) => [
      id,
      {
        mode: v.picklist(SERVICE_MODES),
        // Only this service's own alternatives, each once: an order, not a free list of hosts.
        alternatives: v.pipe(
          v.array(v.strictObject({ id: v.picklist(SERVICES[id].alternatives as unknown as string[]), enabled: v.boolean() })),
          v.check((list) => new Set(list.map((choice) => choice.id)).size === list.length),
          v.transform((list) => completeAlternatives(list, SERVICES[id].alternatives)),
        ),
      },
    ]),
  ),
  placeCache: v.boolean(),
  notifications: v.boolean(),
  hangLimitMs: v.pipe(v.number(), v.integer(), v.minValue(HANG_LIMIT_MIN_MS), v.maxValue(HANG_LIMIT_MAX_MS)),
  probes: v.picklist(PROBE_MODES),
  language: v.picklist(LANGUAGE_CHOICES),
  banner: v.boolean(),
  exceptions: v.pipe(v.array(v.pipe(v.string(), v.check(isValidExceptionPattern))), v.maxLength(MAX_EXCEPTIONS)),
};

export interface ValidationReport {
  readonly settings: Settings;
  /** Dotted paths whose stored value was missing or invalid and now holds the default. */
  readonly replaced: readonly string[];
  /** Dotted paths Detour does not know (from a newer version or a foreign file); not kept. */
  readonly dropped: readonly string[];
  /** Dotted paths that were absent (a setting newer than the stored value) and took their default. */
  readonly filled: readonly string[];
}

function isSchema(node: Leaf | SchemaTree): node is Leaf {
  return (node as { kind?: unknown }).kind === 'schema';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

interface Report {
  readonly replaced: string[];
  readonly dropped: string[];
  readonly filled: string[];
}

function walk(schema: SchemaTree, defaults: Record<string, unknown>, input: unknown, path: string, report: Report): Record<string, unknown> {
  const { replaced, dropped, filled } = report;
  const source = isRecord(input) ? input : {};
  const out: Record<string, unknown> = {};
  for (const [key, node] of Object.entries(schema)) {
    const childPath = path ? `${path}.${key}` : key;
    const fallback = defaults[key];
    if (!Object.hasOwn(source, key) || source[key] === undefined) {
      // Absent is not broken: a setting added after this value was stored simply takes its default.
      out[key] = structuredClone(fallback);
      filled.push(childPath);
    } else if (isSchema(node)) {
      const result = v.safeParse(node, source[key]);
      if (result.success) {
        out[key] = result.output;
      } else {
        out[key] = structuredClone(fallback);
        replaced.push(childPath);
      }
    } else {
      const hadObject = isRecord(source[key]);
      // A mistyped subtree is one replacement, not one per leaf under it.
      const nested: Report = hadObject ? report : { replaced: [], dropped: [], filled: [] };
      out[key] = walk(node, fallback as Record<string, unknown>, source[key], childPath, nested);
      if (!hadObject) replaced.push(childPath);
    }
  }
  if (isRecord(input)) {
    for (const key of Object.keys(input)) {
      if (!Object.hasOwn(schema, key)) dropped.push(path ? `${path}.${key}` : key);
    }
  }
  return out;
}

/** Keeps every good value, replaces each bad one from the defaults, and says which it replaced. */
export function validateSettings(input: unknown): ValidationReport {
  const report: Report = { replaced: [], dropped: [], filled: [] };
  if (!isRecord(input)) {
    return { settings: structuredClone(DEFAULTS), replaced: ['(all)'], dropped: [], filled: [] };
  }
  const settings = walk(SCHEMA, DEFAULTS as unknown as Record<string, unknown>, input, '', report) as unknown as Settings;
  return { settings, ...report };
}
