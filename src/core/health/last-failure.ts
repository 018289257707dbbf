import { isServiceId, serviceForUrl, type ServiceId } from '../catalog/index.ts';
import { boundedUrl } from '../util/safe-text.ts';
import { decodeCause, encodeCause, type FailureCause } from './cause.ts';

/** The most recent failure Detour stepped in for, as the popup shows it. */
export interface FailureRecord {
  readonly service: ServiceId;
  readonly url: string;
  readonly cause: FailureCause;
  /** Epoch milliseconds. */
  readonly at: number;
}

export function serializeFailure(record: FailureRecord): Record<string, unknown> {
  // Stored, so bounded: a 500 KB address must not become a 500 KB write on every failure.
  return { service: record.service, url: boundedUrl(record.url), cause: encodeCause(record.cause), at: record.at };
}

/** Reads a stored record back; anything corrupt or foreign reads as "no failure seen". */
export function parseFailure(stored: unknown): FailureRecord | null {
  if (typeof stored !== 'object' || stored === null) return null;
  const { service, url, cause, at } = stored as Record<string, unknown>;
  if (!isServiceId(service) || typeof url !== 'string' || serviceForUrl(url) !== service) return null;
  const decoded = decodeCause(typeof cause === 'string' ? cause : null);
  if (!decoded || typeof at !== 'number' || !Number.isFinite(at) || at < 0) return null;
  return { service, url: boundedUrl(url), cause: decoded, at };
}
