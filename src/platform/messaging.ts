import { envelope, type MessageName, type MessageRequest, type MessageResponse } from '../core/messages.ts';
import browser from './browser.ts';

// Sending only: content scripts import this, so it stays free of the catalogue and the router.
export async function send<K extends MessageName>(name: K, payload: MessageRequest<K>): Promise<MessageResponse<K>> {
  return (await browser.runtime.sendMessage(envelope(name, payload))) as MessageResponse<K>;
}
