import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { requireDist } from '../../scripts/bundle-files.ts';
import { PRIVACY_PAGE, markdownToHtml } from '../../scripts/privacy-page.ts';

describe('the packaged privacy policy (PRIVACY.md -> privacy.html)', () => {
  it('is in both packages, with every heading and table row of PRIVACY.md', () => {
    const markdown = readFileSync(new URL('../../PRIVACY.md', import.meta.url), 'utf8');
    const headings = markdown.match(/^#{1,3} .+$/gm) ?? [];
    const rows = (markdown.match(/^\|.+\|$/gm) ?? []).filter((row) => !/^\|[-|\s]+\|$/.test(row));
    for (const target of ['chrome', 'firefox'] as const) {
      const page = readFileSync(`${requireDist(target)}/${PRIVACY_PAGE}`, 'utf8');
      expect(page.match(/<h[1-3] /g)?.length, target).toBe(headings.length);
      expect(page.match(/<tr>/g)?.length, target).toBe(rows.length);
      expect(page).toContain('map.kakao.com/favicon.ico');
    }
  });

  it('escapes text and keeps only in-page links', () => {
    const html = markdownToHtml('# A <script>x</script>\n\n**b** `<i>` [out](https://evil.example/) [in](#a)\n\n| h | <img> |\n|---|---|\n| 1 | 2 |');
    expect(html).not.toMatch(/<script|<img|<i>|evil\.example/);
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('<a href="#a">in</a>');
    expect(html).toContain('<strong>b</strong>');
  });
});
