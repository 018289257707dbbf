import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { readFileSync } from 'node:fs';
import type { FaultServer } from '../../fixtures/fault-server.ts';
import { KAKAO_HOSTS, OTHER_HOSTS } from './kakao-hosts.ts';
import { DIST_FIREFOX, FIREFOX, requireBuild } from './paths.ts';
import { bounded, centresExpression, dragBetween, poll, type BrowserSession, type Centres, type LaunchOptions, type Tab } from './types.ts';

/** The part of puppeteer's BiDi browsing context the shadow-root reader needs (not public API). */
interface BidiContext {
  readonly id: string;
  readonly userContext: {
    readonly browser: { readonly session: { send(method: string, params: object): Promise<{ result: { type: string; result?: unknown } }> } };
  };
}

/** Fixed moz-extension UUID, so the tests know the extension's origin before it loads. */
const EXTENSION_UUID = '3d1c4e0a-6b2f-4d8e-9a57-0d7e2c9b1f42';

class FirefoxTab implements Tab {
  constructor(
    private readonly page: Page,
    private readonly extensionOrigin: string,
  ) {}

  async goto(url: string): Promise<void> {
    if (this.extensionOrigin && url.startsWith(this.extensionOrigin)) {
      // Firefox never reports moz-extension:// navigations as finished to puppeteer: start it and poll.
      void this.page.goto(url).catch(() => undefined);
      await this.waitForUrl((current) => current === url);
      await poll(
        () => this.page.evaluate(() => document.readyState),
        (state) => state === 'complete',
        10_000,
        'the page to load',
      );
      return;
    }
    const loaded = this.page.goto(url, { waitUntil: 'load', timeout: 15_000 }).then(
      () => undefined,
      () => undefined,
    );
    // When the extension replaces a failing load, puppeteer keeps waiting for a load event that never
    // comes: stop waiting once the tab is on an extension page.
    const replaced = this.extensionOrigin
      ? poll(
          () => this.url(),
          (current) => current.startsWith(this.extensionOrigin),
          15_000,
          'an extension page',
        ).catch(() => undefined)
      : loaded;
    await Promise.race([loaded, replaced]);
  }

  async url(): Promise<string> {
    // page.url() misses navigations the extension makes; the document itself knows where it is.
    try {
      return await this.page.evaluate(() => location.href);
    } catch {
      return this.page.url();
    }
  }

  waitForUrl(predicate: (url: string) => boolean, timeoutMs = 10_000): Promise<string> {
    return poll(() => this.url(), predicate, timeoutMs, 'the tab address');
  }

  /**
   * Like Playwright's locators on the Chromium side: wait up to 5 s for the element (a page that just
   * committed may not have rendered yet), then read it; null when it never appears.
   */
  private async whenPresent<T>(read: () => Promise<{ found: boolean; value: T | null }>): Promise<T | null> {
    const deadline = Date.now() + 5000;
    do {
      const result = await read().catch(() => ({ found: false, value: null }));
      if (result.found) return result.value;
      await new Promise((resolve) => setTimeout(resolve, 50));
    } while (Date.now() < deadline);
    return null;
  }

  async text(selector: string): Promise<string | null> {
    return this.whenPresent(() =>
      this.page.evaluate((sel) => {
        const element = document.querySelector(sel);
        return { found: element !== null, value: element?.textContent ?? null };
      }, selector),
    );
  }

  async attribute(selector: string, name: string): Promise<string | null> {
    return this.whenPresent(() =>
      this.page.evaluate(
        (sel, attr) => {
          const element = document.querySelector(sel);
          return { found: element !== null, value: element?.getAttribute(attr) ?? null };
        },
        selector,
        name,
      ),
    );
  }

  evaluate<T>(expression: string): Promise<T> {
    return bounded(this.page.evaluate(expression) as Promise<T>, 20_000, `evaluate ${expression.slice(0, 60)}`);
  }

  async click(selector: string): Promise<void> {
    const clicked = await this.page.evaluate((sel) => {
      const element = document.querySelector<HTMLElement>(sel);
      element?.click();
      return Boolean(element);
    }, selector);
    if (!clicked) throw new Error(`nothing to click at ${selector}`);
  }

  async inShadow<T>(hostSelector: string, fn: string): Promise<T | null> {
    // Puppeteer's own selectors stop at closed shadow roots; WebDriver BiDi serializes them
    // (includeShadowTree: 'all') and lets a function take one as its argument by its sharedId.
    const context = (this.page.mainFrame() as unknown as { browsingContext: BidiContext }).browsingContext;
    const session = context.userContext.browser.session;
    const target = { context: context.id };
    const found = await session.send('script.evaluate', {
      expression: `document.querySelector(${JSON.stringify(hostSelector)})`,
      target,
      awaitPromise: false,
      resultOwnership: 'none',
      serializationOptions: { maxDomDepth: 1, includeShadowTree: 'all' },
    });
    if (found.result.type !== 'success') throw new Error(`inShadow: ${JSON.stringify(found.result)}`);
    const shadowId = (found.result.result as { value?: { shadowRoot?: { sharedId?: string } | null } }).value?.shadowRoot?.sharedId;
    if (!shadowId) return null;
    const called = await session.send('script.callFunction', {
      functionDeclaration: `async (root) => JSON.stringify(await (${fn})(root))`,
      arguments: [{ sharedId: shadowId }],
      target,
      awaitPromise: true,
      resultOwnership: 'none',
    });
    if (called.result.type !== 'success') throw new Error(`inShadow: ${JSON.stringify(called.result)}`);
    const value = (called.result.result as { type: string; value?: unknown }).value;
    return typeof value === 'string' ? (JSON.parse(value) as T) : null;
  }

  async bringToFront(): Promise<void> {
    await this.page.bringToFront();
  }

  async press(key: string): Promise<void> {
    // Puppeteer presses one key at a time: hold the modifiers of 'Alt+ArrowDown' around the last.
    type Key = Parameters<Page['keyboard']['press']>[0];
    const keys = key.split('+') as Key[];
    const last = keys.pop()!;
    for (const modifier of keys) await this.page.keyboard.down(modifier);
    await this.page.keyboard.press(last);
    for (const modifier of keys.reverse()) await this.page.keyboard.up(modifier);
  }

  async setInputFiles(selector: string, path: string): Promise<void> {
    const input = await this.page.$(selector);
    if (!input) throw new Error(`no file input at ${selector}`);
    await (input as unknown as { uploadFile(...paths: string[]): Promise<void> }).uploadFile(path);
    await input.dispose();
  }

  async drag(fromSelector: string, toSelector: string): Promise<void> {
    await dragBetween(this.page.mouse, (await this.page.evaluate(centresExpression(fromSelector, toSelector))) as Centres, `${fromSelector} -> ${toSelector}`);
  }

  async addInitScript(source: string): Promise<void> {
    await this.page.evaluateOnNewDocument(source);
  }

  async screenshot(path: string, options: { readonly fullPage?: boolean } = {}): Promise<void> {
    await this.page.screenshot({ path, fullPage: options.fullPage ?? false });
  }

  async setViewport(width: number, height: number): Promise<void> {
    await this.page.setViewport({ width, height });
  }

  async close(): Promise<void> {
    await this.page.close().catch(() => undefined);
  }
}

/**
 * Debian's firefox-esr over WebDriver BiDi with the built extension installed. Every hostname resolves
 * to the fault server's address (network.dns.forceResolve), which must therefore listen on port 443.
 */
export async function launchFirefox(server: FaultServer, options: LaunchOptions = {}): Promise<BrowserSession> {
  const dist = options.withoutExtension ? undefined : requireBuild(options.distDir ?? DIST_FIREFOX);
  const { kakao, other } = server.fronts;
  if (kakao.port !== 443 || other.port !== 443 || kakao.host !== '127.0.0.1') {
    throw new Error('Firefox tests need the fault server on 127.0.0.1:443 (Kakao) and another loopback address:443 (its DNS overrides cannot change ports)');
  }
  const manifest = JSON.parse(readFileSync(`${requireBuild(options.distDir ?? DIST_FIREFOX)}/manifest.json`, 'utf8')) as { browser_specific_settings: { gecko: { id: string } } };
  const geckoId = manifest.browser_specific_settings.gecko.id;
  const language = options.language ?? 'ko';
  const browser: Browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    protocol: 'webDriverBiDi',
    acceptInsecureCerts: true,
    // Needed to script moz-extension:// pages.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      // Kakao's names resolve to 127.0.0.1 (localDomains), every other name to the other front. With
      // Kakao's DNS down, the names Detour needs besides Kakao's go to 127.0.0.1 instead (the fault
      // server answers any host on either front) and every other name to one under .invalid, which
      // never resolves (RFC 6761).
      ...(options.kakaoDnsDown
        ? { 'network.dns.localDomains': OTHER_HOSTS.join(','), 'network.dns.forceResolve': 'kakao-dns-down.invalid' }
        : { 'network.dns.localDomains': KAKAO_HOSTS.join(','), 'network.dns.forceResolve': other.host }),
      'network.dns.disableIPv6': true,
      'network.trr.mode': 5,
      'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: EXTENSION_UUID }),
      'intl.locale.requested': language === 'ko' ? 'ko' : 'en-US',
      'intl.accept_languages': language === 'ko' ? 'ko-KR, ko, en-US, en' : 'en-US, en',
      // What the "system" says (headless Firefox has no system theme), followed by pages and
      // extension pages alike: 0 dark, 1 light.
      'ui.systemUsesDarkTheme': options.colorScheme === 'dark' ? 1 : 0,
      'layout.css.prefers-color-scheme.content-override': options.colorScheme === 'dark' ? 0 : 1,
      ...(options.approvePermissionRequests ? { 'extensions.webextOptionalPermissionPrompts': false } : {}),
    },
  });
  if (dist) await browser.installExtension(dist);
  const extensionOrigin = dist ? `moz-extension://${EXTENSION_UUID}/` : '';
  return {
    name: 'firefox',
    extensionOrigin,
    async newTab() {
      return new FirefoxTab(await browser.newPage(), extensionOrigin);
    },
    async close() {
      await browser.close();
    },
  };
}
