import type { FailureRecord } from './health/last-failure.ts';
import type { HealthState, Summary } from './health/types.ts';
import type { PageFacts } from './places/extract.ts';
import type { PatchResult, Settings, SettingsPatch } from './settings/index.ts';
import type { Place } from './translate/intent.ts';

export interface UiState {
  readonly settings: Settings;
  readonly lastFailure: FailureRecord | null;
  /** Places in the local place cache. */
  readonly placeCount: number;
}

export interface HealthView {
  readonly state: HealthState;
  readonly summary: Summary;
}

/** Every message between the extension's contexts: name -> request and response. */
export interface MessageMap {
  'state/get': { request: null; response: UiState };
  'settings/update': { request: SettingsPatch; response: PatchResult };
  /** A loaded Kakao page, as the content script read it (text only). */
  'page/seen': { request: PageFacts; response: null };
  'health/get': { request: null; response: HealthView };
  /** Probe now, on the user's request; answers when the probes are done. */
  'health/check-now': { request: null; response: HealthView };
  'place/lookup': { request: { readonly id: string }; response: Place | null };
  'places/clear': { request: null; response: { readonly cleared: number } };
}

export type MessageName = keyof MessageMap;
export type MessageRequest<K extends MessageName> = MessageMap[K]['request'];
export type MessageResponse<K extends MessageName> = MessageMap[K]['response'];

/** Who may send each message: pages of the extension itself, or content scripts on Kakao pages. */
export type SenderKind = 'extension-page' | 'content-script';

export const MESSAGE_SENDERS: { readonly [K in MessageName]: readonly SenderKind[] } = {
  'state/get': ['extension-page'],
  'settings/update': ['extension-page'],
  'page/seen': ['content-script'],
  'health/get': ['extension-page'],
  'health/check-now': ['extension-page'],
  'place/lookup': ['extension-page'],
  'places/clear': ['extension-page'],
};

export interface Envelope<K extends MessageName = MessageName> {
  readonly detour: 1;
  readonly name: K;
  readonly payload: MessageRequest<K>;
}

export function envelope<K extends MessageName>(name: K, payload: MessageRequest<K>): Envelope<K> {
  return { detour: 1, name, payload };
}

export function isEnvelope(value: unknown): value is Envelope {
  if (typeof value !== 'object' || value === null) return false;
  const { detour, name } = value as Record<string, unknown>;
  return detour === 1 && typeof name === 'string' && Object.hasOwn(MESSAGE_SENDERS, name);
}
