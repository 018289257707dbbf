import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { parseCatalog, resolveMessage } from '../../core/i18n/messages.ts';

// The options page speaks through browser.i18n; here it answers from the shipped Korean catalogue.
const catalog = parseCatalog(JSON.parse(readFileSync(new URL('../../../public/_locales/ko/messages.json', import.meta.url), 'utf8')));
vi.mock('../../platform/browser.ts', () => ({
  default: { i18n: { getMessage: (key: string, substitutions?: string | string[]) => (key === 'langCode' ? 'ko' : resolveMessage(catalog, key, substitutions)) } },
}));

const { problemText, settingLabel } = await import('./file-messages.ts');

describe('import messages name settings in words', () => {
  it.each([
    ['services', '서비스별 동작'],
    ['language', '언어'],
    ['schemaVersion', '설정 파일 버전'],
    ['services.kakaomap.mode', '카카오맵: 장애 때 할 일'],
    ['services.nosuch.mode', '서비스별 동작'],
    ['somethingElse', '알 수 없는 설정'],
    ['__proto__', '알 수 없는 설정'],
  ])('%s -> %s', (path, label) => {
    expect(settingLabel(path)).toContain(label.split(':')[0]!);
    expect(settingLabel(path)).not.toMatch(/^[a-zA-Z_.]+$/);
  });

  it('an invalid file says what is wrong in words, never a raw key', () => {
    const text = problemText({ kind: 'invalid', paths: ['services', 'language'] });
    expect(text).toContain('서비스별 동작');
    expect(text).toContain('언어');
    expect(text).not.toMatch(/\bservices\b|\blanguage\b/);
  });
});
