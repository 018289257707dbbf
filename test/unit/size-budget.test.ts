import { statSync } from 'node:fs';
import { posix } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIST, OTHER_SITES_BANNER, contentScriptFiles, gzippedFiles, importsOf, readManifest, requireDist, total } from '../../scripts/bundle-files.ts';

// The size budgets of docs/ARCHITECTURE.md (Budgets). Sizes are deterministic, so they are checked
// here; times are only reported, by `npm run bench` (BENCHMARKS.md).
/** What every Kakao page loads must stay small. */
const CONTENT_SCRIPT_GZIPPED = 8 * 1024;
/** The Chrome Web Store package. */
const CHROME_ZIP = 150 * 1024;

describe('size budgets', () => {
  it('content script: under 8 KB gzipped, with everything it loads', () => {
    const dist = requireDist('chrome');
    const sizes = contentScriptFiles(dist);
    // One self-contained file that carries the polyfill too: less than 2 KB would mean a broken build.
    expect([...sizes.keys()].some((file) => /page-script\/page-script/.test(file))).toBe(true);
    expect(total(sizes)).toBeGreaterThan(2 * 1024);
    console.log(`content script: ${total(sizes)} bytes gzipped (${[...sizes].map(([file, size]) => `${posix.basename(file)} ${size}`).join(', ')})`);
    expect(total(sizes)).toBeLessThan(CONTENT_SCRIPT_GZIPPED);
  });

  it('the Firefox content script is under the same budget', () => {
    expect(total(contentScriptFiles(requireDist('firefox')))).toBeLessThan(CONTENT_SCRIPT_GZIPPED);
  });

  it('the banner injected into other sites (with the permission) is one self-contained file under the same budget', () => {
    for (const target of ['chrome', 'firefox'] as const) {
      const sizes = gzippedFiles(requireDist(target), [OTHER_SITES_BANNER]);
      expect([...sizes.keys()]).toEqual([OTHER_SITES_BANNER]);
      if (target === 'chrome') console.log(`injected banner: ${total(sizes)} bytes gzipped`);
      expect(total(sizes)).toBeLessThan(CONTENT_SCRIPT_GZIPPED);
    }
  });

  it('Chrome package: dist/detour-chrome-<version>.zip under 150 KB', () => {
    requireDist('chrome');
    const { version } = readManifest(`${DIST}chrome`) as unknown as { version: string };
    const zip = `${DIST}detour-chrome-${version}.zip`;
    let size: number;
    try {
      size = statSync(zip).size;
    } catch {
      throw new Error(`${zip} is missing: run \`npm run build\` first (npm test does it for you)`);
    }
    console.log(`chrome zip: ${size} bytes`);
    expect(size).toBeLessThan(CHROME_ZIP);
  });
});

describe('the import walk', () => {
  it('follows static imports, re-exports, bare imports and the loader', () => {
    expect(importsOf('assets/a.js', 'import{t as e}from"./messaging-1.js";export{x}from"./b.js";import"./c.js";')).toEqual(['assets/messaging-1.js', 'assets/b.js', 'assets/c.js']);
    expect(importsOf('assets/loader.js', 'await import(chrome.runtime.getURL("assets/src-content-x.js"))')).toEqual(['assets/src-content-x.js']);
    expect(importsOf('service-worker-loader.js', "import './assets/index.ts-1.js';")).toEqual(['assets/index.ts-1.js']);
  });
});
