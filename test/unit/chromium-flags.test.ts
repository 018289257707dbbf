import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PLAYWRIGHT_DISABLED_FEATURES, USERS_DISABLED_FEATURES } from '../e2e/harness/users-chrome.ts';

describe("the tests' Chromium runs as a user's Chrome", () => {
  it("keeps Playwright's disabled features but for HTTPS upgrades (the list follows Playwright's)", () => {
    const source = readFileSync(new URL('../../node_modules/playwright-core/lib/coreBundle.js', import.meta.url), 'utf8');
    const list = /disabledFeatures = \[([\s\S]*?)\]\.filter/.exec(source)?.[1] ?? '';
    const playwright = [...list.matchAll(/^\s*"([A-Za-z]+)"/gm)].map((match) => match[1]);
    expect(playwright).toEqual(PLAYWRIGHT_DISABLED_FEATURES);
    expect(USERS_DISABLED_FEATURES).not.toMatch(/HttpsUpgrades|HttpsFirstBalancedModeAutoEnable/);
    expect(USERS_DISABLED_FEATURES).toMatch(/^--disable-features=AvoidUnnecessaryBeforeUnloadCheckSync,/);
  });
});
