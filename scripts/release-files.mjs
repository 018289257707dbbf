// What goes into the release zips besides the built extension: the sources AMO reviews, and the
// reviewer's note on how to rebuild the package from them.
import { execFileSync } from 'node:child_process';
import { readFile, readdir } from 'node:fs/promises';
import { existsSync, statSync } from 'node:fs';
import { arch, platform } from 'node:os';
import { join, sep } from 'node:path';

/** Every file under dir, as zip entries named relative to it (forward slashes). */
export async function packDir(dir) {
  const entries = [];
  for (const name of (await readdir(dir, { recursive: true })).sort()) {
    const path = join(dir, name);
    if (statSync(path).isFile()) entries.push({ name: name.split(sep).join('/'), data: await readFile(path) });
  }
  return entries;
}

/** Not needed to rebuild the package: pictures for people (README, stores) and the project's own CI. */
const NOT_SOURCES = [/^docs\/.*\.png$/, /^\.ci\//];
/** Without git (an unpacked sources archive), everything but these. */
const NEVER = new Set(['node_modules', 'dist', '.git', 'test-results', 'demo-output', '.vite']);

/**
 * The files needed to rebuild the extension: in a git checkout, the files git tracks or would track
 * (its ignore rules keep node_modules and dist out); elsewhere every file outside NEVER.
 */
export async function sourceEntries(root) {
  let names;
  try {
    names = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
      .split('\0')
      .filter(Boolean);
  } catch {
    names = (await readdir(root, { recursive: true })).map((name) => name.split(sep).join('/')).filter((name) => !NEVER.has(name.split('/')[0]));
  }
  const files = [...new Set(names)].filter((name) => !NOT_SOURCES.some((pattern) => pattern.test(name)) && existsSync(join(root, name)) && statSync(join(root, name)).isFile());
  return Promise.all(files.sort().map(async (name) => ({ name, data: await readFile(join(root, name)) })));
}

function osName() {
  try {
    const release = execFileSync('sh', ['-c', '. /etc/os-release && echo "$PRETTY_NAME"'], { encoding: 'utf8' }).trim();
    if (release) return `${release} (${platform()} ${arch()})`;
  } catch {
    // Not Linux, or no os-release: the platform name will do.
  }
  return `${platform()} ${arch()}`;
}

function npmVersion() {
  try {
    return execFileSync('npm', ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'unknown';
  }
}

async function installedVersion(root, name) {
  try {
    return JSON.parse(await readFile(join(root, 'node_modules', name, 'package.json'), 'utf8')).version;
  } catch {
    return 'not installed';
  }
}

/** The note for addons.mozilla.org's reviewers: exactly where and how this package was built. */
export async function reviewerNotes(root, version) {
  const pkg = JSON.parse(await readFile(join(root, 'package.json'), 'utf8'));
  const shipped = await Promise.all(Object.keys(pkg.dependencies).map(async (name) => `- ${name} ${await installedVersion(root, name)}`));
  const tools = await Promise.all(['vite', '@crxjs/vite-plugin', '@preact/preset-vite', 'typescript'].map(async (name) => `${name} ${await installedVersion(root, name)}`));
  return `# Detour ${version}: notes for the addons.mozilla.org reviewer

The Firefox package (detour-firefox-${version}.zip) is built from TypeScript by vite; its JavaScript is
bundled and minified. The sources it was built from are in detour-sources-${version}.zip (the
repository at this version, without node_modules; pictures for the README left out).

## Build environment of this package

- Operating system: ${osName()}
- Node.js: ${process.version}
- npm: ${npmVersion()}
- Build tools (exact versions pinned in package-lock.json): ${tools.join(', ')}

## Rebuild it

\`\`\`sh
unzip detour-sources-${version}.zip -d detour && cd detour
npm ci          # installs the exact versions of package-lock.json from the npm registry
npm run build   # about 10 s; writes dist/
\`\`\`

Output: \`dist/firefox/\` is the add-on (the files of detour-firefox-${version}.zip), and
\`dist/detour-firefox-${version}.zip\` is the package itself. The build is deterministic: with the same
Node.js major version the zip is byte-identical to the uploaded one (\`cmp\` or \`sha256sum\` both), and
\`npm test\` checks that two builds match byte for byte. \`npm run build firefox\` builds Firefox alone.

## What is in the package

- Detour's own code: src/ (background, page script, extension pages). Entry points: manifest.json
  and vite.config.ts, which derives the Firefox manifest (event page, gecko id, data_collection_permissions).
- Third-party code, from npm, unmodified except as noted:
${shipped.join('\n')}
  preact's one raw-HTML path (dangerouslySetInnerHTML, unused by Detour) is replaced at build time by
  a function that throws (vite.config.ts, forbidRawHtml), so the package assigns innerHTML nowhere.
- No remote code, no eval, no analytics; the only network requests are the health probes to Kakao,
  Naver and Google described in PRIVACY.md.
`;
}
