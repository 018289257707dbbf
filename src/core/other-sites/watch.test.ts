import { describe, expect, it } from 'vitest';
import {
  callsForNotice,
  createNoticeMemory,
  isWatchedRequest,
  otherSitesHealthEvent,
  otherSitesSignal,
  withheldResponse,
  type OtherSitesOutcome,
  type OtherSitesSignal,
  type NoticeContext,
} from './watch.ts';

const SHOP = 'https://shop.example.com/cart';
const SDK = 'https://t1.kakaocdn.net/kakao_js_sdk/2.7.2/kakao.min.js';
const LOGIN = 'https://kauth.kakao.com/oauth/authorize?client_id=x';
/** The KakaoMap SDK's loader, as other sites include it. */
const MAP_SDK = 'https://dapi.kakao.com/v2/maps/sdk.js?appkey=x';
const POSTCODE = 'https://t1.daumcdn.net/mapjsapi/bundle/postcode/prod/postcode.v2.js';

const DOC = 'doc-1';
const error = (url: string, message: string, pageUrl = SHOP, tabId = 7): OtherSitesOutcome => ({ type: 'error', tabId, url, pageUrl, documentKey: DOC, error: message });
const response = (url: string, statusCode: number, pageUrl = SHOP, tabId = 7): OtherSitesOutcome => ({ type: 'response', tabId, url, pageUrl, documentKey: DOC, statusCode });

describe('otherSitesSignal', () => {
  it.each([
    ['net::ERR_CONNECTION_REFUSED', 'refused'],
    ['NS_ERROR_CONNECTION_REFUSED', 'refused'],
    ['net::ERR_CONNECTION_RESET', 'reset'],
    ['NS_ERROR_NET_RESET', 'reset'],
    ['net::ERR_EMPTY_RESPONSE', 'empty'],
    ['net::ERR_NAME_NOT_RESOLVED', 'dns'],
    ['NS_ERROR_UNKNOWN_HOST', 'dns'],
    ['net::ERR_SSL_PROTOCOL_ERROR', 'tls'],
    ['net::ERR_TIMED_OUT', 'timeout'],
    ['net::ERR_INTERNET_DISCONNECTED', 'offline'],
  ])('a network error %s on the SDK fails with %s', (message, kind) => {
    expect(otherSitesSignal(error(SDK, message))).toEqual({ kind: 'js-sdk', tabId: 7, documentKey: DOC, ok: false, cause: { kind } });
  });

  it.each([500, 502, 503, 504, 599])('HTTP %i fails', (status) => {
    expect(otherSitesSignal(response(LOGIN, status))).toEqual({ kind: 'login', tabId: 7, documentKey: DOC, ok: false, cause: { kind: 'http', status }, service: 'kakaoaccount' });
  });

  it.each([200, 204, 301, 302, 304, 401, 403, 404, 429])('HTTP %i is an answer: ok', (status) => {
    expect(otherSitesSignal(response(MAP_SDK, status))).toEqual({ kind: 'map-sdk', tabId: 7, documentKey: DOC, ok: true, service: 'kakaomap' });
  });

  it.each(['net::ERR_ABORTED', 'NS_BINDING_ABORTED', 'net::ERR_BLOCKED_BY_CLIENT', 'net::ERR_BLOCKED_BY_ORB', 'NS_ERROR_TRACKING_URI', 'something new'])(
    'says nothing for %s (stopped, blocked, or unknown)',
    (message) => {
      expect(otherSitesSignal(error(SDK, message))).toBeUndefined();
    },
  );

  it('reports a hang as a time-out', () => {
    expect(otherSitesSignal({ type: 'hang', tabId: 3, url: POSTCODE, pageUrl: SHOP, documentKey: 'd' })).toEqual({
      kind: 'postcode',
      tabId: 3,
      documentKey: 'd',
      ok: false,
      cause: { kind: 'timeout' },
    });
  });

  it('takes a checked response as the server said it', () => {
    const checked = (ok: boolean, cause?: { kind: 'http'; status: number } | { kind: 'network' }): OtherSitesOutcome => ({
      type: 'checked',
      tabId: 2,
      url: SDK,
      pageUrl: SHOP,
      documentKey: DOC,
      ok,
      ...(cause ? { cause } : {}),
    });
    expect(otherSitesSignal(checked(true))).toEqual({ kind: 'js-sdk', tabId: 2, documentKey: DOC, ok: true });
    expect(otherSitesSignal(checked(false, { kind: 'http', status: 503 }))).toEqual({ kind: 'js-sdk', tabId: 2, documentKey: DOC, ok: false, cause: { kind: 'http', status: 503 } });
    expect(otherSitesSignal(checked(false))).toEqual({ kind: 'js-sdk', tabId: 2, documentKey: DOC, ok: false, cause: { kind: 'network' } });
  });

  it.each([
    ["Kakao's own page", 'https://map.kakao.com/?q=x'],
    ["a page on one of Kakao's own domains", 'https://developers.kakao.com/tool/demo/login'],
    ['a Tistory blog', 'https://someone.tistory.com/5'],
    ['the extension itself', 'chrome-extension://abcdefghijklmnop/src/background/index.ts'],
    ['no page at all', ''],
  ])('ignores requests from %s', (_label, pageUrl) => {
    expect(otherSitesSignal(error(SDK, 'net::ERR_CONNECTION_REFUSED', pageUrl))).toBeUndefined();
    expect(otherSitesSignal(response(SDK, 503, pageUrl))).toBeUndefined();
  });

  it('ignores requests outside a tab and unwatched addresses', () => {
    expect(otherSitesSignal(error(SDK, 'net::ERR_CONNECTION_REFUSED', SHOP, -1))).toBeUndefined();
    expect(otherSitesSignal(response('https://cdn.example.net/kakao_js_sdk/kakao.min.js', 503))).toBeUndefined();
    expect(otherSitesSignal(response('https://t1.daumcdn.net/cfile/tistory/a.jpg', 503))).toBeUndefined();
  });
});

describe('withheldResponse', () => {
  it("recognises Chromium's opaque-response block on a watched request from another site", () => {
    expect(withheldResponse(error(SDK, 'net::ERR_BLOCKED_BY_ORB'))).toBe('js-sdk');
    expect(withheldResponse(error(MAP_SDK, 'net::ERR_BLOCKED_BY_ORB'))).toBe('map-sdk');
  });

  it('leaves everything else to otherSitesSignal', () => {
    expect(withheldResponse(error(SDK, 'net::ERR_CONNECTION_REFUSED'))).toBeUndefined();
    expect(withheldResponse(error(SDK, 'net::ERR_BLOCKED_BY_CLIENT'))).toBeUndefined();
    expect(withheldResponse(response(SDK, 503))).toBeUndefined();
    expect(withheldResponse(error(SDK, 'net::ERR_BLOCKED_BY_ORB', 'https://map.kakao.com/'))).toBeUndefined();
    expect(withheldResponse(error(SDK, 'net::ERR_BLOCKED_BY_ORB', SHOP, -1))).toBeUndefined();
    expect(withheldResponse(error('https://cdn.example.net/x.js', 'net::ERR_BLOCKED_BY_ORB'))).toBeUndefined();
  });
});

describe('isWatchedRequest', () => {
  it('times only watched requests other sites make in a tab', () => {
    const request = (tabId: number, url: string, pageUrl: string) => ({ tabId, url, pageUrl, documentKey: DOC });
    expect(isWatchedRequest(request(4, SDK, SHOP))).toBe(true);
    expect(isWatchedRequest(request(-1, SDK, SHOP))).toBe(false);
    expect(isWatchedRequest(request(4, SDK, 'https://map.kakao.com/'))).toBe(false);
    expect(isWatchedRequest(request(4, 'https://cdn.example.net/a.js', SHOP))).toBe(false);
  });
});

describe('callsForNotice', () => {
  const online: NoticeContext = { enabled: true, browserOffline: false, network: 'online' };
  const failed: OtherSitesSignal = { kind: 'login', tabId: 1, documentKey: DOC, ok: false, cause: { kind: 'refused' } };

  it('calls for it on a failure while the connection looks fine (or nothing is known of it yet)', () => {
    expect(callsForNotice(failed, online)).toBe(true);
    expect(callsForNotice(failed, { ...online, network: 'unknown' })).toBe(true);
    expect(callsForNotice({ ...failed, cause: { kind: 'http', status: 503 } }, online)).toBe(true);
  });

  it('never blames Kakao for the user being offline, by any account', () => {
    expect(callsForNotice({ ...failed, cause: { kind: 'offline' } }, online)).toBe(false);
    expect(callsForNotice(failed, { ...online, browserOffline: true })).toBe(false);
    expect(callsForNotice(failed, { ...online, network: 'offline' })).toBe(false);
  });

  it('is silent for a success, and while Detour is switched off', () => {
    expect(callsForNotice({ kind: 'login', tabId: 1, documentKey: DOC, ok: true }, online)).toBe(false);
    expect(callsForNotice(failed, { ...online, enabled: false })).toBe(false);
  });
});

describe('otherSitesHealthEvent', () => {
  it("tells the engine about a catalogued service's servers, failed or working", () => {
    expect(otherSitesHealthEvent({ kind: 'map-sdk', tabId: 1, documentKey: DOC, ok: false, cause: { kind: 'refused' }, service: 'kakaomap' }, 5)).toEqual({
      type: 'subresource',
      service: 'kakaomap',
      ok: false,
      at: 5,
    });
    expect(otherSitesHealthEvent({ kind: 'login', tabId: 1, documentKey: DOC, ok: true, service: 'kakaoaccount' }, 6)).toEqual({ type: 'subresource', service: 'kakaoaccount', ok: true, at: 6 });
  });

  it('tells it nothing without a service, or when the failure was the user being offline', () => {
    expect(otherSitesHealthEvent({ kind: 'js-sdk', tabId: 1, documentKey: DOC, ok: false, cause: { kind: 'refused' } }, 5)).toBeUndefined();
    expect(otherSitesHealthEvent({ kind: 'postcode', tabId: 1, documentKey: DOC, ok: true }, 5)).toBeUndefined();
    expect(otherSitesHealthEvent({ kind: 'login', tabId: 1, documentKey: DOC, ok: false, cause: { kind: 'offline' }, service: 'kakaoaccount' }, 5)).toBeUndefined();
  });
});

describe('createNoticeMemory', () => {
  it('gives a page each notice once: a map losing fifty tiles gets one', () => {
    const memory = createNoticeMemory();
    expect(memory.take(1, 'map-sdk', 'a')).toBe(true);
    for (let tile = 0; tile < 50; tile += 1) expect(memory.take(1, 'map-sdk', 'a')).toBe(false);
    expect(memory.has(1, 'map-sdk', 'a')).toBe(true);
    expect(memory.take(2, 'map-sdk', 'x')).toBe(true);
  });

  it('gives the next page in the tab (another document: a link, a reload) its own notice', () => {
    const memory = createNoticeMemory();
    expect(memory.take(1, 'login', 'a')).toBe(true);
    expect(memory.has(1, 'login', 'b')).toBe(false);
    expect(memory.take(1, 'login', 'b')).toBe(true);
    expect(memory.take(1, 'login', 'b')).toBe(false);
  });

  it('replaces a notice with one of another kind (the banner shows the latest)', () => {
    const memory = createNoticeMemory();
    expect(memory.take(1, 'login', 'a')).toBe(true);
    expect(memory.take(1, 'postcode', 'a')).toBe(true);
    expect(memory.has(1, 'login', 'a')).toBe(false);
    expect(memory.take(1, 'login', 'a')).toBe(true);
  });

  it('drains every tab when the permission is taken back', () => {
    const memory = createNoticeMemory();
    memory.take(3, 'login', 'a');
    memory.take(4, 'postcode', 'b');
    expect(memory.drain().sort()).toEqual([3, 4]);
    expect(memory.drain()).toEqual([]);
    expect(memory.take(3, 'login', 'a')).toBe(true);
  });

  it('stays bounded: the oldest tab is forgotten first', () => {
    const memory = createNoticeMemory();
    for (let tab = 0; tab < 150; tab += 1) memory.take(tab, 'login', `d${tab}`);
    const kept = memory.drain();
    expect(kept).toHaveLength(100);
    expect(kept[0]).toBe(50);
  });
});

describe('otherSitesSignal: the trust boundary (issue 12, finding 3)', () => {
  it.each([
    ['Kakao login on port 80', 'https://kauth.kakao.com:80/oauth/authorize', 'net::ERR_SSL_PROTOCOL_ERROR'],
    ['the map API on port 80', 'https://dapi.kakao.com:80/v2/maps/sdk.js', 'net::ERR_SSL_PROTOCOL_ERROR'],
    ['the map API on port 81', 'https://dapi.kakao.com:81/v2/maps/sdk.js', 'net::ERR_CONNECTION_REFUSED'],
    ['the SDK over plain http', 'http://t1.kakaocdn.net/kakao_js_sdk/2.7.2/kakao.min.js', 'net::ERR_CONNECTION_REFUSED'],
  ])('a site asking %s says nothing', (_label, url, message) => {
    expect(otherSitesSignal(error(url, message))).toBeUndefined();
  });

  it("the same requests on Kakao's own port still count", () => {
    expect(otherSitesSignal(error('https://dapi.kakao.com/v2/maps/sdk.js', 'net::ERR_CONNECTION_REFUSED'))).toMatchObject({ ok: false, service: 'kakaomap' });
  });
});
