import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SyntaxKind, type Node, type SourceFile } from 'typescript/unstable/ast';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseSources } from '../support/parse.ts';

/**
 * Every string the user reads comes from _locales, in Korean and English. The checks read the
 * source's syntax tree (the TypeScript compiler's own parser), so quoting, JSX and templates are
 * seen as the compiler sees them; each rule is also shown to fail on a synthetic sample below.
 */

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const LOCALES = ['ko', 'en'] as const;

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}

const repoPath = (file: string) => relative(ROOT, file).split(sep).join('/');
const isTest = (path: string) => /\.test\.tsx?$/.test(path);

/** Every non-test source under src/, by repository path. */
const SOURCES = new Map(
  walk(join(ROOT, 'src'))
    .filter((file) => /\.tsx?$/.test(file) && !isTest(file))
    .map((file) => [repoPath(file), readFileSync(file, 'utf8')] as const),
);
/** What the user sees is drawn by the pages (src/ui) and the content script (src/content). */
const isUserFacing = (path: string) => path.startsWith('src/ui/') || path.startsWith('src/content/');

const catalogs = Object.fromEntries(LOCALES.map((locale) => [locale, JSON.parse(readFileSync(join(ROOT, 'public', '_locales', locale, 'messages.json'), 'utf8')) as Record<string, unknown>]));
const CATALOG_KEYS = Object.keys(catalogs.ko!);

// ---------------------------------------------------------------------------------------------
// Hard-coded text

interface Finding {
  readonly file: string;
  readonly line: number;
  readonly what: string;
}

const LETTER = /\p{L}/u;
const HANGUL = /[\u1100-\u11FF\u3130-\u318F\uA960-\uA97F\uAC00-\uD7AF\uD7B0-\uD7FF]/;
/** Attributes a person reads or hears (tooltips, labels for screen readers, placeholders). */
const VISIBLE_ATTRIBUTES = new Set(['aria-label', 'aria-description', 'aria-placeholder', 'aria-roledescription', 'aria-valuetext', 'title', 'placeholder', 'alt', 'label']);
/** DOM properties that put text in front of the user. */
const VISIBLE_PROPERTIES = new Set(['textContent', 'innerText', 'title', 'placeholder', 'alt', 'label', 'ariaLabel', 'ariaDescription', 'ariaPlaceholder', 'ariaRoleDescription', 'ariaValueText']);
/** Calls that insert their string arguments into the page as text. */
const TEXT_INSERTING_METHODS = new Set(['append', 'prepend', 'replaceChildren', 'before', 'after', 'replaceWith', 'createTextNode']);
/** Local helpers that set an element's text: name -> index of the text argument (the banner's `el(tag, text, class)`). */
const TEXT_HELPERS: ReadonlyMap<string, number> = new Map([['el', 1]]);

const TEXT_OPERATORS = new Set([SyntaxKind.AmpersandAmpersandToken, SyntaxKind.BarBarToken, SyntaxKind.QuestionQuestionToken, SyntaxKind.PlusToken]);

/** The literal text an expression can evaluate to, where it is written in place (not keys passed to t()). */
function literalTexts(node: Node | undefined): string[] {
  if (!node) return [];
  switch (node.kind) {
    case SyntaxKind.StringLiteral:
    case SyntaxKind.NoSubstitutionTemplateLiteral:
      return [(node as unknown as { text: string }).text];
    case SyntaxKind.TemplateExpression: {
      const template = node as unknown as { head: { text: string }; templateSpans: ReadonlyArray<{ literal: { text: string } }> };
      return [template.head.text, ...template.templateSpans.map((span) => span.literal.text)];
    }
    case SyntaxKind.ParenthesizedExpression:
      return literalTexts((node as unknown as { expression: Node }).expression);
    case SyntaxKind.ConditionalExpression: {
      const conditional = node as unknown as { whenTrue: Node; whenFalse: Node };
      return [...literalTexts(conditional.whenTrue), ...literalTexts(conditional.whenFalse)];
    }
    case SyntaxKind.BinaryExpression: {
      const binary = node as unknown as { left: Node; right: Node; operatorToken: Node };
      return TEXT_OPERATORS.has(binary.operatorToken.kind) ? [...literalTexts(binary.left), ...literalTexts(binary.right)] : [];
    }
    default:
      return [];
  }
}

const hasLetters = (texts: readonly string[]) => texts.some((text) => LETTER.test(text));
const quote = (text: string) => JSON.stringify(text.trim().length > 40 ? `${text.trim().slice(0, 40)}…` : text.trim());
const nameOf = (node: Node | undefined): string | undefined =>
  node && (node.kind === SyntaxKind.Identifier || node.kind === SyntaxKind.PrivateIdentifier) ? (node as unknown as { text: string }).text : undefined;

/** Hard-coded user-visible text in one file: JSX text, visible attributes, DOM text, and any Korean at all. */
function hardCodedText(path: string, file: SourceFile): Finding[] {
  const findings: Finding[] = [];
  // One finding per piece of text: a literal inside an attribute already flagged is not flagged again.
  const flagged: Array<readonly [number, number]> = [];
  const flag = (node: Node, what: string) => {
    const start = node.getStart(file);
    if (flagged.some(([from, to]) => start >= from && start < to)) return;
    flagged.push([start, node.end]);
    findings.push({ file: path, line: file.getLineAndCharacterOfPosition(start).line + 1, what });
  };

  const visit = (node: Node): void => {
    switch (node.kind) {
      case SyntaxKind.JsxText: {
        const text = (node as unknown as { text: string }).text;
        if (LETTER.test(text)) flag(node, `JSX text ${quote(text)}`);
        break;
      }
      case SyntaxKind.JsxExpression: {
        const parent = node.parent;
        if (parent && (parent.kind === SyntaxKind.JsxElement || parent.kind === SyntaxKind.JsxFragment)) {
          const texts = literalTexts((node as unknown as { expression?: Node }).expression);
          if (hasLetters(texts)) flag(node, `JSX text ${quote(texts.join(''))}`);
        }
        break;
      }
      case SyntaxKind.JsxAttribute: {
        const attribute = node as unknown as { name: Node; initializer?: Node };
        const name = attribute.name.getText(file);
        if (!VISIBLE_ATTRIBUTES.has(name)) break;
        const value = attribute.initializer?.kind === SyntaxKind.JsxExpression ? (attribute.initializer as unknown as { expression?: Node }).expression : attribute.initializer;
        const texts = literalTexts(value);
        if (hasLetters(texts)) flag(node, `${name}=${quote(texts.join(''))}`);
        break;
      }
      case SyntaxKind.BinaryExpression: {
        const binary = node as unknown as { left: Node; right: Node; operatorToken: Node };
        if (binary.operatorToken.kind !== SyntaxKind.EqualsToken || binary.left.kind !== SyntaxKind.PropertyAccessExpression) break;
        const property = nameOf((binary.left as unknown as { name: Node }).name);
        const texts = literalTexts(binary.right);
        if (property && VISIBLE_PROPERTIES.has(property) && hasLetters(texts)) flag(node, `.${property} = ${quote(texts.join(''))}`);
        break;
      }
      case SyntaxKind.CallExpression: {
        const call = node as unknown as { expression: Node; arguments: readonly Node[] };
        const callee = call.expression.kind === SyntaxKind.PropertyAccessExpression ? nameOf((call.expression as unknown as { name: Node }).name) : nameOf(call.expression);
        if (!callee) break;
        let texts: string[] = [];
        if (callee === 'setAttribute' && VISIBLE_ATTRIBUTES.has(literalTexts(call.arguments[0]).join(''))) texts = literalTexts(call.arguments[1]);
        else if (TEXT_INSERTING_METHODS.has(callee)) texts = call.arguments.flatMap((argument) => literalTexts(argument));
        else if (TEXT_HELPERS.has(callee)) texts = literalTexts(call.arguments[TEXT_HELPERS.get(callee)!]);
        if (hasLetters(texts)) flag(node, `${callee}(${quote(texts.join(''))})`);
        break;
      }
      case SyntaxKind.StringLiteral:
      case SyntaxKind.NoSubstitutionTemplateLiteral:
      case SyntaxKind.TemplateHead:
      case SyntaxKind.TemplateMiddle:
      case SyntaxKind.TemplateTail: {
        // Korean in the UI's code is always a user-visible string that belongs in _locales/ko.
        const text = (node as unknown as { text: string }).text;
        if (HANGUL.test(text)) flag(node, `Korean text ${quote(text)}`);
        break;
      }
      default:
        break;
    }
    node.forEachChild((child) => {
      visit(child);
    });
  };
  visit(file);
  return findings;
}

const report = (findings: readonly Finding[]) => findings.map((finding) => `${finding.file}:${finding.line}: ${finding.what}`);

// ---------------------------------------------------------------------------------------------
// Message keys

/** Functions whose argument at this index is a message key. */
const KEY_ARGUMENTS: ReadonlyMap<string, number> = new Map([
  ['t', 0],
  ['getMessage', 0],
  ['prepareDocument', 0],
  ['prepareLanguage', 1],
  ['onSettingsChange', 0],
]);

/** String constants of a file (`const TITLE_KEY = 'extName'`), so a key passed by name is still seen. */
function stringConstants(file: SourceFile): Map<string, string> {
  const constants = new Map<string, string>();
  const visit = (node: Node): void => {
    if (node.kind === SyntaxKind.VariableDeclaration) {
      const declaration = node as unknown as { name: Node; initializer?: Node };
      const name = nameOf(declaration.name);
      if (name && declaration.initializer?.kind === SyntaxKind.StringLiteral) constants.set(name, (declaration.initializer as unknown as { text: string }).text);
    }
    node.forEachChild((child) => {
      visit(child);
    });
  };
  visit(file);
  return constants;
}

/** Keys passed to t() and its kin, as literals or as a file's string constants. */
function keysAskedFor(path: string, file: SourceFile): Array<{ key: string; where: string }> {
  const constants = stringConstants(file);
  const found: Array<{ key: string; where: string }> = [];
  const visit = (node: Node): void => {
    if (node.kind === SyntaxKind.CallExpression) {
      const call = node as unknown as { expression: Node; arguments: readonly Node[] };
      const callee = call.expression.kind === SyntaxKind.PropertyAccessExpression ? nameOf((call.expression as unknown as { name: Node }).name) : nameOf(call.expression);
      const index = callee === undefined ? undefined : KEY_ARGUMENTS.get(callee);
      const argument = index === undefined ? undefined : call.arguments[index];
      const key = argument?.kind === SyntaxKind.StringLiteral ? (argument as unknown as { text: string }).text : constants.get(nameOf(argument) ?? '');
      if (key !== undefined) found.push({ key, where: `${path}:${file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1}` });
    }
    node.forEachChild((child) => {
      visit(child);
    });
  };
  visit(file);
  return found;
}

/** Every string literal of a file (keys also live in tables: CAUSE_KEYS, WORD_KEYS, { key: 'carrySearch' }). */
function stringLiterals(file: SourceFile): string[] {
  const found: string[] = [];
  const visit = (node: Node): void => {
    if (node.kind === SyntaxKind.StringLiteral || node.kind === SyntaxKind.NoSubstitutionTemplateLiteral) found.push((node as unknown as { text: string }).text);
    node.forEachChild((child) => {
      visit(child);
    });
  };
  visit(file);
  return found;
}

/** The lower-case head of a camelCase key ("popup" of "popupCheckNow"): the families of keys. */
const familyOf = (name: string) => /^([a-z]+)[A-Z][A-Za-z0-9]*$/.exec(name)?.[1];
const FAMILIES = new Set(CATALOG_KEYS.flatMap((key) => familyOf(key) ?? []));

/**
 * Literals that look like message keys of a family but are something else, each with its reason.
 * A key used only through a table is caught by the family rule; a lookalike must be named here.
 */
const NOT_KEYS: ReadonlyMap<string, string> = new Map([['bannerSnoozed', 'session storage key of the banner snoozes (src/core/storage-keys.ts)']]);

/** Keys built at run time, so no literal names them; their existence is tested where they are built. */
const BUILT_AT_RUN_TIME: ReadonlyArray<readonly [RegExp, string]> = [[/^guide_[a-z]+$/, 'guide_<alternative id>: src/core/translate/link-label.ts, test/unit/guidance-locales.test.ts']];

// ---------------------------------------------------------------------------------------------

describe('user-visible strings', () => {
  let parsed: Map<string, SourceFile>;
  beforeAll(() => {
    parsed = parseSources(SOURCES);
  }, 30_000);

  it('parses the UI and the content script (so "nothing found" means something)', () => {
    const paths = [...parsed.keys()].filter(isUserFacing);
    expect(paths).toEqual(expect.arrayContaining(['src/ui/popup/Popup.tsx', 'src/ui/options/Options.tsx', 'src/ui/fallback/FallbackPage.tsx', 'src/content/banner.ts']));
    expect(paths.filter((path) => path.endsWith('.tsx')).length).toBeGreaterThanOrEqual(8);
  });

  it('hard-codes no user-visible text in src/ui or src/content: every string comes from _locales', () => {
    const findings = [...parsed].filter(([path]) => isUserFacing(path)).flatMap(([path, file]) => hardCodedText(path, file));
    expect(report(findings)).toEqual([]);
  });

  it('asks only for keys that exist in ko and en', () => {
    const asked = [...parsed].flatMap(([path, file]) => keysAskedFor(path, file));
    expect(asked.length).toBeGreaterThan(60);
    expect(asked.map(({ key }) => key)).toEqual(expect.arrayContaining(['extName', 'optionsTitle', 'popupCheckNow', 'langCode', 'historyLast24h']));
    const missing = asked.flatMap(({ key, where }) => LOCALES.filter((locale) => !Object.hasOwn(catalogs[locale]!, key)).map((locale) => `${locale}: ${key} (${where})`));
    expect(missing).toEqual([]);
  });

  it('names no key-shaped literal that is not a key (a typo in a table such as WORD_KEYS)', () => {
    const unknown = [...parsed].flatMap(([path, file]) =>
      stringLiterals(file)
        .filter((text) => FAMILIES.has(familyOf(text) ?? '') && !Object.hasOwn(catalogs.ko!, text) && !NOT_KEYS.has(text))
        .map((text) => `${path}: ${text}`),
    );
    expect(FAMILIES).toEqual(expect.objectContaining({ size: expect.any(Number) }));
    expect([...FAMILIES]).toEqual(expect.arrayContaining(['popup', 'status', 'cause', 'history', 'language']));
    expect(unknown).toEqual([]);
  });

  it('leaves no locale key unused: each is named in the code or the manifest, or built at run time', () => {
    const literals = new Set([...parsed.values()].flatMap(stringLiterals));
    const manifest = readFileSync(join(ROOT, 'manifest.json'), 'utf8');
    const inManifest = new Set([...manifest.matchAll(/__MSG_([A-Za-z0-9_@]+)__/g)].map((match) => match[1]!));
    const unused = CATALOG_KEYS.filter((key) => !literals.has(key) && !inManifest.has(key) && !BUILT_AT_RUN_TIME.some(([pattern]) => pattern.test(key)));
    expect(unused).toEqual([]);
    // The exceptions are real: each pattern matches keys, and each lookalike is a literal in the code.
    for (const [pattern, why] of BUILT_AT_RUN_TIME)
      expect(
        CATALOG_KEYS.some((key) => pattern.test(key)),
        why,
      ).toBe(true);
    for (const [text, why] of NOT_KEYS) expect(literals.has(text), why).toBe(true);
  });
});

describe('the checks fail on what they are for', () => {
  const SAMPLES = new Map([
    [
      'src/ui/sample/Bad.tsx',
      [
        "import { t } from '../components/i18n.ts';",
        'export const A = () => (',
        '  <main aria-label="Main area">',
        '    <h1>Settings</h1>',
        "    <p title={'Hover text'}>{t('popupCheckNow')}</p>",
        "    <img alt={ok ? 'Logo' : ''} />",
        "    <button>{busy ? t('popupChecking') : 'Check'}</button>",
        '    <span>{`Total: ${n}`}</span>',
        '    <p>확인</p>',
        '    <input placeholder={\'검색\'} class="button secondary" data-testid="search-box" />',
        '  </main>',
        ');',
      ].join('\n'),
    ],
    [
      'src/ui/sample/Good.tsx',
      [
        "import { t } from '../components/i18n.ts';",
        'export const B = ({ n }: { n: number }) => (',
        '  <main class="popup wide" data-testid="x" aria-busy="false" lang="ko">',
        "    <h1 title={t('optionsTitle')}>{t('optionsTitle')}</h1>",
        "    <p>{n} · {`${n} / ${n}`} — {': '}</p>",
        "    <span aria-label={label ?? t('extName')}>{' · '}</span>",
        '  </main>',
        ');',
      ].join('\n'),
    ],
    [
      'src/content/sample.ts',
      [
        "const button = document.createElement('button');",
        "button.textContent = 'Close';",
        "button.setAttribute('aria-label', `Close ${name}`);",
        "button.setAttribute('role', 'region');",
        'button.title = order.text.title;',
        "list.append(document.createTextNode('Hidden'), item);",
        "el('strong', 'Title', 'title');",
        "el('div', undefined, 'bar');",
        "const note = '서비스 점검';",
        '// 주석의 한국어는 괜찮습니다',
      ].join('\n'),
    ],
  ]);
  let parsed: Map<string, SourceFile>;
  beforeAll(() => {
    parsed = parseSources(SAMPLES);
  }, 30_000);

  it('flags JSX text, visible attributes and Korean, naming file and line', () => {
    expect(report(hardCodedText('src/ui/sample/Bad.tsx', parsed.get('src/ui/sample/Bad.tsx')!))).toEqual([
      'src/ui/sample/Bad.tsx:3: aria-label="Main area"',
      'src/ui/sample/Bad.tsx:4: JSX text "Settings"',
      'src/ui/sample/Bad.tsx:5: title="Hover text"',
      'src/ui/sample/Bad.tsx:6: alt="Logo"',
      'src/ui/sample/Bad.tsx:7: JSX text "Check"',
      'src/ui/sample/Bad.tsx:8: JSX text "Total:"',
      'src/ui/sample/Bad.tsx:9: JSX text "확인"',
      'src/ui/sample/Bad.tsx:10: placeholder="검색"',
    ]);
  });

  it('leaves keys, class names, test ids and punctuation alone', () => {
    expect(report(hardCodedText('src/ui/sample/Good.tsx', parsed.get('src/ui/sample/Good.tsx')!))).toEqual([]);
  });

  it('flags DOM text in content scripts, and Korean anywhere but comments', () => {
    expect(report(hardCodedText('src/content/sample.ts', parsed.get('src/content/sample.ts')!))).toEqual([
      'src/content/sample.ts:2: .textContent = "Close"',
      'src/content/sample.ts:3: setAttribute("Close")',
      'src/content/sample.ts:6: createTextNode("Hidden")',
      'src/content/sample.ts:7: el("Title")',
      'src/content/sample.ts:9: Korean text "서비스 점검"',
    ]);
  });

  it('finds keys passed to t() and its kin, by literal or by constant', () => {
    const [file] = parseSources(
      new Map([
        [
          'src/ui/sample/keys.tsx',
          "const TITLE_KEY = 'extName';\nprepareDocument(TITLE_KEY);\nt('a', x); t(dynamic); i18n.getMessage('langCode');\nprepareLanguage(settings, 'optionsTitle');\nnotT('no');",
        ],
      ]),
    ).values();
    expect(keysAskedFor('k.tsx', file!)).toEqual([
      { key: 'extName', where: 'k.tsx:2' },
      { key: 'a', where: 'k.tsx:3' },
      { key: 'langCode', where: 'k.tsx:3' },
      { key: 'optionsTitle', where: 'k.tsx:4' },
    ]);
  });

  it('tells key-shaped literals by family', () => {
    expect(familyOf('popupCheckNow')).toBe('popup');
    expect(familyOf('statusUp')).toBe('status');
    expect(familyOf('status')).toBeUndefined();
    expect(familyOf('guide_line')).toBeUndefined();
    expect(familyOf('Popup')).toBeUndefined();
  });
});
