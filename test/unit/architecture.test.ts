import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, posix, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The layering rules of docs/ARCHITECTURE.md (Layers and fences), as a test. The checker works on an
 * in-memory list of files, so each rule is also shown to fail on a synthetic violation below.
 */

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

interface SourceFile {
  /** Path relative to the repository root, with forward slashes: "src/core/rescue/fallback-query.ts". */
  readonly path: string;
  readonly source: string;
}

interface Violation {
  readonly rule: 'core-imports' | 'core-globals' | 'polyfill' | 'ui-background' | 'content-background' | 'lower-layers' | 'background-platform';
  readonly file: string;
  readonly detail: string;
}

/** Removes // and /* *\/ comments, leaving string, template and regex literals as they are. */
function stripComments(source: string): string {
  let out = '';
  let index = 0;
  // Whether a "/" here would start a regular expression literal (rather than divide).
  let regexAllowed = true;
  while (index < source.length) {
    const ch = source[index]!;
    const next = source[index + 1];
    if (ch === '/' && next === '/') {
      while (index < source.length && source[index] !== '\n') index += 1;
      continue;
    }
    if (ch === '/' && next === '*') {
      const end = source.indexOf('*/', index + 2);
      const comment = source.slice(index, end === -1 ? source.length : end + 2);
      out += comment.replace(/[^\n]/g, ' ');
      index = end === -1 ? source.length : end + 2;
      continue;
    }
    if (ch === "'" || ch === '"' || ch === '`' || (ch === '/' && regexAllowed)) {
      let end = index + 1;
      let inClass = false;
      while (end < source.length) {
        const c = source[end]!;
        if (c === '\\') {
          end += 2;
          continue;
        }
        if (ch === '/') {
          if (c === '[') inClass = true;
          else if (c === ']') inClass = false;
          else if (c === '/' && !inClass) break;
          else if (c === '\n') break;
        } else if (c === ch) {
          break;
        }
        end += 1;
      }
      out += source.slice(index, end + 1);
      index = end + 1;
      regexAllowed = false;
      continue;
    }
    out += ch;
    if (!/\s/.test(ch)) regexAllowed = /[(,=:[!&|?{};+\-*%<>~^]/.test(ch);
    index += 1;
  }
  return out;
}

const IMPORT_PATTERNS: readonly RegExp[] = [
  // import x from '...', import { a } from '...', import type { T } from '...', export { a } from '...', export * from '...'
  /(?:^|[\s;}])(?:import|export)\s[^;'"`]*?\bfrom\s*(['"])([^'"\n]+)\1/g,
  // import '...': side effects (styles)
  /(?:^|[\s;}])import\s*(['"])([^'"\n]+)\1/g,
  // import('...')
  /\bimport\s*\(\s*(['"])([^'"\n]+)\1\s*\)/g,
];

function importSpecifiers(source: string): string[] {
  const code = stripComments(source);
  const found: string[] = [];
  for (const pattern of IMPORT_PATTERNS) {
    for (const match of code.matchAll(pattern)) found.push(match[2]!);
  }
  return found;
}

/** The specifiers of whole-statement type imports and re-exports (`import type { T } from '...'`): erased, no code comes along. */
const TYPE_ONLY_PATTERN = /(?:^|[\s;}])(?:import|export)\s+type\s[^;'"`]*?\bfrom\s*(['"])([^'"\n]+)\1/g;

/** The specifiers whose code a file loads: importSpecifiers less those named only by type imports. */
function valueImportSpecifiers(source: string): string[] {
  const typeOnly = [...stripComments(source).matchAll(TYPE_ONLY_PATTERN)].map((match) => match[2]!);
  return importSpecifiers(source).filter((specifier) => {
    const index = typeOnly.indexOf(specifier);
    if (index === -1) return true;
    typeOnly.splice(index, 1);
    return false;
  });
}

/** Where a relative specifier points, relative to the repository root; undefined for a package. */
function resolveSpecifier(from: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  return posix.normalize(posix.join(posix.dirname(from), specifier));
}

function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

const within = (path: string, dir: string) => path === dir || path.startsWith(`${dir}/`);

const CORE_PACKAGES = new Set(['valibot']);
const CORE_FORBIDDEN: ReadonlyArray<readonly [RegExp, string]> = [
  [/\bchrome\./, 'chrome.'],
  [/\bbrowser\./, 'browser.'],
  [/\bdocument\b/, 'document'],
  [/\bwindow\b/, 'window'],
  [/\bfetch\s*\(/, 'fetch('],
  [/\blocalStorage\b/, 'localStorage'],
];

/** The one background file that connects the browser (src/platform) to the background's modules. */
const BACKGROUND_WIRING = 'src/background/index.ts';

const isTest = (path: string) => /\.test\.tsx?$/.test(path);

/**
 * Checks the layering rules. Test files are left out: they may use node and vitest (tsconfig.core.json
 * excludes them from the core's own type check for the same reason).
 */
function checkArchitecture(files: readonly SourceFile[]): Violation[] {
  const violations: Violation[] = [];
  for (const { path, source } of files) {
    if (isTest(path)) continue;
    const inCore = within(path, 'src/core');
    const inPlatform = within(path, 'src/platform');
    const inUi = within(path, 'src/ui');
    for (const specifier of importSpecifiers(source)) {
      const target = resolveSpecifier(path, specifier);
      if (inCore) {
        if (target === undefined ? !CORE_PACKAGES.has(specifier) : !within(target, 'src/core')) {
          violations.push({ rule: 'core-imports', file: path, detail: specifier });
        }
      }
      if (target === undefined && packageName(specifier) === 'webextension-polyfill' && !inPlatform) {
        violations.push({ rule: 'polyfill', file: path, detail: specifier });
      }
      if (target !== undefined && inUi && within(target, 'src/background')) {
        violations.push({ rule: 'ui-background', file: path, detail: specifier });
      }
      // The page script and banners run in pages: they talk to the background by message, never by import.
      if (target !== undefined && within(path, 'src/content') && within(target, 'src/background')) {
        violations.push({ rule: 'content-background', file: path, detail: specifier });
      }
      if (target !== undefined && (inCore || inPlatform) && (within(target, 'src/ui') || within(target, 'src/background'))) {
        violations.push({ rule: 'lower-layers', file: path, detail: specifier });
      }
    }
    // Background modules take their browser functions as parameters (unit-tested with in-memory
    // fakes); only the wiring, index.ts, calls src/platform. Types may come from there.
    if (within(path, 'src/background') && path !== BACKGROUND_WIRING) {
      for (const specifier of valueImportSpecifiers(source)) {
        const target = resolveSpecifier(path, specifier);
        if (target !== undefined && within(target, 'src/platform')) violations.push({ rule: 'background-platform', file: path, detail: specifier });
      }
    }
    if (inCore) {
      const code = stripComments(source);
      for (const [pattern, name] of CORE_FORBIDDEN) {
        if (pattern.test(code)) violations.push({ rule: 'core-globals', file: path, detail: name });
      }
    }
  }
  return violations;
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}

function sourceFiles(): SourceFile[] {
  return walk(join(ROOT, 'src'))
    .filter((file) => /\.(ts|tsx|mts|cts|js|jsx|mjs)$/.test(file))
    .map((file) => ({ path: relative(ROOT, file).split(sep).join('/'), source: readFileSync(file, 'utf8') }));
}

/** Import cycles among the files (relative imports that resolve to a listed file), each as its path. */
function importCycles(files: readonly SourceFile[]): string[] {
  const known = new Map(files.filter((file) => !isTest(file.path)).map((file) => [file.path, file]));
  const edges = new Map(
    [...known.values()].map((file) => [
      file.path,
      importSpecifiers(file.source)
        .flatMap((specifier) => resolveSpecifier(file.path, specifier) ?? [])
        .filter((target) => known.has(target)),
    ]),
  );
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const cycles: string[] = [];
  const visit = (path: string): void => {
    state.set(path, 'open');
    stack.push(path);
    for (const next of edges.get(path) ?? []) {
      if (state.get(next) === 'open') cycles.push([...stack.slice(stack.indexOf(next)), next].join(' -> '));
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(path, 'done');
  };
  for (const path of known.keys()) if (!state.has(path)) visit(path);
  return cycles;
}

/** src/core's top level holds only contracts between layers; everything else lives in a feature folder. */
const CORE_TOP_LEVEL_LIMIT = 6;

describe('architecture of src/', () => {
  const files = sourceFiles();

  it('has no import cycles', () => {
    expect(importCycles(files)).toEqual([]);
  });

  it(`keeps at most ${CORE_TOP_LEVEL_LIMIT} source files at the top of src/core`, () => {
    const top = files.filter((file) => /^src\/core\/[^/]+\.tsx?$/.test(file.path) && !isTest(file.path)).map((file) => file.path);
    expect(top.length, top.join(', ')).toBeLessThanOrEqual(CORE_TOP_LEVEL_LIMIT);
  });

  it('finds the source tree', () => {
    const paths = files.map((file) => file.path);
    expect(paths).toContain('src/core/rescue/fallback-query.ts');
    expect(paths).toContain('src/platform/browser.ts');
    expect(paths.filter((path) => within(path, 'src/core') && !isTest(path)).length).toBeGreaterThan(10);
  });

  it('follows every layering rule', () => {
    expect(checkArchitecture(files)).toEqual([]);
  });

  it('sees the imports that are there (so "no violation" means something)', () => {
    const all = files.filter((file) => !isTest(file.path)).flatMap((file) => importSpecifiers(file.source).map((specifier) => `${file.path} -> ${specifier}`));
    expect(all).toContain('src/core/settings/validate.ts -> valibot');
    expect(all).toContain('src/platform/browser.ts -> webextension-polyfill');
    expect(all).toContain('src/ui/fallback/main.tsx -> ../../core/rescue/fallback-query.ts');
    expect(all).toContain('src/ui/fallback/main.tsx -> ./fallback.css');
    expect(all).toContain('src/core/translate/index.ts -> ../catalog/index.ts');
  });
});

describe('the checker', () => {
  it('finds an import cycle, and none in a chain', () => {
    const cyclic = [file('src/core/a.ts', "import { b } from './b.ts';"), file('src/core/b.ts', "import { c } from './x/c.ts';"), file('src/core/x/c.ts', "import { a } from '../a.ts';")];
    expect(importCycles(cyclic)).toEqual(['src/core/a.ts -> src/core/b.ts -> src/core/x/c.ts -> src/core/a.ts']);
    expect(importCycles(cyclic.slice(0, 2))).toEqual([]);
  });

  it('flags content importing background', () => {
    expect(checkArchitecture([file('src/content/x.ts', "import { y } from '../background/y.ts';")]).map((violation) => violation.rule)).toEqual(['content-background']);
  });

  const file = (path: string, source: string): SourceFile => ({ path, source });
  const rules = (files: SourceFile[]) => checkArchitecture(files).map((violation) => `${violation.rule} ${violation.file} ${violation.detail}`);

  it('flags a core import of another layer, a package, or a path leaving src/core', () => {
    expect(
      rules([
        file('src/core/a.ts', "import { t } from '../platform/i18n.ts';"),
        file('src/core/b.ts', "import { h } from 'preact';"),
        file('src/core/c.ts', "import { readFileSync } from 'node:fs';"),
        file('src/core/d.ts', "export { x } from '../../vite.config.ts';"),
        file('src/core/e.ts', "const m = await import('../content/banner.ts');"),
        file('src/core/f.ts', "import * as v from 'valibot/extra';"),
        file('src/core/g.ts', "import type {\n  Runtime,\n} from 'webextension-polyfill';"),
      ]),
    ).toEqual([
      'core-imports src/core/a.ts ../platform/i18n.ts',
      'core-imports src/core/b.ts preact',
      'core-imports src/core/c.ts node:fs',
      'core-imports src/core/d.ts ../../vite.config.ts',
      'core-imports src/core/e.ts ../content/banner.ts',
      'core-imports src/core/f.ts valibot/extra',
      'core-imports src/core/g.ts webextension-polyfill',
      'polyfill src/core/g.ts webextension-polyfill',
    ]);
  });

  it('allows core-internal relative imports and valibot', () => {
    expect(rules([file('src/core/x/a.ts', "import { b } from '../b.ts';\nimport * as v from 'valibot';\nexport * from './c.ts';\nimport type { T } from '../../core/t.ts';")])).toEqual([]);
  });

  it.each([
    ['chrome.', 'chrome.storage.local.get("x");'],
    ['browser.', 'export const id = browser.runtime.id;'],
    ['document', 'export const t = document.title;'],
    ['window', 'export const w = window;'],
    ['fetch(', 'export const r = fetch ("https://x");'],
    ['localStorage', 'localStorage.setItem("a", "b");'],
  ])('flags %s in core code', (name, source) => {
    expect(rules([file('src/core/bad.ts', source)])).toEqual([`core-globals src/core/bad.ts ${name}`]);
  });

  it('ignores those identifiers inside comments only', () => {
    const commented = [
      '// chrome.storage, browser.tabs, document, window, fetch(x), localStorage',
      '/* window.document',
      '   fetch( */ export const a = 1; /** browser.runtime */',
      "export const url = 'https://map.kakao.com/'; // window",
      'export const re = /\\/\\/window/; // the regex text is code, the comment is not',
    ].join('\n');
    expect(checkArchitecture([file('src/core/ok.ts', commented)]).filter((violation) => violation.detail !== 'window')).toEqual([]);
    // The regex literal above really does mention window in code: the checker must still see it.
    expect(rules([file('src/core/ok.ts', commented)])).toEqual(['core-globals src/core/ok.ts window']);
    expect(rules([file('src/core/ok2.ts', commented.replace('/\\/\\/window/', '/x/'))])).toEqual([]);
  });

  it('does not mistake "//" inside strings for a comment', () => {
    expect(rules([file('src/core/s.ts', "export const u = 'https://x/'; export const d = document;")])).toEqual(['core-globals src/core/s.ts document']);
    expect(rules([file('src/core/s.ts', "const u = 'https://x/'; import { h } from 'preact';")])).toEqual(['core-imports src/core/s.ts preact']);
  });

  it('does not mistake "/*" inside a regex or string for a comment', () => {
    expect(rules([file('src/core/r.ts', "const a = /x\\/*/; const s = '/*'; export const w = window; // */")])).toEqual(['core-globals src/core/r.ts window']);
  });

  it('flags webextension-polyfill outside src/platform', () => {
    expect(
      rules([
        file('src/ui/popup/x.ts', "import browser from 'webextension-polyfill';"),
        file('src/background/y.ts', "const b = await import('webextension-polyfill');"),
        file('src/content/z.ts', "import 'webextension-polyfill';"),
        file('src/platform/ok.ts', "import browser from 'webextension-polyfill';"),
      ]),
    ).toEqual(['polyfill src/ui/popup/x.ts webextension-polyfill', 'polyfill src/background/y.ts webextension-polyfill', 'polyfill src/content/z.ts webextension-polyfill']);
  });

  it('flags ui importing background', () => {
    expect(
      rules([
        file('src/ui/popup/main.tsx', "import { createRescuer } from '../../background/rescuer.ts';"),
        file('src/ui/options/main.tsx', "export type { FailureLog } from '../../background/failure-log.ts';"),
        file('src/ui/components/ok.ts', "import { t } from '../../platform/i18n.ts';"),
      ]),
    ).toEqual(['ui-background src/ui/popup/main.tsx ../../background/rescuer.ts', 'ui-background src/ui/options/main.tsx ../../background/failure-log.ts']);
  });

  it('flags core or platform importing ui or background', () => {
    expect(
      rules([
        file('src/platform/a.ts', "import { Popup } from '../ui/popup/Popup.tsx';"),
        file('src/platform/b.ts', "import { createRescuer } from '../background/rescuer.ts';"),
        file('src/core/c.ts', "import { t } from '../ui/components/i18n.ts';"),
        file('src/background/ok.ts', "import { decideRescue } from '../core/rescue.ts';"),
      ]),
    ).toEqual([
      'lower-layers src/platform/a.ts ../ui/popup/Popup.tsx',
      'lower-layers src/platform/b.ts ../background/rescuer.ts',
      'core-imports src/core/c.ts ../ui/components/i18n.ts',
      'lower-layers src/core/c.ts ../ui/components/i18n.ts',
    ]);
  });

  it('flags a background module other than the wiring calling src/platform; types may come from there', () => {
    expect(
      rules([
        file('src/background/a/watch.ts', "import { probe } from '../../platform/probe.ts';\nimport type { ProbeResult } from '../../platform/probe.ts';"),
        file('src/background/b.ts', "import { type MenuItem, replaceMenus } from '../platform/context-menus.ts';"),
        file('src/background/c.ts', "const m = await import('../platform/tabs.ts');"),
        file(
          'src/background/ok.ts',
          "import type { ProbeResult } from '../platform/probe.ts';\nexport type { MenuClick } from '../platform/context-menus.ts';\nimport { decideRescue } from '../core/rescue.ts';",
        ),
        file('src/background/index.ts', "import { probe } from '../platform/probe.ts';"),
      ]),
    ).toEqual([
      'background-platform src/background/a/watch.ts ../../platform/probe.ts',
      'background-platform src/background/b.ts ../platform/context-menus.ts',
      'background-platform src/background/c.ts ../platform/tabs.ts',
    ]);
  });

  it('leaves test files out, and only test files', () => {
    expect(rules([file('src/core/a.test.ts', "import { readFileSync } from 'node:fs'; const d = document;")])).toEqual([]);
    expect(rules([file('src/core/a.testing.ts', "import { readFileSync } from 'node:fs';")])).toEqual(['core-imports src/core/a.testing.ts node:fs']);
  });
});

describe('importSpecifiers', () => {
  it.each([
    ["import a from './a.ts';", ['./a.ts']],
    ['import { a, b as c } from "./a.ts"', ['./a.ts']],
    ["import type { T } from './t.ts';", ['./t.ts']],
    ["import './style.css';", ['./style.css']],
    ["export * from './all.ts';", ['./all.ts']],
    ["export { x } from './x.ts';", ['./x.ts']],
    ["export * as ns from './ns.ts';", ['./ns.ts']],
    ["import {\n  a,\n  b,\n} from './multi.ts';", ['./multi.ts']],
    ["const m = import('./lazy.ts');", ['./lazy.ts']],
    ["// import x from './commented.ts';\n/* import('./also.ts') */", []],
    ["export const from = 'x'; export function f() { return 1; }", []],
    ['const s = \'import x from "./in-a-string.ts"\';', []],
  ])('%j -> %j', (source, expected) => {
    expect(importSpecifiers(source).sort()).toEqual([...expected].sort());
  });
});
