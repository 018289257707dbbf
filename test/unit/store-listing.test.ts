import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readManifest, requireDist } from '../../scripts/bundle-files.ts';

/** What the stores take from the repository: the listings agree with the package and explain every permission. */
const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
const messages = (lang: string) => JSON.parse(read(`public/_locales/${lang}/messages.json`)) as Record<string, { message: string }>;
const LISTINGS = { ko: { file: 'docs/store/listing.ko.md', name: '이름', summary: '요약' }, en: { file: 'docs/store/listing.en.md', name: 'Name', summary: 'Summary' } } as const;

/** The first paragraph under a "## Heading..." line. */
function section(markdown: string, heading: string): string {
  const match = markdown.match(new RegExp(`^## ${heading}[^\\n]*\\n+([^\\n]+)`, 'm'));
  return match?.[1]?.trim() ?? '';
}

describe('store limits', () => {
  for (const lang of ['ko', 'en']) {
    it(`${lang}: name within AMO's 50 characters (and Chrome's 75), short name within 12, summary within Chrome's 132`, () => {
      const m = messages(lang);
      expect(m.extStoreName?.message.length).toBeLessThanOrEqual(50);
      expect(m.extName?.message.length).toBeLessThanOrEqual(12);
      expect(m.extDescription?.message.length).toBeLessThanOrEqual(132);
    });

    it(`${lang}: the name says it is unofficial`, () => {
      expect(messages(lang).extStoreName?.message).toMatch(lang === 'ko' ? /비공식/ : /unofficial/i);
    });
  }
});

describe('store listings (docs/store/listing.*.md)', () => {
  for (const [lang, listing] of Object.entries(LISTINGS)) {
    const text = existsSync(new URL(`../../${listing.file}`, import.meta.url)) ? read(listing.file) : '';

    it(`${lang}: name and summary are the package's own`, () => {
      expect(section(text, listing.name)).toBe(messages(lang).extStoreName?.message);
      expect(section(text, listing.summary)).toBe(messages(lang).extDescription?.message);
    });

    it(`${lang}: justifies every permission of both built packages, the optional one and the host access`, () => {
      for (const target of ['chrome', 'firefox'] as const) {
        const manifest = readManifest(requireDist(target)) as { permissions?: string[]; optional_permissions?: string[]; optional_host_permissions?: string[] };
        for (const permission of [...(manifest.permissions ?? []), ...(manifest.optional_permissions ?? []), ...(manifest.optional_host_permissions ?? [])]) {
          expect(text, `${target}: ${permission}`).toMatch(new RegExp(`^\\| \`${permission.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}\`[^|]*\\| \\S`, 'm'));
        }
      }
      expect(text).toMatch(/^\| (호스트 권한|Host permissions)[^|]*\| \S/m);
    });

    it(`${lang}: has the single purpose, the data-use answers, the non-affiliation line and the privacy policy`, () => {
      for (const heading of lang === 'ko' ? ['단일 목적', '데이터 사용 답변'] : ['Single purpose', 'Data-use answers']) expect(section(text, heading), heading).not.toBe('');
      expect(text).toMatch(lang === 'ko' ? /카카오\(Kakao Corp\.\)와 관계없는/ : /not made, endorsed or affiliated with\s+Kakao/);
      expect(text).toContain('PRIVACY.md');
    });
  }
});

describe('privacy policy', () => {
  it('exists in Korean and English, and the READMEs and the options page link to it', () => {
    const policy = read('PRIVACY.md');
    expect(policy).toMatch(/^## 한국어$/m);
    expect(policy).toMatch(/^## English$/m);
    for (const probe of ['map.kakao.com', 'www.naver.com', 'www.google.com']) expect(policy).toContain(probe);
    expect(read('README.md')).toContain('(PRIVACY.md)');
    expect(read('README.ko.md')).toContain('(PRIVACY.md)');
    expect(read('src/ui/options/Options.tsx')).toMatch(/PRIVACY_URL|optionsPrivacy/);
  });
});
