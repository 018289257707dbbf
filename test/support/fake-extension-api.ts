/**
 * A stand-in for the WebExtension API, just enough to load a whole extension context (the background)
 * in node: every namespace answers, every event records its listeners, every call resolves. Namespaces
 * named in `absent` are missing, as they are on a browser that does not have them (Firefox for Android).
 */

export interface FakeEvent {
  readonly listeners: Array<(...args: unknown[]) => unknown>;
  addListener(listener: (...args: unknown[]) => unknown): void;
  removeListener(listener: (...args: unknown[]) => unknown): void;
  hasListener(listener: (...args: unknown[]) => unknown): boolean;
}

export interface FakeApi {
  /** The object to install as globalThis.browser / globalThis.chrome. */
  readonly api: Record<string, unknown>;
  /** The event at a dotted path ("runtime.onMessage"), created on first use. */
  event(path: string): FakeEvent;
  /** Every call made, as dotted paths, in order. */
  readonly calls: string[];
}

export const EXTENSION_ID = 'detour-test-id';
const ORIGIN = `moz-extension://${EXTENSION_ID}/`;

/** Answers of the calls whose callers need a particular shape; everything else resolves to undefined. */
const ANSWERS: Record<string, (...args: unknown[]) => unknown> = {
  'i18n.getMessage': () => '',
  'i18n.getUILanguage': () => 'ko',
  'runtime.getURL': (path) => ORIGIN + String(path ?? ''),
  'runtime.getManifest': () => ({ manifest_version: 3, version: '0.0.0' }),
  'storage.local.get': async () => ({}),
  'storage.sync.get': async () => ({}),
  'storage.session.get': async () => ({}),
  'tabs.query': async () => [],
  'declarativeNetRequest.getSessionRules': async () => [],
  'permissions.contains': async () => false,
  'permissions.getAll': async () => ({ permissions: [], origins: [] }),
};

export function fakeExtensionApi(absent: readonly string[] = []): FakeApi {
  const events = new Map<string, FakeEvent>();
  const calls: string[] = [];

  function event(path: string): FakeEvent {
    let found = events.get(path);
    if (!found) {
      const listeners: FakeEvent['listeners'] = [];
      found = {
        listeners,
        addListener: (listener) => void listeners.push(listener),
        removeListener: (listener) => void listeners.splice(listeners.indexOf(listener), 1),
        hasListener: (listener) => listeners.includes(listener),
      };
      events.set(path, found);
    }
    return found;
  }

  function node(path: string): Record<string, unknown> {
    const children = new Map<PropertyKey, unknown>();
    const target = function fake() {} as unknown as Record<string, unknown>;
    return new Proxy(target, {
      get(_, prop) {
        if (typeof prop !== 'string' || prop === 'then') return undefined;
        const child = path ? `${path}.${prop}` : prop;
        if (!path && absent.includes(prop)) return undefined;
        if (child === 'runtime.id') return EXTENSION_ID;
        if (child === 'runtime.lastError') return undefined;
        if (/^on[A-Z]/.test(prop)) return event(child);
        if (!children.has(prop)) children.set(prop, node(child));
        return children.get(prop);
      },
      has(_, prop) {
        return !(typeof prop === 'string' && !path && absent.includes(prop));
      },
      apply(_, __, args: unknown[]) {
        calls.push(path);
        const answer = ANSWERS[path];
        if (answer) return answer(...args);
        // Callback-style calls (contextMenus.create) get their callback too.
        const callback = args.find((arg) => typeof arg === 'function') as (() => void) | undefined;
        callback?.();
        return Promise.resolve(undefined);
      },
    });
  }

  return { api: node(''), event, calls };
}
