import browser from './browser.ts';

/**
 * Runs a packaged script file in a tab's top frame (the extension's isolated world), then calls the
 * function it left there under `key` with `payload`. As soon as possible: a page still waiting for a
 * hanging script never reaches "idle". False when the tab cannot be scripted (gone, a browser page,
 * no permission).
 */
export async function callInTab(tabId: number, file: string, key: string, payload: unknown): Promise<boolean> {
  try {
    await browser.scripting.executeScript({ target: { tabId }, files: [file], injectImmediately: true });
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
