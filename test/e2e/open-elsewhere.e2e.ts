import { describe, expect, it } from 'vitest';
import { menuPlan } from '../../src/core/open-elsewhere/menu.ts';
import { BROWSERS } from './harness/index.ts';
import { useRig } from './harness/suite.ts';
import { OPTIONS_PAGE_PATH } from './harness/paths.ts';

/**
 * "다른 서비스에서 열기": the browser holds the menu items the plan asks for. Neither browser lets a
 * test open a context menu or press an extension shortcut from the debugging protocol (CDP key events
 * reach the page, not the browser's shortcut handling), so what a click opens is unit-tested on the
 * pure logic (src/core/open-elsewhere/menu.test.ts). Here: the items exist, as an extension page sees
 * them.
 * contextMenus.update fails for an id the browser does not have; an empty update changes nothing.
 */
const UPDATE_EACH = (ids: string[]) => `(async () => {
  const api = globalThis.browser ?? globalThis.chrome;
  const results = {};
  for (const id of ${JSON.stringify(ids)}) {
    results[id] = await new Promise((resolve) => {
      const done = () => resolve((globalThis.chrome ?? api).runtime.lastError ? 'missing' : 'present');
      const returned = api.contextMenus.update(id, {}, done);
      if (returned && typeof returned.then === 'function') returned.then(() => resolve('present'), () => resolve('missing'));
    });
  }
  return results;
})()`;

describe.each(BROWSERS)('"open in another service" menu in %s', (browserName) => {
  const rig = useRig(browserName, { recoverBeforeEach: false });

  it('has its parent and one item per alternative, in both contexts', async () => {
    const tab = await rig.browser.newTab();
    await tab.goto(`${rig.browser.extensionOrigin}${OPTIONS_PAGE_PATH}`);
    const ids = menuPlan().map((item) => item.id);
    const found = await tab.evaluate<Record<string, string>>(UPDATE_EACH([...ids, 'detour-page:nonexistent']));
    expect(
      Object.entries(found)
        .filter(([, state]) => state === 'missing')
        .map(([id]) => id),
    ).toEqual(['detour-page:nonexistent']);
    await tab.close();
  });
});
