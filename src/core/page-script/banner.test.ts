import { describe, expect, it } from 'vitest';
import { bannerReason, newlyDegraded, parseSnoozed, type BannerFacts } from './banner.ts';
import { initialHealth } from '../health/engine.ts';
import type { Evidence, HealthState, ServiceHealth } from '../health/types.ts';

const NOW = 1_700_000_000_000;

function withService(patch: Partial<ServiceHealth>, state: HealthState = initialHealth(NOW)): HealthState {
  return { ...state, services: { ...state.services, kakaomap: { ...state.services.kakaomap, ...patch } } };
}

const subresources: Evidence = { kind: 'subresources', failed: 8, total: 8 };
const maintenance: Evidence = { kind: 'error-page', url: 'https://map.kakao.com/', page: 'maintenance' };
const refused: Evidence = { kind: 'main-frame', cause: { kind: 'refused' }, url: 'https://map.kakao.com/' };

function facts(state: HealthState, patch: Partial<BannerFacts> = {}): BannerFacts {
  return { state, service: 'kakaomap', enabled: true, mode: 'suggest', snoozed: false, ...patch };
}

describe('bannerReason', () => {
  it('shows nothing once the user turned the banner off for good, whatever the mode', () => {
    const degraded = withService({ status: 'degraded', confirmed: true, evidence: subresources });
    expect(bannerReason(facts(degraded, { bannerOff: true }))).toBeUndefined();
    expect(bannerReason(facts(degraded, { bannerOff: true, mode: 'redirect' }))).toBeUndefined();
    expect(bannerReason(facts(degraded, { bannerOff: false }))).toBe('degraded');
  });

  it('shows nothing on a permanent exception', () => {
    expect(bannerReason(facts(withService({ status: 'degraded', confirmed: true, evidence: maintenance }), { exception: true }))).toBeUndefined();
  });

  it('shows a degraded service', () => {
    expect(bannerReason(facts(withService({ status: 'degraded', confirmed: true, evidence: subresources })))).toBe('degraded');
  });

  it('calls a degradation an error page when an error page is the evidence', () => {
    const error: Evidence = { kind: 'error-page', url: 'https://map.kakao.com/', page: 'error' };
    expect(bannerReason(facts(withService({ status: 'degraded', confirmed: true, evidence: error })))).toBe('error-page');
  });

  it('shows a service down on the word of its maintenance page', () => {
    expect(bannerReason(facts(withService({ status: 'down', confirmed: true, evidence: maintenance })))).toBe('error-page');
  });

  it('shows an error page even when an earlier failure is still the recorded evidence', () => {
    const state = withService({ status: 'down', confirmed: true, evidence: refused });
    expect(bannerReason(facts(state, { pageIsErrorPage: true }))).toBe('error-page');
  });

  it('leaves a service down for failed loads to the fallback page', () => {
    expect(bannerReason(facts(withService({ status: 'down', confirmed: true, evidence: refused })))).toBeUndefined();
    expect(bannerReason(facts(withService({ status: 'down', confirmed: false, evidence: refused })))).toBeUndefined();
  });

  it.each(['up', 'unknown'] as const)('never shows a service that is %s', (status) => {
    expect(bannerReason(facts(withService({ status, evidence: null })))).toBeUndefined();
    expect(bannerReason(facts(withService({ status, evidence: null }), { pageIsErrorPage: false }))).toBeUndefined();
  });

  it('never shows while snoozed, disabled or switched off for the service', () => {
    const state = withService({ status: 'degraded', confirmed: true, evidence: subresources });
    expect(bannerReason(facts(state, { snoozed: true }))).toBeUndefined();
    expect(bannerReason(facts(state, { enabled: false }))).toBeUndefined();
    expect(bannerReason(facts(state, { mode: 'off' }))).toBeUndefined();
    expect(bannerReason(facts(state, { mode: 'redirect' }))).toBe('degraded');
  });

  it("never shows while the user's own network is down", () => {
    const state = { ...withService({ status: 'degraded', confirmed: true, evidence: subresources }), network: 'offline' as const };
    expect(bannerReason(facts(state))).toBeUndefined();
  });

  it('looks only at its own service', () => {
    const state = withService({ status: 'degraded', confirmed: true, evidence: subresources });
    expect(bannerReason(facts(state, { service: 'daumsearch' }))).toBeUndefined();
  });
});

describe('newlyDegraded', () => {
  const degraded = withService({ status: 'degraded', confirmed: true, evidence: subresources });

  it('names services that just became degraded', () => {
    expect(newlyDegraded(initialHealth(NOW), degraded)).toEqual(['kakaomap']);
    expect(newlyDegraded(withService({ status: 'up' }), degraded)).toEqual(['kakaomap']);
  });

  it('names none that stayed degraded, recovered or went down', () => {
    expect(newlyDegraded(degraded, degraded)).toEqual([]);
    expect(newlyDegraded(degraded, withService({ status: 'up' }))).toEqual([]);
    expect(newlyDegraded(initialHealth(NOW), withService({ status: 'down', evidence: maintenance }))).toEqual([]);
  });
});

describe('parseSnoozed', () => {
  it('keeps catalogued service ids only', () => {
    expect(parseSnoozed(['kakaomap', 'nope', 3, 'daumsearch'])).toEqual(expect.arrayContaining(['kakaomap', 'daumsearch']));
    expect(parseSnoozed(['kakaomap', 'nope'])).toEqual(['kakaomap']);
  });

  it.each([undefined, null, 'kakaomap', { kakaomap: true }, 1])('reads %j as nothing snoozed', (stored) => {
    expect(parseSnoozed(stored)).toEqual([]);
  });
});
