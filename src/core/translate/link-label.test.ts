import { describe, expect, it } from 'vitest';
import { linkDetail, linkDetailMessage } from './link-label.ts';

const fake = (key: string, substitutions?: string | string[]) => (substitutions === undefined ? `[${key}]` : `[${key}:${String(substitutions)}]`);

describe('linkDetail: the one label under an alternative', () => {
  it.each([
    [{ alternative: 'navermap', carries: 'search', via: 'web' }, '판교역', '[carrySearch:판교역]'],
    [{ alternative: 'googlemaps', carries: 'place', via: 'web' }, '스타벅스', '[carryPlace:스타벅스]'],
    [{ alternative: 'tmap', carries: 'route', via: 'app' }, '카카오판교', '[carryRoute:카카오판교] · [viaApp]'],
    [{ alternative: 'naver', carries: 'home', via: 'web' }, '', '[carryHome]'],
    [{ alternative: 'line', carries: 'home', via: 'web' }, '', '[guide_line]'],
    [{ alternative: 'naverpay', carries: 'home', via: 'web' }, 'x', '[guide_naverpay]'],
    [{ alternative: 'ut', carries: 'place', via: 'web', note: 'appOnly' }, '판교역', '[carryAppOnly:판교역]'],
    [{ alternative: 'ut', carries: 'route', via: 'web' }, '판교역', '[carryRoute:판교역]'],
  ] as const)('%j', (link, subject, expected) => {
    expect(linkDetail(link, subject, fake)).toBe(expected);
  });

  it('names the message and what fills it in', () => {
    expect(linkDetailMessage({ alternative: 'vibe', carries: 'search', via: 'web' }, '아이유')).toEqual({ key: 'carrySearch', substitution: '아이유', viaApp: false });
    expect(linkDetailMessage({ alternative: 'band', carries: 'home', via: 'web' }, '')).toEqual({ key: 'guide_band', viaApp: false });
  });
});
