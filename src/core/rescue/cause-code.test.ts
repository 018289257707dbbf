import { describe, expect, it } from 'vitest';
import { causeCode, isSlowAnswer } from './cause-code.ts';

describe('causeCode', () => {
  it('names network errors as browsers do, and server errors by their status', () => {
    expect(causeCode({ kind: 'refused' })).toBe('ERR_CONNECTION_REFUSED');
    expect(causeCode({ kind: 'timeout' })).toBe('ERR_TIMED_OUT');
    expect(causeCode({ kind: 'http', status: 503 })).toBe('HTTP 503');
    expect(causeCode({ kind: 'error-page' })).toBe('ERROR_PAGE');
  });
  it('only a hang is a slow answer worth waiting for', () => {
    expect(isSlowAnswer({ kind: 'timeout' })).toBe(true);
    for (const kind of ['refused', 'reset', 'dns', 'offline'] as const) expect(isSlowAnswer({ kind })).toBe(false);
    expect(isSlowAnswer({ kind: 'http', status: 502 })).toBe(false);
  });
});
