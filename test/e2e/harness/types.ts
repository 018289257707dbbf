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
  press(key: string): Promise<void>;
  /**
   * Starts counting the extension's content-script worlds created in this tab from now on, as
   * DevTools sees them (Chromium only: CDP Runtime.executionContextCreated with auxData.type
   * 'isolated' and the extension's origin); the returned function reads the count so far.
   */
  countContentScriptWorlds?(): Promise<() => number>;
  /** Runs this script in every document the tab loads from now on, before the page's own scripts. */
  addInitScript(source: string): Promise<void>;
  screenshot(path: string): Promise<void>;
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
   * The user says yes when the extension asks for an optional permission (permissions.request from
   * a click). Firefox: Mozilla's own test pref extensions.webextOptionalPermissionPrompts=false grants
   * without the doorhanger. Chromium (whose prompt no flag or protocol can answer): the harness first
   * allows the extension's optional host patterns on chrome://extensions, through the site-access API
   * that page itself uses (developerPrivate.addHostPermission); Chromium then grants the request
   * without a prompt, as it does for permissions the user already allowed. In both, nothing is active
   * until the extension's own request: permissions.contains stays false until then.
   */
  readonly approvePermissionRequests?: boolean;
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
