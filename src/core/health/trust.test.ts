import { describe, expect, it } from 'vitest';
import { SERVICES, SERVICE_IDS, hostMatches } from '../catalog/index.ts';
import { authoredServiceForUrl, isServerAddress, pageTextCounts, subresourceServiceFor, trustedServiceForUrl } from './trust.ts';

describe('trustedServiceForUrl: only https on port 443 is Kakao\'s server', () => {
  it.each([
    ['https://map.kakao.com/?q=x', 'kakaomap'],
    ['https://map.kakao.com:443/?q=x', 'kakaomap'],
    ['https://MAP.KAKAO.COM./', 'kakaomap'],
    ['https://evil.tistory.com/1', 'tistory'],
    ['https://map.kakao.com:80/?q=x', undefined],
    ['https://map.kakao.com:81/', undefined],
    ['https://map.kakao.com:8443/', undefined],
    ['http://map.kakao.com/', undefined],
    ['http://www.daum.net/', undefined],
    ['https://user:pw@map.kakao.com/', undefined],
    ['https://map.kakao.com.evil.example/', undefined],
    ['ftp://map.kakao.com/', undefined],
    ['not a url', undefined],
  ] as const)('%s -> %s', (url, service) => {
    expect(trustedServiceForUrl(url)).toBe(service);
  });

  it('takes anything without throwing', () => {
    expect(trustedServiceForUrl(undefined as unknown as string)).toBeUndefined();
    expect(isServerAddress(42 as unknown as string)).toBe(false);
  });
});

describe('page text counts only on pages Kakao writes', () => {
  it.each([
    ['https://www.tistory.com/', 'tistory', true],
    ['https://evil.tistory.com/1', 'tistory', false],
    ['https://cafe.daum.net/x/1', 'daumcafe', false],
    ['https://m.cafe.daum.net/x/1', 'daumcafe', false],
    ['https://mail.daum.net/', 'daummail', false],
    ['https://open.kakao.com/o/x', 'kakaotalk', false],
    ['https://pf.kakao.com/_x', 'kakaotalk', false],
    ['https://v.daum.net/v/1', 'daumnews', false],
    ['https://search.daum.net/search?q=x', 'daumsearch', true],
    ['https://place.map.kakao.com/8130474', 'kakaomap', false],
    ['https://map.kakao.com/', 'kakaomap', true],
    ['https://www.daum.net/', 'daum', true],
    ['http://www.daum.net/', 'daum', false],
    ['https://www.daum.net:8443/', 'daum', false],
    // A page speaks for its own service only.
    ['https://www.daum.net/', 'kakaomap', false],
  ] as const)('%s for %s -> %s', (url, service, counts) => {
    expect(pageTextCounts(url, service)).toBe(counts);
  });
});

describe('subresourceServiceFor: Kakao\'s page, the service\'s own hosts, Kakao\'s port', () => {
  it.each([
    ['https://dapi.kakao.com/v2/x', 'https://map.kakao.com/', 'kakaomap'],
    ['https://map2.daumcdn.net/tile.png', 'https://map.kakao.com/', 'kakaomap'],
    ['https://map.kakao.com/api/x', 'https://map.kakao.com/', 'kakaomap'],
    ['https://t1.daumcdn.net/x', 'https://www.tistory.com/', 'tistory'],
    ['https://x1.tistory.com:80/', 'https://evil.tistory.com/', undefined],
    ['https://x1.tistory.com/', 'https://evil.tistory.com/', undefined],
    ['https://t1.daumcdn.net/x', 'https://evil.tistory.com/', undefined],
    ['https://dapi.kakao.com:80/v2/x', 'https://map.kakao.com/', undefined],
    ['http://dapi.kakao.com/v2/x', 'https://map.kakao.com/', undefined],
    ['https://api.kakaomobility.com/x', 'https://map.kakao.com/', undefined],
    ['https://dapi.kakao.com/v2/x', 'http://map.kakao.com/', undefined],
    ['https://dapi.kakao.com/v2/x', 'https://shop.example/', undefined],
    // Pages whose words are strangers' but whose scripts are Kakao's: their API calls count.
    ['https://talk-pilsner.kakao.com/x', 'https://open.kakao.com/o/x', 'kakaotalk'],
    ['https://t1.daumcdn.net/x', 'https://cafe.daum.net/x/1', 'daumcafe'],
  ] as const)('%s from %s -> %s', (url, page, service) => {
    expect(subresourceServiceFor(url, page)).toBe(service);
  });
});

describe('the catalogue\'s authored hosts', () => {
  it.each(SERVICE_IDS)('%s: exact names among its own hosts, never a wildcard', (id) => {
    const authored: readonly string[] = SERVICES[id].authoredHosts;
    for (const host of authored) {
      expect(host.startsWith('*.')).toBe(false);
      expect((SERVICES[id].hosts as readonly string[]).some((pattern) => hostMatches(pattern, host))).toBe(true);
      expect(authoredServiceForUrl(`https://${host}/`)).toBe(id);
    }
  });

  it('no host full of other people\'s words is authored', () => {
    const userContent = ['evil.tistory.com', 'cafe.daum.net', 'm.cafe.daum.net', 'top.cafe.daum.net', 'mail.daum.net', 'm.mail.daum.net', 'open.kakao.com', 'pf.kakao.com', 'talk.kakao.com', 'v.daum.net', 'm.news.daum.net', 'place.map.kakao.com'];
    for (const host of userContent) expect(authoredServiceForUrl(`https://${host}/`), host).toBeUndefined();
  });
});
