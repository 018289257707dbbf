import { hasNamespace } from './android-surface.ts';
import browser from './browser.ts';

export interface ActiveTab {
  readonly id: number;
  /** Present only where Detour may read it: pages on its host permissions (no "tabs" permission). */
  readonly url?: string;
  readonly title?: string;
}

/** A keyboard shortcut of the manifest's "commands" was pressed; the tab is the active one, if any. */
export function onCommand(listener: (command: string, tab: ActiveTab | undefined) => void): void {
  // No shortcuts where the browser has none (Firefox for Android).
  if (!hasNamespace('commands')) return;
  browser.commands.onCommand.addListener((command, tab) => {
    const found = tab?.id !== undefined ? Promise.resolve(tab) : activeTab();
    void found.then((active) => listener(command, active?.id === undefined ? undefined : { id: active.id, url: active.url, title: active.title }));
  });
}

async function activeTab() {
  try {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    return tab;
  } catch {
    return undefined;
  }
}
