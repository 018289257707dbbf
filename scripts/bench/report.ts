// BENCHMARKS.md tables for the realistic figures (scripts/bench/realistic.ts).
import { INSTRUMENTED_LOADS, PAIRS, ERROR_RUNS, type DayFigures, type LoadSample, type PairedRun, type RealisticResults, type Side } from './realistic.ts';
import { API_CALLS, SCRIPTS, TILES_AT_START, TILES_PANNED } from './kakaomap-site.ts';
import { ms, stats } from './stats.ts';
import { table } from './legacy.ts';

const median = (values: readonly number[]) => stats(values)?.median ?? NaN;

function ratioCell(run: PairedRun, pick: (s: LoadSample) => number, unit = 'ms'): string {
  const side = (s: Side) => stats(run[s].map(pick));
  const w = side('with');
  const wo = side('without');
  if (!w || !wo) return '—';
  const fmt = (v: number) => (unit === 'ms' ? ms(v) : `${Math.round(v)} ${unit}`);
  return `**x${(w.median / wo.median).toFixed(2)}**<br><sub>${fmt(w.median)} (p95 ${fmt(w.p95)}) vs ${fmt(wo.median)} (p95 ${fmt(wo.p95)}), n=${w.n}+${wo.n}</sub>`;
}

function roleCell(run: PairedRun, role: 'browser' | 'extension' | 'renderer' | 'other'): string {
  const w = median(run.with.map((s) => s.cpuByRole[role]));
  const wo = median(run.without.map((s) => s.cpuByRole[role]));
  return `${Math.round(w)} ms vs ${Math.round(wo)} ms`;
}

function eventsCell(day: DayFigures | null | undefined): string {
  if (!day) return 'not measured';
  const events = day.instrumented.events;
  if (!events) return 'not observable (see method)';
  const byEvent: Record<string, number[]> = {};
  for (const e of events) {
    for (const [name, count] of Object.entries(e.byEvent)) {
      byEvent[name] ??= [];
      byEvent[name].push(count);
    }
  }
  const parts = Object.entries(byEvent).map(([name, counts]) => `${name} ${median(counts)}`);
  return `**${median(events.map((e) => e.listenerCalls))}**<br><sub>${parts.join(', ')}; ${Math.round(median(events.map((e) => e.functionCalls)) / 1000)}k function calls in the worker</sub>`;
}

function writesCell(day: DayFigures | null | undefined): string {
  if (!day) return 'not measured';
  const i = day.instrumented;
  return `**${median(i.healthWrites)}** writes of \`health\`, ${(median(i.healthBytes) / 1024).toFixed(0)} KB<br><sub>other keys: ${median(i.otherWrites)} writes</sub>`;
}

export function realisticReport(results: readonly RealisticResults[]): string {
  const lines: string[] = [];
  const runCols = results.flatMap((r) => r.day1.runs.map((_, i) => `${r.name}, repeat ${i + 1}`));
  const eachRun = (cell: (run: PairedRun) => string) => results.flatMap((r) => r.day1.runs.map(cell));
  const kb = Math.round(SCRIPTS.reduce((sum, s) => sum + s.kb, 0));

  lines.push('## 1. Realistic KakaoMap load, with and without Detour', '');
  lines.push('Target (issue #11): load event and last tile <= x1.02, whole-browser CPU <= x1.05. Each cell: **ratio of medians (with / without Detour)**, then the medians and p95s.', '');
  lines.push(
    table(
      ['', ...runCols],
      [
        ['load event (navigation start -> loadEventEnd)', ...eachRun((run) => ratioCell(run, (s) => s.load))],
        [`last tile (navigation start -> the ${TILES_AT_START + TILES_PANNED}th tile loaded)`, ...eachRun((run) => ratioCell(run, (s) => s.lastTile))],
        ['whole-browser CPU per load (/proc, all processes)', ...eachRun((run) => ratioCell(run, (s) => s.cpuMs, 'ms CPU'))],
        ['&nbsp;&nbsp;of which the browser process', ...eachRun((run) => roleCell(run, 'browser'))],
        ['&nbsp;&nbsp;of which the extension process (Chromium) / WebExtensions process (Firefox)', ...eachRun((run) => roleCell(run, 'extension'))],
        ['&nbsp;&nbsp;of which renderers (the page)', ...eachRun((run) => roleCell(run, 'renderer'))],
        ['&nbsp;&nbsp;of which other processes (GPU, network, utility)', ...eachRun((run) => roleCell(run, 'other'))],
        ['healthy loads Detour moved to its fallback page', ...eachRun((run) => String(run.falseRescues))],
      ],
    ),
  );
  lines.push(
    '',
    table(
      ['small stand-in page (~300 bytes, the old figure)', ...results.map((r) => r.name)],
      [
        ['load event', ...results.map((r) => ratioCell(r.small, (s) => s.load))],
        ['whole-browser CPU per load', ...results.map((r) => ratioCell(r.small, (s) => s.cpuMs, 'ms CPU'))],
      ],
    ),
  );
  lines.push(
    '',
    `The stand-in (scripts/bench/kakaomap-site.ts, generated, served by test/fixtures/fault-server.ts on the real host names): https://map.kakao.com/ loading ${SCRIPTS.length} blocking scripts, ${kb} KB of generated JavaScript that the page parses and runs a little, from t1.daumcdn.net and t1.kakaocdn.net; ${API_CALLS} API calls (fetch) to dapi.kakao.com/v2/local/ and map.kakao.com/api/; ${TILES_AT_START} 256 x 256 PNG tiles from map0..map3.daumcdn.net while the page loads and ${TILES_PANNED} more right after its load event ("panning"). Every response waits 20-50 ms (pseudo-random, the same for the same address in every run), \`Cache-Control: no-store\`. Two instances of the same browser, same flags, same server: one with Detour, one without. ${PAIRS} pairs per repeat after one warm-up pair, each load in a fresh tab, with and without in turn, the order flipped every pair (ABAB/BABA); the whole series repeated to show the noise of this shared 2-core machine. Load event and last tile from the page (navigation timing, \`performance.now()\` of the last tile's load event). CPU: utime + stime (+ cutime + cstime, for reaped children) over the browser's whole process tree from /proc, read before the tab navigates and 400 ms after the last tile (so that the background's own work for the load is inside the window); processes told apart by their command line (Chromium: \`--type=renderer\`, \`--extension-process\`) or name (Firefox: WebExtensions, Isolated Web Co). No instrument is attached during these timed loads.`,
    '',
  );

  lines.push('## 2. Events reaching the background per map load', '');
  lines.push('Target: zero background events for healthy sub-resources.', '');
  const dayCols = results.flatMap((r) => [`${r.name}, day 1`, `${r.name}, day 30`]);
  const eachDay = (cell: (day: DayFigures | null) => string) => results.flatMap((r) => [cell(r.day1), cell(r.day30)]);
  lines.push(
    table(
      [`per map load (median of ${INSTRUMENTED_LOADS} instrumented loads)`, ...dayCols],
      [
        ['listener calls in the background', ...eachDay(eventsCell)],
        ['storage writes (storage.onChanged)', ...eachDay(writesCell)],
      ],
    ),
  );
  lines.push(
    '',
    `Separate, untimed loads of the same page. **Listener calls (Chromium)**: V8 precise coverage with call counts (CDP \`Profiler.startPreciseCoverage\`, the DevTools Coverage panel's machinery) on Detour's service worker, attached through Chromium's DevTools port (scripts/bench/worker-events.ts). Every function the worker's scripts pass inline to \`<event>.addListener(\` is recognised in the script source, and its call count over the load is the number of that event delivered to it; nothing in the build changes, which a bench-only counter compiled into the product could not promise (and it would have to live in the background files being rebuilt). A listener passed by name would not be attributed: the worker's total function calls are shown beside it. Chromium dispatches one event per listener, so two onHeadersReceived listeners count twice. **Firefox** exposes its background page to neither WebDriver BiDi nor a debugging port the harness can reach, so its listener calls are not observable here; its storage writes are. **Storage writes**: an extension page of Detour counts \`storage.onChanged\` per key, with the JSON size of each new value.`,
    '',
  );

  lines.push('## 3. Non-Kakao pages: does the background run?', '');
  lines.push('Target: zero events for non-Kakao pages.', '');
  const urls = results[0]?.nonKakao.map((r) => r.url) ?? [];
  lines.push(
    table(
      ['page', ...results.flatMap((r) => [`${r.name}: stopped worker started by the load`, `${r.name}: listener calls per load (worker running)`])],
      urls.map((url, index) => [
        url,
        ...results.flatMap((r) => {
          const row = r.nonKakao[index];
          return [
            row?.woke === null || row === undefined ? 'not observable' : row.woke ? '**yes**' : 'no',
            row?.events
              ? `**${row.events.listenerCalls}** (${
                  Object.entries(row.events.byEvent)
                    .map(([k, v]) => `${k} ${v}`)
                    .join(', ') || 'none'
                })`
              : 'not observable',
          ];
        }),
      ]),
    ),
  );
  lines.push(
    '',
    "Chromium: a fresh tab is opened, then Detour's service worker is stopped (CDP `ServiceWorker.stopWorker`, as the browser does when it idles), then the tab loads the page (the fault server's plain stand-in for that host) and is watched until 2 s after its load event; \"started\" = CDP target discovery on the browser endpoint saw the worker's target created (this does not attach to the worker, so it does not keep it alive). Then, the worker running, the same pages with the call counter of section 2. Firefox's event page is not observable from outside (see section 2).",
    '',
  );

  lines.push('## 4. Day 30: the same after 30 days of history', '');
  lines.push('Target: day 30 = day 1.', '');
  lines.push(
    table(
      ['', ...dayCols],
      [
        ['stored `health` value (JSON)', ...eachDay((d) => (d ? `${(d.healthBytes / 1024).toFixed(1)} KB` : 'not measured'))],
        ['`health/get` round trip from an extension page (median / p95 of 20)', ...eachDay((d) => (d?.rtt ? `**${ms(d.rtt.median)}** / ${ms(d.rtt.p95)}` : 'not measured'))],
        ['map load event, with / without', ...eachDay((d) => (d ? ratioCell(d.runs.at(-1)!, (s) => s.load) : 'not measured'))],
        ['last tile, with / without', ...eachDay((d) => (d ? ratioCell(d.runs.at(-1)!, (s) => s.lastTile) : 'not measured'))],
        ['whole-browser CPU per load, with / without', ...eachDay((d) => (d ? ratioCell(d.runs.at(-1)!, (s) => s.cpuMs, 'ms CPU') : 'not measured'))],
        ['extension process CPU per load (with Detour)', ...eachDay((d) => (d ? `${Math.round(median(d.runs.at(-1)!.with.map((s) => s.cpuByRole.extension)))} ms` : 'not measured'))],
      ],
    ),
  );
  lines.push(
    '',
    `Day 1 is a fresh profile (the last repeat of section 1). Day 30: the same profile after \`storage.local.set({ health })\` with a state made by Detour's own reducer (src/core/health/engine.ts \`reduce\`, scripts/bench/history-seed.ts): all 16 services probed healthy every hour and time accounted every five minutes for 30 days, which leaves 288 five-minute and 30 daily buckets per service; then every service brought back to "up" by two rounds of "check now", then ${PAIRS} ABAB pairs as in section 1 (one repeat) and the instrumented loads of section 2.`,
    '',
  );

  lines.push("## 5. Failure -> links painted, against the browser's own error page", '');
  lines.push("Target: median <= x1.3 the browser's own error page.", '');
  const kinds = results[0]?.errors.map((e) => e.kind) ?? [];
  const label: Record<string, string> = { refused: 'connection refused', '503': 'HTTP 503', reset: 'connection reset (TCP RST)' };
  lines.push(
    table(
      ['failure', ...results.map((r) => `${r.name}: Detour's links / the browser's own page`)],
      kinds.map((kind, index) => [
        label[kind] ?? kind,
        ...results.map((r) => {
          const e = r.errors[index];
          if (!e?.detour || !e.floor) return 'not measured';
          return `**x${(e.detour.median / e.floor.median).toFixed(2)}**<br><sub>${ms(e.detour.median)} (p95 ${ms(e.detour.p95)}, ${e.detourMethod}) vs ${ms(e.floor.median)} (p95 ${ms(e.floor.p95)}, ${e.floorMethod}; ${e.floorPage}), n=${e.detour.n}+${e.floor.n}</sub>`;
        }),
      ]),
    ),
  );
  lines.push(
    '',
    `From the moment the benchmark starts the navigation (wall clock, the same call in both browsers) to: with Detour, its fallback page painted with its alternative links (Chromium: a MutationObserver installed before the page's scripts sees the first link, "painted" is the first task after the next animation frame; Firefox, where the watcher cannot run in extension pages: the page's first contentful paint, which already holds the links); without Detour, the browser's own page for the same failure painted (its first contentful paint, or its load event where the browser reports no paint for error pages: chrome-error://chromewebdata/, about:neterror; for 503, the server's own 503 page). ${ERROR_RUNS} pairs per failure, with and without in turn, every service brought back to "up" before each run so that no run takes the known-down short-cut.`,
    '',
  );

  lines.push('## 6. A service already confirmed down: the next navigation', '');
  lines.push('Target: 0 requests, links in <= 100 ms.', '');
  lines.push(
    table(
      ['', ...results.map((r) => r.name)],
      [
        ['Kakao Map confirmed down before the navigation', ...results.map((r) => (r.known ? String(r.known.confirmed) : 'not measured'))],
        ['navigations that took the known-down short-cut', ...results.map((r) => (r.known ? (r.known.landedKnown ? `all ${r.known.toLinksMs.length}` : 'not all') : '—'))],
        [
          'requests reaching map.kakao.com per navigation (probes excluded)',
          ...results.map((r) =>
            r.known
              ? `**${(r.known.requestsToHost / r.known.toLinksMs.length).toFixed(1)}** (${r.known.requestsForTheNavigation} of ${r.known.toLinksMs.length} for the navigated address itself)`
              : '—',
          ),
        ],
        [
          'navigation start -> links painted',
          ...results.map((r) => (r.known ? `**${ms(median(r.known.toLinksMs))}** (p95 ${ms(stats(r.known.toLinksMs)!.p95)}, n=${r.known.toLinksMs.length})` : '—')),
        ],
      ],
    ),
  );
  lines.push(
    '',
    'map.kakao.com answers 503 (so that the server can count every request; a refused connection cannot be counted), one navigation fails, then "check now" until Detour holds Kakao Map confirmed down. Then 5 navigations to new map.kakao.com addresses, each in a fresh tab: the requests the fault server received for map.kakao.com during each (the favicon probe excluded), and the time from the navigation call to the fallback links painted (as in section 5).',
    '',
  );
  return lines.join('\n');
}
