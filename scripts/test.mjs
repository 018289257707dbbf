// Every test Detour has, in one command: type checks, lint, both builds (and a check that two builds
// are byte-identical), unit tests, real-browser tests in Chromium and Firefox, and web-ext lint of the
// Firefox package. Installs Debian's browsers if missing.
// Ends with one line "detour: N passed, M failed".
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBrowsers } from './ensure-browsers.mjs';

const root = new URL('..', import.meta.url).pathname;
const reports = mkdtempSync(join(tmpdir(), 'detour-test-'));
const env = { ...process.env, NO_COLOR: process.env.NO_COLOR ?? '' };
let passed = 0;
let failed = 0;
const failures = [];

function run(label, command, args) {
  const started = Date.now();
  console.log(`\n== ${label}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env });
  const ok = result.status === 0;
  console.log(`== ${label}: ${ok ? 'ok' : `FAILED (exit ${result.status ?? result.signal})`} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return ok;
}

/** A stage that is one check: it counts as one test. */
function check(label, command, args) {
  if (run(label, command, args)) passed += 1;
  else {
    failed += 1;
    failures.push(label);
  }
}

/** A vitest run: its own test counts are added, and a crash before any result counts as a failure. */
function vitest(label, args) {
  const output = join(reports, `${label.replace(/\W+/g, '-')}.json`);
  const ok = run(label, 'npx', ['vitest', 'run', ...args, '--reporter=default', '--reporter=json', `--outputFile.json=${output}`]);
  count(label, output, ok);
}

/**
 * Vitest runs side by side, each line of their output under its label: the real-browser tests run one
 * process per browser (Chromium's rigs take free ports, Firefox's the fixed 80 and 443), since most
 * of their time is spent waiting on browsers, not computing.
 */
async function vitestTogether(runs) {
  const started = Date.now();
  const results = await Promise.all(
    runs.map(({ label, args, env: extra }) => {
      const output = join(reports, `${label.replace(/\W+/g, '-')}.json`);
      console.log(`\n== ${label} (started)`);
      return new Promise((resolve) => {
        const child = spawn('npx', ['vitest', 'run', ...args, '--reporter=default', '--reporter=json', `--outputFile.json=${output}`], {
          cwd: root,
          env: { ...env, ...extra },
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        for (const stream of [child.stdout, child.stderr]) {
          let rest = '';
          stream.setEncoding('utf8');
          stream.on('data', (chunk) => {
            const lines = (rest + chunk).split('\n');
            rest = lines.pop() ?? '';
            for (const line of lines) console.log(`[${label}] ${line}`);
          });
          stream.on('end', () => rest && console.log(`[${label}] ${rest}`));
        }
        child.on('close', (code, signal) => {
          console.log(`== ${label}: ${code === 0 ? 'ok' : `FAILED (exit ${code ?? signal})`} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
          resolve({ label, output, ok: code === 0 });
        });
      });
    }),
  );
  for (const { label, output, ok } of results) count(label, output, ok);
}

function count(label, output, ok) {
  try {
    const report = JSON.parse(readFileSync(output, 'utf8'));
    passed += report.numPassedTests;
    failed += report.numFailedTests;
    if (report.numFailedTests > 0 || !ok) failures.push(label);
    if (!ok && report.numFailedTests === 0) failed += 1;
  } catch {
    failed += 1;
    failures.push(`${label} (no report)`);
  }
}

try {
  ensureBrowsers();
  passed += 1;
} catch (error) {
  console.error(String(error));
  failed += 1;
  failures.push('browsers');
}

check('type check (app)', 'npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']);
check('type check (pure core: no DOM, no browser APIs)', 'npx', ['tsc', '-p', 'tsconfig.core.json', '--noEmit']);
check('lint and format (biome: layering rules, no HTML sinks, the formatter)', 'npx', ['biome', 'check', '--error-on-warnings']);
const built = run('build both browsers', 'node', ['scripts/build.mjs']);
if (built) passed += 1;
else {
  failed += 1;
  failures.push('build');
}
check('two builds are byte-identical (store zips, sources archive)', 'node', ['scripts/check-reproducible.mjs']);
vitest('unit tests', []);
if (built) {
  await vitestTogether(['chromium', 'firefox'].map((browser) => ({ label: `real-browser tests (${browser})`, args: ['-c', 'vitest.e2e.config.ts'], env: { DETOUR_E2E_BROWSER: browser } })));
  check('web-ext lint of the Firefox build (0 errors, 0 warnings)', 'node', ['scripts/lint-firefox.mjs']);
}

if (failures.length > 0) console.log(`\nfailed: ${failures.join('; ')}`);
console.log(`\ndetour: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
