import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS, startRig, type Rig } from './harness/index.ts';
import { poll } from './harness/types.ts';
import { OPTIONS_PAGE_PATH } from './harness/paths.ts';

/** The options page links to the privacy policy packaged with the extension (PRIVACY.md as privacy.html). */
describe.each(BROWSERS)('the privacy policy in %s', (browserName) => {
  let rig: Rig;
  beforeAll(async () => {
    rig = await startRig(browserName);
  });
  afterAll(async () => {
    await rig?.close();
  });

  it('is linked from the options page, in Korean, and opens offline from the package', async () => {
    const options = await rig.browser.newTab();
    await options.goto(`${rig.browser.extensionOrigin}${OPTIONS_PAGE_PATH}`);
    await poll(
      () => options.text('[data-testid=privacy] a'),
      (text) => text === '개인정보 처리방침',
      5000,
      'the privacy link',
    );
    const href = await options.evaluate<string>(`document.querySelector('[data-testid=privacy] a').href`);
    expect(href).toBe(`${rig.browser.extensionOrigin}privacy.html`);
    await options.close();

    const policy = await rig.browser.newTab();
    await policy.goto(href);
    await poll(
      () => policy.text('h2#english'),
      (text) => text === 'English',
      5000,
      'the policy page',
    );
    expect(await policy.text('h1')).toBe('개인정보 처리방침 · Privacy policy');
    expect(await policy.evaluate<string>('document.body.textContent')).toContain('https://map.kakao.com/favicon.ico');
    await policy.close();
  });
});
