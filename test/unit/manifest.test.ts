import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hostPermissions } from '../../src/core/catalog/index.ts';

const manifest = JSON.parse(readFileSync(new URL('../../manifest.json', import.meta.url), 'utf8')) as {
  permissions: string[];
  optional_permissions?: string[];
  optional_host_permissions?: string[];
  host_permissions: string[];
  content_scripts?: unknown;
  web_accessible_resources?: unknown;
};
const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

/** Every permission Detour asks for, each with the reason the README gives. */
const DOCUMENTED = ['storage', 'webRequest', 'alarms', 'notifications', 'contextMenus', 'scripting', 'declarativeNetRequestWithHostAccess'];
/** Asked for only when the user turns on "other sites that use Kakao" in the options page. */
const OPTIONAL_HOSTS_DOCUMENTED = ['*://*/*'];

describe('manifest.json', () => {
  it('asks for exactly the documented permissions', () => {
    expect([...manifest.permissions].sort()).toEqual([...DOCUMENTED].sort());
    for (const permission of DOCUMENTED) expect(readme, `README explains ${permission}`).toMatch(new RegExp(`^\\| \`${permission}\` \\| \\S`, 'm'));
  });

  it('asks for the optional permissions only as documented, each marked optional with its reason', () => {
    expect(manifest.optional_permissions).toBeUndefined();
    expect(manifest.optional_host_permissions ?? []).toEqual(OPTIONAL_HOSTS_DOCUMENTED);
    for (const permission of OPTIONAL_HOSTS_DOCUMENTED) {
      const escaped = permission.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
      expect(readme, `README explains ${permission}`).toMatch(new RegExp(`^\\| \`${escaped}\` \\(optional\\) \\| \\S`, 'm'));
    }
  });

  it("asks for host access to the catalogue's hosts only", () => {
    expect([...manifest.host_permissions].sort()).toEqual(hostPermissions().sort());
    expect(manifest.host_permissions.some((pattern) => pattern.includes('<all_urls>') || pattern.startsWith('*://*/'))).toBe(false);
  });

  it('declares nothing web-accessible, and no content script in the base manifest (the build adds the page script for Kakao pages only)', () => {
    expect(manifest.content_scripts).toBeUndefined();
    expect(manifest.web_accessible_resources).toBeUndefined();
  });
});
