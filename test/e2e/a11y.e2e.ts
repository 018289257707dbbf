import { beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, seriousOrCritical } from './harness/axe.ts';
import { BROWSERS, type Tab } from './harness/index.ts';
import { useRig } from './harness/suite.ts';
import { poll } from './harness/types.ts';
import { FALLBACK_PAGE_PATH as FALLBACK } from '../../src/core/rescue/fallback-query.ts';
import { OPTIONS_PAGE_PATH as OPTIONS, POPUP_PAGE_PATH as POPUP } from './harness/paths.ts';

/** The pages' background colour in each scheme (base.css), to show the scheme really took effect. */
const BACKGROUND = { light: 'rgb(255, 255, 255)', dark: 'rgb(23, 23, 28)' } as const;

const SCHEMES = ['light', 'dark'] as const;

describe.each(BROWSERS.flatMap((browser) => SCHEMES.map((scheme) => [browser, scheme] as const)))('accessibility in %s, %s scheme', (browserName, scheme) => {
  const rig = useRig(browserName, { colorScheme: scheme, recoverBeforeEach: false });
  let fallback: Tab;

  beforeAll(async () => {
    // Rows of every kind in the popup: most services up, Melon down (a 503 confirmed by its probe),
    // and a refused KakaoMap search, which also leaves the fallback page open with its alternatives.
    await rig.recover();
    rig.server.setRule('www.melon.com', { kind: 'status', status: 503 });
    const melon = await rig.browser.newTab();
    await melon.goto('https://www.melon.com/search/total/index.htm?q=a11y');
    await melon.waitForUrl((url) => url.startsWith(rig.browser.extensionOrigin + FALLBACK));
    await melon.close();
    await rig.server.setTransport('refuse', 'kakao');
    fallback = await rig.browser.newTab();
    await fallback.goto('https://map.kakao.com/link/search/%ED%8C%90%EA%B5%90%EC%97%AD');
    await fallback.waitForUrl((url) => url.startsWith(rig.browser.extensionOrigin + FALLBACK));
    await poll(
      () => fallback.evaluate<number>(`document.querySelectorAll('[data-testid=alternatives] a').length`),
      (count) => count > 1,
      10_000,
      'the alternatives',
    );
  });

  async function open(path: string, ready: string): Promise<Tab> {
    const tab = await rig.browser.newTab();
    await tab.goto(rig.browser.extensionOrigin + path);
    await expect.poll(() => tab.evaluate<boolean>(ready), { timeout: 10_000 }).toBe(true);
    return tab;
  }

  /** What axe found, as "rule (impact): element: summary" lines, so a failure says what to fix. */
  async function problems(tab: Tab): Promise<string[]> {
    return seriousOrCritical(await axeViolations(tab)).flatMap((violation) => violation.nodes.map((node) => `${violation.id} (${violation.impact}): ${node}`));
  }

  it(`the pages are drawn in the ${scheme} scheme`, async () => {
    const popup = await open(POPUP, `document.documentElement.dataset.painted === 'fresh'`);
    expect(await popup.evaluate<boolean>(`matchMedia('(prefers-color-scheme: dark)').matches`)).toBe(scheme === 'dark');
    expect(await popup.evaluate<string>(`getComputedStyle(document.documentElement).backgroundColor`)).toBe(BACKGROUND[scheme]);
    await popup.close();
  });

  it('popup: no serious or critical violation, with up, down and suspect rows, history bars and the page alternatives', async () => {
    const popup = await open(POPUP, `document.documentElement.dataset.painted === 'fresh' && !!document.querySelector('[data-service=melon][data-status=down]')`);
    expect(await popup.evaluate<number>(`document.querySelectorAll('[data-testid=history]').length`)).toBeGreaterThan(10);
    expect(await problems(popup)).toEqual([]);
    await popup.close();
  });

  it('options: no serious or critical violation', async () => {
    const options = await open(OPTIONS, `document.querySelector('input[name=language][value=auto]')?.matches(':enabled') === true`);
    expect(await problems(options)).toEqual([]);
    await options.close();
  });

  it('fallback page after a refused KakaoMap load: no serious or critical violation', async () => {
    expect(await fallback.text('[data-testid=cause]')).toBe('연결이 거부되었습니다');
    expect(await problems(fallback)).toEqual([]);
  });

  it('the popup is keyboard operable: Tab reaches every control, each with a visible focus ring', async () => {
    const popup = await open(POPUP, `document.documentElement.dataset.painted === 'fresh'`);
    const controls = await popup.evaluate<number>(`document.querySelectorAll('main a[href], main button:not([disabled]), main input:not([disabled]), main [tabindex="0"]').length`);
    const reached: string[] = [];
    for (let i = 0; i < controls; i += 1) {
      await popup.press('Tab');
      reached.push(
        await popup.evaluate<string>(`(() => {
          const element = document.activeElement;
          // The switch's checkbox is visually hidden: its track draws the ring.
          const drawn = element.closest('label.switch')?.querySelector('.switch-track') ?? element;
          const style = getComputedStyle(drawn);
          const ring = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
          return (element.dataset.testid ?? element.dataset.alternative ?? element.tagName.toLowerCase()) + (ring ? '' : ' (no focus ring)');
        })()`),
      );
    }
    expect(reached).toEqual(expect.arrayContaining(['check-now', 'enabled-switch']));
    expect(reached.filter((entry) => entry.endsWith('(no focus ring)'))).toEqual([]);
    await popup.close();
  }, 180_000);
  it('reports a violation planted in an extension page (so "none" above means something)', async () => {
    const options = await open(OPTIONS, `!!document.querySelector('main')`);
    await options.evaluate(`(() => {
      const input = document.createElement('input');
      input.type = 'text';
      const image = document.createElement('img');
      image.src = 'data:image/gif;base64,R0lGODlhAQABAAAAACw=';
      document.querySelector('main').append(input, image);
      return true;
    })()`);
    const ids = seriousOrCritical(await axeViolations(options)).map((violation) => violation.id);
    expect(ids).toEqual(expect.arrayContaining(['label', 'image-alt']));
    await options.close();
  });
});
