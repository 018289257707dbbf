import { describe, expect, it } from 'vitest';
import { mainFrameEvent, subresourceEvent, withheldSubresource } from './signals.ts';

const AT = 1_700_000_000_000;
const MAP = 'https://map.kakao.com/?q=x';

describe('mainFrameEvent', () => {
  it.each([
    [
      { type: 'error', tabId: 3, url: MAP, error: 'net::ERR_CONNECTION_REFUSED' },
      { type: 'main-frame-failure', service: 'kakaomap', cause: { kind: 'refused' }, url: MAP, at: AT },
    ],
    [
      { type: 'error', tabId: 3, url: MAP, error: 'NS_ERROR_NET_RESET' },
      { type: 'main-frame-failure', service: 'kakaomap', cause: { kind: 'reset' }, url: MAP, at: AT },
    ],
    [
      { type: 'response', tabId: 3, url: MAP, statusCode: 503 },
      { type: 'main-frame-failure', service: 'kakaomap', cause: { kind: 'http', status: 503 }, url: MAP, at: AT },
    ],
    [
      { type: 'response', tabId: 3, url: MAP, statusCode: 200 },
      { type: 'main-frame-ok', service: 'kakaomap', url: MAP, at: AT },
    ],
    [
      { type: 'response', tabId: 3, url: MAP, statusCode: 404 },
      { type: 'main-frame-ok', service: 'kakaomap', url: MAP, at: AT },
    ],
    [
      { type: 'hang', tabId: 3, url: MAP, waitedMs: 8000 },
      { type: 'hang', service: 'kakaomap', url: MAP, waitedMs: 8000, at: AT },
    ],
    [
      { type: 'response', tabId: 3, url: 'https://search.daum.net/search?q=x', statusCode: 502 },
      { type: 'main-frame-failure', service: 'daumsearch', cause: { kind: 'http', status: 502 }, url: 'https://search.daum.net/search?q=x', at: AT },
    ],
  ] as const)('%j', (outcome, event) => {
    expect(mainFrameEvent(outcome, AT)).toEqual(event);
  });

  it.each([
    ['a user abort', { type: 'error', tabId: 3, url: MAP, error: 'net::ERR_ABORTED' }],
    ['a Firefox abort', { type: 'error', tabId: 3, url: MAP, error: 'NS_BINDING_ABORTED' }],
    ['an unknown error', { type: 'error', tabId: 3, url: MAP, error: 'something else' }],
    ['a load with no tab (prefetch, the extension itself)', { type: 'response', tabId: -1, url: MAP, statusCode: 503 }],
    ['another site', { type: 'response', tabId: 3, url: 'https://example.com/', statusCode: 503 }],
    // Issue 12, finding 2: a stranger's link to a port nobody at Kakao serves from.
    ['TLS to port 80', { type: 'error', tabId: 3, url: 'https://map.kakao.com:80/?q=x', error: 'net::ERR_SSL_PROTOCOL_ERROR' }],
    ['port 81 refused', { type: 'error', tabId: 3, url: 'https://map.kakao.com:81/?q=x', error: 'net::ERR_CONNECTION_REFUSED' }],
    ['a hang on port 8080', { type: 'hang', tabId: 3, url: 'https://map.kakao.com:8080/', waitedMs: 8000 }],
    ['plain http (a hostile network may answer it)', { type: 'response', tabId: 3, url: 'http://www.daum.net/', statusCode: 503 }],
  ] as const)('says nothing for %s', (_label, outcome) => {
    expect(mainFrameEvent(outcome, AT)).toBeUndefined();
  });
});

const API = 'https://dapi.kakao.com/v2/maps/sdk.js';

describe('subresourceEvent', () => {
  it.each([
    [{ type: 'response', tabId: 3, pageUrl: MAP, url: API, statusCode: 200 }, true],
    [{ type: 'response', tabId: 3, pageUrl: MAP, url: API, statusCode: 304 }, true],
    [{ type: 'response', tabId: 3, pageUrl: MAP, url: API, statusCode: 404 }, true],
    [{ type: 'response', tabId: 3, pageUrl: MAP, url: API, statusCode: 503 }, false],
    [{ type: 'error', tabId: 3, pageUrl: MAP, url: API, error: 'net::ERR_CONNECTION_RESET' }, false],
    [{ type: 'error', tabId: 3, pageUrl: 'https://map.kakao.com', url: API, error: 'NS_ERROR_CONNECTION_REFUSED' }, false],
  ] as const)('%j -> ok %s', (outcome, ok) => {
    expect(subresourceEvent(outcome, AT)).toEqual({ type: 'subresource', service: 'kakaomap', ok, at: AT });
  });

  it.each([
    ['an aborted request', { type: 'error', tabId: 3, pageUrl: MAP, url: API, error: 'net::ERR_ABORTED' }],
    ['an ad blocker', { type: 'error', tabId: 3, pageUrl: MAP, url: API, error: 'net::ERR_BLOCKED_BY_CLIENT' }],
    ['a probe of the extension', { type: 'response', tabId: -1, pageUrl: MAP, url: API, statusCode: 503 }],
    ['a page that is not Kakao', { type: 'response', tabId: 3, pageUrl: 'https://shop.example/', url: API, statusCode: 503 }],
    ['no page', { type: 'response', tabId: 3, pageUrl: '', url: API, statusCode: 503 }],
    // Issue 12, finding 3: the trust boundary.
    ['a blog fetching other blogs on port 80', { type: 'error', tabId: 3, pageUrl: 'https://evil.tistory.com/1', url: 'https://x1.tistory.com:80/', error: 'net::ERR_SSL_PROTOCOL_ERROR' }],
    ["a blog fetching Tistory's own CDN", { type: 'error', tabId: 3, pageUrl: 'https://evil.tistory.com/1', url: 'https://t1.daumcdn.net/x', error: 'net::ERR_CONNECTION_RESET' }],
    ['a Kakao page fetching its API on port 80', { type: 'error', tabId: 3, pageUrl: MAP, url: 'https://dapi.kakao.com:80/v2/x', error: 'net::ERR_SSL_PROTOCOL_ERROR' }],
    ['a Kakao page fetching its API over plain http', { type: 'error', tabId: 3, pageUrl: MAP, url: 'http://dapi.kakao.com/v2/x', error: 'net::ERR_CONNECTION_REFUSED' }],
    ["a Kakao page fetching someone else's host", { type: 'response', tabId: 3, pageUrl: MAP, url: 'https://failing.example/x', statusCode: 503 }],
    ["a Kakao page fetching another service's API", { type: 'response', tabId: 3, pageUrl: MAP, url: 'https://api.kakaomobility.com/x', statusCode: 503 }],
    ['a page served over plain http', { type: 'response', tabId: 3, pageUrl: 'http://map.kakao.com/', url: API, statusCode: 503 }],
    ['a page on another port', { type: 'response', tabId: 3, pageUrl: 'https://map.kakao.com:8443/', url: API, statusCode: 503 }],
    ["a blog page asking Tistory's own host", { type: 'response', tabId: 3, pageUrl: 'https://evil.tistory.com/1', url: 'https://www.tistory.com/x', statusCode: 503 }],
  ] as const)('says nothing for %s', (_label, outcome) => {
    expect(subresourceEvent(outcome, AT)).toBeUndefined();
  });
});

describe('withheldSubresource', () => {
  it.each([
    ['a Kakao page whose script Chromium withheld unread', { type: 'error', tabId: 3, pageUrl: MAP, url: API, error: 'net::ERR_BLOCKED_BY_ORB' }, true],
    ['the same, with stray spaces', { type: 'error', tabId: 3, pageUrl: MAP, url: API, error: ' net::ERR_BLOCKED_BY_ORB ' }, true],
    ['an ad blocker (no look at the server)', { type: 'error', tabId: 3, pageUrl: MAP, url: API, error: 'net::ERR_BLOCKED_BY_CLIENT' }, false],
    ['a plain network error', { type: 'error', tabId: 3, pageUrl: MAP, url: API, error: 'net::ERR_CONNECTION_RESET' }, false],
    ['a response', { type: 'response', tabId: 3, pageUrl: MAP, url: API, statusCode: 503 }, false],
    ['a probe of the extension (no tab)', { type: 'error', tabId: -1, pageUrl: MAP, url: API, error: 'net::ERR_BLOCKED_BY_ORB' }, false],
    ['a page that is not Kakao', { type: 'error', tabId: 3, pageUrl: 'https://shop.example/', url: API, error: 'net::ERR_BLOCKED_BY_ORB' }, false],
    ["a blog's request (not Kakao's page)", { type: 'error', tabId: 3, pageUrl: 'https://evil.tistory.com/', url: 'https://t1.daumcdn.net/x', error: 'net::ERR_BLOCKED_BY_ORB' }, false],
  ] as const)('%s -> %s', (_label, outcome, withheld) => {
    expect(withheldSubresource(outcome)).toBe(withheld);
  });
});
