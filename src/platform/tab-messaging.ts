import { envelope, type ContentBoundName, type MessageRequest, type MessageResponse } from '../core/messages.ts';
import browser from './browser.ts';

/** Open tabs on the given hosts, with their addresses; host permissions are enough, no "tabs" needed. */
export async function tabsOn(patterns: string[]): Promise<Array<{ id: number; url: string }>> {
  try {
    const tabs = await browser.tabs.query({ url: patterns });
    return tabs.flatMap((tab) => (tab.id !== undefined && tab.id >= 0 && tab.url ? [{ id: tab.id, url: tab.url }] : []));
  } catch {
    return [];
  }
}

/** Tells a tab's page script something; false when the tab has none (still loading, a Kakao error page). */
export async function sendToTab<K extends ContentBoundName>(tabId: number, name: K, payload: MessageRequest<K>): Promise<boolean> {
  try {
    await browser.tabs.sendMessage(tabId, envelope(name, payload));
    return true;
  } catch {
    return false;
  }
}

/** Asks a tab's page script a question; undefined when the tab has none or it does not answer. */
export async function askTab<K extends ContentBoundName>(tabId: number, name: K, payload: MessageRequest<K>): Promise<MessageResponse<K> | undefined> {
  try {
    return (await browser.tabs.sendMessage(tabId, envelope(name, payload))) as MessageResponse<K>;
  } catch {
    return undefined;
  }
}
