// Makes sure Debian's Chromium and firefox-esr (with Korean language packs and a Hangul font, for the
// Korean UI tests and legible screenshots) are installed, installing what is missing with apt-get.
import { execFileSync, spawnSync } from 'node:child_process';

const PACKAGES = ['chromium', 'chromium-l10n', 'firefox-esr', 'firefox-esr-l10n-ko', 'fonts-nanum'];

function installed(pkg) {
  const result = spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' });
  return result.status === 0 && result.stdout.includes('install ok installed');
}

export function ensureBrowsers() {
  const missing = PACKAGES.filter((pkg) => !installed(pkg));
  if (missing.length === 0) return;
  const isRoot = process.getuid?.() === 0;
  const hasSudo = spawnSync('sudo', ['-n', 'true']).status === 0;
  if (!isRoot && !hasSudo) {
    throw new Error(`missing Debian packages: ${missing.join(' ')}. Install them as root: apt-get update && apt-get install -y ${missing.join(' ')}`);
  }
  const run = (args) => execFileSync(isRoot ? args[0] : 'sudo', isRoot ? args.slice(1) : args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  console.log(`installing ${missing.join(' ')} with apt-get (about a minute)`);
  run(['apt-get', 'update', '-qq']);
  run(['apt-get', 'install', '-y', '-qq', '--no-install-recommends', ...missing]);
}

if (import.meta.url === `file://${process.argv[1]}`) ensureBrowsers();
