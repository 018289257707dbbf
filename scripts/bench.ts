// npm run bench: how much Detour costs a Kakao page every day and how fast it helps during an outage,
// measured in the real browsers (Debian's Chromium and firefox-esr) against the local fault server,
// with and without Detour side by side, written to BENCHMARKS.md. Times are reported, never asserted
// (the size budgets are asserted by test/unit/size-budget.test.ts).
//
// Environment:
//   BENCH_BROWSERS  chromium,firefox (Firefox binds 127.0.0.1:443: on a shared machine run it under
//                   `flock /tmp/detour-firefox.lock`); 'none' rebuilds the report from the kept results
//   BENCH_SECTIONS  realistic,day30,errors,known (default); add 'legacy' for the older sections
//                   (failed navigation, hang, small page, content scripts, sizes, probes, popup: ~10 min
//                   more); 'legacy' alone runs only those. Sections not run keep their last figures.
//   BENCH_PAIRS     ABAB pairs per repeat (10); BENCH_ERROR_RUNS pairs per failure kind (8)
//   BENCH_RUNS, BENCH_HANG_RUNS, BENCH_PROBE_WINDOW_S: the legacy sections (see scripts/bench/legacy.ts)
//   BENCH_OUT       BENCHMARKS.md; '-' prints only
// Needs a build (npm run build).
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import type { BrowserName } from '../test/e2e/harness/index.ts';
import { CHROMIUM, FIREFOX, ROOT } from '../test/e2e/harness/paths.ts';
import { DIST, requireDist } from './bundle-files.ts';
import { machine, runLegacy, version } from './bench/legacy.ts';
import { realistic, type RealisticResults } from './bench/realistic.ts';
import { realisticReport } from './bench/report.ts';

// 'none': no measuring, the report rebuilt from the kept results (after Chromium and Firefox ran apart).
const BROWSERS = (process.env.BENCH_BROWSERS ?? 'chromium,firefox').split(',').filter((name): name is BrowserName => name === 'chromium' || name === 'firefox');
const SECTIONS = new Set((process.env.BENCH_SECTIONS ?? 'realistic,day30,errors,known').split(','));
const OUT = process.env.BENCH_OUT ?? `${ROOT}BENCHMARKS.md`;
const START = '<!-- realistic:start -->';
const END = '<!-- realistic:end -->';
const LEGACY = '<!-- legacy:start -->';
/** Raw results per browser (not committed). */
const RESULTS = process.env.BENCH_RESULTS ?? `${ROOT}.bench-results`;

const log = (line: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}`);

/** The previous file's blocks, so that a run of some sections keeps the others' figures. */
function previous(): { realistic: string | null; legacy: string | null } {
  if (!existsSync(OUT)) return { realistic: null, legacy: null };
  const text = readFileSync(OUT, 'utf8');
  const realisticBlock = text.includes(START) ? text.slice(text.indexOf(START), text.indexOf(END) + END.length) : null;
  let legacy: string | null = null;
  if (text.includes(LEGACY)) legacy = text.slice(text.indexOf(LEGACY));
  else if (text.includes('## 1. Failed navigation')) {
    // The file as the first benchmark wrote it: its date line and its sections.
    const when = /Measured by .* on (\S+) \((\S+)\), in (\d+) s\./.exec(text);
    legacy = `${LEGACY}\n# Outage-time and small-page figures\n\nSections 1-6 measured on ${when?.[1] ?? '?'} (${when?.[2] ?? '?'}), in ${when?.[3] ?? '?'} s. Tiny stand-in pages from the local fault server; each cell: **median / p95** (p95 by nearest rank), n = runs.\n\n${text.slice(text.indexOf('## 1. Failed navigation')).replace(/^## /gm, '### ')}`;
  }
  return { realistic: realisticBlock, legacy };
}

const _started = new Date();
requireDist('chrome');
requireDist('firefox');
// A snapshot of the build: what the browsers load, unchanged by a rebuild of dist/ while the bench runs.
const SNAPSHOT = mkdtempSync(join(os.tmpdir(), 'detour-bench-'));
cpSync(DIST, SNAPSHOT, { recursive: true });
const versions: Record<BrowserName, string> = { chromium: version(CHROMIUM), firefox: version(FIREFOX) };
const before = previous();

let realisticBlock = before.realistic;
if (SECTIONS.has('realistic')) {
  // Each browser's results are kept, so that Chromium and Firefox can run one after the other (Firefox
  // under the machine's lock) and still share one report: a browser not run now keeps its last results.
  mkdirSync(RESULTS, { recursive: true });
  for (const name of BROWSERS) {
    log(`${name}: realistic page`);
    const from = Date.now();
    const fresh = await realistic(name, `${SNAPSHOT}/${name === 'chromium' ? 'chrome' : 'firefox'}`, SECTIONS);
    const durationS = Math.round((Date.now() - from) / 1000);
    writeFileSync(`${RESULTS}/${name}.json`, JSON.stringify({ ...fresh, measuredAt: new Date(from).toISOString(), durationS, label: process.env.BENCH_LABEL ?? '', version: versions[name] }));
  }
  const results: Array<RealisticResults & { measuredAt: string; durationS: number; label: string; version: string }> = (['chromium', 'firefox'] as const)
    .filter((name) => existsSync(`${RESULTS}/${name}.json`))
    .map((name) => JSON.parse(readFileSync(`${RESULTS}/${name}.json`, 'utf8')));
  realisticBlock = [
    START,
    `Sections 1-6 measured by \`npm run bench\`: ${results.map((r) => `${r.version} on ${r.measuredAt}${r.label ? ` (${r.label})` : ''}, in ${r.durationS} s`).join('; ')}. Every site is the local fault server on the real host names; no real network.`,
    '',
    realisticReport(results),
    END,
  ].join('\n');
}
let legacyBlock = before.legacy;
if (SECTIONS.has('legacy') && BROWSERS.length > 0) {
  const markdown = await runLegacy(BROWSERS, SNAPSHOT, versions);
  legacyBlock = `${LEGACY}\n# Outage-time and small-page figures\n\n${markdown.replace(/^## /gm, '### ')}`;
}
const header = [
  '# Benchmarks',
  '',
  `Machine: ${machine()}. Chromium through playwright-core (headless=new), Firefox through puppeteer-core (WebDriver BiDi, headless).`,
  'Rerun: `npm run build && npm run bench` (both browsers; Firefox needs 127.0.0.1:443); shorter: `BENCH_PAIRS=6 BENCH_BROWSERS=chromium BENCH_SECTIONS=realistic npm run bench`. Times are reported, never asserted.',
  '',
].join('\n');
const markdown = [header, realisticBlock ?? '', '', legacyBlock ?? ''].join('\n');
console.log(`\n${markdown}\n`);
if (OUT !== '-') {
  writeFileSync(OUT, markdown.endsWith('\n') ? markdown : `${markdown}\n`);
  log(`wrote ${OUT}`);
}
rmSync(SNAPSHOT, { recursive: true, force: true });
process.exit(0);
