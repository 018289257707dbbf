import { describe, expect, it } from 'vitest';
import { SERVICES, SERVICE_IDS, hostMatches } from '../catalog/index.ts';
import { authoredServiceForUrl, evidenceServiceForUrl, intentServiceForUrl, isResolvableName, isServerAddress, pageTextCounts, serviceHealthSpeaksFor, subresourceServiceFor } from './trust.ts';

describe("evidenceServiceForUrl: only https on port 443 to a host the catalogue names is Kakao's server", () => {
  it.each([
    ['https://map.kakao.com/?q=x', 'kakaomap'],
    ['https://map.kakao.com:443/?q=x', 'kakaomap'],
    ['https://MAP.KAKAO.COM./', 'kakaomap'],
    ['https://www.tistory.com/', 'tistory'],
    // A name only a wildcard matches was chosen by whoever wrote the link.
    ['https://evil.tistory.com/1', undefined],
    [`https://${'a'.repeat(64)}.tistory.com/`, undefined],
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
    expect(evidenceServiceForUrl(url)).toBe(service);
  });

  it('takes anything without throwing', () => {
    expect(evidenceServiceForUrl(undefined as unknown as string)).toBeUndefined();
    expect(intentServiceForUrl(undefined as unknown as string)).toBeUndefined();
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

describe("subresourceServiceFor: Kakao's page, the service's own hosts, Kakao's port", () => {
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

describe("the catalogue's authored hosts", () => {
  it.each(SERVICE_IDS)('%s: exact names among its own hosts, never a wildcard', (id) => {
    const authored: readonly string[] = SERVICES[id].authoredHosts;
    for (const host of authored) {
      expect(host.startsWith('*.')).toBe(false);
      expect((SERVICES[id].hosts as readonly string[]).some((pattern) => hostMatches(pattern, host))).toBe(true);
      expect(authoredServiceForUrl(`https://${host}/`)).toBe(id);
    }
  });

  it("no host full of other people's words is authored", () => {
    const userContent = [
      'evil.tistory.com',
      'cafe.daum.net',
      'm.cafe.daum.net',
      'top.cafe.daum.net',
      'mail.daum.net',
      'm.mail.daum.net',
      'open.kakao.com',
      'pf.kakao.com',
      'talk.kakao.com',
      'v.daum.net',
      'm.news.daum.net',
      'place.map.kakao.com',
    ];
    for (const host of userContent) expect(authoredServiceForUrl(`https://${host}/`), host).toBeUndefined();
  });
});

describe('intentServiceForUrl: any Kakao address a tab may fail to load, never evidence', () => {
  it.each([
    ['https://map.kakao.com/?q=x', 'kakaomap'],
    ['http://map.kakao.com/?q=x', 'kakaomap'],
    ['https://map.kakao.com:81/', 'kakaomap'],
    ['http://evil.tistory.com/entry/x', 'tistory'],
    [`https://${'a'.repeat(63)}.tistory.com/`, 'tistory'],
    // Chromium fails these itself, without asking any resolver: a page can make them fail at will.
    [`https://${'a'.repeat(64)}.tistory.com/`, undefined],
    [`https://${'a.'.repeat(130)}tistory.com/`, undefined],
    ['https://tistory.com/', undefined],
    ['https://map.kakao.com.evil.example/', undefined],
    ['ftp://map.kakao.com/', undefined],
    ['not a url', undefined],
  ] as const)('%s -> %s', (url, service) => {
    expect(intentServiceForUrl(url)).toBe(service);
  });

  it('never names a service evidence does not (evidence is a subset of intent)', () => {
    for (const id of SERVICE_IDS) {
      for (const host of SERVICES[id].hosts as readonly string[]) {
        const url = `https://${host.replace('*.', 'blog.')}/`;
        if (evidenceServiceForUrl(url)) expect(intentServiceForUrl(url)).toBe(evidenceServiceForUrl(url));
      }
    }
  });
});

describe('isResolvableName', () => {
  it.each([
    ['map.kakao.com', true],
    ['MAP.KAKAO.COM.', true],
    ['xn--9n2bp8q.tistory.com', true],
    [`${'a'.repeat(63)}.tistory.com`, true],
    [`${'a'.repeat(64)}.tistory.com`, false],
    ['-a.tistory.com', false],
    ['a..tistory.com', false],
    ['', false],
  ] as const)('%s -> %s', (host, ok) => {
    expect(isResolvableName(host)).toBe(ok);
  });
});

describe('titles on authored hosts that others write', () => {
  it.each([
    ['https://www.melon.com/', 'melon', true],
    ['https://www.melon.com/song/detail.htm?songId=1', 'melon', false],
    ['https://www.melon.com/album/detail.htm?albumId=1', 'melon', false],
    ['https://www.melon.com/artist/timeline.htm?artistId=1', 'melon', false],
    ['https://page.kakao.com/', 'kakaopage', true],
    ['https://page.kakao.com/content/123', 'kakaopage', false],
    ['https://webtoon.kakao.com/content/x/1', 'kakaowebtoon', false],
    ['https://webtoon.kakao.com/viewer/x-001/2', 'kakaowebtoon', false],
    ['https://gift.kakao.com/product/123', 'kakaogift', false],
    ['https://gift.kakao.com/home', 'kakaogift', true],
  ] as const)('%s for %s -> %s', (url, service, counts) => {
    expect(pageTextCounts(url, service)).toBe(counts);
  });
});

describe('serviceHealthSpeaksFor: what the fallback page may say about the service', () => {
  it.each([
    ['https://map.kakao.com/?q=x', true],
    ['http://map.kakao.com/?q=x', true],
    ['https://www.tistory.com/', true],
    ['https://myblog.tistory.com/1', false],
    ['https://map.kakao.com:81/', false],
    ['http://map.kakao.com:8080/', false],
    ['https://u:p@map.kakao.com/', false],
    ['https://example.com/', false],
    ['garbage', false],
  ] as const)('%s -> %s', (url, speaks) => {
    expect(serviceHealthSpeaksFor(url)).toBe(speaks);
  });
});
