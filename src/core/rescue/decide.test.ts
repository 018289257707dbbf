import { describe, expect, it } from 'vitest';
import type { MainFrameOutcome } from '../health/main-frame.ts';
import { decideRescue, type RescueDecision } from './decide.ts';
import { SERVICES, SERVICE_IDS } from '../catalog/index.ts';
import { DEFAULTS, type Settings } from '../settings/index.ts';

const ON: Settings = structuredClone(DEFAULTS);
const DISABLED: Settings = { ...structuredClone(DEFAULTS), enabled: false };
const SERVICE_OFF: Settings = { ...structuredClone(DEFAULTS), services: { ...DEFAULTS.services, kakaomap: { ...DEFAULTS.services.kakaomap, mode: 'off' } } };
const MELON_OFF: Settings = { ...structuredClone(DEFAULTS), services: { ...DEFAULTS.services, melon: { ...DEFAULTS.services.melon, mode: 'off' } } };
const REDIRECT: Settings = { ...structuredClone(DEFAULTS), services: { ...DEFAULTS.services, kakaomap: { ...DEFAULTS.services.kakaomap, mode: 'redirect' } } };

const URL_KAKAO = 'https://map.kakao.com/link/search/판교';
const error = (err: string, url = URL_KAKAO, tabId = 7): MainFrameOutcome => ({ type: 'error', tabId, url, error: err });
const response = (statusCode: number, url = URL_KAKAO, tabId = 7): MainFrameOutcome => ({ type: 'response', tabId, url, statusCode });

const CASES: ReadonlyArray<readonly [string, MainFrameOutcome, Settings, RescueDecision]> = [
  ['tab-less load (tabId -1)', error('net::ERR_CONNECTION_REFUSED', URL_KAKAO, -1), ON, { action: 'ignore', reason: 'not-a-tab' }],
  ['tab-less 503', response(503, URL_KAKAO, -1), ON, { action: 'ignore', reason: 'not-a-tab' }],
  ['non-catalogued host', error('net::ERR_CONNECTION_REFUSED', 'https://evil.example/'), ON, { action: 'ignore', reason: 'not-catalogued' }],
  ['non-catalogued 503', response(503, 'https://www.google.com/maps'), ON, { action: 'ignore', reason: 'not-catalogued' }],
  ['API host failing is not a main-frame rescue', error('net::ERR_CONNECTION_REFUSED', 'https://dapi.kakao.com/'), ON, { action: 'ignore', reason: 'not-catalogued' }],
  ['user stopped (ERR_ABORTED)', error('net::ERR_ABORTED'), ON, { action: 'ignore', reason: 'not-a-failure' }],
  ['user stopped (Firefox)', error('NS_BINDING_ABORTED'), ON, { action: 'ignore', reason: 'not-a-failure' }],
  ['blocked by another extension', error('net::ERR_BLOCKED_BY_CLIENT'), ON, { action: 'ignore', reason: 'not-a-failure' }],
  ['unknown error string', error('net::ERR_SOMETHING_NEW'), ON, { action: 'ignore', reason: 'not-a-failure' }],
  ['404', response(404), ON, { action: 'ignore', reason: 'not-a-failure' }],
  ['403', response(403), ON, { action: 'ignore', reason: 'not-a-failure' }],
  ['200', response(200), ON, { action: 'ignore', reason: 'not-a-failure' }],
  ['301', response(301), ON, { action: 'ignore', reason: 'not-a-failure' }],
  ['refused', error('net::ERR_CONNECTION_REFUSED'), ON, { action: 'fallback', service: 'kakaomap', cause: { kind: 'refused' }, url: URL_KAKAO, tabId: 7, evidence: true }],
  ['Firefox reset', error('NS_ERROR_NET_RESET'), ON, { action: 'fallback', service: 'kakaomap', cause: { kind: 'reset' }, url: URL_KAKAO, tabId: 7, evidence: true }],
  ['timeout on tab 0', error('net::ERR_TIMED_OUT', URL_KAKAO, 0), ON, { action: 'fallback', service: 'kakaomap', cause: { kind: 'timeout' }, url: URL_KAKAO, tabId: 0, evidence: true }],
  ['503', response(503), ON, { action: 'fallback', service: 'kakaomap', cause: { kind: 'http', status: 503 }, url: URL_KAKAO, tabId: 7, evidence: true }],
  [
    '500 on the Daum host',
    response(500, 'https://map.daum.net/?q=x'),
    ON,
    { action: 'fallback', service: 'kakaomap', cause: { kind: 'http', status: 500 }, url: 'https://map.daum.net/?q=x', tabId: 7, evidence: true },
  ],
  // Intent, not evidence: plain http (a hostile network can answer it), any port but 443, a name only
  // a wildcard matches are no Kakao server's failure, but the tab that failed to load them is helped.
  [
    '500 over plain http',
    response(500, 'http://map.daum.net/?q=x'),
    ON,
    { action: 'fallback', service: 'kakaomap', cause: { kind: 'http', status: 500 }, url: 'http://map.daum.net/?q=x', tabId: 7, evidence: false },
  ],
  [
    'refused over plain http',
    error('net::ERR_CONNECTION_REFUSED', 'http://map.kakao.com/?q=x'),
    ON,
    { action: 'fallback', service: 'kakaomap', cause: { kind: 'refused' }, url: 'http://map.kakao.com/?q=x', tabId: 7, evidence: false },
  ],
  [
    'TLS failure on port 80',
    { type: 'error', tabId: 7, url: 'https://map.kakao.com:80/?q=x', error: 'net::ERR_SSL_PROTOCOL_ERROR' },
    ON,
    { action: 'fallback', service: 'kakaomap', cause: { kind: 'tls' }, url: 'https://map.kakao.com:80/?q=x', tabId: 7, evidence: false },
  ],
  [
    'refused on port 81',
    { type: 'error', tabId: 7, url: 'https://map.kakao.com:81/?q=x', error: 'net::ERR_CONNECTION_REFUSED' },
    ON,
    { action: 'fallback', service: 'kakaomap', cause: { kind: 'refused' }, url: 'https://map.kakao.com:81/?q=x', tabId: 7, evidence: false },
  ],
  // A name no resolver accepts (a 64-character label) fails by its author's design: the browser's own page says so.
  ['a label over 63 characters', error('net::ERR_NAME_NOT_RESOLVED', `https://${'a'.repeat(64)}.tistory.com/entry/x`), ON, { action: 'ignore', reason: 'not-catalogued' }],
  [
    'a 63-character label is a name',
    error('net::ERR_NAME_NOT_RESOLVED', `https://${'a'.repeat(63)}.tistory.com/`),
    ON,
    { action: 'fallback', service: 'tistory', cause: { kind: 'dns' }, url: `https://${'a'.repeat(63)}.tistory.com/`, tabId: 7, evidence: false },
  ],
  [
    'an explicit :443 is the default port',
    { type: 'error', tabId: 7, url: 'https://map.kakao.com:443/?q=x', error: 'net::ERR_CONNECTION_REFUSED' },
    ON,
    { action: 'fallback', service: 'kakaomap', cause: { kind: 'refused' }, url: 'https://map.kakao.com:443/?q=x', tabId: 7, evidence: true },
  ],
  [
    'credentials in the address',
    { type: 'error', tabId: 7, url: 'https://x:y@map.kakao.com/', error: 'net::ERR_CONNECTION_REFUSED' },
    ON,
    { action: 'fallback', service: 'kakaomap', cause: { kind: 'refused' }, url: 'https://x:y@map.kakao.com/', tabId: 7, evidence: false },
  ],
  ['refused in redirect mode', error('net::ERR_CONNECTION_REFUSED'), REDIRECT, { action: 'fallback', service: 'kakaomap', cause: { kind: 'refused' }, url: URL_KAKAO, tabId: 7, evidence: true }],
  ['refused while disabled', error('net::ERR_CONNECTION_REFUSED'), DISABLED, { action: 'ignore', reason: 'disabled' }],
  ['503 while disabled', response(503), DISABLED, { action: 'ignore', reason: 'disabled' }],
  ['refused with the service off', error('net::ERR_CONNECTION_REFUSED'), SERVICE_OFF, { action: 'ignore', reason: 'service-off' }],
  ['503 with the service off', response(503), SERVICE_OFF, { action: 'ignore', reason: 'service-off' }],
  ['a non-failure while disabled is still just not-a-failure', response(200), DISABLED, { action: 'ignore', reason: 'not-a-failure' }],
  // Every catalogued service, not only the map.
  [
    'Tistory blog subdomain refused',
    error('net::ERR_CONNECTION_REFUSED', 'https://myblog.tistory.com/123'),
    ON,
    { action: 'fallback', service: 'tistory', cause: { kind: 'refused' }, url: 'https://myblog.tistory.com/123', tabId: 7, evidence: false },
  ],
  ['bare tistory.com is not catalogued', error('net::ERR_CONNECTION_REFUSED', 'https://tistory.com/'), ON, { action: 'ignore', reason: 'not-catalogued' }],
  [
    'Daum search 502',
    response(502, 'https://search.daum.net/search?w=tot&q=x'),
    ON,
    { action: 'fallback', service: 'daumsearch', cause: { kind: 'http', status: 502 }, url: 'https://search.daum.net/search?w=tot&q=x', tabId: 7, evidence: true },
  ],
  [
    'Melon timeout',
    error('net::ERR_TIMED_OUT', 'https://www.melon.com/'),
    ON,
    { action: 'fallback', service: 'melon', cause: { kind: 'timeout' }, url: 'https://www.melon.com/', tabId: 7, evidence: true },
  ],
  [
    'KakaoMap off does not turn Melon off',
    error('net::ERR_TIMED_OUT', 'https://www.melon.com/'),
    SERVICE_OFF,
    { action: 'fallback', service: 'melon', cause: { kind: 'timeout' }, url: 'https://www.melon.com/', tabId: 7, evidence: true },
  ],
  ['Melon off', error('net::ERR_TIMED_OUT', 'https://www.melon.com/'), MELON_OFF, { action: 'ignore', reason: 'service-off' }],
  [
    'Melon off does not turn KakaoMap off',
    error('net::ERR_CONNECTION_REFUSED'),
    MELON_OFF,
    { action: 'fallback', service: 'kakaomap', cause: { kind: 'refused' }, url: URL_KAKAO, tabId: 7, evidence: true },
  ],
  ['Kakao account login 503 while disabled', response(503, 'https://accounts.kakao.com/login'), DISABLED, { action: 'ignore', reason: 'disabled' }],
];

describe('decideRescue', () => {
  it.each(SERVICE_IDS)('rescues a failing load of %s, and leaves it alone when that service is off', (id) => {
    const url = SERVICES[id].probe.replace('/favicon.ico', '/');
    expect(decideRescue(error('net::ERR_CONNECTION_RESET', url), ON)).toEqual({ action: 'fallback', service: id, cause: { kind: 'reset' }, url, tabId: 7, evidence: true });
    const off: Settings = { ...structuredClone(DEFAULTS), services: { ...DEFAULTS.services, [id]: { ...DEFAULTS.services[id], mode: 'off' } } };
    expect(decideRescue(error('net::ERR_CONNECTION_RESET', url), off)).toEqual({ action: 'ignore', reason: 'service-off' });
  });

  it.each(CASES)('%s', (_label, outcome, settings, expected) => {
    expect(decideRescue(outcome, settings)).toEqual(expected);
  });

  it('does not mutate its inputs', () => {
    const outcome = Object.freeze(error('net::ERR_CONNECTION_REFUSED'));
    const settings = structuredClone(ON);
    decideRescue(outcome, settings);
    expect(settings).toEqual(ON);
  });
});
