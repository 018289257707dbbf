import type { BannerOrder } from './page-script/banner.ts';
import type { ServiceId } from './catalog/index.ts';
import type { FailureRecord } from './health/last-failure.ts';
import type { HealthView } from './health/view.ts';
import type { RequestCounts } from './page-script/report.ts';
import type { PageFacts } from './places/extract.ts';
import type { ImportResult } from './settings/file.ts';
import type { SettingsHome } from './settings/home.ts';
import type { PatchResult, Settings, SettingsPatch } from './settings/index.ts';
import type { Place } from './translate/intent.ts';
import type { AlternativeLink } from './translate/index.ts';

export interface UiState {
  readonly settings: Settings;
  readonly lastFailure: FailureRecord | null;
  /** Places in the local place cache. */
  readonly placeCount: number;
  /** Where the settings live: synced with the user's other browsers, or on this one only. */
  readonly settingsHome: SettingsHome;
}

/** The alternatives for the page in the active tab, when it is a catalogued Kakao page. */
export interface TabAlternatives {
  readonly service: ServiceId;
  /** What the links carry over (a search text, a place's name), for their labels; '' for nothing. */
  readonly subject: string;
  readonly links: readonly AlternativeLink[];
  /** The tab, so that a chosen alternative opens right after it. */
  readonly tab: { readonly id: number; readonly index: number; readonly windowId: number };
  /** The tab shows Detour's fallback page: the links are those of the address that failed there. */
  readonly fallback?: boolean;
}

/** Every message between the extension's contexts: name -> request and response. */
export interface MessageMap {
  'state/get': { request: null; response: UiState };
  'settings/update': { request: SettingsPatch; response: PatchResult };
  /** A parsed settings file (the page checked it; the background checks it again), replacing the settings. */
  'settings/import': { request: unknown; response: ImportResult };
  /** Every setting back to its default (the place cache is not a setting and stays). */
  'settings/reset': { request: null; response: Settings };
  /** A loaded Kakao page, as the content script read it (text only); answered with a banner when it calls for one. */
  'page/seen': { request: PageFacts; response: BannerOrder | null };
  /** The user hid the banner for this service for the rest of the browser session. */
  'banner/snooze': { request: { readonly service: ServiceId }; response: null };
  /** Background -> a tab's content script: show this banner (the service became degraded after the page loaded). */
  'banner/show': { request: BannerOrder; response: null };
  /** A Kakao page's script: some of its requests to Kakao were answered with a 5xx (Resource Timing). */
  'page/requests': { request: RequestCounts; response: null };
  /** Background -> a tab's content script: how the page's requests to Kakao ended in the last minute, apart from these that failed. */
  'page/count': { request: readonly string[]; response: RequestCounts };
  'health/get': { request: null; response: HealthView };
  /** Probe now, on the user's request; answers when the probes are done. */
  'health/check-now': { request: null; response: HealthView };
  /** Probe these services now (the fallback page, waiting for a recovery). */
  'health/check': { request: { readonly services: readonly string[] }; response: HealthView };
  /** Which of these alternatives answer right now. */
  'alternatives/probe': { request: { readonly ids: readonly string[] }; response: Readonly<Record<string, boolean>> };
  /** From the fallback page: load the original address in this tab, once ("다시 시도") or for a while ("그래도 카카오로 이동"). */
  'fallback/go': { request: { readonly url: string; readonly lasting: boolean }; response: { readonly ok: boolean } };
  'place/lookup': { request: { readonly id: string }; response: Place | null };
  'places/clear': { request: null; response: { readonly cleared: number } };
  /** The popup: this window's active tab in another service (null when it is no Kakao page). */
  'tab/alternatives': { request: { readonly windowId: number | null }; response: TabAlternatives | null };
}

export type MessageName = keyof MessageMap;
export type MessageRequest<K extends MessageName> = MessageMap[K]['request'];
export type MessageResponse<K extends MessageName> = MessageMap[K]['response'];

/**
 * Who may send each message: pages of the extension itself, content scripts on Kakao pages, or the
 * background (to a tab's content script, never to itself).
 */
export type SenderKind = 'extension-page' | 'content-script' | 'background';

/** Messages the background sends to content scripts: the background's router handles none of them. */
export type ContentBoundName = 'banner/show' | 'page/count';
/** Messages the background's router answers. */
export type BackgroundBoundName = Exclude<MessageName, ContentBoundName>;

export const MESSAGE_SENDERS: { readonly [K in MessageName]: readonly SenderKind[] } = {
  'state/get': ['extension-page'],
  'settings/update': ['extension-page'],
  'settings/import': ['extension-page'],
  'settings/reset': ['extension-page'],
  'page/seen': ['content-script'],
  'banner/snooze': ['content-script'],
  'banner/show': ['background'],
  'page/requests': ['content-script'],
  'page/count': ['background'],
  'health/get': ['extension-page'],
  'health/check-now': ['extension-page'],
  'health/check': ['extension-page'],
  'alternatives/probe': ['extension-page'],
  'fallback/go': ['extension-page'],
  'place/lookup': ['extension-page'],
  'places/clear': ['extension-page'],
  'tab/alternatives': ['extension-page'],
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
