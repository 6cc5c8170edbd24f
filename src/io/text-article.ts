/**
 * Plain-text articles. A few leading header lines are understood, as news archives and people write
 * them: `Title:`, `By:`, `Date:`, `Source:`, `URL:` (any case, a few synonyms), and the bare
 * `date 2018-03-22` line some datasets put first. The header ends at the first other line.
 */
import type { Article } from '../core/model.js';
import { trimEdges } from './article-edges.js';
import { buildArticle, type InputMeta, type ReadFields } from './build-article.js';

const HEADER =
  /^(title|headline|by|byline|author|date|published|source|outlet|publisher|url|link)\s*:\s*(.*)$/i;
/** `date 2018-03-22`, alone or run into the next line's text (`date 2018-03-22 The mayor speaks…`). */
const BARE_DATE = /^date\s+(\d{4}-\d{2}-\d{2}(?:[T ]\d{1,2}:\d{2}(?::\d{2})?(?:\.\d+)?Z?)?)(?:\s+(.*))?$/i;

const FIELD: Readonly<Record<string, 'title' | 'byline' | 'date' | 'outlet' | 'url'>> = {
  title: 'title',
  headline: 'title',
  by: 'byline',
  byline: 'byline',
  author: 'byline',
  date: 'date',
  published: 'date',
  source: 'outlet',
  outlet: 'outlet',
  publisher: 'outlet',
  url: 'url',
  link: 'url',
};

/** Splits the header lines from the body; blank lines before and within the header are allowed. */
export function textHeader(text: string): { fields: Partial<Record<string, string>>; body: string } {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n?|\n/);
  const fields: Partial<Record<string, string>> = {};
  let i = 0;
  let seen = 0;
  for (; i < lines.length; i++) {
    const line = (lines[i] ?? '').trim();
    if (!line) continue;
    const header = HEADER.exec(line);
    const bare = BARE_DATE.exec(line);
    const key = header ? FIELD[(header[1] ?? '').toLowerCase()] : bare ? 'date' : undefined;
    if (!key || fields[key] !== undefined) break;
    const value = (header ? header[2] : bare?.[1])?.trim() ?? '';
    // `By:` must be short: a body line that happens to start "Source: officials said…" is not a header.
    if (key !== 'title' && key !== 'url' && value.split(/\s+/).length > 12) break;
    if (key === 'byline') fields[key] = value.replace(/^by\s+/i, '');
    else fields[key] = value;
    seen++;
    // A date line run into the next line: what follows the date is the body's first paragraph.
    const runOn = bare?.[2]?.trim();
    if (runOn) {
      return { fields, body: [runOn, '', ...lines.slice(i + 1)].join('\n') };
    }
  }
  if (seen === 0) return { fields, body: text };
  return { fields, body: lines.slice(i).join('\n') };
}

/**
 * Reads a plain-text article with optional header lines.
 * @example parseTextArticle('Title: Bridge closed\nBy: A. Writer\n\nThe bridge…').title === 'Bridge closed'
 */
export function parseTextArticle(
  text: string,
  meta: InputMeta = {},
  warnings: readonly string[] = [],
): Article {
  const { fields, body } = textHeader(text);
  const edges = trimEdges(body, { guessTitle: !fields['title'], nameLine: true });
  const title = fields['title'] ?? edges.title;
  const byline = fields['byline'] ?? edges.byline;
  const read: ReadFields = {
    text: edges.text,
    ...(title && { title }),
    ...(byline && { byline }),
    ...(fields['date'] && { date: fields['date'] }),
    ...(fields['outlet'] && { outlet: fields['outlet'] }),
    ...(fields['url'] && { url: fields['url'] }),
    warnings,
  };
  return buildArticle(read, meta);
}
