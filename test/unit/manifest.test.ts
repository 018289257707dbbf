import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hostPermissions, serviceMatchPatterns } from '../../src/core/catalog/index.ts';

const manifest = JSON.parse(readFileSync(new URL('../../manifest.json', import.meta.url), 'utf8')) as {
  permissions: string[];
  optional_permissions?: string[];
  host_permissions: string[];
  content_scripts: Array<{ matches: string[]; js: string[] }>;
  web_accessible_resources?: unknown;
};
const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

/** Every permission Detour asks for, each with the reason the README gives. */
const DOCUMENTED = ['storage', 'webRequest', 'alarms', 'notifications', 'contextMenus'];

describe('manifest.json', () => {
  it('asks for exactly the documented permissions', () => {
    expect([...manifest.permissions].sort()).toEqual([...DOCUMENTED].sort());
    for (const permission of DOCUMENTED) expect(readme, `README explains ${permission}`).toMatch(new RegExp(`^\\| \`${permission}\` \\| \\S`, 'm'));
  });

  it("asks for host access to the catalogue's hosts only", () => {
    expect([...manifest.host_permissions].sort()).toEqual(hostPermissions().sort());
    expect(manifest.host_permissions.some((pattern) => pattern.includes('<all_urls>') || pattern.startsWith('*://*/'))).toBe(false);
  });

  it("runs its one content script on Kakao's own pages only", () => {
    expect(manifest.content_scripts).toHaveLength(1);
    expect([...manifest.content_scripts[0]!.matches].sort()).toEqual(serviceMatchPatterns().sort());
  });

  it('leaves web_accessible_resources to the build (content-script chunks only)', () => {
    expect(manifest.web_accessible_resources).toBeUndefined();
  });
});
