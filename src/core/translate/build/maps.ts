import type { Intent } from '../intent.ts';
import { web, type Builder } from '../links.ts';

/**
 * Naver Map web. Search: https://map.naver.com/p/search/{query}, the address Naver Map's own share
 * button and search box produce (the older /v5/search/ redirects there).
 */
export function naverMapUrl(intent: Intent): string {
  return intent.kind === 'search' ? `https://map.naver.com/p/search/${encodeURIComponent(intent.query)}` : 'https://map.naver.com/';
}

/**
 * Google Maps URLs, documented at developers.google.com/maps/documentation/urls/get-started:
 * search is https://www.google.com/maps/search/?api=1&query={query}.
 */
export function googleMapsUrl(intent: Intent): string {
  return intent.kind === 'search' ? `https://www.google.com/maps/search/?api=1&query=${encodeURIComponent(intent.query)}` : 'https://www.google.com/maps';
}

export const naverMap: Builder = (intent) => (intent.kind === 'search' ? web(naverMapUrl(intent), 'search') : undefined);
export const googleMaps: Builder = (intent) => (intent.kind === 'search' ? web(googleMapsUrl(intent), 'search') : undefined);
export const tmap: Builder = () => undefined;
export const ut: Builder = () => undefined;
