import type { MessageName } from '../../../src/core/messages.ts';

/** The little a real-browser test needs from a browser, the same for Chromium and Firefox. */
export interface Tab {
  /** Starts a navigation and waits until it has committed or failed; never throws for network errors. */
  goto(url: string): Promise<void>;
  url(): Promise<string>;
  /** Polls the tab's address until it matches; throws with the last address seen on time-out. */
  waitForUrl(predicate: (url: string) => boolean, timeoutMs?: number): Promise<string>;
  /** Text of the first element matching the selector, or null when there is none (or the page is not scriptable). */
  text(selector: string): Promise<string | null>;
  attribute(selector: string, name: string): Promise<string | null>;
  /** Runs an expression in the page and returns its JSON-serializable value. */
  evaluate<T>(expression: string): Promise<T>;
  click(selector: string): Promise<void>;
  /**
   * Runs `fn` (a function's source, `(root) => value`) with the shadow root of the first element
   * matching `hostSelector`, even a closed one, reached through the browser's debugging protocol as
   * DevTools does (CDP in Chromium, WebDriver BiDi in Firefox): nothing a page script could do. The
   * value must survive JSON. null when there is no such element or it has no shadow root.
   */
  inShadow<T>(hostSelector: string, fn: string): Promise<T | null>;
  /** Keys go to the tab in front: brings this one there (as clicking its tab would). */
  bringToFront(): Promise<void>;
  /** Presses a key, or a combination such as 'Alt+ArrowDown', on whatever has the focus. */
  press(key: string): Promise<void>;
  /** Chooses a file (on this machine) for the <input type=file> matching the selector, as the file picker would. */
  setInputFiles(selector: string, path: string): Promise<void>;
  /**
   * Drags with the real mouse (pointer events, as a user's hand makes them) from the centre of the
   * first element matching `fromSelector` to the centre of the first matching `toSelector`.
   */
  drag(fromSelector: string, toSelector: string): Promise<void>;
  /**
   * Starts counting the extension's content-script worlds created in this tab from now on, as
   * DevTools sees them (Chromium only: CDP Runtime.executionContextCreated with auxData.type
   * 'isolated' and the extension's origin); the returned function reads the count so far.
   */
  countContentScriptWorlds?(): Promise<() => number>;
  /** Runs this script in every document the tab loads from now on, before the page's own scripts. */
  addInitScript(source: string): Promise<void>;
  /** Whole page (not only the viewport) when `fullPage` is set. */
  screenshot(path: string, options?: { readonly fullPage?: boolean }): Promise<void>;
  /** The page's viewport in CSS pixels (a phone's 360 px, a store screenshot's 1280x800). */
  setViewport(width: number, height: number): Promise<void>;
  close(): Promise<void>;
}

export interface BrowserSession {
  readonly name: 'chromium' | 'firefox';
  /** chrome-extension://ID/ or moz-extension://UUID/, with the trailing slash. */
  readonly extensionOrigin: string;
  newTab(): Promise<Tab>;
  /** Stops the extension's MV3 service worker, as the browser does when it idles (Chromium only). */
  stopBackground?(): Promise<void>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** UI language of the browser: decides which _locales the extension shows. */
  readonly language?: 'ko' | 'en';
  /** The colour scheme the system reports to pages (prefers-color-scheme). Default: light. */
  readonly colorScheme?: 'light' | 'dark';
  /**
   * The same browser, profile flags and routing without the extension (the benchmark's "browser
   * alone"); its session's extensionOrigin is then ''. Default: with the extension.
   */
  readonly withoutExtension?: boolean;
  /** A visible window (the demo, on a machine with a display); tests always run headless. */
  readonly headed?: boolean;
  /**
   * Loads this build instead of dist/chrome or dist/firefox (the benchmark loads a snapshot, so that a
   * rebuild during its run cannot change what it measures).
   */
  readonly distDir?: string;
  /**
   * Kakao's names do not resolve (its DNS is down, as during the 2022 fire) while every other name
   * Detour reaches still does: a genuine "name not resolved" for Kakao alone.
   */
  readonly kakaoDnsDown?: boolean;
  /**
   * The user says yes when the extension asks for an optional permission (permissions.request from
   * a click). Firefox: Mozilla's own test pref extensions.webextOptionalPermissionPrompts=false grants
   * without the doorhanger. Chromium (whose prompt no flag or protocol can answer): the harness first
   * allows the extension's optional host patterns on chrome://extensions, through the site-access API
   * that page itself uses (developerPrivate.addHostPermission); Chromium then grants the request
   * without a prompt, as it does for permissions the user already allowed. In both, nothing is active
   * until the extension's own request: permissions.contains stays false until then.
   */
  readonly approvePermissionRequests?: boolean;
  /**
   * Chromium also listens for DevTools on this 127.0.0.1 port, beside Playwright's pipe: the benchmark
   * attaches to the extension's service worker there, which Playwright's own sessions cannot reach.
   */
  readonly remoteDebuggingPort?: number;
}

/** Page-side: scrolls the first element into view and gives both elements' centres in viewport pixels. */
export function centresExpression(fromSelector: string, toSelector: string): string {
  return `(() => {
    const from = document.querySelector(${JSON.stringify(fromSelector)});
    const to = document.querySelector(${JSON.stringify(toSelector)});
    if (!from || !to) return null;
    from.scrollIntoView({ block: 'center' });
    const centre = (element) => { const box = element.getBoundingClientRect(); return { x: box.left + box.width / 2, y: box.top + box.height / 2 }; };
    return { from: centre(from), to: centre(to) };
  })()`;
}

export type Centres = { readonly from: { x: number; y: number }; readonly to: { x: number; y: number } } | null;

/** The part of Playwright's and Puppeteer's mouse a drag needs (both drive the browser's real input). */
interface Mouse {
  move(x: number, y: number, options?: { steps?: number }): Promise<void>;
  down(): Promise<void>;
  up(): Promise<void>;
}

/** Press at one centre, move in steps to the other, release: pointer events as a hand makes them. */
export async function dragBetween(mouse: Mouse, centres: Centres, what: string): Promise<void> {
  if (!centres) throw new Error(`nothing to drag: ${what}`);
  await mouse.move(centres.from.x, centres.from.y);
  await mouse.down();
  await mouse.move(centres.to.x, centres.to.y, { steps: 8 });
  await mouse.up();
}

export async function poll<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      last = await read();
      if (done(last)) return last;
    } catch (error) {
      lastError = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last seen: ${JSON.stringify(last)}${lastError ? ` (last error: ${String(lastError)})` : ''}`);
}

/**
 * Page-side expression for an extension page of Detour: sends one of its typed messages, as its own
 * pages do, and evaluates to `answer` (a function of the reply, as source text) applied to the reply.
 */
export function detourMessage(name: MessageName, payload: unknown, answer = '(reply) => reply'): string {
  return `(globalThis.browser ?? globalThis.chrome).runtime.sendMessage({ detour: 1, name: ${JSON.stringify(name)}, payload: ${JSON.stringify(payload)} }).then(${answer})`;
}

/**
 * A browser call that may never answer (an evaluation in a page whose navigation hangs, a close that
 * waits on it): bounded, so a stuck step fails with its own name instead of the whole test's timeout.
 */
export function bounded<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, expired]).finally(() => clearTimeout(timer));
}
