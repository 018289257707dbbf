import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LANGUAGE_CHOICES, effectiveLanguage, isLanguageChoice, parseCatalog, resolveMessage } from './messages.ts';

const catalog = parseCatalog({
  plain: { message: 'Hello' },
  one: { message: '$SERVICE$ is down', placeholders: { service: { content: '$1', example: 'KakaoMap' } } },
  two: { message: '$Service$ → $ALT$ ($SERVICE$)', placeholders: { SERVICE: { content: '$1' }, alt: { content: '$2' } } },
  literal: { message: 'costs $$5 and $$$$' },
  direct: { message: 'a $1 b $2 c' },
  fixedContent: { message: 'by $WHO$', placeholders: { who: { content: 'Detour' } } },
  mixedContent: { message: '$WHERE$', placeholders: { where: { content: 'near $1, $$' } } },
  undefinedPlaceholder: { message: 'keeps $NOPE$' },
});

describe('resolveMessage', () => {
  it('gives a message without placeholders as written', () => {
    expect(resolveMessage(catalog, 'plain')).toBe('Hello');
    expect(resolveMessage(catalog, 'plain', ['ignored'])).toBe('Hello');
  });

  it('fills a named placeholder from its $1 content, with one string or a list', () => {
    expect(resolveMessage(catalog, 'one', 'KakaoMap')).toBe('KakaoMap is down');
    expect(resolveMessage(catalog, 'one', ['카카오맵'])).toBe('카카오맵 is down');
  });

  it('matches placeholder names in any case, each as often as it appears', () => {
    expect(resolveMessage(catalog, 'two', ['KakaoMap', 'Naver Map'])).toBe('KakaoMap → Naver Map (KakaoMap)');
  });

  it('leaves a missing substitution empty, as browsers do', () => {
    expect(resolveMessage(catalog, 'one')).toBe(' is down');
    expect(resolveMessage(catalog, 'two', ['only one'])).toBe('only one →  (only one)');
  });

  it('reads $$ as one $ (a run of n+1 as n)', () => {
    expect(resolveMessage(catalog, 'literal')).toBe('costs $5 and $$');
  });

  it('substitutes $1..$9 written in the message itself', () => {
    expect(resolveMessage(catalog, 'direct', ['x', 'y'])).toBe('a x b y c');
  });

  it('uses placeholder content that is text, or text around a substitution', () => {
    expect(resolveMessage(catalog, 'fixedContent')).toBe('by Detour');
    expect(resolveMessage(catalog, 'mixedContent', ['판교'])).toBe('near 판교, $');
  });

  it('never expands a substitution again (a page title with "$1" stays "$1")', () => {
    expect(resolveMessage(catalog, 'one', ['$1 $$ $SERVICE$'])).toBe('$1 $$ $SERVICE$ is down');
  });

  it('leaves an undefined placeholder as written (the locale test keeps it from shipping)', () => {
    expect(resolveMessage(catalog, 'undefinedPlaceholder')).toBe('keeps $NOPE$');
  });

  it("answers '' for an unknown key, like browser.i18n.getMessage", () => {
    expect(resolveMessage(catalog, 'nope')).toBe('');
    expect(resolveMessage(catalog, 'Plain')).toBe('');
  });
});

describe('parseCatalog', () => {
  it('keeps good entries and drops broken ones, never throwing', () => {
    const parsed = parseCatalog({
      good: { message: 'ok', placeholders: { x: { content: '$1' }, bad: { content: 3 }, worse: null } },
      noMessage: { description: 'x' },
      numberMessage: { message: 5 },
      notAnObject: 'text',
    });
    expect([...parsed.keys()]).toEqual(['good']);
    expect(parsed.get('good')).toEqual({ message: 'ok', placeholders: { x: '$1' } });
  });

  it.each([null, undefined, 'text', 42, [], [{ message: 'x' }]])('reads %j as an empty catalogue', (json) => {
    expect(parseCatalog(json).size).toBe(0);
  });

  it('does not take keys from the prototype', () => {
    expect(resolveMessage(parseCatalog({}), 'toString')).toBe('');
    expect(resolveMessage(parseCatalog(JSON.parse('{"__proto__": {"message": "p"}}')), '__proto__')).toBe('p');
  });
});

describe('the shipped catalogues', () => {
  const read = (lang: string) =>
    JSON.parse(readFileSync(new URL(`../../../public/_locales/${lang}/messages.json`, import.meta.url), 'utf8')) as Record<string, { message: string; placeholders?: object }>;

  it.each(['ko', 'en'])('%s: every message resolves fully, with its substitutions in place', (lang) => {
    const raw = read(lang);
    const parsed = parseCatalog(raw);
    expect(parsed.size).toBe(Object.keys(raw).length);
    for (const key of Object.keys(raw)) {
      const text = resolveMessage(parsed, key, ['«A»', '«B»']);
      expect(text, `${lang}.${key}`).not.toMatch(/\$/);
      expect(text.trim(), `${lang}.${key}`).not.toBe('');
      const wanted = Object.keys(raw[key]!.placeholders ?? {}).length;
      if (wanted >= 1) expect(text, `${lang}.${key}`).toContain('«A»');
      if (wanted >= 2) expect(text, `${lang}.${key}`).toContain('«B»');
    }
  });

  it('resolves known messages to what the browser shows', () => {
    expect(resolveMessage(parseCatalog(read('en')), 'fallbackTitle', 'KakaoMap')).toBe("KakaoMap can't be reached");
    expect(resolveMessage(parseCatalog(read('ko')), 'causeHttp', '503')).toContain('503');
  });
});

describe('language choice', () => {
  it("'auto' follows the browser; an explicit choice wins", () => {
    expect(effectiveLanguage('auto', 'ko')).toBe('ko');
    expect(effectiveLanguage('auto', 'en')).toBe('en');
    expect(effectiveLanguage('en', 'ko')).toBe('en');
    expect(effectiveLanguage('ko', 'en')).toBe('ko');
  });

  it('knows its choices', () => {
    expect(LANGUAGE_CHOICES).toEqual(['auto', 'ko', 'en']);
    for (const choice of LANGUAGE_CHOICES) expect(isLanguageChoice(choice)).toBe(true);
    for (const other of ['', 'KO', 'ja', null, 1, undefined]) expect(isLanguageChoice(other)).toBe(false);
  });
});
