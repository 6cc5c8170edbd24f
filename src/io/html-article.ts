/**
 * News pages → Articles. Mozilla's Readability (Firefox Reader View) finds the article body over a
 * linkedom document; the page's JSON-LD and meta tags give headline, author, date and outlet.
 *
 * Departures from plain Readability: clutter that it sometimes keeps inside the article (cookie
 * banners, share prompts, related-link lists, captions) is removed before it runs; and when it finds
 * less than the page's own `<article>`/`<main>` holds, that block's paragraphs are used instead, since
 * Readability is tuned for long pages and can lose short ones.
 */
import { Readability } from '@mozilla/readability';
import { ChorusError } from '../core/errors.js';
import type { Article } from '../core/model.js';
import { bylineOf, comparable, trimEdges } from './article-edges.js';
import { buildArticle, type InputMeta, type ReadFields } from './build-article.js';
import { parseDocument, type DomDocument, type DomNode } from './dom.js';
import { readPageMeta } from './html-meta.js';
import { blockText, nestingDepth, removeClutter } from './html-text.js';

/** Readability's text is preferred when it holds at least this many characters … */
const ENOUGH_CHARS = 500;
/** … or at least this share of what the page's main block holds. */
const ENOUGH_SHARE = 0.6;

/** A by-line longer than this is a paragraph that happens to sit in a by-line element. */
const MAX_BYLINE_WORDS = 12;

/** Pages with more elements than this skip Readability (a long news page has a few thousand). */
const MAX_READABILITY_ELEMENTS = 30_000;
/** Pages nested deeper than this skip Readability. */
const MAX_READABILITY_DEPTH = 150;

type ReadabilityInput = ConstructorParameters<typeof Readability>[0];

function readabilityText(document: DomDocument): { text: string; title?: string; byline?: string } {
  try {
    const result = new Readability<DomNode>(document as unknown as ReadabilityInput, {
      // Hand back the element itself, not serialised HTML that would have to be parsed again.
      serializer: (node) => node as unknown as DomNode,
      charThreshold: 200,
      // Past this many elements Readability throws and the block fallback reads the page, in linear time.
      maxElemsToParse: MAX_READABILITY_ELEMENTS,
    }).parse();
    if (!result?.content) return { text: '' };
    return {
      text: blockText(result.content, { skipLinkOnly: true }),
      ...(result.title && { title: result.title }),
      ...(result.byline && { byline: result.byline }),
    };
  } catch {
    // Readability gives up on some odd documents; the block fallback below still reads them.
    return { text: '' };
  }
}

/** A by-line element's text without "By", when it is short enough to be names (not a teaser paragraph). */
function shortByline(text: string | null | undefined): string | undefined {
  const t = text?.replace(/\s+/g, ' ').trim();
  if (!t) return undefined;
  const named = bylineOf(t) ?? t.replace(/^by\s+/i, '');
  return named.split(' ').length <= MAX_BYLINE_WORDS ? named : undefined;
}

/** Drops a first paragraph that repeats the headline (a page may carry it as an h2 or a bold line). */
function withoutHeadline(text: string, titles: readonly (string | undefined)[]): string {
  const [first, ...rest] = text.split('\n\n');
  const known = new Set(titles.filter((t): t is string => !!t).map(comparable));
  return first !== undefined && rest.length > 0 && known.has(comparable(first)) ? rest.join('\n\n') : text;
}

/** Drops paragraphs that are the page's own address (a share box's "copy link" field, left as text). */
function withoutOwnAddress(text: string, url: string | undefined): string {
  if (!url || !text.includes(url)) return text;
  return text
    .split('\n\n')
    .filter((p) => p.trim() !== url)
    .join('\n\n');
}

/**
 * The fields of a page before they become an Article: what `parseHtmlArticle` builds on, and what the
 * feed poller takes for a linked page.
 */
export function extractHtml(html: string): ReadFields & { readonly title?: string } {
  try {
    return extractFrom(html);
  } catch (error) {
    // The DOM library recurses over the tree; a page nested hundreds of thousands deep exhausts the stack.
    if (error instanceof RangeError)
      throw new ChorusError(
        'unsupported-input',
        'expected an HTML page, found markup nested too deeply to read',
        {
          cause: error,
        },
      );
    throw error;
  }
}

function extractFrom(html: string): ReadFields & { readonly title?: string } {
  const document = parseDocument(html);
  const meta = readPageMeta(document);
  const h1 = document.querySelector('article h1, main h1, h1')?.textContent?.replace(/\s+/g, ' ').trim();
  const bylineEl = document
    .querySelector('[rel="author"], [itemprop="author"], .byline, .author')
    ?.textContent?.replace(/\s+/g, ' ')
    .trim();
  const pageTitle = document.querySelector('title')?.textContent?.replace(/\s+/g, ' ').trim();
  removeClutter(document);
  // The headline is the title, not the first paragraph.
  for (const el of [...document.querySelectorAll('h1')]) el.remove();
  // Read before Readability runs: it rearranges the document it is given.
  const fallbackRoot =
    document.querySelector('article, main, [role="main"], [itemprop="articleBody"]') ?? document.body;
  const fallback = fallbackRoot ? blockText(fallbackRoot, { skipLinkOnly: true }) : '';
  // Readability's cost grows steeply with nesting depth (minutes at 2,000 levels); real pages stay
  // far below this, so deeper ones are read by the block fallback alone.
  const reader =
    document.body && nestingDepth(document.body, MAX_READABILITY_DEPTH) < MAX_READABILITY_DEPTH
      ? readabilityText(document)
      : { text: '' };
  const useReader =
    reader.text.length >= ENOUGH_CHARS || reader.text.length >= fallback.length * ENOUGH_SHARE;
  const title = meta.title ?? h1 ?? reader.title ?? pageTitle;
  const edges = trimEdges(
    withoutOwnAddress(
      withoutHeadline((useReader ? reader.text : fallback) || meta.body || '', [title, h1, pageTitle]),
      meta.url,
    ),
  );
  const text = edges.text;
  const byline = meta.byline ?? shortByline(reader.byline) ?? edges.byline ?? shortByline(bylineEl);
  return {
    text,
    ...(title && { title }),
    ...(byline && { byline }),
    ...(meta.date && { date: meta.date }),
    ...(meta.url && { url: meta.url }),
    ...(meta.siteName && { outlet: meta.siteName }),
    ...(meta.language && { declaredLanguage: meta.language }),
  };
}

/**
 * Reads one news page. Throws `unsupported-input` when the page holds no article text (a login wall,
 * an index page of links, an empty shell filled by scripts).
 * @example parseHtmlArticle(html, { fileName: 'gazette.html' }).source === 'Harbor Gazette'
 */
export function parseHtmlArticle(html: string, meta: InputMeta = {}): Article {
  const fields = extractHtml(html);
  const article = buildArticle(fields, meta);
  if (article.text.length === 0) {
    const why = article.warnings.find((w) => w.startsWith('dropped:'));
    throw new ChorusError(
      'unsupported-input',
      `expected a news article in the HTML page, found ${why ? why.replace(/^dropped: /, '') : 'no article text'}`,
    );
  }
  return article;
}
