import { describe, expect, it } from 'vitest';
import { REDIRECT_COOLDOWN_MS, redirectAllowed } from './redirect.ts';

const NOW = 1_700_000_000_000;

describe('redirectAllowed', () => {
  it.each([
    ['online, never redirected', { network: 'online', causeOffline: false, lastRedirectAt: undefined }, { ok: true }],
    ['unknown network', { network: 'unknown', causeOffline: false, lastRedirectAt: undefined }, { ok: true }],
    ['offline by the probes', { network: 'offline', causeOffline: false, lastRedirectAt: undefined }, { ok: false, reason: 'offline' }],
    ['offline by the browser error', { network: 'online', causeOffline: true, lastRedirectAt: undefined }, { ok: false, reason: 'offline' }],
    ['redirected a moment ago', { network: 'online', causeOffline: false, lastRedirectAt: NOW - 1000 }, { ok: false, reason: 'too-soon' }],
    ['redirected just inside the cool-down', { network: 'online', causeOffline: false, lastRedirectAt: NOW - REDIRECT_COOLDOWN_MS + 1 }, { ok: false, reason: 'too-soon' }],
    ['redirected exactly a cool-down ago', { network: 'online', causeOffline: false, lastRedirectAt: NOW - REDIRECT_COOLDOWN_MS }, { ok: true }],
    ['a clock that went back', { network: 'online', causeOffline: false, lastRedirectAt: NOW + 1000 }, { ok: false, reason: 'too-soon' }],
    ['offline and too soon: offline first', { network: 'offline', causeOffline: false, lastRedirectAt: NOW - 1000 }, { ok: false, reason: 'offline' }],
  ] as const)('%s', (_label, input, verdict) => {
    expect(redirectAllowed({ ...input, now: NOW })).toEqual(verdict);
  });
});
