import type { FailureCause } from '../health/cause.ts';

/**
 * The error code shown folded away on the fallback page, for whoever wants to quote it (a help desk,
 * a bug report): the browser's own names for network errors, the HTTP status for a server error.
 */
const CODES: Record<Exclude<FailureCause['kind'], 'http'>, string> = {
  refused: 'ERR_CONNECTION_REFUSED',
  reset: 'ERR_CONNECTION_RESET',
  empty: 'ERR_EMPTY_RESPONSE',
  timeout: 'ERR_TIMED_OUT',
  dns: 'ERR_NAME_NOT_RESOLVED',
  tls: 'ERR_SSL_PROTOCOL_ERROR',
  offline: 'ERR_INTERNET_DISCONNECTED',
  network: 'ERR_FAILED',
  maintenance: 'MAINTENANCE_PAGE',
  'error-page': 'ERROR_PAGE',
};

export function causeCode(cause: FailureCause): string {
  return cause.kind === 'http' ? `HTTP ${cause.status}` : CODES[cause.kind];
}

/** A hang (no answer within the hang limit) may still end well: the page keeps waiting for Kakao. */
export function isSlowAnswer(cause: FailureCause): boolean {
  return cause.kind === 'timeout';
}
