// The outage-time and small-page figures (sections 1-6 of BENCHMARKS.md below the realistic ones):
// failed navigation -> fallback painted, hang, small-page load, content scripts, sizes, probe
// traffic, popup paint. Run by scripts/bench.ts when BENCH_SECTIONS includes 'legacy'.
//
// Environment: BENCH_RUNS (default 20), BENCH_HANG_RUNS (5), BENCH_PROBE_WINDOW_S (120, the Kakao-tab
// and outage windows; the idle window is half of it). Needs a build (npm run build) and root (Firefox's port 443).
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import { launchChromium } from '../../test/e2e/harness/chromium.ts';
import { launchFirefox } from '../../test/e2e/harness/firefox.ts';
import { startRig, type BrowserName, type Rig } from '../../test/e2e/harness/index.ts';
import { KAKAO_HOSTS } from '../../test/e2e/harness/kakao-hosts.ts';
import { poll, type BrowserSession, type Tab } from '../../test/e2e/harness/types.ts';
import type { FaultServer } from '../../test/fixtures/fault-server.ts';
import { ALTERNATIVES, CONTROL_PROBES, SERVICES } from '../../src/core/catalog/index.ts';
import { entrySizes, readManifest, total } from '../bundle-files.ts';
import { cell, stats, type Stats } from './stats.ts';
import { FALLBACK_PAGE_PATH as FALLBACK } from '../../src/core/rescue/fallback-query.ts';
import { OPTIONS_PAGE_PATH, POPUP_PAGE_PATH as POPUP } from '../../test/e2e/harness/paths.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const HANG_RUNS = Number(process.env.BENCH_HANG_RUNS ?? 5);
const PROBE_WINDOW_MS = Number(process.env.BENCH_PROBE_WINDOW_S ?? 120) * 1000;
const IDLE_WINDOW_MS = PROBE_WINDOW_MS / 2;

type FaultKind = 'refused' | 'reset' | '503' | 'tls';
const FAULTS: readonly FaultKind[] = ['refused', 'reset', '503', 'tls'];

/** Every address a Detour probe asks: the services', the alternatives' and the two control probes. */
const PROBE_URLS = new Set(
  [...Object.values(SERVICES).map((s) => s.probe), ...Object.values(ALTERNATIVES).map((a) => a.probe), ...CONTROL_PROBES].map((url) => {
    const parsed = new URL(url);
    return `${parsed.hostname}${parsed.pathname}`;
  }),
);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const log = (line: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}`);

// --- in-page instruments ------------------------------------------------------------------------

/**
 * Installed before any script of every document of a measured tab. On Detour's fallback page it waits
 * for the first alternative link, on the popup for the verdict and the first service row; it records
 * when that is in the DOM (MutationObserver) and when it has been painted: the first task after the
 * next animation frame, i.e. after the frame that contains it was rendered.
 */
const PAINT_WATCH = `(() => {
  if (!/^(chrome|moz)-extension:$/.test(location.protocol)) return;
  const ready = location.pathname.includes('/fallback/')
    ? () => document.querySelector('[data-testid=alternatives] a')
    : () => document.querySelector('[data-testid=verdict]') && document.querySelector('[data-testid=services] li');
  const state = (globalThis.__detourBench = { inDom: null, painted: null });
  const done = () => {
    if (state.inDom !== null || !ready()) return false;
    state.inDom = performance.now();
    requestAnimationFrame(() => setTimeout(() => { state.painted = performance.now(); }, 0));
    return true;
  };
  if (done()) return;
  const observer = new MutationObserver(() => { if (done()) observer.disconnect(); });
  observer.observe(document, { childList: true, subtree: true, attributes: true });
})()`;

interface PaintReading {
  readonly href: string;
  readonly timeOrigin: number;
  /** ms after timeOrigin, from the init script; null when it did not run in this browser. */
  readonly inDom: number | null;
  readonly painted: number | null;
  readonly fcp: number | null;
  readonly links: number;
}

const READ_PAINT = `(() => {
  const fcp = performance.getEntriesByType('paint').find((entry) => entry.name === 'first-contentful-paint');
  const bench = globalThis.__detourBench;
  return { href: location.href, timeOrigin: performance.timeOrigin, inDom: bench ? bench.inDom : null, painted: bench ? bench.painted : null,
    fcp: fcp ? fcp.startTime : null, links: document.querySelectorAll('[data-testid=alternatives] a').length };
})()`;

/** The browser's own webRequest events for map.kakao.com main frames, with their timeStamps (epoch ms). */
const LISTEN = `(() => {
  const api = (globalThis.browser ?? globalThis.chrome).webRequest;
  const log = (globalThis.__benchLog = []);
  const filter = { urls: ['*://map.kakao.com/*'], types: ['main_frame'] };
  api.onBeforeRequest.addListener((d) => { log.push({ type: 'start', url: d.url, at: d.timeStamp }); }, filter);
  api.onErrorOccurred.addListener((d) => { log.push({ type: 'error', url: d.url, at: d.timeStamp, detail: d.error }); }, filter);
  api.onCompleted.addListener((d) => { log.push({ type: 'completed', url: d.url, at: d.timeStamp, detail: String(d.statusCode) }); }, filter);
  // A content script's runtime.sendMessage reaches every extension page too: note who sent what (never answered).
  const messages = (globalThis.__benchMessages = []);
  (globalThis.browser ?? globalThis.chrome).runtime.onMessage.addListener((message, sender) => {
    messages.push({ url: sender.url ?? '', name: message && typeof message === 'object' ? String(message.name) : '' });
  });
  return true;
})()`;

interface WebRequestEvent {
  readonly type: 'start' | 'error' | 'completed';
  readonly url: string;
  readonly at: number;
  readonly detail?: string;
}

// --- measurements -------------------------------------------------------------------------------

async function applyFault(server: FaultServer, kind: FaultKind): Promise<void> {
  switch (kind) {
    case 'refused':
      return server.setTransport('refuse', 'kakao');
    case 'tls':
      return server.setTransport('tls', 'kakao');
    case 'reset':
      return server.setRule('map.kakao.com', { kind: 'reset' });
    case '503':
      return server.setRule('map.kakao.com', { kind: 'status', status: 503 });
  }
}

async function readPaint(tab: Tab, what: string): Promise<PaintReading> {
  return poll(
    () => tab.evaluate<PaintReading>(READ_PAINT),
    (r) => r.painted !== null || (r.inDom === null && r.fcp !== null),
    10_000,
    what,
  );
}

async function eventsFor(listener: Tab, url: string, done: (events: WebRequestEvent[]) => boolean): Promise<WebRequestEvent[]> {
  return poll(() => listener.evaluate<WebRequestEvent[]>(`globalThis.__benchLog.filter((e) => e.url === ${JSON.stringify(url)})`), done, 10_000, `webRequest events for ${url}`);
}

interface FaultSample {
  readonly ms: number;
  /** The same, to the page's first contentful paint instead. */
  readonly msFcp: number | null;
  readonly method: 'painted' | 'fcp';
  readonly event: string;
}

/** One failed navigation: the browser's error/response event -> the fallback page painted with its links. */
async function faultRun(rig: Rig, listener: Tab, kind: FaultKind, run: number): Promise<FaultSample | null> {
  await rig.recover();
  await applyFault(rig.server, kind);
  const origin = rig.browser.extensionOrigin;
  const tab = await rig.browser.newTab();
  try {
    await tab.addInitScript(PAINT_WATCH);
    const url = `https://map.kakao.com/?q=bench-${kind}-${run}-${Date.now()}`;
    void tab.goto(url);
    const landed = await tab.waitForUrl((current) => current.startsWith(`${origin}${FALLBACK}`), 15_000);
    // A short-cut for a service already known down skips the failure this run is about.
    if (new URL(landed).searchParams.get('known') === '1') return null;
    const paint = await readPaint(tab, 'the fallback page to paint its links');
    if (paint.links === 0) throw new Error(`the fallback page for ${kind} shows no link`);
    const events = await eventsFor(listener, url, (list) => list.some((e) => e.type !== 'start'));
    const ended = events.find((e) => e.type !== 'start')!;
    const paintedAt = paint.timeOrigin + (paint.painted ?? paint.fcp!);
    return {
      ms: paintedAt - ended.at,
      msFcp: paint.fcp === null ? null : paint.timeOrigin + paint.fcp - ended.at,
      method: paint.painted !== null ? 'painted' : 'fcp',
      event: `${ended.type} ${ended.detail ?? ''}`.trim(),
    };
  } finally {
    await tab.close();
  }
}

interface HangSample {
  /** The browser's onBeforeRequest -> alternatives painted. */
  readonly ms: number;
  /** How long the browser without Detour had been waiting at that moment, and whether it still was. */
  readonly bareWaitedMs: number;
  readonly bareStillLoading: boolean;
  readonly bareHref: string;
}

async function hangRun(rig: Rig, bare: BrowserSession, listener: Tab, run: number): Promise<HangSample | null> {
  await rig.recover();
  rig.server.setRule('map.kakao.com', { kind: 'hang' });
  const origin = rig.browser.extensionOrigin;
  const tab = await rig.browser.newTab();
  const bareTab = await bare.newTab();
  try {
    await tab.addInitScript(PAINT_WATCH);
    const url = `https://map.kakao.com/?q=bench-hang-${run}-${Date.now()}`;
    const bareUrl = `${url}&alone=1`;
    // The same server, the same moment: one browser with Detour, one without.
    const bareIssued = Date.now();
    void bareTab.goto(bareUrl);
    void tab.goto(url);
    const landed = await tab.waitForUrl((current) => current.startsWith(`${origin}${FALLBACK}`), 20_000);
    if (new URL(landed).searchParams.get('known') === '1') return null;
    const paint = await readPaint(tab, 'the fallback page to paint its links');
    const bareHref = await bareTab.url();
    const bareWaitedMs = Date.now() - bareIssued;
    const serverHolds = rig.server.requests.some((r) => r.host === 'map.kakao.com' && r.path.includes('alone=1'));
    const events = await eventsFor(listener, url, (list) => list.some((e) => e.type === 'start'));
    const started = events.find((e) => e.type === 'start')!;
    return { ms: paint.timeOrigin + (paint.painted ?? paint.fcp!) - started.at, bareWaitedMs, bareStillLoading: serverHolds && bareHref !== bareUrl, bareHref };
  } finally {
    await tab.close();
    await bareTab.close();
    rig.server.clearRules();
    // Detour's own probes of the hanging host give up after 5 s and would then mark it down again,
    // after the next run's recovery: let them end first.
    await sleep(5500);
  }
}

const LOAD_TIME = (url: string) => `(() => {
  const nav = performance.getEntriesByType('navigation')[0];
  return location.href === ${JSON.stringify(url)} && nav && nav.loadEventEnd > 0
    ? { load: nav.loadEventEnd - nav.startTime, dcl: nav.domContentLoadedEventEnd - nav.startTime }
    : location.href + ' ' + document.readyState + ' ' + (nav ? nav.loadEventEnd : 'no entry');
})()`;

/** Healthy map.kakao.com loads, alternating between the browser with Detour and the one without. */
async function loads(rig: Rig, bare: BrowserSession): Promise<{ withExtension: number[]; without: number[]; dcl: { withExtension: number[]; without: number[] }; falseRescues: string[] }> {
  await rig.recover();
  const browsers = { withExtension: rig.browser, without: bare };
  const times = { withExtension: [] as number[], without: [] as number[] };
  const falseRescues: string[] = [];
  const dcl = { withExtension: [] as number[], without: [] as number[] };
  const WARM_UP = 3;
  for (let run = -WARM_UP; run < RUNS; run += 1) {
    // Alternate which goes first, so neither always follows the other.
    const order = run % 2 ? (['withExtension', 'without'] as const) : (['without', 'withExtension'] as const);
    for (const which of order) {
      // A fresh tab per load (see the report: Detour's hang timer can outlive a fast load in Firefox).
      for (let attempt = 0; ; attempt += 1) {
        const tab = await browsers[which].newTab();
        const url = `https://map.kakao.com/?q=bench-load-${run}-${which}-${Date.now()}`;
        await tab.goto(url);
        const time = await poll(
          () => tab.evaluate<{ load: number; dcl: number } | string>(LOAD_TIME(url)),
          (value) => typeof value === 'object' || /^(chrome|moz)-extension:/.test(value),
          10_000,
          `the load event of ${url}`,
        );
        await tab.close();
        if (typeof time === 'object') {
          if (run >= 0) {
            times[which].push(time.load);
            dcl[which].push(time.dcl);
          }
          break;
        }
        // Detour moved a healthy load to its fallback page: count it, bring the services back, load again.
        falseRescues.push(time.split(' ')[0]!);
        if (attempt >= 2) throw new Error(`healthy loads keep ending on Detour's fallback page: ${time}`);
        await rig.recover();
      }
    }
  }
  return { ...times, dcl, falseRescues };
}

interface ContentScriptProof {
  /** The extension's content-script worlds created per page (Chromium, CDP). */
  readonly worlds: Record<string, number> | null;
  /** Messages from a content script in that page, received by an extension page (the script reports every page it runs in). */
  readonly messages: Record<string, number>;
  /** moz-/chrome-extension resources in the page's own resource timing (positive control on Kakao). */
  readonly extensionResources: Record<string, number>;
  readonly bannerHost: Record<string, boolean>;
}

const NON_KAKAO = ['https://example.com/', 'https://www.naver.com/', 'https://www.google.com/search?q=kakao'];

async function contentScripts(rig: Rig, listener: Tab): Promise<ContentScriptProof> {
  await rig.recover();
  const worlds: Record<string, number> = {};
  const messages: Record<string, number> = {};
  const extensionResources: Record<string, number> = {};
  const bannerHost: Record<string, boolean> = {};
  let canCount = true;
  for (const url of ['https://map.kakao.com/?q=bench-content-script', ...NON_KAKAO]) {
    const tab = await rig.browser.newTab();
    try {
      const count = tab.countContentScriptWorlds ? await tab.countContentScriptWorlds() : undefined;
      if (!count) canCount = false;
      await tab.goto(url);
      await poll(
        () => tab.evaluate<string>('document.readyState'),
        (state) => state === 'complete',
        10_000,
        `${url} to load`,
      );
      // The background injects its page script once the tab reports the load complete: give it time.
      await sleep(1500);
      if (count) worlds[url] = count();
      extensionResources[url] = await tab.evaluate<number>(`performance.getEntriesByType('resource').filter((e) => /^(chrome|moz)-extension:/.test(e.name)).length`);
      bannerHost[url] = await tab.evaluate<boolean>(`document.querySelector('#detour-banner-host') !== null`);
      messages[url] = await listener.evaluate<number>(`globalThis.__benchMessages.filter((m) => m.url === ${JSON.stringify(url)}).length`);
    } finally {
      await tab.close();
    }
  }
  return { worlds: canCount ? worlds : null, messages, extensionResources, bannerHost };
}

/**
 * Loads the popup page in a frame of another page of the extension (same origin), which watches the
 * popup's document from the moment it exists: Firefox runs no automation init script in extension
 * pages, so the watcher has to live outside the measured page. Times are ms after the popup
 * document's own navigation start. `early`: the rows were already there when the watcher first saw
 * the document, so the figure is an upper bound.
 */
const POPUP_IN_FRAME = (url: string) => `(async (url) => {
  const frame = document.createElement('iframe');
  frame.style.cssText = 'position:fixed;left:0;top:0;width:360px;height:600px;border:0;background:#fff;z-index:2147483647';
  const result = await new Promise((resolve) => {
    let seen = false;
    const tick = () => {
      let doc = null;
      try { doc = frame.contentDocument; } catch {}
      if (doc && doc.URL === url) {
        seen = true;
        const w = frame.contentWindow;
        const ready = () => doc.querySelector('[data-testid=verdict]') && doc.querySelector('[data-testid=services] li');
        const early = Boolean(ready());
        const finish = () => {
          const inDom = w.performance.now();
          w.requestAnimationFrame(() => w.setTimeout(() => {
            const fcp = w.performance.getEntriesByType('paint').find((e) => e.name === 'first-contentful-paint');
            resolve({ inDom, painted: w.performance.now(), fcp: fcp ? fcp.startTime : null, early });
          }, 0));
        };
        if (early) return finish();
        const observer = new w.MutationObserver(() => { if (ready()) { observer.disconnect(); finish(); } });
        observer.observe(doc, { childList: true, subtree: true, attributes: true });
        return;
      }
      if (!seen) setTimeout(tick, 0);
    };
    frame.src = url;
    document.body.append(frame);
    tick();
  });
  frame.remove();
  return result;
})(${JSON.stringify(url)})`;

async function popupRuns(rig: Rig): Promise<{ painted: number[]; fcp: number[]; early: number }> {
  const painted: number[] = [];
  const fcp: number[] = [];
  let early = 0;
  const host = await rig.browser.newTab();
  await host.goto(`${rig.browser.extensionOrigin}${OPTIONS_PAGE_PATH}`);
  for (let run = -1; run < RUNS; run += 1) {
    const reading = await host.evaluate<{ painted: number; fcp: number | null; early: boolean }>(POPUP_IN_FRAME(`${rig.browser.extensionOrigin}${POPUP}`));
    if (run < 0) continue;
    painted.push(reading.painted);
    if (reading.fcp !== null) fcp.push(reading.fcp);
    if (reading.early) early += 1;
  }
  await host.close();
  return { painted, fcp, early };
}

interface ProbeWindow {
  readonly scenario: string;
  readonly windowMs: number;
  readonly requests: number;
  readonly perHour: number;
  /** Seconds into the window at which requests arrived, grouped into bursts. */
  readonly bursts: string;
  readonly alarm: string;
}

const isProbe = (host: string, path: string) => PROBE_URLS.has(`${host}${path}`);

async function alarmState(control: Tab): Promise<string> {
  const alarm = await control.evaluate<{ periodInMinutes?: number; scheduledTime: number } | null>(
    `(globalThis.browser ?? globalThis.chrome).alarms.get('detour-probe').then((a) => a ? { periodInMinutes: a.periodInMinutes, scheduledTime: a.scheduledTime } : null)`,
  );
  return alarm ? `every ${alarm.periodInMinutes} min` : 'none';
}

async function nextAlarm(control: Tab): Promise<number | null> {
  return control.evaluate<number | null>(`(globalThis.browser ?? globalThis.chrome).alarms.get('detour-probe').then((a) => (a ? a.scheduledTime : null))`);
}

async function probeWindow(rig: Rig, control: Tab, scenario: string, windowMs: number): Promise<ProbeWindow> {
  const from = Date.now();
  await sleep(windowMs);
  const to = Date.now();
  const hits = rig.server.requests.filter((r) => r.at >= from && r.at < to && isProbe(r.host, r.path));
  const bursts: Array<{ at: number; n: number }> = [];
  for (const hit of hits) {
    const last = bursts.at(-1);
    if (last && hit.at - last.at < 5000) last.n += 1;
    else bursts.push({ at: hit.at, n: 1 });
  }
  return {
    scenario,
    windowMs: to - from,
    requests: hits.length,
    perHour: Math.round((hits.length * 3_600_000) / (to - from)),
    bursts: bursts.map((b) => `${b.n}@${Math.round((b.at - from) / 1000)}s`).join(', ') || '—',
    alarm: await alarmState(control),
  };
}

/** Idle (fresh profile, no Kakao tab, nothing failed) -> a Kakao tab open -> an outage with the fallback page open. */
async function probes(name: BrowserName): Promise<ProbeWindow[]> {
  const rig = await startRig(name, { language: 'en', distDir: BUILD[name] });
  try {
    const control = await rig.browser.newTab();
    await control.goto(`${rig.browser.extensionOrigin}${OPTIONS_PAGE_PATH}`);
    const windows = [await probeWindow(rig, control, 'idle: no Kakao tab, nothing failed', IDLE_WINDOW_MS)];
    const kakao = await rig.browser.newTab();
    await kakao.goto('https://map.kakao.com/?q=bench-probe');
    // Align the window with the alarm: it starts 30 s before the alarm's first turn, so that it holds
    // exactly two turns (and the outage window after it, two more). The browser's own favicon request
    // for the page falls before the window.
    const first = await poll(
      () => nextAlarm(control),
      (at) => at !== null,
      10_000,
      'the probe alarm',
    );
    await sleep(Math.max(3000, first! - 30_000 - Date.now()));
    const kakaoWindow = await probeWindow(rig, control, 'a healthy Kakao tab open', PROBE_WINDOW_MS);
    // Whether the healthy tab was still the Kakao page at the end (not moved to the fallback page).
    const still = await kakao.url();
    windows.push(
      still.startsWith('https://map.kakao.com/') ? kakaoWindow : { ...kakaoWindow, scenario: `${kakaoWindow.scenario} (at the end of the window the tab showed ${still.split('&url=')[0]})` },
    );
    await kakao.close();
    // Every Kakao host answers 503 (so the server sees each probe; refused connections it could not count).
    for (const host of KAKAO_HOSTS) rig.server.setRule(host, { kind: 'status', status: 503 });
    const failed = await rig.browser.newTab();
    await failed.goto('https://map.kakao.com/?q=bench-outage');
    await failed.waitForUrl((url) => url.startsWith(`${rig.browser.extensionOrigin}${FALLBACK}`), 15_000);
    windows.push(await probeWindow(rig, control, 'outage: Kakao answers 503, the fallback page open', PROBE_WINDOW_MS));
    return windows;
  } finally {
    await rig.close();
  }
}

interface BrowserResults {
  readonly name: BrowserName;
  readonly version: string;
  readonly faults: Record<FaultKind, { stats: Stats | null; fcp: Stats | null; methods: string; events: string }>;
  readonly hang: { stats: Stats | null; samples: HangSample[] };
  readonly load: { withExtension: Stats | null; without: Stats | null; ratio: number | null; dclWith: Stats | null; dclWithout: Stats | null; falseRescues: string[] };
  readonly contentScripts: ContentScriptProof;
  readonly popup: { painted: Stats | null; fcp: Stats | null; early: number };
}

const unique = (values: readonly string[]) => [...new Set(values)].join(', ');

async function timings(name: BrowserName): Promise<Omit<BrowserResults, 'version'>> {
  const rig = await startRig(name, { language: 'en', distDir: BUILD[name] });
  const bare = await (name === 'chromium' ? launchChromium : launchFirefox)(rig.server, { withoutExtension: true, language: 'en' });
  try {
    const listener = await rig.browser.newTab();
    await listener.goto(`${rig.browser.extensionOrigin}${OPTIONS_PAGE_PATH}`);
    await listener.evaluate(LISTEN);
    await faultRun(rig, listener, 'refused', -1); // warm-up, not counted
    const faults = {} as BrowserResults['faults'];
    for (const kind of FAULTS) {
      const samples: FaultSample[] = [];
      for (let run = 0, tries = 0; run < RUNS; tries += 1) {
        const sample = await faultRun(rig, listener, kind, run);
        if (sample) {
          samples.push(sample);
          run += 1;
        } else if (tries > RUNS * 2) throw new Error(`${kind}: Detour keeps taking the known-down short-cut`);
      }
      faults[kind] = {
        stats: stats(samples.map((s) => s.ms)),
        fcp: stats(samples.flatMap((s) => (s.msFcp === null ? [] : [s.msFcp]))),
        methods: unique(samples.map((s) => s.method)),
        events: unique(samples.map((s) => s.event)),
      };
      log(`${name} ${kind}: ${cell(faults[kind].stats)} [${faults[kind].events}; ${faults[kind].methods}]`);
    }
    const hangSamples: HangSample[] = [];
    for (let run = 0, tries = 0; run < HANG_RUNS && tries < HANG_RUNS * 2; tries += 1) {
      const sample = await hangRun(rig, bare, listener, run);
      if (sample) {
        hangSamples.push(sample);
        run += 1;
      }
    }
    log(
      `${name} hang: ${cell(stats(hangSamples.map((s) => s.ms)))}; alone: ${hangSamples.map((s) => `${s.bareStillLoading ? 'waiting' : 'NOT waiting'} ${(s.bareWaitedMs / 1000).toFixed(1)} s`).join(', ')}`,
    );
    // The bench's own webRequest listeners (in that extension page) must not weigh on the loads.
    await listener.close();
    const times = await loads(rig, bare);
    const messagesTab = await rig.browser.newTab();
    await messagesTab.goto(`${rig.browser.extensionOrigin}${OPTIONS_PAGE_PATH}`);
    await messagesTab.evaluate(LISTEN);
    const withExtension = stats(times.withExtension);
    const without = stats(times.without);
    log(`${name} load: with ${cell(withExtension)}, without ${cell(without)}; healthy loads moved to the fallback page: ${times.falseRescues.length} ${times.falseRescues.join(' ')}`);
    const proof = await contentScripts(rig, messagesTab);
    log(`${name} content scripts: ${JSON.stringify(proof)}`);
    const popup = await popupRuns(rig);
    log(`${name} popup: ${cell(stats(popup.painted))}, fcp ${cell(stats(popup.fcp))}, ${popup.early} upper bounds`);
    return {
      name,
      faults,
      hang: { stats: stats(hangSamples.map((s) => s.ms)), samples: hangSamples },
      load: {
        withExtension,
        without,
        ratio: withExtension && without ? withExtension.median / without.median : null,
        dclWith: stats(times.dcl.withExtension),
        dclWithout: stats(times.dcl.without),
        falseRescues: times.falseRescues,
      },
      contentScripts: proof,
      popup: { painted: stats(popup.painted), fcp: stats(popup.fcp), early: popup.early },
    };
  } finally {
    await bare.close().catch(() => undefined);
    await rig.close();
  }
}

// --- machine, sizes, report ---------------------------------------------------------------------

export function version(binary: string): string {
  try {
    return execFileSync(binary, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
      .trim()
      .split('\n')
      .at(-1)!
      .replace(/ built on .*/, '');
  } catch {
    return 'unknown';
  }
}

export function machine(): string {
  const cpuinfo = readFileSync('/proc/cpuinfo', 'utf8');
  const model = /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1] ?? os.cpus()[0]?.model ?? 'unknown';
  return `${os.cpus().length} cores, ${model}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB memory, ${os.type()} ${os.release()}, node ${process.version}`;
}

function sizes(): { rows: string[][]; zips: string[][] } {
  const rows: string[][] = [];
  const byTarget = { chrome: entrySizes(BUILD.chromium), firefox: entrySizes(BUILD.firefox) };
  for (const [index, { entry, files }] of byTarget.chrome.entries()) {
    const firefox = byTarget.firefox[index];
    rows.push([entry, `${(total(files) / 1024).toFixed(1)} KB (${files.size} files)`, firefox ? `${(total(firefox.files) / 1024).toFixed(1)} KB (${firefox.files.size} files)` : '—']);
  }
  const { version: v } = readManifest(BUILD.chromium) as unknown as { version: string };
  const zips = (['chrome', 'firefox'] as const).map((target) => {
    const file = `dist/detour-${target}-${v}.zip`;
    return [file, `${(statSync(`${SNAPSHOT}/${file.slice('dist/'.length)}`).size / 1024).toFixed(1)} KB`];
  });
  return { rows, zips };
}

export function table(header: string[], rows: string[][]): string {
  return [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((row) => `| ${row.join(' | ')} |`)].join('\n');
}

function report(results: BrowserResults[], probeResults: Record<string, ProbeWindow[]>, started: Date, durationS: number): string {
  const names = results.map((r) => `${r.name} ${r.version}`);
  const col = <T>(pick: (r: BrowserResults) => T) => results.map(pick);
  const size = sizes();
  const faultLabel: Record<FaultKind, string> = { refused: 'connection refused', reset: 'connection reset (TCP RST)', '503': 'HTTP 503', tls: 'TLS error (plain HTTP on 443)' };
  const lines: string[] = [];
  lines.push(
    `Sections 1-6 measured on ${started.toISOString().slice(0, 10)} (${started.toISOString()}), in ${Math.round(durationS)} s, with the browsers above. Tiny stand-in pages from the local fault server; each cell: **median / p95** (p95 by nearest rank), n = runs.`,
    '',
  );
  lines.push('## 1. Failed navigation -> fallback page painted with its links', '');
  const method = (r: BrowserResults, kind: FaultKind) =>
    r.faults[kind].methods === 'painted' ? `links painted; to first contentful paint: ${cell(r.faults[kind].fcp)}` : 'to first contentful paint (see below)';
  lines.push(
    table(
      ['fault', ...names],
      FAULTS.map((kind) => [faultLabel[kind], ...col((r) => `**${cell(r.faults[kind].stats)}**<br><sub>${method(r, kind)}; event: ${r.faults[kind].events}</sub>`)]),
    ),
  );
  lines.push(
    '',
    'From the browser\'s own event for the failed main-frame load (its `webRequest.onErrorOccurred`, or `onCompleted` with 503, whose `timeStamp` an extension page of Detour records) to the fallback page painted with its alternative links: a MutationObserver, installed before the page\'s scripts, sees the first `[data-testid=alternatives] a`; "painted" is the first task after the next animation frame (the frame that holds it). Both clocks are the wall clock (webRequest `timeStamp`, page `performance.timeOrigin + t`). Each run: fresh tab, map.kakao.com, every service brought back to "up" before (so no run takes the known-down short-cut). One warm-up run not counted.',
    '',
  );
  lines.push(
    'In Firefox the watcher cannot be installed (WebDriver BiDi preload scripts do not run in moz-extension pages), so its figure ends at the fallback page\'s first contentful paint (`performance` paint timing). That paint already holds the links: the page renders them synchronously from its own address before anything else (src/ui/fallback/main.tsx, "paint at once from the address alone") and its HTML has no content of its own; Chromium, which has both figures, shows how close they are.',
    '',
  );

  lines.push('## 2. Hung server -> alternatives offered, beside the browser alone', '');
  lines.push(
    table(
      ['', ...names],
      [
        [`with Detour: request start -> alternatives painted (hang limit 8 s, ${HANG_RUNS} runs)`, ...col((r) => cell(r.hang.stats))],
        [
          'the same browser without Detour, same server, same moment',
          ...col((r) => r.hang.samples.map((s) => (s.bareStillLoading ? `still loading after ${(s.bareWaitedMs / 1000).toFixed(1)} s` : `not waiting (${s.bareHref})`)).join('<br>')),
        ],
      ],
    ),
  );
  lines.push(
    '',
    `Only ${HANG_RUNS} runs each, since every run waits out the 8 s hang limit. From the browser's \`webRequest.onBeforeRequest\` timeStamp to the fallback page painted with its links. A second instance of the same browser, launched without the extension on the same fault server, starts the same hanging load at the same moment; when Detour's alternatives are painted, that tab still shows \`about:blank\` and the server still holds its request (no browser has a main-frame response timeout).`,
    '',
  );

  lines.push('## 3. Healthy Kakao page load, with and without Detour', '');
  lines.push(
    table(
      ['', ...names],
      [
        ['with Detour', ...col((r) => cell(r.load.withExtension))],
        ['without Detour (same browser build, flags and server)', ...col((r) => cell(r.load.without))],
        ['ratio of medians (with / without)', ...col((r) => (r.load.ratio === null ? '—' : r.load.ratio.toFixed(3)))],
        ['difference of medians', ...col((r) => (r.load.withExtension && r.load.without ? `${(r.load.withExtension.median - r.load.without.median).toFixed(1)} ms` : '—'))],
        ['DOMContentLoaded, with / without Detour', ...col((r) => `${cell(r.load.dclWith)}<br>${cell(r.load.dclWithout)}`)],
        ['healthy loads Detour moved to its fallback page (each loaded again, not timed)', ...col((r) => String(r.load.falseRescues.length))],
      ],
    ),
  );
  lines.push(
    '',
    `\`loadEventEnd - startTime\` of the navigation timing entry of https://map.kakao.com/?q=… (a ~300-byte stand-in page from the local server), ${RUNS} loads each after 3 warm-ups, each in a fresh tab, the two browsers alternating. Detour declares no content script: its page script is injected by the background after the tab reports the load complete, so the load itself pays only for the background's webRequest listeners. On a page this small any fixed cost is magnified; a real Kakao page takes far longer to load (not measured: there is no real network here).`,
    '',
  );
  lines.push('No Detour code on non-Kakao pages:', '');
  const pages = ['https://map.kakao.com/?q=bench-content-script', ...NON_KAKAO];
  lines.push(
    table(
      [
        'page',
        ...results.map((r) => `${r.name}: content-script messages`),
        ...results.map((r) => `${r.name}: content-script worlds (CDP)`),
        ...results.map((r) => `${r.name}: extension resources in the page / banner host`),
      ],
      pages.map((page) => [
        page,
        ...col((r) => String(r.contentScripts.messages[page] ?? '—')),
        ...col((r) => (r.contentScripts.worlds ? String(r.contentScripts.worlds[page] ?? '—') : 'not observable')),
        ...col((r) => `${r.contentScripts.extensionResources[page] ?? '—'} / ${r.contentScripts.bannerHost[page] ? 'present' : 'absent'}`),
      ]),
    ),
  );
  lines.push(
    '',
    "Each page loaded once in a fresh tab and watched until 1.5 s after its load event; the map.kakao.com row is the positive control (the page script does run there). Messages: Detour's page script reports every page it runs in (`page/seen`, by `runtime.sendMessage`, which every extension page receives too); an extension page of Detour counts the messages whose `sender.url` is that page. Worlds (Chromium only): CDP `Runtime.executionContextCreated` events with `auxData.type === \"isolated\"` and the extension's origin; Firefox exposes content-script sandboxes to neither WebDriver BiDi nor the page. Extension resources: `chrome-extension:`/`moz-extension:` entries in the page's own resource timing: neither browser lists a content script's chunks there (0 on Kakao too), so this column proves nothing and is shown only as such. `#detour-banner-host`: Detour's only element in pages (shown on Kakao pages Detour thinks broken); never on the non-Kakao pages. The background injects only into tabs whose address is on a catalogued Kakao host (src/core/page-script/scope.ts, unit-tested), and the manifests declare no content script and nothing web-accessible (test/unit/security.test.ts).",
    '',
  );

  lines.push('## 4. Sizes (gzipped, from dist/)', '');
  lines.push(table(['entry', 'Chrome build', 'Firefox build'], size.rows));
  lines.push('', table(['package', 'size'], size.zips));
  lines.push(
    '',
    "Each entry: its file and every file it loads (static imports, a page's module script, modulepreloads and stylesheets), each gzipped alone (`zlib.gzipSync`, level 6) and summed; a chunk shared by two entries counts in both. Background = `service-worker-loader.js` and its imports (Firefox: the event page's script). Zips: the store packages, as built.",
    '',
  );

  lines.push('## 5. Probe requests', '');
  const scenarios = Object.values(probeResults)[0]?.map((w) => w.scenario) ?? [];
  lines.push(
    table(
      ['scenario', ...Object.keys(probeResults).map((n) => `${n}: in the window -> per hour`), ...Object.keys(probeResults).map((n) => `${n}: bursts (n@s), alarm`)],
      scenarios.map((scenario, index) => [
        scenario,
        ...Object.values(probeResults).map((w) => `${w[index]!.requests} in ${Math.round(w[index]!.windowMs / 1000)} s -> ${w[index]!.perHour}/h`),
        ...Object.values(probeResults).map((w) => `${w[index]!.bursts}; alarm ${w[index]!.alarm}`),
      ]),
    ),
  );
  lines.push(
    '',
    `Requests the fault server received for a probe address of the catalogue (every service's and alternative's \`probe\`, and the two control probes www.naver.com/favicon.ico and www.google.com/generate_204) during each window, in one fresh browser profile per browser, the scenarios in this order: idle (${IDLE_WINDOW_MS / 1000} s; no alarm exists, so it stays 0 however long), a healthy map.kakao.com tab open (${PROBE_WINDOW_MS / 1000} s, starting 30 s before the probe alarm's first turn, about 30 s after the tab loaded, so that the window holds whole alarm periods and not the browser's own favicon request), then, at once, every Kakao host answering 503 after one failed navigation, the fallback page left open (${PROBE_WINDOW_MS / 1000} s from the failure, which by the same alignment also holds whole alarm periods; 503 rather than refused so that the server sees every probe). **Per hour is extrapolated** from the window (x 3600 / window): the probe alarm fires once a minute, so a ${PROBE_WINDOW_MS / 1000} s window holds ${(PROBE_WINDOW_MS / 60_000).toFixed(1)} alarm periods (Chromium and Firefox both keep a 1-minute period); the fallback page adds its own check every 20 s while it is visible. The two browsers ran this part at the same time, each against its own server.`,
    '',
  );

  lines.push('## 6. Popup first paint', '');
  lines.push(
    table(
      ['', ...names],
      [
        ['popup opened -> verdict and service rows painted', ...col((r) => cell(r.popup.painted))],
        ['popup opened -> first contentful paint', ...col((r) => cell(r.popup.fcp))],
        ['runs where the rows were there before the watcher saw the document (upper bounds)', ...col((r) => String(r.popup.early))],
      ],
    ),
  );
  lines.push(
    '',
    `${POPUP} (the toolbar popup cannot be opened by automation), ${RUNS} runs after one warm-up, each loaded fresh in a 360 x 600 frame of Detour's options page, opened as a tab: the same page, scripts and background round trip as the toolbar popup, watched from outside (Firefox runs no automation script inside extension pages). Time from the popup document's own navigation start (its \`performance.timeOrigin\`) until the verdict and the first service row (filled in from the background's answer) are in the DOM and painted (first task after the next animation frame); and its first contentful paint where the browser reports one for a frame (Chromium does not).`,
    '',
  );
  return lines.join('\n');
}

let SNAPSHOT = '';
let BUILD = { chromium: '', firefox: '' } as Record<BrowserName, string>;

/** Sections 1-6 for these browsers, from the build snapshot in `snapshot` (chrome/ and firefox/). */
export async function runLegacy(browsers: readonly BrowserName[], snapshot: string, versions: Record<BrowserName, string>): Promise<string> {
  const started = new Date();
  SNAPSHOT = snapshot;
  BUILD = { chromium: `${snapshot}/chrome`, firefox: `${snapshot}/firefox` };
  const results: BrowserResults[] = [];
  for (const name of browsers) {
    log(`${name}: timings`);
    results.push({ ...(await timings(name)), version: versions[name] });
  }
  log(`probe traffic: ${browsers.join(' and ')} at the same time, ${(IDLE_WINDOW_MS + 2 * PROBE_WINDOW_MS) / 1000} s`);
  const probeList = await Promise.all(browsers.map((name) => probes(name)));
  const probeResults = Object.fromEntries(browsers.map((name, index) => [name, probeList[index]!]));
  return report(results, probeResults, started, (Date.now() - started.getTime()) / 1000);
}
