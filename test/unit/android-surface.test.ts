import { afterEach, describe, expect, it, vi } from 'vitest';
import { EXTENSION_ID, fakeExtensionApi } from '../support/fake-extension-api.ts';

/**
 * Firefox for Android has no context menus (contextMenus / menus), no keyboard shortcuts (commands)
 * and no windows. Loaded there, the background must still register everything else: above all the
 * message listener, without which the popup, the fallback page's checks and the banners get no answer.
 */
const ANDROID_ABSENT = ['contextMenus', 'menus', 'commands', 'windows'];

async function loadBackground(absent: readonly string[]) {
  const fake = fakeExtensionApi(absent);
  vi.resetModules();
  vi.stubGlobal('browser', fake.api);
  vi.stubGlobal('chrome', fake.api);
  // On Firefox the polyfill hands out the browser's own \`browser\` object; node caches the polyfill
  // across loads, so hand out this fake directly.
  vi.doMock('webextension-polyfill', () => ({ default: fake.api }));
  // A worker's globals that node lacks.
  vi.stubGlobal('addEventListener', () => undefined);
  vi.stubGlobal('navigator', { onLine: true, userAgent: 'Mozilla/5.0 (Android 14; Mobile; rv:142.0) Gecko/142.0 Firefox/142.0' });
  const reported = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  let error: unknown;
  try {
    await import('../../src/background/index.ts');
  } catch (thrown) {
    error = thrown;
  }
  // Let the start-up promises (settings read, badge) settle.
  await new Promise((resolve) => setTimeout(resolve, 20));
  return { fake, error, reported };
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.doUnmock('webextension-polyfill');
  vi.restoreAllMocks();
});

describe('the background on Firefox for Android (no contextMenus, menus, commands, windows)', () => {
  it('starts: no error, and its message listener answers the popup', async () => {
    const { fake, error } = await loadBackground(ANDROID_ABSENT);
    expect(error).toBeUndefined();
    const onMessage = fake.event('runtime.onMessage');
    expect(onMessage.listeners).toHaveLength(1);
    // The popup asks for the health view: the listener takes it and answers (a promise), rather than dropping it.
    const answer = onMessage.listeners[0]!({ detour: 1, name: 'health/get', payload: undefined }, { id: EXTENSION_ID, url: `moz-extension://${EXTENSION_ID}/src/ui/popup/index.html` });
    expect(answer).toBeInstanceOf(Promise);
  });

  it('still watches Kakao loads, alarms and storage there', async () => {
    const { fake } = await loadBackground(ANDROID_ABSENT);
    for (const path of ['webRequest.onErrorOccurred', 'webRequest.onCompleted', 'alarms.onAlarm', 'storage.onChanged', 'runtime.onInstalled']) {
      expect(fake.event(path).listeners.length, path).toBeGreaterThan(0);
    }
  });

  it('never touches a missing namespace, even on install (menus are made there on desktop)', async () => {
    const { fake, reported } = await loadBackground(ANDROID_ABSENT);
    const installed = fake.event('runtime.onInstalled').listeners;
    expect(() => {
      for (const listener of installed) listener({ reason: 'install' });
    }).not.toThrow();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(fake.calls.filter((path) => ANDROID_ABSENT.some((name) => path.startsWith(`${name}.`)))).toEqual([]);
    // The background reports its failures with console.error ("Detour: ..."): none, install included.
    expect(reported.mock.calls).toEqual([]);
  });

  it('on desktop (every namespace present) still makes its menus and listens to its shortcut', async () => {
    const { fake } = await loadBackground([]);
    expect(fake.event('contextMenus.onClicked').listeners).toHaveLength(1);
    expect(fake.event('commands.onCommand').listeners).toHaveLength(1);
    for (const listener of fake.event('runtime.onInstalled').listeners) listener({ reason: 'install' });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(fake.calls).toContain('contextMenus.create');
  });
});
