// Builds Detour twice, each into its own temporary folder, and fails unless every file of the two
// (unpacked extensions, store zips, sources archive, reviewer note) is byte-identical. This is what
// lets an addons.mozilla.org reviewer rebuild the uploaded package from the sources and compare.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const outs = [mkdtempSync(join(tmpdir(), 'detour-build-a-')), mkdtempSync(join(tmpdir(), 'detour-build-b-'))];

function files(dir) {
  return readdirSync(dir, { recursive: true })
    .filter((name) => statSync(join(dir, name)).isFile())
    .sort();
}

let code = 0;
try {
  for (const out of outs) {
    const result = spawnSync('node', ['scripts/build.mjs', '--out', out], { cwd: root, stdio: 'inherit' });
    if (result.status !== 0) throw new Error(`build into ${out} failed`);
  }
  const [a, b] = outs.map(files);
  const onlyOne = [...a.filter((name) => !b.includes(name)), ...b.filter((name) => !a.includes(name))];
  const differ = a.filter((name) => b.includes(name) && !readFileSync(join(outs[0], name)).equals(readFileSync(join(outs[1], name))));
  if (a.length === 0) throw new Error('the build wrote nothing');
  for (const name of onlyOne) console.error(`only in one build: ${name}`);
  for (const name of differ) console.error(`differs between the two builds: ${name}`);
  if (onlyOne.length > 0 || differ.length > 0) code = 1;
  else console.log(`two builds, ${a.length} files, byte-identical`);
} catch (error) {
  console.error(String(error));
  code = 1;
} finally {
  for (const out of outs) rmSync(out, { recursive: true, force: true });
}
process.exit(code);
