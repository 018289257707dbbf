import { describe, expect, it } from 'vitest';
import { KAKAO_DOMAINS, onKakaoDomain } from './kakao-domains.ts';

describe('KAKAO_DOMAINS', () => {
  it('lists each registrable domain once, in lower case, none under another', () => {
    expect(new Set(KAKAO_DOMAINS).size).toBe(KAKAO_DOMAINS.length);
    for (const domain of KAKAO_DOMAINS) {
      expect(domain).toMatch(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/);
      expect(
        KAKAO_DOMAINS.filter((other) => other !== domain && domain.endsWith(`.${other}`)),
        domain,
      ).toEqual([]);
    }
  });

  it('a domain and the names under it, never a name that only ends with its letters', () => {
    expect(onKakaoDomain('kakao.com')).toBe(true);
    expect(onKakaoDomain('map.kakao.com')).toBe(true);
    expect(onKakaoDomain('notkakao.com')).toBe(false);
    expect(onKakaoDomain('kakao.com.example')).toBe(false);
    expect(onKakaoDomain('')).toBe(false);
  });
});
