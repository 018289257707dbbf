// Builds Detour for Chrome and Firefox (dist/chrome, dist/firefox) and packs a store-ready zip of each
// (dist/detour-chrome-<version>.zip, dist/detour-firefox-<version>.zip).
import { build } from 'vite';
import webExt from 'web-ext';
import { readFile, rm } from 'node:fs/promises';

const root = new URL('..', import.meta.url).pathname;
const { version } = JSON.parse(await readFile(new URL('../manifest.json', import.meta.url), 'utf8'));
const targets = process.argv.slice(2).length ? process.argv.slice(2) : ['chrome', 'firefox'];

for (const target of targets) {
  const started = performance.now();
  await build({ root, mode: target, logLevel: 'warn' });
  const filename = `detour-${target}-${version}.zip`;
  await rm(`${root}dist/${filename}`, { force: true });
  await webExt.cmd.build(
    { sourceDir: `${root}dist/${target}`, artifactsDir: `${root}dist`, filename, overwriteDest: true },
    { shouldExitProgram: false },
  );
  console.log(`built dist/${target} and dist/${filename} in ${Math.round(performance.now() - started)} ms`);
}
