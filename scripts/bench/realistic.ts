// The everyday cost of Detour on a realistic KakaoMap load, and the outage-time figures against the
// browser's own floor (issue #11). Every figure is measured with and without Detour in the same run:
// two instances of the same browser build, flags and fault server, one with the extension and one
// without, used in turn (ABAB, the order flipped every pair).
import { launchChromium } from '../../test/e2e/harness/chromium.ts';
import { launchFirefox } from '../../test/e2e/harness/firefox.ts';
import { detourMessage, startRig, type BrowserName, type BrowserSession, type Rig } from '../../test/e2e/harness/index.ts';
import { poll } from '../../test/e2e/harness/types.ts';
import { freePort } from './cdp.ts';
import { thirtyDaysOfHistory } from './history-seed.ts';
import { kakaoMapSite, MAP_PAGE } from './kakaomap-site.ts';
import { childPids, cpuBetween, readTree, type ProcessRole } from './proc-cpu.ts';
import { stats, type Stats } from './stats.ts';
import { watchWorker, WorkerEventCounter, type WorkerEvents } from './worker-events.ts';
import { FALLBACK_PAGE_PATH as FALLBACK } from '../../src/core/rescue/fallback-query.ts';
import { OPTIONS_PAGE_PATH as OPTIONS } from '../../test/e2e/harness/paths.ts';

export const PAIRS = Number(process.env.BENCH_PAIRS ?? 10);
export const REPEATS = 2;
export const INSTRUMENTED_LOADS = 3;
const RTT_RUNS = 20;
export const ERROR_RUNS = Number(process.env.BENCH_ERROR_RUNS ?? 8);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const log = (line: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}`);

export type Side = 'with' | 'without';

interface Instance {
  readonly session: BrowserSession;
  /** The browser's process (tree root) under this node process. */
  readonly pid: number;
}

export interface LoadSample {
  readonly load: number;
  readonly lastTile: number;
  readonly cpuMs: number;
  readonly cpuByRole: Record<ProcessRole, number>;
}

export interface PairedRun {
  readonly with: LoadSample[];
  readonly without: LoadSample[];
  readonly falseRescues: number;
}

export interface Instrumented {
  /** Chromium only (null in Firefox): events that reached the service worker per load. */
  readonly events: WorkerEvents[] | null;
  /** storage.onChanged seen by an extension page, per load: writes of the `health` key and their size. */
  readonly healthWrites: number[];
  readonly healthBytes: number[];
  readonly otherWrites: number[];
}

export interface NonKakaoRow {
  readonly url: string;
  /** Chromium: the worker, stopped before, was started by this load (CDP target discovery). */
  readonly woke: boolean | null;
  /** Chromium, worker kept running: events reaching it during the load. */
  readonly events: WorkerEvents | null;
}

export interface DayFigures {
  readonly healthBytes: number;
  readonly rtt: Stats | null;
  readonly runs: PairedRun[];
  readonly instrumented: Instrumented;
}

export interface ErrorFigures {
  readonly kind: string;
  readonly detour: Stats | null;
  readonly floor: Stats | null;
  readonly detourMethod: string;
  readonly floorMethod: string;
  readonly floorPage: string;
}

export interface KnownDown {
  readonly confirmed: boolean;
  readonly requestsToHost: number;
  readonly requestsForTheNavigation: number;
  readonly toLinksMs: number[];
  readonly landedKnown: boolean;
}

export interface RealisticResults {
  readonly name: BrowserName;
  readonly day1: DayFigures;
  readonly small: PairedRun;
  readonly nonKakao: NonKakaoRow[];
  readonly day30: DayFigures | null;
  readonly errors: ErrorFigures[];
  readonly known: KnownDown | null;
}

// --- one map load --------------------------------------------------------------------------------

const READ_MAP = `(() => {
  const m = window.__map;
  const nav = performance.getEntriesByType('navigation')[0];
  if (!m) return location.href;
  return m.done && nav && nav.loadEventEnd > 0 ? { load: nav.loadEventEnd - nav.startTime, lastTile: m.lastTile - nav.startTime, failed: m.failed, api: m.api } : null;
})()`;

const READ_SMALL = `(() => {
  const nav = performance.getEntriesByType('navigation')[0];
  if (/^(chrome|moz)-extension:/.test(location.href)) return location.href;
  return nav && nav.loadEventEnd > 0 ? { load: nav.loadEventEnd - nav.startTime, lastTile: nav.loadEventEnd - nav.startTime, failed: 0, api: 0 } : null;
})()`;

let loadCounter = 0;

/** One load in a fresh tab; CPU of the whole browser from tab open to the last tile (and a settle). */
async function oneLoad(instance: Instance, small: boolean): Promise<LoadSample | string> {
  const tab = await instance.session.newTab();
  try {
    await sleep(150);
    const before = readTree(instance.pid);
    loadCounter += 1;
    const url = small ? `https://map.kakao.com/?q=bench-small-${loadCounter}` : `${MAP_PAGE}${loadCounter}`;
    await tab.goto(url);
    const result = await poll(
      () => tab.evaluate<{ load: number; lastTile: number; failed: number; api: number } | string | null>(small ? READ_SMALL : READ_MAP),
      (value) => value !== null && (typeof value === 'object' || /^(chrome|moz)-extension:/.test(value)),
      30_000,
      `the map page ${url}`,
    );
    if (result === null || typeof result === 'string') return String(result);
    if (result.failed) throw new Error(`${result.failed} tiles failed on ${url}`);
    // Let the background finish what the load gave it (its writes come after the events).
    await sleep(small ? 150 : 400);
    const cpu = cpuBetween(before, readTree(instance.pid));
    return { load: result.load, lastTile: result.lastTile, cpuMs: cpu.total, cpuByRole: cpu.byRole };
  } finally {
    await tab.close();
  }
}

/** PAIRS pairs with and without Detour, ABAB with the order flipped every pair, one warm-up pair. */
async function pairedRun(rig: Rig, withDetour: Instance, bare: Instance, pairs: number, small = false): Promise<PairedRun> {
  const run: PairedRun = { with: [], without: [], falseRescues: 0 };
  for (let pair = -1; pair < pairs; pair += 1) {
    const order: Side[] = pair % 2 ? ['with', 'without'] : ['without', 'with'];
    for (const side of order) {
      for (let attempt = 0; ; attempt += 1) {
        const sample = await oneLoad(side === 'with' ? withDetour : bare, small);
        if (typeof sample === 'object') {
          if (pair >= 0) run[side].push(sample);
          break;
        }
        // Detour moved a healthy load to its fallback page: count it, recover, load again.
        (run as { falseRescues: number }).falseRescues += 1;
        if (attempt >= 2) throw new Error(`healthy map loads keep ending on Detour's fallback page: ${sample}`);
        await rig.recover();
      }
    }
  }
  return run;
}

// --- instruments (separate loads, never the timed ones) -------------------------------------------

const WATCH_STORAGE = `(() => {
  const writes = (globalThis.__writes = []);
  (globalThis.browser ?? globalThis.chrome).storage.onChanged.addListener((changes, area) => {
    for (const key of Object.keys(changes)) writes.push({ key, area, bytes: JSON.stringify(changes[key].newValue ?? null).length });
  });
  return true;
})()`;

async function instrumented(rig: Rig, withDetour: Instance, port: number | null): Promise<Instrumented> {
  const watcher = await rig.browser.newTab();
  await watcher.goto(`${rig.browser.extensionOrigin}${OPTIONS}`);
  await watcher.evaluate(WATCH_STORAGE);
  const counter = port ? await WorkerEventCounter.attach(port, rig.browser.extensionOrigin) : null;
  const result: Instrumented = { events: counter ? [] : null, healthWrites: [], healthBytes: [], otherWrites: [] };
  try {
    for (let run = 0; run < INSTRUMENTED_LOADS; run += 1) {
      await counter?.take();
      await watcher.evaluate('globalThis.__writes.length = 0');
      const sample = await oneLoad(withDetour, false);
      if (typeof sample === 'string') throw new Error(`instrumented load ended on ${sample}`);
      await sleep(1000);
      if (counter) result.events!.push(await counter.take());
      const writes = await watcher.evaluate<Array<{ key: string; bytes: number }>>('globalThis.__writes');
      const health = writes.filter((w) => w.key === 'health');
      result.healthWrites.push(health.length);
      result.healthBytes.push(health.reduce((sum, w) => sum + w.bytes, 0));
      result.otherWrites.push(writes.length - health.length);
    }
  } finally {
    await counter?.detach();
    await watcher.close();
  }
  return result;
}

async function healthSizeAndRtt(rig: Rig): Promise<{ bytes: number; rtt: Stats | null }> {
  const page = await rig.browser.newTab();
  try {
    await page.goto(`${rig.browser.extensionOrigin}${OPTIONS}`);
    const bytes = await page.evaluate<number>(`(globalThis.browser ?? globalThis.chrome).storage.local.get('health').then((r) => JSON.stringify(r.health ?? null).length)`);
    const times: number[] = [];
    for (let run = -2; run < RTT_RUNS; run += 1) {
      const ms = await page.evaluate<number>(`(async () => { const t = performance.now(); await ${detourMessage('health/get', null)}; return performance.now() - t; })()`);
      if (run >= 0) times.push(ms);
    }
    return { bytes, rtt: stats(times) };
  } finally {
    await page.close();
  }
}

async function seedHistory(rig: Rig): Promise<void> {
  const state = thirtyDaysOfHistory(Date.now());
  const page = await rig.browser.newTab();
  try {
    await page.goto(`${rig.browser.extensionOrigin}${OPTIONS}`);
    await page.evaluate(`(globalThis.browser ?? globalThis.chrome).storage.local.set({ health: ${JSON.stringify(state)} }).then(() => true)`);
  } finally {
    await page.close();
  }
}

async function day(rig: Rig, withDetour: Instance, bare: Instance, port: number | null, repeats: number): Promise<DayFigures> {
  await rig.recover();
  const { bytes, rtt } = await healthSizeAndRtt(rig);
  const runs: PairedRun[] = [];
  for (let repeat = 0; repeat < repeats; repeat += 1) {
    runs.push(await pairedRun(rig, withDetour, bare, PAIRS));
    log(`${rig.browser.name} map loads, repeat ${repeat + 1}: ${summarizeRun(runs.at(-1)!)}`);
  }
  const inst = await instrumented(rig, withDetour, port);
  log(`${rig.browser.name} instrumented: events ${JSON.stringify(inst.events?.map((e) => e.byEvent))}, health writes ${inst.healthWrites} (${inst.healthBytes} bytes)`);
  return { healthBytes: bytes, rtt, runs, instrumented: inst };
}

export function summarizeRun(run: PairedRun): string {
  const m = (side: Side, pick: (s: LoadSample) => number) => stats(run[side].map(pick))?.median ?? NaN;
  const ratio = (pick: (s: LoadSample) => number) => (m('with', pick) / m('without', pick)).toFixed(3);
  return `load x${ratio((s) => s.load)} (${m('with', (s) => s.load).toFixed(0)}/${m('without', (s) => s.load).toFixed(0)} ms), last tile x${ratio((s) => s.lastTile)}, cpu x${ratio((s) => s.cpuMs)}`;
}

// --- non-Kakao pages -------------------------------------------------------------------------------

const NON_KAKAO = ['https://www.naver.com/', 'https://example.com/', 'https://www.google.com/search?q=weather'];

async function nonKakao(rig: Rig, port: number | null): Promise<NonKakaoRow[]> {
  const rows: NonKakaoRow[] = [];
  if (!port || !rig.browser.stopBackground) return NON_KAKAO.map((url) => ({ url, woke: null, events: null }));
  const watcherUrl = `${rig.browser.extensionOrigin}${OPTIONS}?bench-watch`;
  const watcherPage = await rig.browser.newTab();
  await watcherPage.goto(watcherUrl);
  const watch = await watchWorker(port, rig.browser.extensionOrigin, watcherUrl);
  for (const url of NON_KAKAO) {
    // The tab exists before the worker stops: only the load itself is watched.
    const tab = await rig.browser.newTab();
    await sleep(300);
    // Stopped from the watching page itself: the harness's stopBackground closes a tab afterwards,
    // and that close is an event of its own.
    await watch.stop();
    const gone = await poll(
      async () => watch.running(),
      (running) => !running,
      5000,
      'the worker to stop',
    ).then(
      () => true,
      () => false,
    );
    await sleep(500);
    const startsBefore = watch.starts();
    await tab.goto(url);
    await poll(
      () => tab.evaluate<string>('document.readyState'),
      (s) => s === 'complete',
      10_000,
      `${url} to load`,
    );
    await sleep(2000);
    const woke = gone ? watch.starts() > startsBefore : null;
    await tab.close();
    rows.push({ url, woke, events: null });
  }
  watch.close();
  await watcherPage.close();
  // With the worker running (woken by a message), the events a non-Kakao load still sends it.
  await rig.recover();
  const counter = await WorkerEventCounter.attach(port, rig.browser.extensionOrigin);
  try {
    for (const row of rows) {
      await counter.take();
      const tab = await rig.browser.newTab();
      await tab.goto(row.url);
      await poll(
        () => tab.evaluate<string>('document.readyState'),
        (s) => s === 'complete',
        10_000,
        `${row.url} to load`,
      );
      await sleep(1000);
      await tab.close();
      (row as { events: WorkerEvents | null }).events = await counter.take();
    }
  } finally {
    await counter.detach();
  }
  return rows;
}

// --- failure -> links, against the browser's own error page ------------------------------------------

const PAINT_WATCH = `(() => {
  if (!/^(chrome|moz)-extension:$/.test(location.protocol)) return;
  const state = (globalThis.__detourBench = { painted: null });
  const done = () => {
    if (!document.querySelector('[data-testid=alternatives] a')) return false;
    requestAnimationFrame(() => setTimeout(() => { state.painted = performance.now(); }, 0));
    return true;
  };
  if (done()) return;
  const observer = new MutationObserver(() => { if (done()) observer.disconnect(); });
  observer.observe(document, { childList: true, subtree: true, attributes: true });
})()`;

/** Wall-clock time of the document's paint: the watcher's, else first contentful paint, else its load event. */
const READ_PAINTED = `(() => {
  const fcp = performance.getEntriesByType('paint').find((e) => e.name === 'first-contentful-paint');
  const nav = performance.getEntriesByType('navigation')[0];
  const bench = globalThis.__detourBench;
  const at = bench && bench.painted !== null ? ['painted', bench.painted] : fcp ? ['fcp', fcp.startTime] : nav && nav.loadEventEnd > 0 ? ['load', nav.loadEventEnd] : null;
  return at ? { href: location.href, method: at[0], wall: performance.timeOrigin + at[1] } : null;
})()`;

type ErrorKind = 'refused' | '503' | 'reset';

async function applyFault(rig: Rig, kind: ErrorKind): Promise<void> {
  if (kind === 'refused') await rig.server.setTransport('refuse', 'kakao');
  else rig.server.setRule('map.kakao.com', kind === 'reset' ? { kind: 'reset' } : { kind: 'status', status: 503 });
}

/** The browser's own page for the failure: its error page (whose location.href in Firefox is still the failed address), or the server's 503 page. */
const BARE_PAGE = `(() => ({ uri: document.documentURI, title: document.title, ready: document.readyState }))()`;
const isBarePage = (page: { uri: string; title: string } | null, kind: ErrorKind) => page !== null && (kind === '503' ? page.title === '503' : /^(chrome-error:|about:neterror)/.test(page.uri));

async function errorRun(rig: Rig, bare: BrowserSession, side: Side, kind: ErrorKind, run: number): Promise<{ ms: number; method: string; page: string } | null> {
  await rig.recover();
  await applyFault(rig, kind);
  const session = side === 'with' ? rig.browser : bare;
  const tab = await session.newTab();
  try {
    await tab.addInitScript(PAINT_WATCH);
    const url = `https://map.kakao.com/?q=bench-error-${kind}-${side}-${run}-${Date.now()}`;
    const issued = Date.now();
    void tab.goto(url);
    if (side === 'with') {
      const landed = await tab.waitForUrl((current) => current.startsWith(`${rig.browser.extensionOrigin}${FALLBACK}`), 15_000);
      if (new URL(landed).searchParams.get('known') === '1') return null;
    } else {
      await poll(
        () => tab.evaluate<{ uri: string; title: string } | null>(BARE_PAGE).catch(() => null),
        (page) => isBarePage(page, kind),
        15_000,
        `the browser's own page for ${kind}`,
      );
    }
    const paint = await poll(
      () => tab.evaluate<{ href: string; method: string; wall: number } | null>(READ_PAINTED),
      (p) => p !== null && (side === 'without' || p.method !== 'load'),
      10_000,
      `the ${side} page to paint`,
    );
    const page = side === 'with' ? paint!.href : (await tab.evaluate<{ uri: string }>(BARE_PAGE)).uri;
    return { ms: paint!.wall - issued, method: paint!.method, page: page.split('?')[0]!.slice(0, 40) };
  } finally {
    await tab.close();
    rig.server.clearRules();
    await rig.server.setTransport('normal');
  }
}

async function errors(rig: Rig, bare: BrowserSession): Promise<ErrorFigures[]> {
  const figures: ErrorFigures[] = [];
  await errorRun(rig, bare, 'with', 'refused', -1);
  await errorRun(rig, bare, 'without', 'refused', -1);
  for (const kind of ['refused', '503', 'reset'] as const) {
    const samples: Record<Side, Array<{ ms: number; method: string; page: string }>> = { with: [], without: [] };
    for (let run = 0, tries = 0; run < ERROR_RUNS && tries < ERROR_RUNS * 3; tries += 1) {
      const order: Side[] = run % 2 ? ['with', 'without'] : ['without', 'with'];
      const pair = [];
      for (const side of order) pair.push([side, await errorRun(rig, bare, side, kind, run)] as const);
      if (pair.some(([, s]) => s === null)) continue;
      for (const [side, s] of pair) samples[side].push(s!);
      run += 1;
    }
    const methods = (side: Side) => [...new Set(samples[side].map((s) => s.method))].join(', ');
    figures.push({
      kind,
      detour: stats(samples.with.map((s) => s.ms)),
      floor: stats(samples.without.map((s) => s.ms)),
      detourMethod: methods('with'),
      floorMethod: methods('without'),
      floorPage: [...new Set(samples.without.map((s) => s.page))].join(', '),
    });
    log(`${rig.browser.name} error ${kind}: Detour ${stats(samples.with.map((s) => s.ms))?.median.toFixed(0)} ms, floor ${stats(samples.without.map((s) => s.ms))?.median.toFixed(0)} ms`);
  }
  return figures;
}

// --- a service already confirmed down -------------------------------------------------------------------

async function knownDown(rig: Rig): Promise<KnownDown> {
  await rig.recover();
  // 503 rather than refused, so that the server can count what still reaches it.
  rig.server.setRule('map.kakao.com', { kind: 'status', status: 503 });
  const first = await rig.browser.newTab();
  await first.goto(`https://map.kakao.com/?q=bench-known-first-${Date.now()}`);
  await first.waitForUrl((url) => url.startsWith(`${rig.browser.extensionOrigin}${FALLBACK}`), 15_000);
  await first.close();
  const control = await rig.browser.newTab();
  await control.goto(`${rig.browser.extensionOrigin}${OPTIONS}`);
  let confirmed = false;
  for (let round = 0; round < 4 && !confirmed; round += 1) {
    confirmed = await control.evaluate<boolean>(detourMessage('health/check-now', null, '(v) => v.state.services.kakaomap.status === "down" && v.state.services.kakaomap.confirmed'));
  }
  await control.close();
  const toLinks: number[] = [];
  let requestsToHost = 0;
  let requestsForTheNavigation = 0;
  let landedKnown = true;
  for (let run = 0; run < 5; run += 1) {
    const tab = await rig.browser.newTab();
    await tab.addInitScript(PAINT_WATCH);
    const tag = `bench-known-${run}-${Date.now()}`;
    const from = rig.server.requests.length;
    const issued = Date.now();
    void tab.goto(`https://map.kakao.com/?q=${tag}`);
    const landed = await tab.waitForUrl((url) => url.startsWith(`${rig.browser.extensionOrigin}${FALLBACK}`), 15_000);
    landedKnown &&= new URL(landed).searchParams.get('known') === '1';
    const paint = await poll(
      () => tab.evaluate<{ wall: number; method: string } | null>(READ_PAINTED),
      (p) => p !== null && p.method !== 'load',
      10_000,
      'links',
    );
    toLinks.push(paint!.wall - issued);
    const seen = rig.server.requests.slice(from);
    requestsToHost += seen.filter((r) => r.host === 'map.kakao.com' && r.path !== '/favicon.ico').length;
    requestsForTheNavigation += seen.filter((r) => r.path.includes(tag)).length;
    await tab.close();
  }
  rig.server.clearRules();
  return { confirmed, requestsToHost, requestsForTheNavigation, toLinksMs: toLinks, landedKnown };
}

// --- one browser -------------------------------------------------------------------------------------

export async function realistic(name: BrowserName, dist: string, sections: ReadonlySet<string>): Promise<RealisticResults> {
  const port = name === 'chromium' ? await freePort() : null;
  const before = childPids();
  const rig = await startRig(name, { language: 'en', distDir: dist, ...(port ? { remoteDebuggingPort: port } : {}) });
  const rigPid = [...childPids()].find((pid) => !before.has(pid));
  const afterRig = childPids();
  const bare = await (name === 'chromium' ? launchChromium : launchFirefox)(rig.server, { withoutExtension: true, language: 'en' });
  const barePid = [...childPids()].find((pid) => !afterRig.has(pid));
  if (!rigPid || !barePid) throw new Error("could not tell the two browsers' processes apart");
  rig.server.setSite(kakaoMapSite());
  const withDetour = { session: rig.browser, pid: rigPid };
  const without = { session: bare, pid: barePid };
  try {
    // BENCH_SKIP_MAP=1: only the failure sections (for working on them; the report needs the map part).
    const skipMap = process.env.BENCH_SKIP_MAP === '1';
    const day1 = skipMap
      ? ({ healthBytes: 0, rtt: null, runs: [], instrumented: { events: null, healthWrites: [], healthBytes: [], otherWrites: [] } } as DayFigures)
      : await day(rig, withDetour, without, port, REPEATS);
    const small = skipMap ? { with: [], without: [], falseRescues: 0 } : await pairedRun(rig, withDetour, without, PAIRS, true);
    if (!skipMap) log(`${name} small page: ${summarizeRun(small)}`);
    const nonKakaoRows = skipMap ? [] : await nonKakao(rig, port);
    log(`${name} non-Kakao: ${JSON.stringify(nonKakaoRows.map((r) => [r.url, r.woke, r.events?.listenerCalls]))}`);
    // Failures first, on the fresh profile: at day 30 every step of the background is slower.
    const errorFigures = sections.has('errors') ? await errors(rig, bare) : [];
    const known = sections.has('known') ? await knownDown(rig) : null;
    if (known) log(`${name} known down: ${JSON.stringify(known)}`);
    let day30: DayFigures | null = null;
    if (sections.has('day30')) {
      await seedHistory(rig);
      day30 = await day(rig, withDetour, without, port, 1);
      log(`${name} day 30: health ${day30.healthBytes} bytes, health/get ${day30.rtt?.median.toFixed(1)} ms`);
    }
    return { name, day1, small, nonKakao: nonKakaoRows, day30, errors: errorFigures, known };
  } finally {
    await bare.close().catch(() => undefined);
    await rig.close();
  }
}
