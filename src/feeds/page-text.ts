/**
 * Text of a linked page or of a feed item's HTML, for articles that arrive through feeds: the same
 * extractor as every other HTML input (src/io: Readability, page metadata, clutter removal), reduced to
 * the text and title the poller needs. What comes out is plain text, never markup, so nothing from a
 * page is ever rendered as HTML later.
 */
import { extractHtml } from '../io/html-article.js';

export interface PageText {
  readonly text: string;
  readonly title?: string;
}

/** Plain text of an HTML page or fragment, paragraphs separated by a blank line; empty when it holds no article. */
export function pageText(html: string): PageText {
  try {
    const { text, title } = extractHtml(html);
    return { text, ...(title && { title }) };
  } catch {
    // A page the extractor cannot read counts as one without text: the poller falls back to the feed item.
    return { text: '' };
  }
}
