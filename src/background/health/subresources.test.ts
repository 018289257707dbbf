import { describe, expect, it } from 'vitest';
import type { SubresourceOutcome } from '../../core/health/signals.ts';
import type { HealthEvent } from '../../core/health/types.ts';
import { createSubresources } from './subresources.ts';

const PAGE = 'https://map.kakao.com/?q=판교';
const TILE = (i: number) => `https://map${i % 4}.daumcdn.net/tile/${i}.png`;

function rig(options: { counts?: unknown; withheldStatus?: number } = {}) {
  const dispatched: HealthEvent[][] = [];
  const asked: Array<readonly string[]> = [];
  const timers: Array<() => void> = [];
  const subresources = createSubresources({
    dispatch: async (events) => void dispatched.push([...events]),
    settleWithheld: async (outcome) => ({ type: 'response', tabId: outcome.tabId, pageUrl: outcome.pageUrl, url: outcome.url, statusCode: options.withheldStatus ?? 200 }),
    askCounts: async (_tabId, failed) => {
      asked.push(failed);
      return options.counts;
    },
    setTimer: (run) => void timers.push(run),
    now: () => 1000,
    report: (error) => {
      throw error;
    },
  });
  return {
    subresources,
    dispatched,
    asked,
    async fire() {
      for (const run of timers.splice(0)) run();
      await new Promise((resolve) => setTimeout(resolve, 0));
    },
  };
}

const error = (i: number, code = 'net::ERR_CONNECTION_REFUSED', resource = 'image'): SubresourceOutcome => ({ type: 'error', tabId: 3, pageUrl: PAGE, url: TILE(i), error: code, resource });
const oks = (events: HealthEvent[]) => events.filter((event) => event.type === 'subresource' && event.ok).length;
const fails = (events: HealthEvent[]) => events.filter((event) => event.type === 'subresource' && !event.ok).length;

describe('sub-resources: failures weighed against the page own count', () => {
  it('gathers a tab failures, asks the page once with their addresses, and puts its successes first', async () => {
    const r = rig({ counts: { ok: 250, failed: [] } });
    for (let i = 0; i < 6; i += 1) r.subresources.onError(error(i));
    await r.fire();
    expect(r.asked).toEqual([[TILE(0), TILE(1), TILE(2), TILE(3), TILE(4), TILE(5)]]);
    const events = r.dispatched[0]!;
    expect(fails(events)).toBe(6);
    // Bounded like the engine's window; the failures are the newest samples.
    expect(oks(events)).toBe(194);
    expect(events.at(-1)).toMatchObject({ ok: false });
  });

  it('weighs the failures alone when the page cannot answer', async () => {
    const r = rig({ counts: undefined });
    for (let i = 0; i < 5; i += 1) r.subresources.onError(error(i));
    await r.fire();
    expect(oks(r.dispatched[0]!)).toBe(0);
    expect(fails(r.dispatched[0]!)).toBe(5);
  });

  it('ignores aborted requests and a page answer that does not parse', async () => {
    const r = rig({ counts: { ok: -3, failed: 'x' } });
    r.subresources.onError(error(1, 'net::ERR_ABORTED', 'xmlhttprequest'));
    await r.fire();
    expect(r.dispatched).toEqual([]);
  });

  it("settles Firefox's aborted script with the server: a 503 counts as a failure, a 200 as a success", async () => {
    const down = rig({ withheldStatus: 503, counts: { ok: 0, failed: [] } });
    down.subresources.onError(error(1, 'NS_BINDING_ABORTED', 'script'));
    await new Promise((resolve) => setTimeout(resolve, 0));
    await down.fire();
    expect(fails(down.dispatched[0]!)).toBe(1);
    const up = rig({ withheldStatus: 200, counts: { ok: 0, failed: [] } });
    up.subresources.onError(error(1, 'NS_BINDING_ABORTED', 'script'));
    await new Promise((resolve) => setTimeout(resolve, 0));
    await up.fire();
    expect(oks(up.dispatched[0]!)).toBe(1);
  });

  it("takes a page's own 5xx report only for the sender's service and Kakao's https addresses", async () => {
    const r = rig();
    await r.subresources.onPageReport({ ok: 2, failed: ['https://dapi.kakao.com/a', 'https://dapi.kakao.com:81/b', 'http://dapi.kakao.com/c', 'https://evil.example/d'] }, PAGE);
    expect(fails(r.dispatched[0]!)).toBe(1);
    expect(oks(r.dispatched[0]!)).toBe(2);
    await r.subresources.onPageReport({ ok: 0, failed: ['https://dapi.kakao.com/a'] }, 'https://www.naver.com/');
    expect(r.dispatched).toHaveLength(1);
  });
});
