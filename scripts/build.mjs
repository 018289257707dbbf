// Builds Detour for Chrome and Firefox and packs what the stores take, all in dist/ (or --out DIR):
//   chrome/, firefox/                      the unpacked extensions
//   detour-chrome-<version>.zip            Chrome Web Store (and Edge Add-ons) package
//   detour-firefox-<version>.zip           addons.mozilla.org package
//   detour-sources-<version>.zip           the sources AMO asks for, to rebuild the Firefox package
//   detour-amo-reviewer-notes-<version>.md how to rebuild it: OS, node, npm, commands, output
// The version comes from package.json alone (vite.config.ts writes it into both manifests). Zips are
// deterministic (scripts/zip.mjs): the same sources give the same bytes, which
// scripts/check-reproducible.mjs checks on every `npm test`.
import { build } from 'vite';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { packDir, reviewerNotes, sourceEntries } from './release-files.mjs';
import { zip } from './zip.mjs';

const root = new URL('..', import.meta.url).pathname;
const { version } = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8'));
const args = process.argv.slice(2);
const outIndex = args.indexOf('--out');
if (outIndex !== -1 && !args[outIndex + 1]) throw new Error('--out needs a folder');
const out = outIndex === -1 ? resolve(root, 'dist') : resolve(root, args[outIndex + 1]);
const named = args.filter((_, index) => outIndex === -1 || (index !== outIndex && index !== outIndex + 1));
const targets = named.length ? named : ['chrome', 'firefox'];
await mkdir(out, { recursive: true });

for (const target of targets) {
  const started = performance.now();
  const outDir = resolve(out, target);
  await build({ root, mode: target, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  const filename = `detour-${target}-${version}.zip`;
  await writeFile(resolve(out, filename), zip(await packDir(outDir)));
  console.log(`built ${outDir} and ${filename} in ${Math.round(performance.now() - started)} ms`);
}

if (targets.includes('firefox')) {
  // AMO reviews minified code only with the sources it was built from and the steps to rebuild it.
  const notesName = `detour-amo-reviewer-notes-${version}.md`;
  const notes = await reviewerNotes(root, version);
  const sources = await sourceEntries(root);
  await rm(resolve(out, `detour-sources-${version}.zip`), { force: true });
  await writeFile(resolve(out, `detour-sources-${version}.zip`), zip([...sources, { name: 'AMO-REVIEWER-NOTES.md', data: Buffer.from(notes) }]));
  await writeFile(resolve(out, notesName), notes);
  console.log(`wrote detour-sources-${version}.zip (${sources.length} files) and ${notesName}`);
}
