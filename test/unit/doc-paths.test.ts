import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * Every repository path the documents name exists: a renamed or moved file must take its mentions
 * along. The checker works on text, so each way of naming a path is also shown below on a synthetic
 * document, stale and current.
 */

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The documents whose paths are checked: the root guides and everything under docs/. */
function documents(): string[] {
  const root = ['README.md', 'README.ko.md', 'CONTRIBUTING.md', 'SECURITY.md', 'PRIVACY.md'];
  const walk = (dir: string): string[] =>
    readdirSync(`${ROOT}${dir}`).flatMap((name) => {
      const path = `${dir}/${name}`;
      return statSync(`${ROOT}${path}`).isDirectory() ? walk(path) : path.endsWith('.md') ? [path] : [];
    });
  return [...root, ...walk('docs')];
}

/** Folders that hold build or run outputs, named in the documents but not in the repository (.gitignore). */
function generatedRoots(): Set<string> {
  const ignored = readFileSync(`${ROOT}.gitignore`, 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.endsWith('/') && !line.startsWith('#') && !line.includes('*'))
    .map((line) => line.replace(/^\//, '').replace(/\/$/, ''));
  return new Set(ignored);
}

interface Context {
  /** Names at the top of the repository (src, test, manifest.json, ...): a path starting with one is the repository's. */
  readonly topLevel: ReadonlySet<string>;
  /** Top-level folders of outputs (dist, demo-output): never checked. */
  readonly generated: ReadonlySet<string>;
}

interface Mention {
  /** The path as resolved from the repository root ("src/core/health/trust.ts", "docs/store/"). */
  readonly path: string;
  /** Other places it may be instead (a guide named without its folder: the root or docs/). */
  readonly or?: readonly string[];
  /** Where the document names it, for the failure message. */
  readonly where: string;
}

/** Extensions of the files a document may name (not ".js": "Node.js" is no file here, and built .js files live in dist/). */
const FILE_EXTENSION = /\.(ts|tsx|mts|mjs|cjs|json|md|css|html|grit|tsv|png|svg|ya?ml)$/;
/** A path as documents write it: segments of name characters, "|" for alternatives (`public/_locales/ko|en`). */
const PATH_SHAPE = /^\.?[\w@|-][\w.@|-]*(\/[\w.@|-]+)*\/?$/;

/** The token without the punctuation prose puts around it. */
function trimToken(token: string): string {
  return token.replace(/^[("'[]+/, '').replace(/[)"',;:.\]]+$/, '');
}

/** "src/ui/popup|options/" -> "src/ui/popup/", "src/ui/options/". */
function expand(path: string): string[] {
  return path.split('/').reduce<string[]>(
    (prefixes, segment, index) => {
      const choices = segment.split('|');
      return prefixes.flatMap((prefix) => choices.map((choice) => (index === 0 ? choice : `${prefix}/${choice}`)));
    },
    [''],
  );
}

const firstSegment = (path: string) => path.split('/')[0]!;

/** Whether the token is written like a path at all (no address, glob, placeholder, query or ellipsis). */
function pathLike(token: string): boolean {
  return PATH_SHAPE.test(token) && !token.includes('..') && !token.includes('://');
}

/** A path written from the repository root: it starts with one of the repository's top-level names. */
function rooted(token: string, context: Context): boolean {
  return pathLike(token) && expand(token).every((path) => context.topLevel.has(firstSegment(path)));
}

/** Inline code (`...`) and fenced blocks of one Markdown document, apart. */
function split(markdown: string): { inline: string[]; fences: Array<{ info: string; lines: string[] }>; prose: string } {
  const fences: Array<{ info: string; lines: string[] }> = [];
  const outside: string[] = [];
  let open: { info: string; lines: string[] } | undefined;
  for (const line of markdown.split('\n')) {
    const fence = line.match(/^\s*```(.*)$/);
    if (fence) {
      if (open) {
        fences.push(open);
        open = undefined;
      } else open = { info: fence[1]!.trim(), lines: [] };
      continue;
    }
    if (open) open.lines.push(line);
    else outside.push(line);
  }
  const prose = outside.join('\n');
  const inline = [...prose.matchAll(/`([^`\n]+)`/g)].map((match) => match[1]!.trim());
  return { inline, fences, prose };
}

/**
 * A code map (a fence without a language): each entry line names a path at its start, relative to
 * the nearest entry above it that is less indented and ends in "/"; its description may name files
 * of that entry's folder by their bare names ("loads.ts", "parse/"), or paths from the root.
 */
function codeMapMentions(lines: readonly string[], context: Context, where: string): Mention[] {
  const mentions: Mention[] = [];
  /** Open folders, by indentation. */
  const parents: Array<{ indent: number; dir: string }> = [];
  /** The folder the current entry's description speaks from. */
  let here = '';
  for (const [index, line] of lines.entries()) {
    const at = `${where} (code map line ${index + 1})`;
    const indent = line.length - line.trimStart().length;
    const [first = '', ...rest] = line.trim().split(/\s+/);
    let words = rest;
    // An entry starts near the left edge; deeper lines continue the description above.
    if (line.trim() !== '' && indent < 8) {
      while (parents.length > 0 && parents[parents.length - 1]!.indent >= indent) parents.pop();
      const entry = trimToken(first);
      const parent = indent === 0 ? '' : (parents[parents.length - 1]?.dir ?? '');
      if (pathLike(entry) && (entry.includes('/') || FILE_EXTENSION.test(entry) || rooted(entry, context))) {
        const full = rooted(entry, context) && indent === 0 ? entry : `${parent}${entry}`;
        for (const path of expand(full)) mentions.push({ path, where: at });
        here = full.endsWith('/') ? full : posix.dirname(full) === '.' ? '' : `${posix.dirname(full)}/`;
        if (full.endsWith('/')) parents.push({ indent, dir: full });
      } else {
        words = [first, ...rest];
        here = parent;
      }
    } else {
      words = line.trim().split(/\s+/);
    }
    for (const word of words.map(trimToken)) {
      if (rooted(word, context)) {
        for (const path of expand(word)) mentions.push({ path, where: at });
      } else if (here && pathLike(word) && /^[\w.@|-]+\/?$/.test(word) && (FILE_EXTENSION.test(word) || (word.endsWith('/') && !word.includes('.')))) {
        for (const path of expand(`${here}${word}`)) mentions.push({ path, where: at });
      }
    }
  }
  return mentions;
}

/** The repository paths one document names, resolved from the root. */
function mentionedPaths(file: string, markdown: string, context: Context): Mention[] {
  const { inline, fences, prose } = split(markdown);
  const mentions: Mention[] = [];
  for (const code of inline) {
    const token = trimToken(code);
    // `src/core/health/trust.ts`, `scripts/zip.mjs`, `docs/store/`, `PRIVACY.md`; a bare `foo.ts` says nothing of where it is.
    if (rooted(token, context) || (pathLike(token) && token.includes('/') && FILE_EXTENSION.test(token))) {
      for (const path of expand(token)) mentions.push({ path, where: `${file}: \`${code}\`` });
    }
  }
  for (const fence of fences) {
    if (fence.info === '') mentions.push(...codeMapMentions(fence.lines, context, file));
    else {
      // Commands: only what is plainly a path from the root (`npm test  # dist/chrome ...` names outputs).
      for (const word of fence.lines.join(' ').split(/\s+/).map(trimToken)) {
        if (rooted(word, context)) for (const path of expand(word)) mentions.push({ path, where: `${file} (${fence.info} block): ${word}` });
      }
    }
  }
  // Links and images, relative to the document: [PRIVACY.md](PRIVACY.md), ![..](docs/screenshots/x.png).
  for (const match of prose.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)) {
    const target = match[1]!.split('#')[0]!;
    if (target === '' || /^[a-z][a-z0-9+.-]*:/i.test(target)) continue;
    mentions.push({ path: posix.normalize(posix.join(posix.dirname(file), decodeURIComponent(target))), where: `${file}: link (${match[1]})` });
  }
  // A guide named in passing ("see ARCHITECTURE.md") must exist too, at the root or in docs/.
  for (const match of prose.matchAll(/(?<![\w/.-])([A-Z][A-Z0-9_-]*\.md)\b/g)) {
    const name = match[1]!;
    mentions.push({ path: name, or: [`docs/${name}`], where: `${file}: ${name}` });
  }
  return mentions.filter((mention) => !context.generated.has(firstSegment(mention.path)));
}

/** The mentions whose path the repository does not have ("x/" must be a folder). */
function missing(mentions: readonly Mention[], exists: (path: string) => 'file' | 'dir' | undefined): Mention[] {
  const present = (path: string) => {
    const kind = exists(path.replace(/\/$/, ''));
    return kind !== undefined && (!path.endsWith('/') || kind === 'dir');
  };
  return mentions.filter(({ path, or = [] }) => ![path, ...or].some(present));
}

function onDisk(path: string): 'file' | 'dir' | undefined {
  const full = `${ROOT}${path}`;
  if (!existsSync(full)) return undefined;
  return statSync(full).isDirectory() ? 'dir' : 'file';
}

function repositoryContext(): Context {
  const generated = generatedRoots();
  const topLevel = new Set(readdirSync(ROOT).filter((name) => name !== '.git' && !generated.has(name)));
  return { topLevel, generated };
}

describe('paths named in the documents', () => {
  const context = repositoryContext();

  it.each(documents())('%s names only paths the repository has', (file) => {
    const mentions = mentionedPaths(file, readFileSync(`${ROOT}${file}`, 'utf8'), context);
    expect(missing(mentions, onDisk).map((mention) => `${mention.where} -> ${mention.path}`)).toEqual([]);
  });

  it('finds the paths that are there (so "nothing missing" means something)', () => {
    const named = documents().flatMap((file) => mentionedPaths(file, readFileSync(`${ROOT}${file}`, 'utf8'), context).map((mention) => mention.path));
    expect(named).toContain('src/core/health/trust.ts');
    expect(named).toContain('scripts/zip.mjs');
    expect(named).toContain('src/background/rescue/loads.ts');
    expect(named).toContain('docs/ARCHITECTURE.md');
    expect(named).toContain('test/unit/architecture.test.ts');
  });
});

describe('the path checker', () => {
  const context: Context = { topLevel: new Set(['src', 'test', 'scripts', 'docs', 'public', 'manifest.json', 'PRIVACY.md', '.ci']), generated: new Set(['dist', 'demo-output']) };
  const tree = new Map<string, 'file' | 'dir'>([
    ['src', 'dir'],
    ['src/core', 'dir'],
    ['src/core/rescue', 'dir'],
    ['src/core/rescue/decide.ts', 'file'],
    ['src/ui', 'dir'],
    ['src/ui/popup', 'dir'],
    ['src/ui/options', 'dir'],
    ['src/platform', 'dir'],
    ['src/platform/browser.ts', 'file'],
    ['scripts', 'dir'],
    ['scripts/zip.mjs', 'file'],
    ['docs', 'dir'],
    ['docs/ARCHITECTURE.md', 'file'],
    ['docs/shot.png', 'file'],
    ['public/_locales/ko', 'dir'],
    ['public/_locales/en', 'dir'],
    ['manifest.json', 'file'],
    ['PRIVACY.md', 'file'],
    ['.ci/run', 'file'],
  ]);
  const gaps = (markdown: string, file = 'README.md') => missing(mentionedPaths(file, markdown, context), (path) => tree.get(path)).map((mention) => mention.path);

  it('flags a stale inline path and passes the current one', () => {
    expect(gaps('The rule is in `src/core/rescue.ts`.')).toEqual(['src/core/rescue.ts']);
    expect(gaps('The rule is in `src/core/rescue/decide.ts`, run by `.ci/run`.')).toEqual([]);
  });

  it('wants a folder where the path ends in /', () => {
    expect(gaps('See `src/core/rescue/decide.ts/`.')).toEqual(['src/core/rescue/decide.ts/']);
    expect(gaps('See `src/core/rescue/`.')).toEqual([]);
  });

  it('ignores addresses, globs, placeholders, bare names and outputs', () => {
    expect(
      gaps(
        [
          '`https://map.kakao.com/favicon.ico`, `chrome://extensions`, `cafe.daum.net/mycafe`, `/link/map/ID`,',
          '`dist/detour-chrome-<version>.zip`, `docs/store/screenshot-*-en.png`, `test/e2e/<file>.e2e.ts`, `dist/chrome`,',
          '`demo-output/`, `foo.ts`, `w=tot/news`, `applink…/place?id=`, `src/content/../core/x.ts`',
        ].join('\n'),
      ),
    ).toEqual([]);
  });

  it('checks links relative to the document, and guides named in passing', () => {
    expect(gaps('[policy](PRIVACY.md), ![shot](docs/shot.png), [web](https://x.org/a.md), [here](#layers)')).toEqual([]);
    expect(gaps('[map](ARCHITECTURE.md#layers) ![s](shot.png)', 'docs/GUIDE.md')).toEqual([]);
    expect(gaps('[gone](docs/OLD.md)')).toEqual(['docs/OLD.md']);
    expect(gaps('Read STYLE.md first; ARCHITECTURE.md has the rest.')).toEqual(['STYLE.md']);
  });

  it('reads a code map relative to its folders, with alternatives and bare names in descriptions', () => {
    const map = [
      '```',
      'manifest.json      base manifest',
      'src/core/          pure',
      '  rescue/          decide.ts; gone.ts',
      '  rescue.ts        stale',
      'src/ui/popup|options/   pages',
      'src/platform/      browser.ts is the only importer',
      '                   of the polyfill (see scripts/zip.mjs, old/)',
      'public/_locales/ko|en   strings',
      '```',
    ].join('\n');
    expect(gaps(map)).toEqual(['src/core/rescue/gone.ts', 'src/core/rescue.ts', 'src/platform/old/']);
  });

  it('checks only rooted paths in command blocks', () => {
    expect(gaps(['```sh', 'npm ci && npm run build   # dist/chrome, dist/firefox', 'node scripts/zip.mjs scripts/unzip.mjs', '```'].join('\n'))).toEqual(['scripts/unzip.mjs']);
  });
});
