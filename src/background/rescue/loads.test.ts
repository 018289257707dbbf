import { describe, expect, it } from 'vitest';
import { fakeClock } from '../../../test/support/fake-clock.ts';
import { createLoads, type Load } from './loads.ts';

/** A clock and timers that move only when told, and a tab that says whether a document committed. */
function rig(options: { committed?: boolean; tab?: { title: string; url: string } } = {}) {
  const clock = fakeClock(1_000_000);
  const hangs: Array<{ load: Load; waitedMs: number }> = [];
  let committed = options.committed ?? false;
  const loads = createLoads({
    now: clock.now,
    setTimer: clock.setTimer,
    clearTimer: clock.clearTimer,
    committedSince: async () => committed,
    tabInfo: async () => options.tab,
    onHang: (load, waitedMs) => hangs.push({ load, waitedMs }),
  });
  return {
    loads,
    hangs,
    pendingTimers: clock.pending,
    setCommitted: (value: boolean) => (committed = value),
    async advance(ms: number) {
      clock.tick(ms);
      // Let the hang check's promise settle.
      for (let i = 0; i < 5; i += 1) await Promise.resolve();
    },
  };
}

const URL_A = 'https://map.kakao.com/?q=a';

describe('loads: hangs', () => {
  it('reports a load that has not answered within the limit, once', async () => {
    const r = rig();
    r.loads.start('1', 7, URL_A, 3000);
    await r.advance(2999);
    expect(r.hangs).toHaveLength(0);
    await r.advance(1);
    expect(r.hangs.map(({ load, waitedMs }) => [load.requestId, load.tabId, waitedMs])).toEqual([['1', 7, 3000]]);
    await r.advance(10_000);
    expect(r.hangs).toHaveLength(1);
  });

  it('never reports a load whose headers arrived', async () => {
    const r = rig();
    r.loads.start('1', 7, URL_A, 3000);
    r.loads.answered('1', 200);
    await r.advance(60_000);
    expect(r.hangs).toHaveLength(0);
    expect(r.pendingTimers()).toBe(0);
  });

  it('never reports a load whose document committed while its answer was still queued (a busy machine)', async () => {
    const r = rig({ committed: true });
    r.loads.start('1', 7, URL_A, 3000);
    await r.advance(3000);
    expect(r.hangs).toHaveLength(0);
    // And it can no longer be claimed by a late failure event either.
    expect(r.loads.claim('1')).toBe(false);
  });

  it('does not report a load whose headers arrive while the tab is being asked', async () => {
    const r = rig();
    let answer: (value: boolean) => void = () => undefined;
    const loads = createLoads({
      now: () => 0,
      setTimer: (run) => {
        setTimeout(run, 0);
        return 1;
      },
      clearTimer: () => undefined,
      committedSince: () => new Promise((resolve) => (answer = resolve)),
      tabInfo: async () => undefined,
      onHang: (load, waitedMs) => r.hangs.push({ load, waitedMs }),
    });
    loads.start('1', 7, URL_A, 3000);
    await new Promise((resolve) => setTimeout(resolve, 5));
    loads.answered('1', 200);
    answer(false);
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(r.hangs).toHaveLength(0);
  });

  it('a new load in the same tab ends the older one: only the newer can hang', async () => {
    const r = rig();
    r.loads.start('1', 7, URL_A, 3000);
    await r.advance(1000);
    r.loads.start('2', 7, 'https://map.kakao.com/?q=b', 3000);
    await r.advance(2500);
    expect(r.hangs).toHaveLength(0);
    await r.advance(500);
    expect(r.hangs.map(({ load }) => load.requestId)).toEqual(['2']);
  });

  it('times nothing for a load outside any tab', async () => {
    const r = rig();
    expect(r.loads.start('1', -1, URL_A, 3000)).toBeUndefined();
    await r.advance(10_000);
    expect(r.hangs).toHaveLength(0);
  });

  it('a redirect keeps the load (same request id) and restarts its timer at the new address', async () => {
    const r = rig();
    r.loads.start('1', 7, 'https://map.daum.net/', 3000);
    await r.advance(2000);
    r.loads.start('1', 7, URL_A, 3000);
    await r.advance(2000);
    expect(r.hangs).toHaveLength(0);
    await r.advance(1000);
    expect(r.hangs[0]?.load.url).toBe(URL_A);
  });
});

describe('loads: who may act', () => {
  it('grants the right to act once', () => {
    const r = rig();
    r.loads.start('1', 7, URL_A, 3000);
    expect(r.loads.claim('1')).toBe(true);
    expect(r.loads.claim('1')).toBe(false);
  });

  it('never to a load that answered below 500, but to one that answered with a 5xx', () => {
    const r = rig();
    r.loads.start('1', 7, URL_A, 3000);
    r.loads.answered('1', 200);
    expect(r.loads.claim('1')).toBe(false);
    r.loads.start('2', 8, URL_A, 3000);
    r.loads.answered('2', 503);
    const ended = r.loads.ended('2');
    expect(r.loads.claim('2', ended)).toBe(true);
  });

  it('a load acted on at its start cannot hang or be acted on again', async () => {
    const r = rig();
    r.loads.start('1', 7, URL_A, 3000);
    expect(r.loads.claim('1')).toBe(true);
    await r.advance(5000);
    expect(r.hangs).toHaveLength(0);
    expect(r.loads.claim('1', r.loads.ended('1'))).toBe(false);
  });

  it('a load it never saw start (a worker woken mid-load) may be acted on once', () => {
    const r = rig();
    expect(r.loads.claim('9', undefined)).toBe(true);
    expect(r.loads.claim('9', undefined)).toBe(false);
  });
});

describe('loads: what they remember', () => {
  it("keeps the title of the same service's page the load started from", async () => {
    const r = rig({ tab: { title: '판교역 - 카카오맵', url: 'https://map.kakao.com/?q=판교' } });
    const load = r.loads.start('1', 7, URL_A, 3000);
    await r.advance(0);
    expect(load?.title).toBe('판교역 - 카카오맵');
  });

  it('keeps the title of any page a short link was clicked on', async () => {
    const r = rig({ tab: { title: '판교 맛집 정리 - 네이버 블로그', url: 'https://blog.naver.com/x/1' } });
    const load = r.loads.start('1', 7, 'https://kko.to/abc123', 3000);
    await r.advance(0);
    expect(load?.title).toBe('판교 맛집 정리 - 네이버 블로그');
  });

  it("ignores another site's title", async () => {
    const r = rig({ tab: { title: 'Google', url: 'https://www.google.com/' } });
    const load = r.loads.start('1', 7, URL_A, 3000);
    await r.advance(0);
    expect(load?.title).toBeUndefined();
  });

  it('remembers which address last answered with a 5xx, until it answers well again', () => {
    const r = rig();
    r.loads.start('1', 7, URL_A, 3000);
    r.loads.answered('1', 502);
    r.loads.ended('1');
    expect(r.loads.servedError(`${URL_A}#x`)).toBe(true);
    r.loads.start('2', 7, URL_A, 3000);
    r.loads.answered('2', 200);
    // Forgotten at the headers: the new page's own script may report before the load's end arrives
    // (Firefox, fault matrix: Kakao's error page served with 200 then got no banner).
    expect(r.loads.servedError(URL_A)).toBe(false);
    r.loads.ended('2');
    expect(r.loads.servedError(URL_A)).toBe(false);
  });

  it('stays bounded however many loads never end', () => {
    const r = rig();
    for (let i = 0; i < 1000; i += 1) r.loads.start(String(i), i, URL_A, 3000);
    expect(r.loads.size()).toBeLessThanOrEqual(100);
  });
});
