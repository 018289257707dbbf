import { crx, type CrxPlugin, type ManifestV3Export } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import baseManifest from './manifest.json' with { type: 'json' };
import { INJECTED_SCRIPTS } from './scripts/bundle-files.ts';

export type Target = 'chrome' | 'firefox';

/** Stable add-on id: storage, permissions and the test harness's fixed UUID hang on it. */
export const GECKO_ID = 'detour@detour-extension';

/** The one base manifest, with what each browser needs on top. */
export function manifestFor(target: Target): ManifestV3Export {
  if (target === 'chrome') return baseManifest as ManifestV3Export;
  return {
    ...baseManifest,
    // Firefox runs MV3 backgrounds as event pages, not service workers; crxjs expects scripts here.
    background: { scripts: [baseManifest.background.service_worker], type: 'module' },
    browser_specific_settings: {
      gecko: {
        id: GECKO_ID,
        strict_min_version: '140.0',
        // Detour collects and sends nothing; Firefox asks add-ons to say so in the manifest.
        data_collection_permissions: { required: ['none'] },
      },
      gecko_android: { strict_min_version: '142.0' },
    },
  } as unknown as ManifestV3Export;
}

/**
 * Detour never renders page or address text as HTML. This removes the one raw-HTML path in preact's
 * runtime (dangerouslySetInnerHTML, which Detour does not use) so it cannot be used by accident, and
 * fails the build if any shipped chunk still assigns innerHTML.
 */
function forbidRawHtml(): Plugin {
  const assignment = /\b([A-Za-z_$][\w$]*)\.innerHTML\s*=(?!=)\s*([A-Za-z_$][\w$]*)\.__html/g;
  return {
    name: 'detour:forbid-raw-html',
    transform(code, id) {
      if (!/[\\/]preact[\\/]dist[\\/]preact\.mjs/.test(id)) return undefined;
      const next = code.replace(assignment, 'function(){throw new Error("Detour: raw HTML is not rendered")}()');
      if (next === code) this.error('preact runtime changed: its innerHTML assignment was not found; review forbidRawHtml');
      return { code: next, map: null };
    },
    generateBundle(_, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type === 'chunk' && /\.(innerHTML|outerHTML)\s*=(?!=)/.test(chunk.code)) {
          this.error(`${chunk.fileName} assigns innerHTML/outerHTML`);
        }
      }
    },
  };
}

/**
 * An injected script needs no web-accessible entry: executeScript reads it from the package. crxjs
 * adds one for every `?script` import, open to every site, which would let any page detect Detour;
 * it is taken out here, with the intermediate chunk crxjs leaves behind unused.
 */
function keepInjectedScriptsPrivate(): CrxPlugin {
  const injected = new Set(INJECTED_SCRIPTS);
  const sources = INJECTED_SCRIPTS.map((file) => file.replace(/\.js$/, '.ts'));
  return {
    name: 'detour:injected-scripts-private',
    // After crxjs's own web_accessible_resources step.
    enforce: 'post',
    renderCrxManifest(manifest, bundle) {
      const entries = (manifest.web_accessible_resources ?? []).map((entry) => ({ ...entry, resources: entry.resources.filter((file) => !injected.has(file)) }));
      const kept = entries.filter((entry) => entry.resources.length > 0);
      for (const [key, chunk] of Object.entries(bundle)) {
        if (chunk.type !== 'chunk' || !sources.some((source) => chunk.facadeModuleId?.endsWith(source))) continue;
        const used = Object.values(bundle).some((other) => other.type === 'chunk' && (other.imports.includes(chunk.fileName) || other.dynamicImports.includes(chunk.fileName)));
        if (!used) delete bundle[key];
      }
      return { ...manifest, web_accessible_resources: kept.length > 0 ? kept : undefined };
    },
  };
}

export default defineConfig(({ mode }) => {
  const target: Target = mode === 'firefox' ? 'firefox' : 'chrome';
  return {
    plugins: [preact(), forbidRawHtml(), crx({ manifest: manifestFor(target), browser: target }), keepInjectedScriptsPrivate()],
    build: {
      outDir: resolve(import.meta.dirname, 'dist', target),
      emptyOutDir: true,
      // Extension pages load from disk: no need for the size warnings aimed at web pages, but keep maps out of the package.
      sourcemap: false,
      target: 'es2022',
      rollupOptions: {
        input: { fallback: resolve(import.meta.dirname, 'src/ui/fallback/index.html') },
      },
    },
    server: { port: 5173, strictPort: true, hmr: { port: 5174 } },
  };
});
