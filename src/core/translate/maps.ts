import type { MapIntent } from './intent.ts';

/**
 * Naver Map web. Search: https://map.naver.com/p/search/{query}, the address Naver Map's own share
 * button and search box produce (the older /v5/search/ redirects there).
 */
export function naverMapUrl(intent: MapIntent): string {
  switch (intent.kind) {
    case 'search':
      return `https://map.naver.com/p/search/${encodeURIComponent(intent.query)}`;
    case 'none':
      return 'https://map.naver.com/';
  }
}

/**
 * Google Maps URLs, documented at developers.google.com/maps/documentation/urls/get-started:
 * search is https://www.google.com/maps/search/?api=1&query={query}.
 */
export function googleMapsUrl(intent: MapIntent): string {
  switch (intent.kind) {
    case 'search':
      return `https://www.google.com/maps/search/?api=1&query=${encodeURIComponent(intent.query)}`;
    case 'none':
      return 'https://www.google.com/maps';
  }
}
