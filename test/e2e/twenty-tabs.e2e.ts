import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runsIn, startRig, type Rig, type Tab } from './harness/index.ts';
import { FALLBACK_PAGE_PATH as FALLBACK } from '../../src/core/rescue/fallback-query.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// Issue 12, finding 10: twenty tabs of a failing service at once must all end on the fallback page.
// Once seen failing for one tab, never reproduced since (5 rounds of 20 under a load average of 24):
// kept as a guard, both ways a load fails (refused, and 503 after the first round has confirmed the
// outage, which takes the known-down short-cut instead).
describe.runIf(runsIn('chromium'))('twenty tabs failing at once in chromium', () => {
  let rig: Rig;
  beforeAll(async () => {
    rig = await startRig('chromium');
  });
  afterAll(async () => {
    await rig?.close();
  });

  it.each([1, 2])('round %i: every tab ends on the fallback page', async (round) => {
    rig.server.clearRules();
    await rig.server.setTransport(round % 2 === 0 ? 'normal' : 'refuse', 'kakao');
    if (round % 2 === 0) rig.server.setRule('map.kakao.com', { kind: 'status', status: 503 });
    const tabs: Tab[] = await Promise.all(Array.from({ length: 20 }, () => rig.browser.newTab()));
    await Promise.all(tabs.map((tab, i) => tab.goto(`https://map.kakao.com/?q=r${round}t${i}`)));
    const deadline = Date.now() + 15_000;
    let urls: string[] = [];
    while (Date.now() < deadline) {
      urls = await Promise.all(tabs.map((tab) => tab.url()));
      if (urls.every((url) => url.startsWith(rig.browser.extensionOrigin + FALLBACK))) break;
      await sleep(200);
    }
    const stuck = urls.filter((url) => !url.startsWith(rig.browser.extensionOrigin + FALLBACK));
    await Promise.all(tabs.map((tab) => tab.close()));
    await rig.server.setTransport('normal', 'kakao');
    expect(stuck).toEqual([]);
  });
});
