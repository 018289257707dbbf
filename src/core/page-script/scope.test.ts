import { describe, expect, it } from 'vitest';
import { SERVICES, SERVICE_IDS } from '../catalog/index.ts';
import { FALLBACK_PAGE_PATH } from '../rescue/fallback-query.ts';
import { shouldReadPage } from './scope.ts';

describe('shouldReadPage', () => {
  it("reads every catalogued service's own named pages, and no name only a wildcard matches", () => {
    for (const id of SERVICE_IDS) {
      for (const host of SERVICES[id].hosts) {
        const name = host.startsWith('*.') ? `blog${host.slice(1)}` : host;
        // A blog under *.tistory.com runs its author's scripts and words, not Kakao's.
        expect(shouldReadPage(`https://${name}/some/page?q=1`), name).toBe(!host.startsWith('*.'));
      }
    }
  });

  it.each([
    ['another site', 'https://www.naver.com/'],
    ['a look-alike host', 'https://map.kakao.com.evil.example/'],
    ["Kakao's API host (not a page the user visits)", 'https://dapi.kakao.com/v2/maps/sdk.js'],
    ['a non-web scheme on a Kakao name', 'ftp://map.kakao.com/'],
    ['an extension page', `chrome-extension://abc/${FALLBACK_PAGE_PATH}?url=https%3A%2F%2Fmap.kakao.com%2F`],
    ['a malformed address', 'https://'],
    ['a plain-http page on a Kakao name', 'http://map.kakao.com/'],
    ['a Tistory blog', 'https://someone.tistory.com/1'],
    ['nothing', undefined],
    ['an empty string', ''],
  ])('leaves %s alone', (_label, url) => {
    expect(shouldReadPage(url)).toBe(false);
  });
});
