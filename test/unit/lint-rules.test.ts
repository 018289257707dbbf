import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * `npm run lint` (Biome, biome.json) carries the layering rules it can express and the HTML-sink ban
 * of eslint-plugin-no-unsanitized (lint/no-unsanitized.grit). Each rule is shown to fire here, on
 * synthetic files in a scratch copy of the configuration, and a clean file to pass.
 */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIOME = join(ROOT, 'node_modules/.bin/biome');

const FILES: Record<string, string> = {
  'src/core/polyfill.ts': "import browser from 'webextension-polyfill';\nexport const a = browser;\n",
  'src/core/upward.ts': "import { t } from '../platform/i18n.ts';\nexport const a = t;\n",
  'src/core/dom.ts': 'export const title = () => document.title;\n',
  'src/core/ui.ts': "import { h } from 'preact';\nexport const a = h;\n",
  'src/ui/popup/reach.ts': "import { x } from '../../background/health.ts';\nexport const a = x;\n",
  'src/platform/upward.ts': "import { x } from '../ui/components/i18n.ts';\nexport const a = x;\n",
  'src/content/sinks.ts': [
    'export function f(el: Element, frame: HTMLIFrameElement, s: string) {',
    '  el.innerHTML = s;',
    '  el.outerHTML = s;',
    "  el.insertAdjacentHTML('beforeend', s);",
    '  frame.srcdoc = s;',
    '  document.write(s);',
    '}',
    '',
  ].join('\n'),
  'src/ui/Raw.tsx': 'export const Raw = ({ s }: { s: string }) => <div dangerouslySetInnerHTML={{ __html: s }} />;\n',
  'src/platform/browser.ts': "import browser from 'webextension-polyfill';\nexport default browser;\n",
  'src/core/clean.ts': 'export const a = (el: { textContent: string }, s: string) => {\n  el.textContent = s;\n};\n',
};

let dir = '';
let found: Map<string, string[]>;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'detour-lint-'));
  const config = JSON.parse(readFileSync(join(ROOT, 'biome.json'), 'utf8')) as Record<string, unknown>;
  delete config.$schema;
  writeFileSync(join(dir, 'biome.json'), JSON.stringify(config));
  cpSync(join(ROOT, 'lint'), join(dir, 'lint'), { recursive: true });
  for (const [path, source] of Object.entries(FILES)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), source);
  }
  const result = spawnSync(BIOME, ['lint', '--vcs-enabled=false', '--reporter=json', '--max-diagnostics=none'], { cwd: dir, encoding: 'utf8' });
  const report = JSON.parse(result.stdout) as { diagnostics: Array<{ category: string; location: { path: string } }> };
  found = new Map();
  for (const { category, location } of report.diagnostics) found.set(location.path, [...(found.get(location.path) ?? []), category]);
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('lint rules (biome.json)', () => {
  it('src/core imports neither the browser API, nor a higher layer, nor the UI library', () => {
    expect(found.get('src/core/polyfill.ts')).toContain('lint/style/noRestrictedImports');
    expect(found.get('src/core/upward.ts')).toContain('lint/style/noRestrictedImports');
    expect(found.get('src/core/ui.ts')).toContain('lint/style/noRestrictedImports');
  });

  it('src/core uses no DOM or extension global', () => {
    expect(found.get('src/core/dom.ts')).toContain('lint/style/noRestrictedGlobals');
  });

  it('pages never import the background; platform never imports ui or background', () => {
    expect(found.get('src/ui/popup/reach.ts')).toContain('lint/style/noRestrictedImports');
    expect(found.get('src/platform/upward.ts')).toContain('lint/style/noRestrictedImports');
  });

  it('every HTML sink of eslint-plugin-no-unsanitized is reported, once each', () => {
    expect(found.get('src/content/sinks.ts')?.filter((category) => category === 'plugin')).toHaveLength(5);
    expect(found.get('src/ui/Raw.tsx')).toContain('plugin');
  });

  it('passes clean code, and the one file allowed to import the polyfill', () => {
    expect(found.get('src/core/clean.ts')).toBeUndefined();
    expect(found.get('src/platform/browser.ts')).toBeUndefined();
  });
});
