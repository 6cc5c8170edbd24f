/**
 * Text of a linked page or of a feed item's HTML, for articles that arrive through feeds. Scripts,
 * styles and page furniture are dropped and block elements become paragraphs; what is left is plain
 * text, never markup, so nothing from a page is ever rendered as HTML later.
 *
 * Pages go through `parseHtmlArticle` of src/io when the caller passes it (Readability there); this is
 * the plain fallback used for feed item bodies and when no extractor is given.
 */
import { parseHTML } from 'linkedom';

const DROP =
  'script, style, noscript, template, iframe, object, embed, svg, nav, header, footer, aside, form, button';
// h1 is the headline: it becomes the title, not the first paragraph.
const BLOCKS = 'p, h2, h3, h4, h5, h6, li, blockquote, pre, figcaption, td, dd, dt';

export interface PageText {
  readonly text: string;
  readonly title?: string;
}

/** Plain text of an HTML page or fragment: the <article> (or <main>, or <body>) paragraphs. */
export function pageText(html: string): PageText {
  const { document } = parseHTML(
    /<html[\s>]/i.test(html) ? html : `<!doctype html><html><body>${html}</body></html>`,
  );
  for (const el of document.querySelectorAll(DROP)) el.remove();
  const title =
    document.querySelector('title')?.textContent?.trim() || document.querySelector('h1')?.textContent?.trim();
  const root = document.querySelector('article') ?? document.querySelector('main') ?? document.body;
  if (!root) return { text: '', ...(title && { title }) };
  const blocks = [...root.querySelectorAll(BLOCKS)]
    .filter((el) => !el.querySelector(BLOCKS))
    .map((el) => (el.textContent ?? '').replace(/\s+/g, ' ').trim())
    .filter((t) => t.length > 0);
  const text = blocks.length > 0 ? blocks.join('\n\n') : (root.textContent ?? '').replace(/\s+/g, ' ').trim();
  return { text, ...(title && { title }) };
}
