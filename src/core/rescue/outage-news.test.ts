import { describe, expect, it } from 'vitest';
import { SERVICE_IDS } from '../catalog/index.ts';
import { isAllowedLink } from '../translate/links.ts';
import { outageNewsUrl } from './outage-news.ts';

describe('outageNewsUrl', () => {
  it('searches the news, newest first, for the Korean name and 장애', () => {
    const url = new URL(outageNewsUrl('kakaomap'));
    expect(url.origin).toBe('https://search.naver.com');
    expect(url.searchParams.get('where')).toBe('news');
    expect(url.searchParams.get('query')).toBe('카카오맵 장애');
  });
  it.each(SERVICE_IDS)('%s: an allow-listed https address', (id) => {
    expect(isAllowedLink(outageNewsUrl(id))).toBe(true);
  });
});
