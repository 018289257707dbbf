import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { INJECTED_SCRIPTS, PAGE_SCRIPT, contentScriptFiles, readManifest, requireDist, shippedFiles } from '../../scripts/bundle-files.ts';
import { PAGE_SCRIPT_FILE } from '../../src/core/page-script/scope.ts';
import { serviceMatchPatterns } from '../../src/core/catalog/index.ts';
import { fallbackQuery, parseFallbackQuery } from '../../src/core/rescue/fallback-query.ts';

// Security checks on what ships: the built packages in dist/chrome and dist/firefox (npm test builds
// them first). Elsewhere, not repeated here:
// - the permissions equal the README's documented list, each with its reason: test/unit/manifest.test.ts;
// - every generated link is https on an allow-listed host or a catalogued app scheme:
//   src/core/translate/index.fuzz.test.ts (100,000 addresses) and isAllowedLink in index.test.ts;
// - the fallback page's query parser refuses non-catalogued addresses:
//   src/core/rescue/fallback-query.test.ts, and in the real browsers (a forged fallback address shows
//   no link): test/e2e/faults.e2e.ts.

const TARGETS = ['chrome', 'firefox'] as const;

/** Code that turns text into code, or fetches code from elsewhere. */
const FORBIDDEN_IN_JS: ReadonlyArray<readonly [string, RegExp]> = [
  ['eval(', /(?<![.\w$])eval\s*\(/],
  ['new Function(', /\bnew\s+Function\s*\(/],
  ['Function("…") called on a string', /(?<![.\w$])Function\s*\(\s*["'`]/],
  ['setTimeout/setInterval with a string', /\bset(?:Timeout|Interval)\s*\(\s*["'`]/],
  ['importScripts(', /\bimportScripts\s*\(/],
  ['import of a remote module', /\bimport\s*\(\s*["'`](?:https?:)?\/\/|\bfrom\s*["'`](?:https?:)?\/\//],
  ['remote <script src>', /<script\b[^>]*\bsrc\s*=\s*\\?["']?(?:https?:)?\/\//i],
];

const FORBIDDEN_IN_HTML: ReadonlyArray<readonly [string, RegExp]> = [
  ['remote <script src>', /<script\b[^>]*\bsrc\s*=\s*["']?(?:https?:)?\/\//i],
  ['inline <script> (MV3 pages allow only packaged scripts)', /<script\b(?![^>]*\bsrc=)[^>]*>/i],
  ['remote stylesheet or preload', /<link\b[^>]*\bhref\s*=\s*["']?(?:https?:)?\/\//i],
];

describe.each(TARGETS)('dist/%s', (target) => {
  const dist = requireDist(target);
  const manifest = readManifest(dist);
  const files = shippedFiles(dist);

  it('makes nothing web-accessible: no page can load or fingerprint a file of Detour', () => {
    expect(manifest.web_accessible_resources ?? []).toEqual([]);
  });

  it("declares one content script, the page script, on Kakao's own service pages only", () => {
    expect(manifest.content_scripts).toEqual([{ matches: serviceMatchPatterns(), js: [PAGE_SCRIPT_FILE], run_at: 'document_idle' }]);
    for (const pattern of manifest.content_scripts?.[0]?.matches ?? []) expect(pattern).toMatch(/^\*:\/\/(\*\.)?[a-z0-9.-]+\.(com|net|to)\/\*$/);
    // The file the background injects is the file the build ships, as one self-contained classic script.
    expect(PAGE_SCRIPT_FILE).toBe(PAGE_SCRIPT);
    expect([...contentScriptFiles(dist).keys()]).toEqual([PAGE_SCRIPT]);
    for (const file of INJECTED_SCRIPTS) {
      const source = readFileSync(`${dist}/${file}`, 'utf8');
      expect(source, file).not.toMatch(/\bimport\s*\(|^\s*import\s|\bexport\s/m);
    }
  });

  it("names nothing a page can see: the injected scripts set no id or class on the page's own DOM (issue 12, finding 8)", () => {
    for (const file of INJECTED_SCRIPTS) {
      const source = readFileSync(`${dist}/${file}`, 'utf8');
      // Inside a closed shadow root an id is private; on the host element it would be a fingerprint.
      expect(source, file).not.toMatch(/detour-banner-host|\bhost\.(?:id|className)\s*=|setAttribute\(\s*["'](?:id|class)["']/);
    }
  });

  it('ships no code that evaluates text or loads remote code', () => {
    const scripts = files.filter((file) => file.endsWith('.js'));
    const pages = files.filter((file) => file.endsWith('.html'));
    expect(scripts.length).toBeGreaterThan(5);
    expect(pages.length).toBeGreaterThanOrEqual(3);
    const found: string[] = [];
    for (const file of scripts) {
      const source = readFileSync(`${dist}/${file}`, 'utf8');
      for (const [what, pattern] of FORBIDDEN_IN_JS) if (pattern.test(source)) found.push(`${file}: ${what} (${source.match(pattern)![0]})`);
    }
    for (const file of pages) {
      const source = readFileSync(`${dist}/${file}`, 'utf8');
      for (const [what, pattern] of FORBIDDEN_IN_HTML) if (pattern.test(source)) found.push(`${file}: ${what}`);
    }
    expect(found).toEqual([]);
  });

  it('relaxes no content security policy and opens no door to pages or other extensions', () => {
    const csp = manifest.content_security_policy;
    // Absent means the browser's MV3 default: packaged scripts only, no eval, no remote code.
    const policies = csp === undefined ? [] : typeof csp === 'string' ? [csp] : Object.values(csp as Record<string, string>);
    for (const policy of policies) {
      expect(policy).not.toMatch(/unsafe-eval|unsafe-inline|wasm-unsafe-eval|https?:|\s\*|data:|blob:/);
    }
    expect(manifest.externally_connectable).toBeUndefined();
    expect(manifest.sandbox).toBeUndefined();
    expect(manifest.update_url, 'updates only through the stores').toBeUndefined();
    // Access to every site only as the optional permission the user grants from the options page
    // (README, Permissions); nothing required reaches beyond Kakao's hosts.
    const { optional_host_permissions: optionalHosts, optional_permissions: optionalApis, ...required } = manifest;
    expect(JSON.stringify(required)).not.toMatch(/<all_urls>|\*:\/\/\*\//);
    expect(optionalHosts).toEqual(['*://*/*']);
    expect(optionalApis).toBeUndefined();
  });

  it('ships the scripts it injects, and makes none of them web-accessible', () => {
    for (const file of INJECTED_SCRIPTS) expect(files, file).toContain(file);
    const exposed = (manifest.web_accessible_resources ?? []).flatMap((entry) => entry.resources);
    for (const file of INJECTED_SCRIPTS) expect(exposed, file).not.toContain(file);
  });
});

describe('the fallback page accepts only catalogued addresses', () => {
  // Shapes that src/core/rescue/fallback-query.test.ts does not try: the URL parser's tricks with
  // credentials, backslashes, ports, trailing dots and other schemes.
  const query = (url: string) => fallbackQuery({ service: 'kakaomap', url, cause: { kind: 'refused' } });
  it.each([
    ['credentials before a foreign host', 'https://map.kakao.com@evil.example/'],
    ['credentials and a port before a foreign host', 'https://map.kakao.com:443@evil.example/'],
    ['backslash ends the host', 'https://evil.example\\.map.kakao.com/'],
    ['a foreign host with the Kakao host in the path', 'https://evil.example/map.kakao.com/'],
    ['a foreign host with the Kakao host in the query', 'https://evil.example/?https://map.kakao.com/'],
    ['protocol-relative', '//evil.example/'],
    ['upper-case javascript:', 'JAVASCRIPT:alert(1)//map.kakao.com/'],
    ['blob:', 'blob:https://evil.example/0d1e2f'],
    ['file:', 'file:///map.kakao.com/'],
    ['the Kakao host as a subdomain of a foreign one', 'https://map.kakao.com.evil.example./'],
  ])('refuses %s', (_label, url) => {
    const parsed = parseFallbackQuery(query(url));
    expect(parsed.ok, JSON.stringify(parsed)).toBe(false);
  });

  it('accepts the catalogued address itself (so the refusals above mean something)', () => {
    expect(parseFallbackQuery(query('https://map.kakao.com/?q=x')).ok).toBe(true);
  });
});
