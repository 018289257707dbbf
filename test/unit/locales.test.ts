import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SERVICES, SERVICE_IDS } from '../../src/core/catalog/index.ts';
import { ALTERNATIVES } from '../../src/core/catalog/alternatives.ts';
import { PARTICLE_PLACEHOLDER } from '../../src/core/i18n/particle.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const LOCALES = ['ko', 'en'] as const;

interface Message {
  readonly message: string;
  readonly description?: string;
  readonly placeholders?: Record<string, { readonly content: string; readonly example?: string }>;
}
type Catalog = Record<string, Message>;

function readCatalog(locale: string): Catalog {
  return JSON.parse(readFileSync(join(ROOT, 'public', '_locales', locale, 'messages.json'), 'utf8')) as Catalog;
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}

const catalogs = Object.fromEntries(LOCALES.map((locale) => [locale, readCatalog(locale)])) as Record<(typeof LOCALES)[number], Catalog>;
const sources = walk(join(ROOT, 'src'))
  .filter((file) => /\.tsx?$/.test(file) && !/\.test\.tsx?$/.test(file))
  .map((file) => ({ path: relative(ROOT, file).split(sep).join('/'), text: readFileSync(file, 'utf8') }));

/** `t('key'...)`, `t("key"...)`, `prepareDocument('key')`, `getMessage('key')` and `TITLE_KEY = 'key'`: the literal keys the code asks for. */
function calledKeys(text: string): string[] {
  return [...text.matchAll(/\b(?:t|prepareDocument|getMessage)\(\s*(['"])([^'"]+)\1|\b[A-Z_]*TITLE_KEY\s*=\s*(['"])([^'"]+)\3/g)].map((match) => match[2] ?? match[4]!);
}

/** Quoted camelCase keys in tables such as CAUSE_KEYS and OFFERED_MODES. */
function tableKeys(text: string): string[] {
  return [...text.matchAll(/(['"])((?:cause|mode|fallback|popup|options|switch)[A-Z][A-Za-z0-9]*)\1/g)].map((match) => match[2]!);
}

/** Placeholder names a message text refers to: "$STATUS$" -> "status". */
function referencedPlaceholders(message: string): string[] {
  return [...message.matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((match) => match[1]!.toLowerCase()).sort();
}

describe('locales', () => {
  it('ko and en have exactly the same keys', () => {
    expect(Object.keys(catalogs.en).sort()).toEqual(Object.keys(catalogs.ko).sort());
    expect(Object.keys(catalogs.ko).length).toBeGreaterThan(10);
  });

  it.each(LOCALES)('%s: every message is a non-empty string with a valid key', (locale) => {
    for (const [key, entry] of Object.entries(catalogs[locale])) {
      expect(key, `${locale}.${key}`).toMatch(/^[A-Za-z0-9_@]+$/);
      expect(typeof entry.message, `${locale}.${key}`).toBe('string');
      expect(entry.message.trim(), `${locale}.${key}`).not.toBe('');
    }
  });

  it('placeholders are identical per key in both locales (names and content; examples are localized)', () => {
    const shape = (entry: Message | undefined) => Object.fromEntries(Object.entries(entry?.placeholders ?? {}).map(([name, placeholder]) => [name.toLowerCase(), placeholder.content]));
    for (const key of Object.keys(catalogs.ko)) {
      expect(shape(catalogs.en[key]), key).toEqual(shape(catalogs.ko[key]));
    }
    expect(shape(catalogs.ko.causeHttp)).toEqual({ status: '$1' });
  });

  it.each(LOCALES)('%s: every $PLACEHOLDER$ in a message is defined, and every defined one used', (locale) => {
    for (const [key, entry] of Object.entries(catalogs[locale])) {
      const defined = Object.keys(entry.placeholders ?? {})
        .map((name) => name.toLowerCase())
        .sort();
      expect([...new Set(referencedPlaceholders(entry.message))], `${locale}.${key}`).toEqual(defined);
    }
  });

  it.each(LOCALES)('%s: no machine-made particle such as 이(가) or (으)로 in any message', (locale) => {
    const offending = Object.entries(catalogs[locale])
      .filter(([, entry]) => PARTICLE_PLACEHOLDER.test(entry.message))
      .map(([key]) => key);
    expect(offending).toEqual([]);
  });

  it('every particle mark follows a placeholder, in Korean only, and is one t() resolves', () => {
    for (const locale of LOCALES) {
      for (const [key, entry] of Object.entries(catalogs[locale])) {
        for (const match of entry.message.matchAll(/\{([^}]*)\}/g)) {
          expect(locale, `${locale}.${key}`).toBe('ko');
          expect(match[1], `${locale}.${key}`).toMatch(/^(?:이\/가|을\/를|은\/는|과\/와|으로\/로|이에요\/예요)$/);
          expect(entry.message.slice(0, match.index), `${locale}.${key}`).toMatch(/\$[A-Za-z0-9_]+\$$/);
        }
      }
    }
  });

  it('no catalogued name reads as a placeholder, and Daum is written as its brand', () => {
    const names = [...SERVICE_IDS.map((id) => SERVICES[id].name.ko), ...Object.values(ALTERNATIVES).map((alternative) => alternative.name.ko)];
    for (const name of names) expect(PARTICLE_PLACEHOLDER.test(name), name).toBe(false);
    // "다음 검색" reads as "the next search".
    expect(names.filter((name) => /^다음(?:\s|$)/.test(name))).toEqual([]);
  });

  it('langCode names its own locale', () => {
    for (const locale of LOCALES) expect(catalogs[locale].langCode?.message).toBe(locale);
  });
});

describe('keys used by the code exist in both locales', () => {
  const used = new Map<string, string>();
  for (const { path, text } of sources) {
    for (const key of [...calledKeys(text), ...tableKeys(text)]) if (!used.has(key)) used.set(key, path);
  }

  it('finds the keys the code uses (so the scan is not silently empty)', () => {
    for (const key of ['causeRefused', 'causeNetwork', 'causeHttp', 'modeSuggest', 'modeOff', 'fallbackTitle', 'popupNoFailure', 'switchLabel', 'optionsTitle', 'extName', 'langCode']) {
      expect(used.has(key), key).toBe(true);
    }
  });

  it('every used key is in ko and en', () => {
    const missing = [...used].flatMap(([key, path]) => LOCALES.filter((locale) => !Object.hasOwn(catalogs[locale], key)).map((locale) => `${locale}: ${key} (used in ${path})`));
    expect(missing).toEqual([]);
  });

  it('the scanners pick keys out of code shapes the UI uses', () => {
    expect(calledKeys(`t('a') t("b", x) t( 'c' ) prepareDocument('d') at('no') t(key) const TITLE_KEY = 'e'; KEY = 'no'`)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(tableKeys(`{ refused: 'causeRefused' } ['off', "modeOff"] 'popup' 'causes' 'fallbackX1'`)).toEqual(['causeRefused', 'modeOff', 'fallbackX1']);
  });

  it('every __MSG_x__ in manifest.json is in ko and en', () => {
    const manifest = readFileSync(join(ROOT, 'manifest.json'), 'utf8');
    const keys = [...manifest.matchAll(/__MSG_([A-Za-z0-9_@]+)__/g)].map((match) => match[1]!);
    expect(keys.length).toBeGreaterThanOrEqual(3);
    for (const key of keys) for (const locale of LOCALES) expect(Object.hasOwn(catalogs[locale], key), `${locale}: ${key}`).toBe(true);
  });

  it('the manifest default_locale is one of ours', () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'manifest.json'), 'utf8')) as { default_locale?: string };
    expect(LOCALES).toContain(manifest.default_locale);
  });
});
