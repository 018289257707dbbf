// The core is checked without DOM or browser typings (tsconfig.core.json), so that it cannot reach for
// document, window, fetch or the extension APIs. These few language-level globals exist in every host
// Detour's code runs in (service worker, page, node) and are all it may use.

declare class URLSearchParams {
  constructor(init?: string | Record<string, string>);
  get(name: string): string | null;
  has(name: string): boolean;
  getAll(name: string): string[];
  entries(): IterableIterator<[string, string]>;
  toString(): string;
}

declare class URL {
  constructor(url: string, base?: string);
  readonly protocol: string;
  readonly username: string;
  readonly password: string;
  readonly hostname: string;
  readonly host: string;
  readonly port: string;
  readonly pathname: string;
  readonly search: string;
  readonly hash: string;
  readonly href: string;
  readonly searchParams: URLSearchParams;
  readonly origin: string;
  toString(): string;
}

declare function structuredClone<T>(value: T): T;

declare const console: { warn(...args: unknown[]): void; error(...args: unknown[]): void };

declare function setTimeout(handler: () => void, timeout?: number): unknown;
