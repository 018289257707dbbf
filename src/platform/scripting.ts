import browser from './browser.ts';

/**
 * Runs one of the extension's own script files in a tab's top frame. False when the browser refuses
 * (tab gone, an error page, a host Detour may not access): the caller simply has no page reading then.
 */
export async function injectScript(tabId: number, file: string): Promise<boolean> {
  try {
    await browser.scripting.executeScript({ target: { tabId }, files: [file] });
    return true;
  } catch {
    return false;
  }
}
