// PRIVACY.md as a static page inside the package (privacy.html), so the options page links to the
// policy itself, offline, in the words of the repository's file. Handles the Markdown PRIVACY.md uses
// (headings, paragraphs, lists, tables, **bold**, `code`, links); every piece of text is escaped.
export { PRIVACY_PAGE } from '../src/core/identity.ts';

const escapeHtml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Heading ids as GitHub makes them, so "#한국어" and "#english" keep working. */
const slug = (text: string): string =>
  text
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s-]/gu, '')
    .replace(/\s+/g, '-');

function inline(text: string): string {
  let out = '';
  const pattern = /\*\*(.+?)\*\*|`([^`]+)`|\[([^\]]+)\]\(([^)]+)\)/g;
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    out += escapeHtml(text.slice(last, match.index));
    if (match[1] !== undefined) out += `<strong>${inline(match[1])}</strong>`;
    else if (match[2] !== undefined) out += `<code>${escapeHtml(match[2])}</code>`;
    // In-page anchors stay links; the repository's other files are not in the package: their name, as text.
    else if (match[4]?.startsWith('#')) out += `<a href="${escapeHtml(match[4])}">${inline(match[3] ?? '')}</a>`;
    else out += inline(match[3] ?? '');
    last = match.index + match[0].length;
  }
  return out + escapeHtml(text.slice(last));
}

const cells = (row: string): string[] =>
  row
    .trim()
    .replace(/^\||\|$/g, '')
    .split('|')
    .map((cell) => cell.trim());

export function markdownToHtml(markdown: string): string {
  const lines = markdown.replace(/\r\n/g, '\n').split('\n');
  const html: string[] = [];
  let index = 0;
  while (index < lines.length) {
    const line = lines[index] ?? '';
    if (line.trim() === '') {
      index += 1;
      continue;
    }
    const heading = line.match(/^(#{1,3}) (.*)$/);
    if (heading) {
      const level = heading[1]?.length ?? 1;
      const title = heading[2] ?? '';
      html.push(`<h${level} id="${escapeHtml(slug(title))}">${inline(title)}</h${level}>`);
      index += 1;
      continue;
    }
    if (line.startsWith('|')) {
      const rows: string[] = [];
      while (lines[index]?.startsWith('|')) rows.push(lines[index++] ?? '');
      const [head, , ...body] = rows;
      html.push(
        `<table><thead><tr>${cells(head ?? '')
          .map((cell) => `<th>${inline(cell)}</th>`)
          .join('')}</tr></thead><tbody>`,
      );
      for (const row of body)
        html.push(
          `<tr>${cells(row)
            .map((cell) => `<td>${inline(cell)}</td>`)
            .join('')}</tr>`,
        );
      html.push('</tbody></table>');
      continue;
    }
    if (line.startsWith('- ')) {
      html.push('<ul>');
      while (lines[index]?.startsWith('- ')) {
        let item = (lines[index++] ?? '').slice(2);
        while (/^ {2}\S/.test(lines[index] ?? '')) item += ` ${(lines[index++] ?? '').trim()}`;
        html.push(`<li>${inline(item)}</li>`);
      }
      html.push('</ul>');
      continue;
    }
    let paragraph = line;
    index += 1;
    while (index < lines.length && (lines[index] ?? '').trim() !== '' && !/^(#|\||- )/.test(lines[index] ?? '')) paragraph += ` ${(lines[index++] ?? '').trim()}`;
    html.push(`<p>${inline(paragraph)}</p>`);
  }
  return html.join('\n');
}

export function privacyPage(markdown: string): string {
  return `<!doctype html>
<html lang="ko">
<head>
<meta charset="utf-8" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<title>Detour: 개인정보 처리방침 · Privacy policy</title>
<style>
:root { color-scheme: light dark; font: 16px/1.6 system-ui, "Apple SD Gothic Neo", "Malgun Gothic", "Noto Sans KR", sans-serif; }
body { max-width: 46rem; margin: 2rem auto; padding: 0 1rem; font-size: 1rem; word-break: keep-all; overflow-wrap: anywhere; }
table { border-collapse: collapse; width: 100%; display: block; overflow-x: auto; }
th, td { border: 1px solid color-mix(in srgb, currentColor 25%, transparent); padding: 0.4rem 0.6rem; text-align: left; vertical-align: top; }
code { font-size: 0.9em; }
</style>
</head>
<body>
<main>
${markdownToHtml(markdown)}
</main>
</body>
</html>
`;
}
