// web-ext lint of dist/firefox; fails on any error or warning (notices are printed, not fatal).
import { spawnSync } from 'node:child_process';

const root = new URL('..', import.meta.url).pathname;
const result = spawnSync('npx', ['web-ext', 'lint', '--source-dir', 'dist/firefox', '--output', 'json', '--no-config-discovery'], { cwd: root, encoding: 'utf8' });
let report;
try {
  report = JSON.parse(result.stdout.slice(result.stdout.indexOf('{')));
} catch {
  console.error(result.stdout, result.stderr);
  process.exit(1);
}
const { errors, warnings, notices } = report.summary;
for (const item of [...report.errors, ...report.warnings, ...report.notices]) {
  console.log(`${item._type}: ${item.code} ${item.file ?? ''} ${item.message}`);
}
console.log(`web-ext lint: ${errors} errors, ${warnings} warnings, ${notices} notices`);
process.exit(errors === 0 && warnings === 0 ? 0 : 1);
