import { describe, expect, it } from 'vitest';
import { decodeCause, encodeCause, isServerError, type FailureCause, type NetworkCauseKind } from './cause.ts';

const NETWORK_KINDS: readonly NetworkCauseKind[] = ['refused', 'reset', 'empty', 'timeout', 'dns', 'tls', 'offline', 'network'];

describe('encodeCause / decodeCause', () => {
  it.each(NETWORK_KINDS)('round-trips %s as its bare name', (kind) => {
    const cause: FailureCause = { kind };
    expect(encodeCause(cause)).toBe(kind);
    expect(decodeCause(encodeCause(cause))).toEqual(cause);
  });

  it('round-trips every 5xx status', () => {
    for (let status = 500; status <= 599; status += 1) {
      const cause: FailureCause = { kind: 'http', status };
      const encoded = encodeCause(cause);
      expect(encoded).toBe(`http-${status}`);
      expect(decodeCause(encoded)).toEqual(cause);
    }
  });

  it('encodes to URL-safe text', () => {
    for (const cause of [...NETWORK_KINDS.map((kind): FailureCause => ({ kind })), { kind: 'http', status: 503 } as const]) {
      expect(encodeURIComponent(encodeCause(cause))).toBe(encodeCause(cause));
    }
  });

  it.each([
    'http-404',
    'http-200',
    'http-499',
    'http-600',
    'http-5000',
    'http-50',
    'http-50x',
    'http-',
    'http--503',
    'http-503 ',
    ' http-503',
    'http-503\n',
    'HTTP-503',
    'http-５０３', // full-width digits are not \d in a non-unicode regex, and not a status either
    '',
    'REFUSED',
    'Refused',
    'refused ',
    'http',
    'unknown',
    '__proto__',
    'constructor',
    'toString',
    'hasOwnProperty',
  ])('rejects %j', (text) => {
    expect(decodeCause(text)).toBeUndefined();
  });

  it('rejects null and undefined', () => {
    expect(decodeCause(null)).toBeUndefined();
    expect(decodeCause(undefined)).toBeUndefined();
  });
});

describe('isServerError', () => {
  it.each([
    [500, true],
    [599, true],
    [503, true],
    [499, false],
    [600, false],
    [200, false],
    [503.1, false],
    [Number.NaN, false],
  ] as const)('%d -> %s', (status, expected) => {
    expect(isServerError(status)).toBe(expected);
  });
});
