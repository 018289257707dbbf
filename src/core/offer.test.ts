import { describe, expect, it } from 'vitest';
import { DEFAULTS } from './settings/defaults.ts';
import { offer } from './offer.ts';

describe('offer', () => {
  const services = structuredClone(DEFAULTS.services);
  services.kakaomap.alternatives = [
    { id: 'googlemaps', enabled: true },
    { id: 'navermap', enabled: false },
    { id: 'tmap', enabled: true },
  ];

  it("follows the user's order and leaves out what they turned off", () => {
    const links = offer('https://map.kakao.com/?q=판교역', { services, platform: 'desktop' })?.links ?? [];
    expect(links.map((link) => link.alternative)).toEqual(['googlemaps', 'tmap']);
  });

  it("uses the cached place for the address's own place id only", () => {
    const place = { name: '판교역 신분당선', coords: { lat: 37.3948, lng: 127.1111 } };
    const hit = offer('https://place.map.kakao.com/18577297', { services: DEFAULTS.services, platform: 'desktop', place: { id: '18577297', place } });
    expect(hit?.intent).toEqual({ kind: 'place', place });
    const other = offer('https://place.map.kakao.com/18577297', { services: DEFAULTS.services, platform: 'desktop', place: { id: '1', place } });
    expect(other?.intent.kind).not.toBe('place');
  });

  it('takes an order given for one alternative (the menu) over the user order', () => {
    const links = offer('https://map.kakao.com/?q=x', { services, platform: 'desktop', order: ['navermap'] })?.links ?? [];
    expect(links.map((link) => link.alternative)).toEqual(['navermap']);
  });

  it('offers app links only where an app can take them', () => {
    const desktop = offer('https://map.kakao.com/link/to/판교역,37.3948,127.1111', { services: DEFAULTS.services, platform: 'desktop' })?.links ?? [];
    const mobile = offer('https://map.kakao.com/link/to/판교역,37.3948,127.1111', { services: DEFAULTS.services, platform: 'mobile' })?.links ?? [];
    expect(desktop.some((link) => link.via === 'app')).toBe(false);
    expect(mobile.some((link) => link.via === 'app')).toBe(true);
  });
});
