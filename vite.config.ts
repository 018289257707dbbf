import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { build, defineConfig, type Plugin } from 'vite';
import manifestJson from './manifest.json' with { type: 'json' };
import packageJson from './package.json' with { type: 'json' };
import { INJECTED_SCRIPTS } from './scripts/bundle-files.ts';
import { serviceMatchPatterns } from './src/core/catalog/index.ts';
import { GECKO_ID } from './src/core/identity.ts';
import { PAGE_SCRIPT_FILE } from './src/core/page-script/scope.ts';
import { FALLBACK_PAGE_PATH } from './src/core/rescue/fallback-query.ts';
import { PRIVACY_PAGE, privacyPage } from './scripts/privacy-page.ts';

export type Target = 'chrome' | 'firefox';

export { GECKO_ID };

/** The version lives in package.json alone; every built manifest takes it from there. */
const baseManifest = { ...manifestJson, version: packageJson.version };

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
 * Scripts the background injects with scripting.executeScript (the banner on other sites' pages):
 * each built on its own as one self-contained IIFE file, emitted at a fixed path the background
 * names. Not through crxjs's `?script` imports: those make every injected script web-accessible to
 * every site (which would let any page detect Detour) and leave a shared chunk that splits the
 * Kakao-page content script in two.
 */
function injectedScripts(target: Target): Plugin {
  return {
    name: 'detour:injected-scripts',
    apply: 'build',
    async generateBundle() {
      for (const fileName of INJECTED_SCRIPTS) {
        const result = await build({
          configFile: false,
          logLevel: 'warn',
          mode: target,
          build: {
            write: false,
            target: 'es2022',
            lib: { entry: resolve(import.meta.dirname, fileName.replace(/\.js$/, '.ts')), formats: ['iife'], name: 'detour', fileName: () => fileName },
          },
        });
        const output = (Array.isArray(result) ? result : [result]).flatMap((built) => ('output' in built ? built.output : []));
        const entry = output.find((chunk) => chunk.type === 'chunk' && chunk.isEntry);
        if (entry?.type !== 'chunk' || output.length !== 1) this.error(`${fileName} did not build into one self-contained file`);
        if (/\.(innerHTML|outerHTML)\s*=(?!=)/.test(entry.code)) this.error(`${fileName} assigns innerHTML/outerHTML`);
        this.emitFile({ type: 'asset', fileName, source: entry.code });
      }
    },
  };
}

/**
 * Declares the page script for Kakao's own service pages, run when the page is idle. Added to the
 * manifest crxjs wrote (crxjs would otherwise wrap it in a loader that imports a web-accessible chunk).
 * Declared rather than injected from a tabs.onUpdated listener: that listener cannot be filtered in
 * Chromium, so every page load on every site woke the background; a declared script costs nothing
 * anywhere but on Kakao's pages, and the background only hears from it when there is something to say.
 */
function declarePageScript(): Plugin {
  return {
    name: 'detour:declare-page-script',
    apply: 'build',
    enforce: 'post',
    writeBundle: {
      order: 'post',
      sequential: true,
      handler(options) {
        const file = resolve(options.dir ?? '', 'manifest.json');
        const manifest = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
        manifest.content_scripts = [{ matches: serviceMatchPatterns(), js: [PAGE_SCRIPT_FILE], run_at: 'document_idle' }];
        writeFileSync(file, `${JSON.stringify(manifest, null, 2)}\n`);
      },
    },
  };
}

/** PRIVACY.md as a page of the package, linked from the options page (readable offline, always this version's). */
function privacyPolicyPage(): Plugin {
  const source = resolve(import.meta.dirname, 'PRIVACY.md');
  return {
    name: 'detour:privacy-page',
    apply: 'build',
    generateBundle() {
      this.addWatchFile(source);
      this.emitFile({ type: 'asset', fileName: PRIVACY_PAGE, source: privacyPage(readFileSync(source, 'utf8')) });
    },
  };
}

export default defineConfig(({ mode }) => {
  const target: Target = mode === 'firefox' ? 'firefox' : 'chrome';
  return {
    plugins: [preact(), forbidRawHtml(), crx({ manifest: manifestFor(target), browser: target }), injectedScripts(target), privacyPolicyPage(), declarePageScript()],
    build: {
      outDir: resolve(import.meta.dirname, 'dist', target),
      emptyOutDir: true,
      // Extension pages load from disk: no need for the size warnings aimed at web pages, but keep maps out of the package.
      sourcemap: false,
      target: 'es2022',
      rollupOptions: {
        input: { fallback: resolve(import.meta.dirname, FALLBACK_PAGE_PATH) },
      },
    },
    server: { port: 5173, strictPort: true, hmr: { port: 5174 } },
  };
});
