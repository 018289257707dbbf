// A minimal Chrome DevTools Protocol client over Chromium's --remote-debugging-port, for targets
// Playwright's own sessions cannot reach (an extension's service worker). Bench-only.
import { createRequire } from 'node:module';
import { createServer } from 'node:net';

interface Socket {
  on(event: 'message', listener: (data: Buffer) => void): void;
  on(event: 'open' | 'close', listener: () => void): void;
  on(event: 'error', listener: (error: Error) => void): void;
  send(data: string): void;
  close(): void;
}
// `ws` comes with puppeteer-core (Node 20 has no WebSocket without a flag).
const WebSocket = createRequire(import.meta.url)('ws') as new (url: string, options?: object) => Socket;

export interface TargetInfo {
  readonly id: string;
  readonly type: string;
  readonly url: string;
  readonly webSocketDebuggerUrl: string;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export async function targets(port: number): Promise<TargetInfo[]> {
  return (await (await fetch(`http://127.0.0.1:${port}/json/list`)).json()) as TargetInfo[];
}

export async function browserEndpoint(port: number): Promise<string> {
  return ((await (await fetch(`http://127.0.0.1:${port}/json/version`)).json()) as { webSocketDebuggerUrl: string }).webSocketDebuggerUrl;
}

export class Cdp {
  private next = 1;
  private readonly pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  // biome-ignore lint/suspicious/noExplicitAny: CDP events carry whatever their domain defines; each caller types its own.
  private readonly listeners = new Map<string, Array<(params: any) => void>>();

  private constructor(private readonly socket: Socket) {
    socket.on('message', (data) => {
      const message = JSON.parse(String(data)) as { id?: number; result?: unknown; error?: { message: string }; method?: string; params?: unknown };
      if (message.id !== undefined) {
        const waiter = this.pending.get(message.id);
        this.pending.delete(message.id);
        if (message.error) waiter?.reject(new Error(message.error.message));
        else waiter?.resolve(message.result);
      } else if (message.method) {
        for (const listener of this.listeners.get(message.method) ?? []) listener(message.params);
      }
    });
  }

  static connect(url: string): Promise<Cdp> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(url, { perMessageDeflate: false, maxPayload: 256 * 1024 * 1024 });
      socket.on('open', () => resolve(new Cdp(socket)));
      socket.on('error', reject);
    });
  }

  // biome-ignore lint/suspicious/noExplicitAny: a CDP answer's shape depends on the method; callers name it.
  send<T = any>(method: string, params: object = {}): Promise<T> {
    const id = this.next++;
    this.socket.send(JSON.stringify({ id, method, params }));
    return new Promise<T>((resolve, reject) => this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject }));
  }

  // biome-ignore lint/suspicious/noExplicitAny: as above, per event.
  on(method: string, listener: (params: any) => void): void {
    this.listeners.set(method, [...(this.listeners.get(method) ?? []), listener]);
  }

  close(): void {
    this.socket.close();
  }
}
