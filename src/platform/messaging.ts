import { MESSAGE_SENDERS, envelope, isEnvelope, type ContentBoundName, type MessageName, type MessageRequest, type MessageResponse } from '../core/messages.ts';
import browser, { type Runtime } from './browser.ts';

// Content scripts import this (sending, and receiving from the background), so it stays free of the
// catalogue and the router.
export async function send<K extends MessageName>(name: K, payload: MessageRequest<K>): Promise<MessageResponse<K>> {
  return (await browser.runtime.sendMessage(envelope(name, payload))) as MessageResponse<K>;
}

/**
 * True only for the extension's own background (or one of its pages): same extension id, no tab and
 * no page address. A page, another extension, or our content script in another tab never qualifies.
 */
function fromExtension(sender: Runtime.MessageSender): boolean {
  if (sender.id !== browser.runtime.id || sender.tab) return false;
  return sender.url === undefined || sender.url.startsWith(browser.runtime.getURL(''));
}

/** Content-script side: receives one message the background sends to this tab; nothing else gets through. */
export function onExtensionMessage<K extends ContentBoundName>(name: K, handler: (payload: MessageRequest<K>) => void): void {
  onExtensionRequest(name, (payload) => {
    handler(payload);
    return null as MessageResponse<K>;
  });
}

/** Content-script side: answers one question the background asks this tab. */
export function onExtensionRequest<K extends ContentBoundName>(name: K, answer: (payload: MessageRequest<K>) => MessageResponse<K>): void {
  browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
    if (!isEnvelope(message) || message.name !== name || !MESSAGE_SENDERS[name].includes('background') || !fromExtension(sender)) return undefined;
    return Promise.resolve(answer(message.payload as MessageRequest<K>));
  });
}
