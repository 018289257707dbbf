import browser from './browser.ts';

/**
 * Runs one of the extension's own script files in a tab's top frame (the extension's isolated world),
 * without waiting for the page to settle: callers inject once a page has loaded, or when a page still
 * loading needs the banner now (a page held up by a hanging request may never reach "idle"). False when
 * the browser refuses (tab gone, an error or browser page, a host Detour may not access).
 */
export async function injectScript(tabId: number, file: string): Promise<boolean> {
  try {
    await browser.scripting.executeScript({ target: { tabId }, files: [file], injectImmediately: true });
    return true;
  } catch {
    return false;
  }
}

/**
 * Runs a packaged script file in a tab's top frame, then calls the function it left there under `key`
 * with `payload`. False when the tab cannot be scripted.
 */
export async function callInTab(tabId: number, file: string, key: string, payload: unknown): Promise<boolean> {
  if (!(await injectScript(tabId, file))) return false;
  try {
    await browser.scripting.executeScript({
      target: { tabId },
      injectImmediately: true,
      // Serialized into the page's isolated world: it may use nothing but its arguments.
      func: (name: unknown, value: unknown) => {
        const installed = (globalThis as Record<string, unknown>)[String(name)];
        if (typeof installed === 'function') installed(value);
      },
      args: [key, payload],
    });
    return true;
  } catch {
    return false;
  }
}

/**
 * Whether the tab's top document committed at or after `since` (epoch ms): a navigation that started
 * then has been answered, whatever its events say. A document's time origin is its navigation's start,
 * a little before the request Detour saw; half a second of slack covers that. False when the tab
 * cannot be read (gone, an error page, a page Detour has no access to: not the answer of a Kakao load).
 */
export async function committedSince(tabId: number, since: number): Promise<boolean> {
  try {
    const [result] = await browser.scripting.executeScript({
      target: { tabId },
      injectImmediately: true,
      func: () => performance.timeOrigin,
    });
    return typeof result?.result === 'number' && result.result >= since - 500;
  } catch {
    return false;
  }
}
