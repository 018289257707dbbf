import { FaultServer, KAKAO_HTTP_PORT_FIREFOX } from '../../fixtures/fault-server.ts';
import { launchChromium } from './chromium.ts';
import { launchFirefox } from './firefox.ts';
import { detourMessage, poll, type BrowserSession, type LaunchOptions, type Tab } from './types.ts';
import { OPTIONS_PAGE_PATH, POPUP_PAGE_PATH } from './paths.ts';

export type BrowserName = 'chromium' | 'firefox';
const ALL_BROWSERS: readonly BrowserName[] = ['chromium', 'firefox'];
/**
 * The browsers this run tests: both, or the one DETOUR_E2E_BROWSER names (npm test runs one process
 * per browser side by side: Chromium's rigs take free ports, Firefox's the fixed 80 and 443).
 */
export const BROWSERS: readonly BrowserName[] = browsersOfRun(process.env.DETOUR_E2E_BROWSER);

export function browsersOfRun(only: string | undefined): readonly BrowserName[] {
  if (!only) return ALL_BROWSERS;
  if (!ALL_BROWSERS.includes(only as BrowserName)) throw new Error(`DETOUR_E2E_BROWSER=${only}: expected one of ${ALL_BROWSERS.join(', ')}`);
  return [only as BrowserName];
}

/** Cases only one browser has (a service worker to stop, Chromium's tab limits): run where that browser runs. */
export const runsIn = (name: BrowserName): boolean => BROWSERS.includes(name);

/** Firefox resolves Kakao's names to 127.0.0.1 and every other name to 127.0.0.2, both on port 443. */
const FIREFOX_FRONTS = { kakao: { host: '127.0.0.1', port: 443 }, other: { host: '127.0.0.2', port: 443 }, kakaoHttpPort: KAKAO_HTTP_PORT_FIREFOX };

export interface Rig {
  readonly server: FaultServer;
  readonly browser: BrowserSession;
  /**
   * Brings every service back to "up" the way a user would see it happen: two rounds of "check now"
   * against a healthy server. Tests that share a browser call it so one test's outage (which Detour
   * rightly remembers) does not decide the next test.
   */
  recover(): Promise<void>;
  close(): Promise<void>;
}

/** A fault server and a browser with the built extension, routed to it. */
export async function startRig(name: BrowserName, options: LaunchOptions = {}): Promise<Rig> {
  const server = await FaultServer.start(name === 'firefox' ? FIREFOX_FRONTS : undefined);
  try {
    const browser = name === 'chromium' ? await launchChromium(server, options) : await launchFirefox(server, options);
    if (!options.withoutExtension) await waitForBackground(browser);
    let control: Tab | undefined;
    return {
      server,
      browser,
      async recover() {
        server.clearRules();
        await server.setTransport('normal');
        if (!control) {
          control = await browser.newTab();
          await control.goto(`${browser.extensionOrigin}${OPTIONS_PAGE_PATH}`);
        }
        // Two good answers bring a service back up; on a loaded machine a probe can time out and count
        // against it, so a few more rounds are allowed until nothing is left down or degraded.
        for (let round = 0; round < 6; round += 1) {
          const settled = await control.evaluate<boolean>(
            detourMessage('health/check-now', null, "(view) => Object.values(view.state.services).every((service) => service.status !== 'down' && service.status !== 'degraded')"),
          );
          if (settled && round >= 1) break;
        }
      },
      async close() {
        await browser.close().catch(() => undefined);
        await server.close();
      },
    };
  } catch (error) {
    await server.close();
    throw error;
  }
}

/**
 * The browser reports the extension loaded before its background has run: a navigation in that gap
 * goes unseen (measured: 5 misses in 6 fresh Chromium starts). The popup's switch enables only once
 * the background has answered it, so its listeners are in place.
 */
async function waitForBackground(browser: BrowserSession): Promise<void> {
  const popup = await browser.newTab();
  await popup.goto(`${browser.extensionOrigin}${POPUP_PAGE_PATH}`);
  await poll(() => popup.evaluate<boolean>(`document.querySelector('[data-testid=enabled-switch]')?.disabled === false`), Boolean, 15_000, 'the background to answer');
  await popup.close();
}

export { detourMessage } from './types.ts';
export type { BrowserSession, Tab } from './types.ts';
