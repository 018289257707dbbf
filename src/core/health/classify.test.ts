import { describe, expect, it } from 'vitest';
import type { FailureCause } from './cause.ts';
import { classifyNetworkError, classifyStatus } from './classify.ts';

type Row = readonly [error: string, expected: FailureCause['kind'] | undefined];

const CHROMIUM: readonly Row[] = [
  ['net::ERR_CONNECTION_REFUSED', 'refused'],
  ['net::ERR_EMPTY_RESPONSE', 'empty'],
  ['net::ERR_CONNECTION_RESET', 'reset'],
  ['net::ERR_CONNECTION_CLOSED', 'reset'],
  ['net::ERR_CONNECTION_ABORTED', 'reset'],
  ['net::ERR_SSL_PROTOCOL_ERROR', 'tls'],
  ['net::ERR_CERT_DATE_INVALID', 'tls'],
  ['net::ERR_CERT_AUTHORITY_INVALID', 'tls'],
  ['net::ERR_BAD_SSL_CLIENT_AUTH_CERT', 'tls'],
  ['net::ERR_NAME_NOT_RESOLVED', 'dns'],
  ['net::ERR_NAME_RESOLUTION_FAILED', 'dns'],
  ['net::ERR_CONNECTION_TIMED_OUT', 'timeout'],
  ['net::ERR_TIMED_OUT', 'timeout'],
  ['net::ERR_INTERNET_DISCONNECTED', 'offline'],
  ['net::ERR_NETWORK_CHANGED', 'offline'],
  ['net::ERR_ADDRESS_UNREACHABLE', 'network'],
  ['net::ERR_CONNECTION_FAILED', 'network'],
  ['net::ERR_PROXY_CONNECTION_FAILED', 'network'],
  ['net::ERR_HTTP2_PROTOCOL_ERROR', 'network'],
  ['net::ERR_QUIC_PROTOCOL_ERROR', 'network'],
  ['net::ERR_INVALID_RESPONSE', 'network'],
  ['net::ERR_CONTENT_LENGTH_MISMATCH', 'network'],
  // Not outages: the user, another extension or the browser itself stopped the load.
  ['net::ERR_ABORTED', undefined],
  ['net::ERR_BLOCKED_BY_CLIENT', undefined],
  ['net::ERR_BLOCKED_BY_ADMINISTRATOR', undefined],
  ['net::ERR_BLOCKED_BY_RESPONSE', undefined],
  ['net::ERR_CACHE_MISS', undefined],
  ['net::ERR_UNSAFE_PORT', undefined],
  ['net::ERR_UNSAFE_REDIRECT', undefined],
  ['net::ERR_INVALID_URL', undefined],
  ['net::ERR_DISALLOWED_URL_SCHEME', undefined],
];

const FIREFOX: readonly Row[] = [
  ['NS_ERROR_CONNECTION_REFUSED', 'refused'],
  ['NS_ERROR_NET_RESET', 'reset'],
  ['NS_ERROR_NET_INTERRUPT', 'reset'],
  ['NS_ERROR_NET_PARTIAL_TRANSFER', 'reset'],
  ['NS_ERROR_UNKNOWN_HOST', 'dns'],
  ['NS_ERROR_OFFLINE', 'offline'],
  ['NS_ERROR_NET_TIMEOUT', 'timeout'],
  // HTTPS-First giving up on https to try the http:// link over http: the load goes on.
  ['NS_ERROR_NET_TIMEOUT_EXTERNAL', undefined],
  ['SSL received a record that exceeded the maximum permissible length.', 'tls'],
  ['SEC_ERROR_UNKNOWN_ISSUER', 'tls'],
  ['SEC_ERROR_EXPIRED_CERTIFICATE', 'tls'],
  ['SSL_ERROR_NO_CYPHER_OVERLAP', 'tls'],
  ['MOZILLA_PKIX_ERROR_SELF_SIGNED_CERT', 'tls'],
  ['NS_ERROR_NET_INADEQUATE_SECURITY', 'tls'],
  ['NS_ERROR_PROXY_BAD_GATEWAY', 'network'],
  ['NS_ERROR_PROXY_CONNECTION_REFUSED', 'network'],
  ['NS_ERROR_UNKNOWN_PROXY_HOST', 'network'],
  ['NS_ERROR_CORRUPTED_CONTENT', 'network'],
  // Not outages.
  ['NS_BINDING_ABORTED', undefined],
  ['NS_BINDING_REDIRECTED', undefined],
  ['NS_BINDING_RETARGETED', undefined],
  ['NS_ERROR_ABORT', undefined],
  ['NS_ERROR_MALFORMED_URI', undefined],
  ['NS_ERROR_UNKNOWN_PROTOCOL', undefined],
  ['NS_ERROR_TRACKING_URI', undefined],
  ['NS_ERROR_BLOCKED_BY_POLICY', undefined],
  ['NS_ERROR_PHISHING_URI', undefined],
];

const UNKNOWN: readonly string[] = [
  '',
  ' ',
  'error',
  'Failed to fetch',
  'net::ERR_SOMETHING_NEW',
  'NS_ERROR_SOMETHING_NEW',
  'ERR_CONNECTION_REFUSED', // missing the net:: prefix: not Chromium's vocabulary
  'net::err_connection_refused', // codes are case-sensitive
  'xnet::ERR_CONNECTION_REFUSED',
  'net::ERR_CONNECTION_REFUSED_EXTRA',
  'NS_ERROR_CONNECTION_REFUSEDX',
  'TLSv1', // no word boundary after TLS
  'sslexpired',
  '__proto__',
  'constructor',
];

describe('classifyNetworkError', () => {
  it.each(CHROMIUM)('Chromium %s -> %s', (error, expected) => {
    expect(classifyNetworkError(error)).toEqual(expected === undefined ? undefined : { kind: expected });
  });

  it.each(FIREFOX)('Firefox %s -> %s', (error, expected) => {
    expect(classifyNetworkError(error)).toEqual(expected === undefined ? undefined : { kind: expected });
  });

  it.each(UNKNOWN)('unknown %j -> undefined', (error) => {
    expect(classifyNetworkError(error)).toBeUndefined();
  });

  it('tolerates surrounding whitespace', () => {
    expect(classifyNetworkError('  net::ERR_CONNECTION_REFUSED\n')).toEqual({ kind: 'refused' });
    expect(classifyNetworkError(' net::ERR_ABORTED ')).toBeUndefined();
  });

  it('treats Firefox TLS sentences as tls whatever their wording', () => {
    for (const sentence of [
      'SSL received a record that exceeded the maximum permissible length.',
      'An error occurred during a connection to map.kakao.com. SSL peer cannot verify your certificate.',
      'The TLS handshake failed',
      'Peer’s Certificate has been revoked.',
    ]) {
      expect(classifyNetworkError(sentence), sentence).toEqual({ kind: 'tls' });
    }
  });

  it('checks "not a failure" before the loose TLS match', () => {
    // A user-stopped load is never an outage, even if a sentence happens to mention SSL.
    expect(classifyNetworkError('NS_BINDING_ABORTED')).toBeUndefined();
    expect(classifyNetworkError('net::ERR_BLOCKED_BY_CLIENT')).toBeUndefined();
  });

  it('returns a fresh object each time (callers may keep it)', () => {
    const a = classifyNetworkError('net::ERR_CONNECTION_REFUSED');
    const b = classifyNetworkError('net::ERR_CONNECTION_REFUSED');
    expect(a).toEqual(b);
    expect(a).not.toBe(b);
  });
});

describe('classifyStatus', () => {
  it.each([500, 501, 502, 503, 504, 520, 599])('%i -> http with status', (status) => {
    expect(classifyStatus(status)).toEqual({ kind: 'http', status });
  });

  it.each([0, 100, 200, 204, 301, 302, 304, 400, 401, 403, 404, 429, 499, 600, 999, -500, 500.5, Number.NaN, Number.POSITIVE_INFINITY])('%d -> undefined', (status) => {
    expect(classifyStatus(status)).toBeUndefined();
  });
});
