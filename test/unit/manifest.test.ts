import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hostPermissions, serviceMatchPatterns } from '../../src/core/catalog/index.ts';

const manifest = JSON.parse(readFileSync(new URL('../../manifest.json', import.meta.url), 'utf8')) as {
  permissions: string[];
  optional_permissions?: string[];
  optional_host_permissions?: string[];
  host_permissions: string[];
  content_scripts: Array<{ matches: string[]; js: string[] }>;
  web_accessible_resources?: unknown;
};
const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

/** Every permission Detour asks for, each with the reason the README gives. */
const DOCUMENTED = ['storage', 'webRequest', 'alarms', 'notifications', 'contextMenus'];
/** Asked for only when the user turns on "other sites that use Kakao" in the options page. */
const OPTIONAL_DOCUMENTED = ['scripting'];
const OPTIONAL_HOSTS_DOCUMENTED = ['*://*/*'];

describe('manifest.json', () => {
  it('asks for exactly the documented permissions', () => {
    expect([...manifest.permissions].sort()).toEqual([...DOCUMENTED].sort());
    for (const permission of DOCUMENTED) expect(readme, `README explains ${permission}`).toMatch(new RegExp(`^\\| \`${permission}\` \\| \\S`, 'm'));
  });

  it('asks for the optional permissions only as documented, each marked optional with its reason', () => {
    expect(manifest.optional_permissions ?? []).toEqual(OPTIONAL_DOCUMENTED);
    expect(manifest.optional_host_permissions ?? []).toEqual(OPTIONAL_HOSTS_DOCUMENTED);
    for (const permission of [...OPTIONAL_DOCUMENTED, ...OPTIONAL_HOSTS_DOCUMENTED]) {
      const escaped = permission.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
      expect(readme, `README explains ${permission}`).toMatch(new RegExp(`^\\| \`${escaped}\` \\(optional\\) \\| \\S`, 'm'));
    }
    // None of them is also required: the user can take them back.
    for (const permission of OPTIONAL_DOCUMENTED) expect(manifest.permissions).not.toContain(permission);
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
