import { describe, expect, it } from 'vitest';
import { initialHealth } from '../../core/health/engine.ts';
import type { HealthState } from '../../core/health/types.ts';
import { DEFAULTS } from '../../core/settings/index.ts';
import { fakeClock } from '../../../test/support/fake-clock.ts';
import { QUIET_WRITE_MS, createHealth, type ProbeOutcome } from './health.ts';

function rig(options: { probe?: (url: string) => ProbeOutcome | Promise<ProbeOutcome>; stored?: HealthState } = {}) {
  const clock = fakeClock(1_800_000_000_000);
  const writes: HealthState[] = [];
  const withHistory: boolean[] = [];
  let reads = 0;
  const notifications: string[] = [];
  const badges: string[] = [];
  const health = createHealth({
    persistence: {
      read: async () => {
        reads += 1;
        return options.stored ?? initialHealth(clock.now());
      },
      write: async (state, parts) => {
        writes.push(state);
        withHistory.push(parts.history);
      },
    },
    settings: async () => DEFAULTS,
    now: clock.now,
    probe: async (url) => (await options.probe?.(url)) ?? { ok: true, latencyMs: 20 },
    notify: async (_id, service, transition) => void notifications.push(`${service}:${transition}`),
    setBadge: async (summary) => void badges.push(summary.verdict),
    ensureAlarm: async () => undefined,
    clearAlarm: async () => undefined,
    openServices: async () => [],
    setTimer: clock.setTimer,
    clearTimer: clock.clearTimer,
  });
  return {
    health,
    writes,
    withHistory,
    reads: () => reads,
    notifications,
    badges,
    now: clock.now,
    async advance(ms: number) {
      clock.tick(ms);
      await new Promise((resolve) => setTimeout(resolve, 0));
    },
  };
}

describe('health in memory', () => {
  it('reads storage once per worker life, however many events come', async () => {
    const r = rig();
    for (let i = 0; i < 50; i += 1) await r.health.dispatch([{ type: 'subresource', service: 'kakaomap', ok: true, at: r.now() }]);
    await r.health.view();
    expect(r.reads()).toBe(1);
  });

  it('writes a transition at once, and what is not one at most once a minute', async () => {
    const r = rig();
    await r.health.dispatch([{ type: 'main-frame-failure', service: 'kakaomap', cause: { kind: 'refused' }, url: 'https://map.kakao.com/', at: r.now() }]);
    expect(r.writes).toHaveLength(1);
    expect(r.writes[0]!.services.kakaomap.status).toBe('down');
    for (let i = 0; i < 30; i += 1) {
      await r.health.dispatch([{ type: 'subresource', service: 'daumsearch', ok: true, at: r.now() }]);
      await r.advance(1000);
    }
    expect(r.writes).toHaveLength(1);
    await r.advance(QUIET_WRITE_MS);
    expect(r.writes).toHaveLength(2);
    expect(r.writes[1]!.services.daumsearch.subresources.length).toBeGreaterThan(0);
    // A status change carries the history with it (what was accounted until then); the quiet write too.
    expect(r.withHistory).toEqual([true, true]);
  });

  it('answers a view from memory and never writes for it', async () => {
    const r = rig();
    await r.health.dispatch([{ type: 'main-frame-ok', service: 'kakaomap', url: 'https://map.kakao.com/', at: r.now() }]);
    const writes = r.writes.length;
    const view = await r.health.view();
    expect(view.state.services.kakaomap.status).toBe('up');
    expect(r.writes.length).toBe(writes);
  });

  it('keeps events in order even when dispatched concurrently', async () => {
    const r = rig();
    const at = r.now();
    await Promise.all([
      r.health.dispatch([{ type: 'main-frame-failure', service: 'kakaomap', cause: { kind: 'refused' }, url: 'https://map.kakao.com/', at }]),
      r.health.dispatch([{ type: 'main-frame-failure', service: 'kakaomap', cause: { kind: 'refused' }, url: 'https://map.kakao.com/', at: at + 10 }]),
    ]);
    const { state } = await r.health.view();
    expect(state.services.kakaomap.confirmed).toBe(true);
    expect(r.notifications).toEqual(['kakaomap:down']);
  });

  it('flush writes what is pending', async () => {
    const r = rig();
    await r.health.dispatch([{ type: 'subresource', service: 'daumsearch', ok: true, at: r.now() }]);
    expect(r.writes).toHaveLength(0);
    await r.health.flush();
    expect(r.writes).toHaveLength(1);
  });

  it('a probe round is one transition write, with the badge', async () => {
    const r = rig({ probe: (url) => (url.includes('map.kakao.com') ? { ok: false, latencyMs: null, cause: { kind: 'network' } } : { ok: true, latencyMs: 10 }) });
    await r.health.dispatch([{ type: 'main-frame-failure', service: 'kakaomap', cause: { kind: 'refused' }, url: 'https://map.kakao.com/', at: r.now() }]);
    const view = await r.health.check(['kakaomap'], 'user');
    expect(view.state.services.kakaomap.confirmed).toBe(true);
    expect(r.badges.at(-1)).toBe('some-down');
  });
});

describe('probe answers out of order', () => {
  it('ignores a probe that answers after a newer one (a hung server timing out after a recovery)', async () => {
    let release: (outcome: ProbeOutcome) => void = () => undefined;
    let round = 0;
    const r = rig({
      probe: (url) => {
        if (!url.includes('map.kakao.com')) return { ok: true, latencyMs: 5 };
        round += 1;
        // The first probe of KakaoMap hangs until released; the later ones answer at once.
        return round === 1 ? new Promise<ProbeOutcome>((resolve) => (release = resolve)) : { ok: true, latencyMs: 5 };
      },
    });
    await r.health.dispatch([{ type: 'main-frame-failure', service: 'kakaomap', cause: { kind: 'timeout' }, url: 'https://map.kakao.com/', at: r.now() }]);
    const stale = r.health.check(['kakaomap'], 'failure');
    await new Promise((resolve) => setTimeout(resolve, 0));
    await r.advance(1000);
    await r.health.check(['kakaomap'], 'user');
    await r.advance(1000);
    await r.health.check(['kakaomap'], 'user');
    expect((await r.health.view()).state.services.kakaomap.status).toBe('up');
    release({ ok: false, latencyMs: null, cause: { kind: 'timeout' } });
    await stale;
    const after = (await r.health.view()).state.services.kakaomap;
    expect(after.status).toBe('up');
    expect(r.notifications).not.toContain('kakaomap:down');
  });
});

describe('what a transition writes', () => {
  it('carries the history with a suspicion and with its confirmation (each changes what is counted)', async () => {
    const r = rig();
    await r.health.dispatch([{ type: 'main-frame-failure', service: 'kakaomap', cause: { kind: 'refused' }, url: 'https://map.kakao.com/', at: r.now() }]);
    // A second failure confirms it: a confirmation counts too (down is counted only when confirmed).
    await r.health.dispatch([{ type: 'main-frame-failure', service: 'kakaomap', cause: { kind: 'refused' }, url: 'https://map.kakao.com/', at: r.now() + 1 }]);
    expect(r.withHistory).toEqual([true, true]);
  });
});
