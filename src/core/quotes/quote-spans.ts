/**
 * Quoted passages in an article's text. Quotes are found in paragraphs, not sentences, so a quote the
 * sentence splitter cut in two ("We waited. Then the roof fell," she said) is still one quote. Double
 * marks, curly or straight or mixed, are paired first (pair-marks.ts), then guillemets («…») and British
 * single quotes (‘…’) outside them; a single quote opens only at a word start and closes only where no
 * letter follows, so apostrophes ("don’t", "the city’s") are never taken for quote marks. Markup tags
 * left in page text are blanked first: their attribute values are in quote marks but are no quotes.
 */

import { blankMarkup, pairDoubleMarks, type MarkPair } from './pair-marks.js';
import { hasLetterOrDigit } from '../text/letters.js';

export interface QuoteSpan {
  /** The quoted words, without marks or the trailing comma that joins them to an attribution. */
  readonly text: string;
  /** Paragraph index within the article, from 0. */
  readonly paragraph: number;
  /** Offsets of the opening and just after the closing mark in the paragraph text. */
  readonly open: number;
  readonly close: number;
  /** False when the paragraph ended before a closing mark (a quote that goes on in the next paragraph). */
  readonly closed: boolean;
}

/** Shortest quote kept, in words: shorter quoted bits are titles, nicknames or scare quotes. */
export const MIN_QUOTE_WORDS = 4;

/**
 * Guillemets and British single quotes; a single quote opens only at a word start, closes only before
 * no letter. Each with the mark every match opens with: a paragraph without it skips the expression
 * (the second opens with a lookbehind, which the engine tries at every position of the paragraph).
 */
const SINGLE_PAIRS: readonly { mark: string; re: RegExp }[] = [
  { mark: '«', re: /«([^«»]+)(?:»|$)/g },
  { mark: '‘', re: /(?<![\p{L}\p{N}])‘((?:[^‘’]|’(?=\p{L}))+)’(?!\p{L})/gu },
];

/** Paragraphs of an article text, as makeArticle separates them (blank lines). */
export function paragraphs(text: string): string[] {
  return text.split(/\n\s*\n/).map((p) => p.replace(/\s+/g, ' ').trim());
}

/**
 * The quotes of one paragraph. A quote left open at the paragraph's end runs to that end (news style
 * reopens a long quote in the next paragraph, which then yields its own quote).
 * @example quoteSpans('"We will reopen soon," Ortiz said.', 0)[0].text // → "We will reopen soon"
 */
export function quoteSpans(paragraph: string, index: number): QuoteSpan[] {
  const out: QuoteSpan[] = [];
  const plain = blankMarkup(paragraph);
  const pairs: MarkPair[] = [...pairDoubleMarks(plain)];
  for (const { mark, re } of SINGLE_PAIRS)
    for (const m of plain.includes(mark) ? plain.matchAll(re) : []) {
      const close = m.index + m[0].length;
      if (pairs.some((p) => m.index < p.close && close > p.open)) continue;
      pairs.push({ open: m.index, close, closed: m[0].length > 1 && /[»’]$/.test(m[0]) });
    }
  for (const { open, close, closed } of pairs) {
    const text = paragraph
      .slice(open + 1, closed ? close - 1 : close)
      .trim()
      .replace(/[,;:]+$/, '')
      .trim();
    if (text.split(/\s+/).filter((w) => hasLetterOrDigit(w)).length < MIN_QUOTE_WORDS) continue;
    out.push({ text, paragraph: index, open, close, closed });
  }
  return out.sort((a, b) => a.open - b.open);
}
