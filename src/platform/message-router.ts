import { serviceForUrl } from '../core/catalog/index.ts';
import { MESSAGE_SENDERS, isEnvelope, type BackgroundBoundName, type MessageRequest, type MessageResponse, type SenderKind } from '../core/messages.ts';
import browser, { type Runtime } from './browser.ts';

export type Handlers = { [K in BackgroundBoundName]: (payload: MessageRequest<K>, sender: Runtime.MessageSender) => Promise<MessageResponse<K>> };

function senderKind(sender: Runtime.MessageSender): SenderKind | undefined {
  if (sender.id !== browser.runtime.id) return undefined;
  const origin = browser.runtime.getURL('');
  if (sender.url?.startsWith(origin)) return 'extension-page';
  // Content scripts run only on Kakao pages; a message claiming to be one from elsewhere is not.
  if (sender.tab && sender.url && serviceForUrl(sender.url)) return 'content-script';
  return undefined;
}

/**
 * Routes typed messages to handlers. A message from another extension or a web page, one the map
 * does not name, or one from a context not allowed to send it is dropped unanswered.
 */
export function handleMessages(handlers: Handlers, onRejected: (reason: string) => void = () => undefined): void {
  browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
    if (!isEnvelope(message)) return undefined;
    const kind = senderKind(sender);
    if (!kind || !MESSAGE_SENDERS[message.name].includes(kind)) {
      onRejected(`${message.name} from ${kind ?? 'an unknown sender'}`);
      return undefined;
    }
    // No sender kind the router recognises may send a content-bound message, so the name is ours.
    const handler = handlers[message.name as BackgroundBoundName] as (payload: unknown, sender: Runtime.MessageSender) => Promise<unknown>;
    return handler(message.payload, sender);
  });
}
