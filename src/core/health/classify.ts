import { isServerError, type FailureCause, type NetworkCauseKind } from './cause.ts';

/**
 * Errors that are not an outage: the user stopped or replaced the navigation, another extension or
 * policy blocked it, or the browser chose not to load it. Checked before anything else.
 */
const NOT_FAILURES: readonly RegExp[] = [
  /^net::ERR_ABORTED$/,
  /^net::ERR_BLOCKED_BY_/,
  /^net::ERR_CACHE_MISS$/,
  /^net::ERR_UNSAFE_(REDIRECT|PORT)$/,
  /^net::ERR_INVALID_URL$/,
  /^net::ERR_DISALLOWED_URL_SCHEME$/,
  /^NS_BINDING_(ABORTED|REDIRECTED|RETARGETED)$/,
  /^NS_ERROR_ABORT$/,
  // Firefox's HTTPS-First gives up on the https it tried first for an http:// link (2-3 s without an
  // answer, dom.security.https_only_fire_http_request_background_timer_ms) and goes on over http: the
  // load is not over. Its http attempt ends on its own (nsHTTPSOnlyUtils, TestHTTPAnswerRunnable).
  /^NS_ERROR_NET_TIMEOUT_EXTERNAL$/,
  /^NS_ERROR_(DOM_BAD_URI|MALFORMED_URI|UNKNOWN_PROTOCOL)$/,
  /^NS_ERROR_(CONTENT_BLOCKED|TRACKING_URI|BLOCKED_BY_POLICY|HARMFULSITE_URI|MALWARE_URI|PHISHING_URI|UNWANTED_URI)/,
];

/** Known failure codes, most specific first. */
const FAILURES: ReadonlyArray<readonly [RegExp, NetworkCauseKind]> = [
  [/^net::ERR_CONNECTION_REFUSED$/, 'refused'],
  [/^NS_ERROR_CONNECTION_REFUSED$/, 'refused'],
  [/^net::ERR_EMPTY_RESPONSE$/, 'empty'],
  [/^net::ERR_CONNECTION_(RESET|CLOSED|ABORTED)$/, 'reset'],
  [/^NS_ERROR_NET_(RESET|INTERRUPT|PARTIAL_TRANSFER)$/, 'reset'],
  [/^net::ERR_(CONNECTION_)?TIMED_OUT$/, 'timeout'],
  [/^NS_ERROR_NET_TIMEOUT/, 'timeout'],
  [/^net::ERR_NAME_(NOT_RESOLVED|RESOLUTION_FAILED)$/, 'dns'],
  [/^NS_ERROR_UNKNOWN_HOST$/, 'dns'],
  [/^net::ERR_(INTERNET_DISCONNECTED|NETWORK_CHANGED|NETWORK_ACCESS_DENIED)$/, 'offline'],
  [/^NS_ERROR_OFFLINE$/, 'offline'],
  [/^net::ERR_(SSL_|CERT_|BAD_SSL_)/, 'tls'],
  [/^(SSL_ERROR_|SEC_ERROR_|MOZILLA_PKIX_ERROR_)/, 'tls'],
  [/^NS_ERROR_(GENERATE_FAILURE|NET_INADEQUATE_SECURITY)/, 'tls'],
  [/^net::ERR_(ADDRESS_|CONNECTION_FAILED|TUNNEL_|PROXY_|HTTP2_|QUIC_|SOCKS_|EMPTY_|INVALID_RESPONSE|RESPONSE_HEADERS_|CONTENT_LENGTH_MISMATCH|INCOMPLETE_CHUNKED_ENCODING)/, 'network'],
  [/^NS_ERROR_(PROXY_|UNKNOWN_PROXY_HOST|NET_|CORRUPTED_CONTENT|INVALID_CONTENT_ENCODING)/, 'network'],
];

/**
 * Maps a webRequest `error` string to a failure cause, or undefined when it is no outage.
 * Firefox reports TLS failures as an English sentence rather than a code, hence the loose SSL match.
 */
export function classifyNetworkError(error: string): FailureCause | undefined {
  const code = error.trim();
  if (NOT_FAILURES.some((pattern) => pattern.test(code))) return undefined;
  for (const [pattern, kind] of FAILURES) {
    if (pattern.test(code)) return { kind };
  }
  if (/\b(SSL|TLS|certificate)\b/i.test(code)) return { kind: 'tls' };
  return undefined;
}

/** HTTP 5xx is the server admitting failure; 4xx (404, 401, 403) is the page's own business. */
export function classifyStatus(status: number): FailureCause | undefined {
  return isServerError(status) ? { kind: 'http', status } : undefined;
}
