import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readManifest, requireDist } from '../../scripts/bundle-files.ts';
import { manifestFor } from '../../vite.config.ts';

/** The version lives in package.json alone; the manifests take it at build time. */
const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
const { version } = JSON.parse(read('package.json')) as { version: string };

describe('one source for the version', () => {
  it('is a plain x.y.z version, as both stores require', () => {
    expect(version).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('manifest.json does not carry a second copy', () => {
    expect(JSON.parse(read('manifest.json'))).not.toHaveProperty('version');
  });

  it('both derived manifests take it from package.json', () => {
    for (const target of ['chrome', 'firefox'] as const) expect((manifestFor(target) as { version?: string }).version, target).toBe(version);
  });

  it('the built packages carry it', () => {
    for (const target of ['chrome', 'firefox'] as const) expect(readManifest(requireDist(target)).version, target).toBe(version);
  });

  it('the CHANGELOG has an entry for it, at the top', () => {
    const first = read('CHANGELOG.md').match(/^## \[?(\d+\.\d+\.\d+)\]?/m);
    expect(first?.[1]).toBe(version);
  });
});
