import { describe, expect, it } from 'vitest';
import { MESSAGE_SENDERS, envelope, isEnvelope } from './messages.ts';

describe('isEnvelope', () => {
  it.each([
    { detour: 1, name: 'state/get', payload: null },
    { detour: 1, name: 'settings/update', payload: { enabled: false } },
    envelope('state/get', null),
    envelope('settings/update', { services: { kakaomap: { mode: 'off' } } }),
  ])('accepts %j', (value) => {
    expect(isEnvelope(value)).toBe(true);
  });

  it('accepts an envelope for every known message name', () => {
    const names = Object.keys(MESSAGE_SENDERS);
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) expect(isEnvelope({ detour: 1, name, payload: null }), name).toBe(true);
  });

  it.each([
    ['null', null],
    ['undefined', undefined],
    ['a string', 'state/get'],
    ['a number', 1],
    ['an empty object', {}],
    ['an array', [1, 'state/get']],
    ['no detour marker', { name: 'state/get', payload: null }],
    ['detour 2', { detour: 2, name: 'state/get', payload: null }],
    ['detour "1"', { detour: '1', name: 'state/get', payload: null }],
    ['detour true', { detour: true, name: 'state/get', payload: null }],
    ['no name', { detour: 1, payload: null }],
    ['a numeric name', { detour: 1, name: 1, payload: null }],
    ['an unknown name', { detour: 1, name: 'tabs/close', payload: null }],
    ['a name differing in case', { detour: 1, name: 'State/Get', payload: null }],
    ['a name with whitespace', { detour: 1, name: 'state/get ', payload: null }],
    ['name __proto__', { detour: 1, name: '__proto__', payload: null }],
    ['name toString', { detour: 1, name: 'toString', payload: null }],
    ['name constructor', { detour: 1, name: 'constructor', payload: null }],
    ['name hasOwnProperty', { detour: 1, name: 'hasOwnProperty', payload: null }],
    ['a name object', { detour: 1, name: { toString: () => 'state/get' }, payload: null }],
  ])('rejects %s', (_label, value) => {
    expect(isEnvelope(value)).toBe(false);
  });

  it('rejects __proto__ set as an own key through JSON', () => {
    expect(isEnvelope(JSON.parse('{"detour":1,"name":"__proto__","payload":null}'))).toBe(false);
  });
});

describe('envelope', () => {
  it('builds the wire form', () => {
    expect(envelope('settings/update', { enabled: true })).toEqual({ detour: 1, name: 'settings/update', payload: { enabled: true } });
  });
});

describe('MESSAGE_SENDERS', () => {
  it('lets only extension pages read state or change settings', () => {
    expect(MESSAGE_SENDERS['state/get']).toEqual(['extension-page']);
    expect(MESSAGE_SENDERS['settings/update']).toEqual(['extension-page']);
  });

  it("lets only extension pages (the popup) ask for the active tab's alternatives: no page may learn another tab's address", () => {
    expect(MESSAGE_SENDERS['tab/alternatives']).toEqual(['extension-page']);
  });
});

describe('banner messages', () => {
  it('lets only content scripts snooze, and only the background order a banner', () => {
    expect(MESSAGE_SENDERS['banner/snooze']).toEqual(['content-script']);
    expect(MESSAGE_SENDERS['banner/show']).toEqual(['background']);
  });

  it('lets no other message come from the background than the banner and the request count, and nothing else send those', () => {
    for (const [name, senders] of Object.entries(MESSAGE_SENDERS)) {
      expect(senders.includes('background'), name).toBe(name === 'banner/show' || name === 'page/count');
      if (senders.includes('background')) expect(senders, name).toEqual(['background']);
    }
  });

  it('lets only content scripts report their page and its requests', () => {
    expect(MESSAGE_SENDERS['page/seen']).toEqual(['content-script']);
    expect(MESSAGE_SENDERS['page/requests']).toEqual(['content-script']);
  });
});
