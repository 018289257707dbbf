import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ALTERNATIVES } from '../../src/core/catalog/index.ts';

// The fallback page builds these keys at run time (guide_<id>), so no literal scan can see them.
const load = (lang: string) => JSON.parse(readFileSync(new URL(`../../public/_locales/${lang}/messages.json`, import.meta.url), 'utf8')) as Record<string, { message: string }>;

describe.each(['ko', 'en'])('guidance strings in %s', (lang) => {
  const messages = load(lang);
  const guided = Object.values(ALTERNATIVES).filter((alt) => 'guidance' in alt && alt.guidance);

  it('exist for every guidance-only alternative', () => {
    expect(guided.length).toBeGreaterThan(0);
    for (const alt of guided) expect(messages[`guide_${alt.id}`]?.message, `guide_${alt.id}`).toBeTruthy();
  });

  it('exist for nothing else', () => {
    const keys = Object.keys(messages).filter((key) => key.startsWith('guide_'));
    expect(keys.sort()).toEqual(guided.map((alt) => `guide_${alt.id}`).sort());
  });
});
