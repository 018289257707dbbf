import { describe, expect, it } from 'vitest';
import { KAKAO_DOMAINS } from '../catalog/kakao-domains.ts';
import { countRequests, isKakaoRequest, parseRequestCounts } from './report.ts';

describe('isKakaoRequest', () => {
  it('counts exactly the domains of catalog/kakao-domains.ts, and the names under them', () => {
    for (const domain of KAKAO_DOMAINS) {
      expect(isKakaoRequest(`https://${domain}/x`), domain).toBe(true);
      expect(isKakaoRequest(`https://a.b.${domain}/x`), domain).toBe(true);
      // A look-alike that only ends with the letters is not Kakao's.
      expect(isKakaoRequest(`https://not${domain}/x`), domain).toBe(false);
      expect(isKakaoRequest(`https://${domain}.example/x`), domain).toBe(false);
    }
  });

  it.each([
    ['http://map.kakao.com/x', 'plain http'],
    ['https://map.kakao.com:8443/x', 'another port'],
    ['https://naver.com/x', 'another company'],
    ['not a url', 'no address'],
  ])('%s is not (%s)', (url) => {
    expect(isKakaoRequest(url)).toBe(false);
  });

  it('counts and reports only requests to Kakao', () => {
    const now = 100_000;
    const requests = [
      { url: 'https://dapi.kakao.com/a', status: 200, at: now },
      { url: 'https://t1.daumcdn.net/b', status: 503, at: now },
      { url: 'https://cdn.example/c', status: 200, at: now },
      { url: 'https://cdn.example/d', status: 503, at: now },
    ];
    expect(countRequests(requests, now)).toEqual({ ok: 1, failed: ['https://t1.daumcdn.net/b'] });
    expect(parseRequestCounts({ ok: 3, failed: ['https://t1.daumcdn.net/b', 'https://cdn.example/d'] })).toEqual({ ok: 3, failed: ['https://t1.daumcdn.net/b'] });
  });
});
