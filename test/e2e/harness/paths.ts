import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import manifest from '../../../manifest.json' with { type: 'json' };

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const DIST_CHROME = `${ROOT}dist/chrome`;
export const DIST_FIREFOX = `${ROOT}dist/firefox`;
export const CHROMIUM = '/usr/bin/chromium';
export const FIREFOX = '/usr/bin/firefox-esr';

/** The popup and options pages, where the manifest puts them (the fallback page: FALLBACK_PAGE_PATH in src/core/rescue/fallback-query.ts). */
export const POPUP_PAGE_PATH: string = manifest.action.default_popup;
export const OPTIONS_PAGE_PATH: string = manifest.options_ui.page;

/** The tests run the built extension, exactly what ships; say how to get it rather than fail obscurely. */
export function requireBuild(dir: string): string {
  if (!existsSync(`${dir}/manifest.json`)) throw new Error(`${dir} is not built: run \`npm run build\` first (npm test does it for you)`);
  return dir;
}
