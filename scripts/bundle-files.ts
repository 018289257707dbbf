// What each built entry of Detour ships, read from dist/: the files an entry loads and their gzipped
// sizes. Shared by the size-budget and security tests and by the benchmark (npm run bench).
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { posix } from 'node:path';
import { gzipSync } from 'node:zlib';
import { OTHER_SITES_BANNER_FILE } from '../src/core/other-sites/banner-key.ts';
import { PAGE_SCRIPT_FILE } from '../src/core/page-script/scope.ts';

export const DIST = new URL('../dist/', import.meta.url).pathname;

/** Throws the one helpful message when dist/ is missing. */
export function requireDist(target: 'chrome' | 'firefox'): string {
  const dir = `${DIST}${target}`;
  if (!existsSync(`${dir}/manifest.json`)) throw new Error(`dist/${target} is not built: run \`npm run build\` first (npm test does it for you)`);
  return dir;
}

export interface Manifest {
  readonly background?: { readonly service_worker?: string; readonly scripts?: string[] };
  readonly content_scripts?: Array<{ readonly matches?: string[]; readonly js?: string[] }>;
  readonly web_accessible_resources?: Array<{ readonly resources: string[]; readonly matches?: string[]; readonly extension_ids?: string[]; readonly use_dynamic_url?: boolean }>;
  readonly content_security_policy?: unknown;
  readonly action?: { readonly default_popup?: string };
  readonly options_ui?: { readonly page?: string };
  readonly [key: string]: unknown;
}

export function readManifest(dist: string): Manifest {
  return JSON.parse(readFileSync(`${dist}/manifest.json`, 'utf8')) as Manifest;
}

/** Files an asset pulls in: static `import ... from "./x.js"`, bare `import "./x.js"` and the loader's getURL("assets/x.js"). */
export function importsOf(file: string, source: string): string[] {
  const found = [
    ...[...source.matchAll(/\b(?:import|export)\s*(?:[\w$*{},\s]+from\s*)?["'](\.{1,2}\/[^"']+)["']/g)].map((match) => posix.join(posix.dirname(file), match[1]!)),
    ...[...source.matchAll(/runtime\.getURL\(\s*["']([^"']+\.js)["']\s*\)/g)].map((match) => posix.normalize(match[1]!)),
  ];
  return [...new Set(found)];
}

/** Files a built HTML page loads: its module script, modulepreloads and stylesheets (root-relative). */
export function pageAssets(html: string): string[] {
  return [...html.matchAll(/<(?:script|link)\b[^>]*\b(?:src|href)="\/([^"]+\.(?:js|css))"/g)].map((match) => match[1]!);
}

/** The entries and every file they load, each once, with its gzipped size in bytes. */
export function gzippedFiles(dist: string, entries: readonly string[]): Map<string, number> {
  const sizes = new Map<string, number>();
  const queue = [...entries];
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (sizes.has(file)) continue;
    const source = readFileSync(`${dist}/${file}`);
    sizes.set(file, gzipSync(source).length);
    const text = source.toString('utf8');
    queue.push(...(file.endsWith('.html') ? pageAssets(text) : file.endsWith('.js') ? importsOf(file, text) : []));
  }
  return sizes;
}

/**
 * The page script: declared for Kakao's own pages (document_idle), and injected by the background into
 * one that needs its banner sooner.
 */
export const PAGE_SCRIPT = PAGE_SCRIPT_FILE;
/** The banner the background injects into another site's page (with the optional permission). */
export const OTHER_SITES_BANNER = OTHER_SITES_BANNER_FILE;

/**
 * Scripts the background injects into pages with scripting.executeScript, each one self-contained
 * classic file (vite.config.ts builds them), never web-accessible.
 */
export const INJECTED_SCRIPTS: readonly string[] = [PAGE_SCRIPT, OTHER_SITES_BANNER];

/**
 * What runs in Kakao's pages: the page script (one file, importing nothing), plus any other content
 * script the manifest declares.
 */
export function contentScriptFiles(dist: string): Map<string, number> {
  if (!existsSync(`${dist}/${PAGE_SCRIPT}`)) throw new Error(`${dist}/${PAGE_SCRIPT} is missing: vite.config.ts builds it`);
  return gzippedFiles(dist, [PAGE_SCRIPT, ...(readManifest(dist).content_scripts ?? []).flatMap((script) => script.js ?? [])]);
}

/** Every entry of the build, by name, with the files it loads (gzipped sizes). */
export function entrySizes(dist: string): Array<{ entry: string; files: Map<string, number> }> {
  const manifest = readManifest(dist);
  const background = manifest.background?.service_worker ? [manifest.background.service_worker] : (manifest.background?.scripts ?? []);
  const pages = readdirSync(`${dist}/src/ui`)
    .map((name) => `src/ui/${name}/index.html`)
    .filter((page) => existsSync(`${dist}/${page}`));
  return [
    { entry: 'background', files: gzippedFiles(dist, background) },
    { entry: 'page script (content)', files: contentScriptFiles(dist) },
    { entry: 'banner injected into other sites', files: gzippedFiles(dist, [OTHER_SITES_BANNER]) },
    ...pages.map((page) => ({ entry: `page ${posix.basename(posix.dirname(page))}`, files: gzippedFiles(dist, [page]) })),
  ];
}

export function total(files: Map<string, number>): number {
  return [...files.values()].reduce((sum, size) => sum + size, 0);
}

/** Every shipped file of a build (recursively), relative to dist/<target>. */
export function shippedFiles(dist: string, dir = ''): string[] {
  return readdirSync(`${dist}/${dir}`, { withFileTypes: true }).flatMap((entry) => {
    const path = dir ? `${dir}/${entry.name}` : entry.name;
    return entry.isDirectory() ? shippedFiles(dist, path) : [path];
  });
}
