import { describe, expect, it } from 'vitest';
import { BANNER_APP_SCHEMES, isBannerHref } from './banner-href.ts';
import { ALLOWED_APP_SCHEMES } from '../catalog/index.ts';

describe('isBannerHref', () => {
  it.each([
    'https://map.naver.com/p/search/%ED%8C%90%EA%B5%90%EC%97%AD',
    'https://www.google.com/maps/search/?api=1&query=x',
    'tmap://search?name=x',
    'nmap://search?query=x',
    'uber://?action=setPickup',
  ])('accepts %s', (url) => {
    expect(isBannerHref(url)).toBe(true);
  });

  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    ' javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'http://map.naver.com/',
    'https://user:pass@map.naver.com/',
    'https://user@map.naver.com/',
    'vbscript:msgbox',
    'file:///etc/passwd',
    'chrome-extension://abc/page.html',
    'blob:https://map.naver.com/x',
    '//map.naver.com/',
    '/relative',
    '',
    'not a url',
  ])('rejects %j', (url) => {
    expect(isBannerHref(url)).toBe(false);
  });

  it('knows exactly the catalogue app schemes', () => {
    expect([...BANNER_APP_SCHEMES].sort()).toEqual([...ALLOWED_APP_SCHEMES].sort());
  });
});
