import { ALLOWED_APP_SCHEMES, ALLOWED_LINK_HOSTS, normalizeHost } from '../catalog/index.ts';
import type { Intent } from './intent.ts';

/** What a link carries over from the failed address. */
export type Carries = 'search' | 'place' | 'route' | 'home';

export interface BuiltLink {
  readonly url: string;
  readonly carries: Carries;
  /** 'app' links open an installed app (tmap://); shown only where the platform can open them. */
  readonly via: 'web' | 'app';
  /** 'appOnly': what the link carries is filled in only by the alternative's app, not by this browser. */
  readonly note?: 'appOnly';
}

export type Platform = 'desktop' | 'mobile';

export interface BuildContext {
  readonly platform: Platform;
}

/** Builds an alternative's link for an intent, or undefined when that alternative cannot carry it. */
export type Builder = (intent: Intent, context: BuildContext) => BuiltLink | undefined;

/** Reads an intent out of a Kakao address. Must be total: any URL in, an intent out, never a throw. */
export type Parser = (url: URL) => Intent;

export const web = (url: string, carries: Carries): BuiltLink => ({ url, carries, via: 'web' });
export const app = (url: string, carries: Carries): BuiltLink => ({ url, carries, via: 'app' });

/**
 * True for the only links Detour may open: https on a catalogued alternative's host (no credentials,
 * no port), or one of the catalogued apps' schemes.
 */
export function isAllowedLink(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (ALLOWED_APP_SCHEMES.has(parsed.protocol)) return true;
  return parsed.protocol === 'https:' && parsed.username === '' && parsed.password === '' && parsed.port === '' && ALLOWED_LINK_HOSTS.has(normalizeHost(parsed.hostname));
}
