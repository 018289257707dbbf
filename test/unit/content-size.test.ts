import { existsSync, readFileSync } from 'node:fs';
import { posix } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { DIST_CHROME } from '../e2e/harness/paths.ts';

/** DESIGN.md's budget: what every Kakao page loads must stay small. */
const BUDGET_GZIPPED = 8192;

/** Files an asset pulls in: static `import ... from "./x.js"` and the loader's getURL("assets/x.js"). */
function importsOf(file: string, source: string): string[] {
  const found = [
    ...[...source.matchAll(/\b(?:import|export)\s*(?:[\w$*{},\s]+from\s*)?["'](\.{1,2}\/[^"']+)["']/g)].map((match) => posix.join(posix.dirname(file), match[1]!)),
    ...[...source.matchAll(/runtime\.getURL\(\s*["']([^"']+\.js)["']\s*\)/g)].map((match) => posix.normalize(match[1]!)),
  ];
  return [...new Set(found)];
}

/** The content script's entry and every file it loads, each once, with its gzipped size. */
function contentScriptFiles(dist: string): Map<string, number> {
  const manifest = JSON.parse(readFileSync(`${dist}/manifest.json`, 'utf8')) as { content_scripts?: Array<{ js?: string[] }> };
  const entries = (manifest.content_scripts ?? []).flatMap((script) => script.js ?? []);
  const sizes = new Map<string, number>();
  const queue = [...entries];
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (sizes.has(file)) continue;
    const source = readFileSync(`${dist}/${file}`);
    sizes.set(file, gzipSync(source).length);
    queue.push(...importsOf(file, source.toString('utf8')));
  }
  return sizes;
}

describe('content script size', () => {
  it('stays under 8 KB gzipped, loader and every chunk it imports together', () => {
    if (!existsSync(`${DIST_CHROME}/manifest.json`)) throw new Error(`${DIST_CHROME} is not built: run \`npm run build\` first (npm test does it for you)`);
    const sizes = contentScriptFiles(DIST_CHROME);
    // The loader, the script's own chunk and the polyfill at the least: a walk that found less is broken.
    expect(sizes.size, [...sizes.keys()].join(', ')).toBeGreaterThanOrEqual(3);
    expect([...sizes.keys()].some((file) => /kakao-page/.test(file) && !/loader/.test(file))).toBe(true);
    const total = [...sizes.values()].reduce((sum, size) => sum + size, 0);
    console.log(`content script: ${total} bytes gzipped (${[...sizes].map(([file, size]) => `${posix.basename(file)} ${size}`).join(', ')})`);
    expect(total).toBeLessThan(BUDGET_GZIPPED);
  });
});

describe('the import walk', () => {
  it('follows static imports, re-exports and the loader', () => {
    expect(importsOf('assets/a.js', 'import{t as e}from"./messaging-1.js";export{x}from"./b.js";import"./c.js";')).toEqual(['assets/messaging-1.js', 'assets/b.js', 'assets/c.js']);
    expect(importsOf('assets/loader.js', 'await import(chrome.runtime.getURL("assets/src-content-x.js"))')).toEqual(['assets/src-content-x.js']);
  });
});
