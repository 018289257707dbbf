// Events reaching Detour's background in Chromium, counted from outside the product: V8's precise
// coverage with call counts (the DevTools "Coverage" panel's machinery) on the extension's service
// worker. Each function passed straight to `<event>.addListener(` in the worker's scripts is
// recognised in the script source; its call count over a load is the number of that event the worker
// received (also `.addListener((kept = fn)`, a listener kept for removal). Nothing in the build
// changes. Listeners passed by name (not written where they are added) are not attributed,
// so the total of all function calls in the worker is reported beside it.
import { Cdp, targets } from './cdp.ts';

interface FunctionCoverage {
  readonly functionName: string;
  readonly ranges: ReadonlyArray<{ readonly startOffset: number; readonly endOffset: number; readonly count: number }>;
}
interface ScriptCoverage {
  readonly scriptId: string;
  readonly url: string;
  readonly functions: readonly FunctionCoverage[];
}

export interface WorkerEvents {
  /** Calls of inline listeners, by the event they were added to (onCompleted, onUpdated, ...). */
  readonly byEvent: Record<string, number>;
  readonly listenerCalls: number;
  /** Every function call in the worker's own scripts. */
  readonly functionCalls: number;
}

export class WorkerEventCounter {
  private readonly sources = new Map<string, string>();

  private constructor(private readonly cdp: Cdp) {}

  /** Attaches to the running service worker of the extension with this origin. */
  static async attach(port: number, extensionOrigin: string): Promise<WorkerEventCounter> {
    const worker = (await targets(port)).find((t) => t.type === 'service_worker' && t.url.startsWith(extensionOrigin));
    if (!worker) throw new Error('the extension service worker is not running');
    const cdp = await Cdp.connect(worker.webSocketDebuggerUrl);
    const counter = new WorkerEventCounter(cdp);
    cdp.on('Debugger.scriptParsed', (params: { scriptId: string; url: string }) => {
      if (params.url.startsWith(extensionOrigin)) counter.sources.set(params.scriptId, '');
    });
    await cdp.send('Debugger.enable');
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.startPreciseCoverage', { callCount: true, detailed: false });
    for (const id of counter.sources.keys()) counter.sources.set(id, (await cdp.send<{ scriptSource: string }>('Debugger.getScriptSource', { scriptId: id })).scriptSource);
    // The counts so far (start-up) are not a load's.
    await counter.take();
    return counter;
  }

  /** The calls since the last take (taking resets V8's counters). */
  async take(): Promise<WorkerEvents> {
    const { result } = await this.cdp.send<{ result: ScriptCoverage[] }>('Profiler.takePreciseCoverage');
    const byEvent: Record<string, number> = {};
    let functionCalls = 0;
    for (const script of result) {
      if (!this.sources.has(script.scriptId)) continue;
      let source = this.sources.get(script.scriptId)!;
      if (!source) {
        source = (await this.cdp.send<{ scriptSource: string }>('Debugger.getScriptSource', { scriptId: script.scriptId })).scriptSource;
        this.sources.set(script.scriptId, source);
      }
      for (const fn of script.functions) {
        const range = fn.ranges[0];
        if (!range || range.count === 0) continue;
        functionCalls += range.count;
        const before = source.slice(Math.max(0, range.startOffset - 80), range.startOffset);
        // `.addListener(fn` or, for a listener kept for its removal, `.addListener((kept = fn`.
        const event = /\.(on[A-Z]\w*)\.addListener\(\s*(\(?\s*[\w$]+\s*=\s*)?(async\s*)?$/.exec(before)?.[1];
        if (event) byEvent[event] = (byEvent[event] ?? 0) + range.count;
      }
    }
    return { byEvent, listenerCalls: Object.values(byEvent).reduce((a, b) => a + b, 0), functionCalls };
  }

  async detach(): Promise<void> {
    await this.cdp.send('Profiler.stopPreciseCoverage').catch(() => undefined);
    this.cdp.close();
  }
}

/**
 * Watches the extension's service worker start and stop: the CDP ServiceWorker domain of an open page
 * of the extension (DevTools' Application panel), which reports each version's running status
 * without attaching to the worker, so the worker stays free to stop. (Target discovery does not do:
 * a stopped worker's target stays listed.)
 */
export interface WorkerWatch {
  starts(): number;
  running(): boolean;
  /** Stops the worker as the browser does when it idles (ServiceWorker.stopWorker), from the same page. */
  stop(): Promise<void>;
  close(): void;
}

export async function watchWorker(port: number, extensionOrigin: string, pageUrl: string): Promise<WorkerWatch> {
  const page = (await targets(port)).find((t) => t.type === 'page' && t.url === pageUrl);
  if (!page) throw new Error(`no page at ${pageUrl} to watch the worker from`);
  const cdp = await Cdp.connect(page.webSocketDebuggerUrl);
  const status = new Map<string, string>();
  let starts = 0;
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }: { versions: Array<{ versionId: string; scriptURL: string; runningStatus: string }> }) => {
    for (const version of versions) {
      if (!version.scriptURL.startsWith(extensionOrigin)) continue;
      const before = status.get(version.versionId);
      if (before === 'stopped' && version.runningStatus !== 'stopped') starts += 1;
      status.set(version.versionId, version.runningStatus);
    }
  });
  await cdp.send('ServiceWorker.enable');
  return {
    starts: () => starts,
    running: () => [...status.values()].some((s) => s !== 'stopped'),
    async stop() {
      for (const [versionId, s] of status) if (s !== 'stopped') await cdp.send('ServiceWorker.stopWorker', { versionId });
    },
    close: () => cdp.close(),
  };
}
