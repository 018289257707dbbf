import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FaultServer } from '../../fixtures/fault-server.ts';
import { KAKAO_HOSTS, UNRESOLVABLE_NAMES } from './kakao-hosts.ts';
import { CHROMIUM, DIST_CHROME, OPTIONS_PAGE_PATH, requireBuild } from './paths.ts';
import { USERS_DISABLED_FEATURES } from './users-chrome.ts';
import { bounded, centresExpression, dragBetween, poll, type BrowserSession, type Centres, type LaunchOptions, type Tab } from './types.ts';

class ChromiumTab implements Tab {
  constructor(
    private readonly page: Page,
    private readonly extensionOrigin = '',
  ) {}

  async goto(url: string): Promise<void> {
    // A failed load rejects; the test then looks at where the tab ended up.
    await this.page.goto(url, { waitUntil: 'commit', timeout: 15_000 }).catch(() => undefined);
  }

  async url(): Promise<string> {
    return this.page.url();
  }

  waitForUrl(predicate: (url: string) => boolean, timeoutMs = 10_000): Promise<string> {
    return poll(() => this.url(), predicate, timeoutMs, 'the tab address');
  }

  async text(selector: string): Promise<string | null> {
    return this.page
      .locator(selector)
      .first()
      .textContent({ timeout: 5_000 })
      .catch(() => null);
  }

  async attribute(selector: string, name: string): Promise<string | null> {
    return this.page
      .locator(selector)
      .first()
      .getAttribute(name, { timeout: 5_000 })
      .catch(() => null);
  }

  evaluate<T>(expression: string): Promise<T> {
    return bounded(this.page.evaluate(expression) as Promise<T>, 20_000, `evaluate ${expression.slice(0, 60)}`);
  }

  async click(selector: string): Promise<void> {
    await this.page.locator(selector).first().click({ timeout: 5_000 });
  }

  async inShadow<T>(hostSelector: string, fn: string): Promise<T | null> {
    const cdp = await this.page.context().newCDPSession(this.page);
    try {
      const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
      const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: hostSelector });
      if (!nodeId) return null;
      // pierce: closed shadow roots are part of the DOM the protocol sees.
      const { node } = await cdp.send('DOM.describeNode', { nodeId, depth: 1, pierce: true });
      const shadow = node.shadowRoots?.[0];
      if (!shadow) return null;
      const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId });
      const { result, exceptionDetails } = await cdp.send('Runtime.callFunctionOn', {
        objectId: object.objectId!,
        functionDeclaration: `async function () { return JSON.stringify(await (${fn})(this)); }`,
        returnByValue: true,
        awaitPromise: true,
      });
      if (exceptionDetails) throw new Error(`inShadow: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
      return typeof result.value === 'string' ? (JSON.parse(result.value) as T) : null;
    } finally {
      await cdp.detach().catch(() => undefined);
    }
  }

  async bringToFront(): Promise<void> {
    await this.page.bringToFront();
  }

  async press(key: string): Promise<void> {
    await this.page.keyboard.press(key);
  }

  async setInputFiles(selector: string, path: string): Promise<void> {
    await this.page.locator(selector).first().setInputFiles(path, { timeout: 5_000 });
  }

  async drag(fromSelector: string, toSelector: string): Promise<void> {
    await dragBetween(this.page.mouse, await this.page.evaluate<Centres>(centresExpression(fromSelector, toSelector)), `${fromSelector} -> ${toSelector}`);
  }

  async addInitScript(source: string): Promise<void> {
    await this.page.addInitScript(source);
  }

  async countContentScriptWorlds(): Promise<() => number> {
    const origin = this.extensionOrigin.replace(/\/$/, '');
    let count = 0;
    const cdp = await this.page.context().newCDPSession(this.page);
    cdp.on('Runtime.executionContextCreated', ({ context }: { context: { origin: string; auxData?: { type?: string } } }) => {
      if (origin && context.auxData?.type === 'isolated' && context.origin === origin) count += 1;
    });
    await cdp.send('Runtime.enable');
    count = 0; // Runtime.enable replays the worlds that already exist: count from now on.
    return () => count;
  }

  async screenshot(path: string, options: { readonly fullPage?: boolean } = {}): Promise<void> {
    await this.page.screenshot({ path, fullPage: options.fullPage ?? false });
  }

  async setViewport(width: number, height: number): Promise<void> {
    await this.page.setViewportSize({ width, height });
  }

  async close(): Promise<void> {
    // runBeforeUnload off (the default) still waits for the page: bounded like every other call.
    await bounded(this.page.close(), 15_000, 'closing the tab');
  }
}

/**
 * What the user does on chrome://extensions when allowing an extension on sites: that page's own
 * site-access API records the extension's optional host patterns as allowed, without activating
 * them. The extension's permissions.request for them then needs no prompt (see LaunchOptions).
 */
async function allowOptionalHosts(context: BrowserContext, dist: string, extensionId: string): Promise<void> {
  const manifest = JSON.parse(readFileSync(`${dist}/manifest.json`, 'utf8')) as { optional_host_permissions?: string[] };
  const page = await context.newPage();
  try {
    await page.goto(`chrome://extensions/?id=${extensionId}`);
    for (const pattern of manifest.optional_host_permissions ?? []) {
      await page.evaluate(
        ([id, host]) =>
          (globalThis as unknown as { chrome: { developerPrivate: { addHostPermission(id: string, host: string): Promise<void> } } }).chrome.developerPrivate.addHostPermission(id!, host!),
        [extensionId, pattern],
      );
    }
  } finally {
    await page.close();
  }
}

/** Debian's Chromium with the built extension loaded, every hostname routed to the fault server. */
export async function launchChromium(server: FaultServer, options: LaunchOptions = {}): Promise<BrowserSession> {
  const dist = options.withoutExtension ? undefined : requireBuild(options.distDir ?? DIST_CHROME);
  const { kakao, other } = server.fronts;
  const language = options.language ?? 'ko';
  const profile = mkdtempSync(join(tmpdir(), 'detour-chromium-'));
  const locale = language === 'ko' ? 'ko-KR' : 'en-US';
  const context: BrowserContext = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: false,
    ignoreDefaultArgs: ['--disable-extensions'],
    // Chromium on Linux takes its UI language (and so the extension's locale) from the environment.
    env: { ...process.env, LANGUAGE: language, LANG: language === 'ko' ? 'ko_KR.UTF-8' : 'en_US.UTF-8' },
    locale,
    // Emulated for every page of the context, the extension's own pages included.
    colorScheme: options.colorScheme ?? 'light',
    args: [
      ...(options.headed ? [] : ['--headless=new']),
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...(dist ? [`--disable-extensions-except=${dist}`, `--load-extension=${dist}`] : []),
      `--lang=${locale}`,
      // Port 443 of every name goes to the fault server, and port 80 of Kakao's names to its plain-http
      // front; any other port (a stranger's https://map.kakao.com:81/) to the same port on 127.0.0.3,
      // where nothing listens, as on the real internet: a test must not get a healthy page from it.
      `--host-resolver-rules=${[
        ...UNRESOLVABLE_NAMES.map((name) => `MAP ${name} ~NOTFOUND`),
        ...KAKAO_HOSTS.map((host) => (options.kakaoDnsDown ? `MAP ${host} ~NOTFOUND` : `MAP ${host}:443 ${kakao.host}:${kakao.port}`)),
        // Old http:// links: Kakao's names on port 80 reach the same rules over plain http.
        ...(options.kakaoDnsDown ? [] : KAKAO_HOSTS.map((host) => `MAP ${host}:80 ${server.kakaoHttp.host}:${server.kakaoHttp.port}`)),
        `MAP *:443 ${other.host}:${other.port}`,
        // Not 127.0.0.1: a Firefox run side by side listens there on 80 and 443.
        'MAP * 127.0.0.3',
        'EXCLUDE localhost',
      ].join(', ')}`,
      '--ignore-certificate-errors',
      // As a user's Chrome: http:// navigations are tried over https first (see users-chrome.ts).
      USERS_DISABLED_FEATURES,
      ...(options.remoteDebuggingPort ? [`--remote-debugging-port=${options.remoteDebuggingPort}`] : []),
    ],
  });
  if (!dist) {
    return {
      name: 'chromium',
      extensionOrigin: '',
      async newTab() {
        return new ChromiumTab(await context.newPage());
      },
      async close() {
        await context.close();
        rmSync(profile, { recursive: true, force: true });
      },
    };
  }
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  // Node gives non-special schemes an opaque "null" origin, so build it from the host.
  const extensionOrigin = `chrome-extension://${new URL(worker.url()).host}/`;
  if (options.approvePermissionRequests) await allowOptionalHosts(context, dist, new URL(worker.url()).host);
  return {
    name: 'chromium',
    extensionOrigin,
    async newTab() {
      return new ChromiumTab(await context.newPage(), extensionOrigin);
    },
    async stopBackground() {
      // The ServiceWorker domain of a page of the extension sees the extension's own worker.
      const page = await context.newPage();
      await page.goto(`${extensionOrigin}${OPTIONS_PAGE_PATH}`);
      const cdp = await context.newCDPSession(page);
      type Version = { versionId: string; scriptURL: string; runningStatus: string };
      const ours = (versions: Version[]) => versions.filter((version) => version.scriptURL.startsWith(extensionOrigin));
      const running = new Promise<Version>((resolve) => {
        cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }: { versions: Version[] }) => {
          const version = ours(versions).find((v) => v.runningStatus === 'running');
          if (version) resolve(version);
        });
      });
      const stopped = new Promise<void>((resolve) => {
        cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }: { versions: Version[] }) => {
          if (ours(versions).some((v) => v.runningStatus === 'stopped')) resolve();
        });
      });
      await cdp.send('ServiceWorker.enable');
      const version = await running;
      await cdp.send('ServiceWorker.stopWorker', { versionId: version.versionId });
      await Promise.race([stopped, new Promise((_, reject) => setTimeout(() => reject(new Error('the service worker did not stop')), 10_000))]);
      await page.close();
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
