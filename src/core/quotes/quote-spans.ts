/**
 * Quoted passages in an article's text. Quotes are found in paragraphs, not sentences, so a quote the
 * sentence splitter cut in two ("We waited. Then the roof fell," she said) is still one quote. Curly
 * (“…”), straight ("…", paired in order), guillemet («…») and British single (‘…’) quotes are read; a
 * single quote opens only at a word start and closes only where no letter follows, so apostrophes
 * ("don’t", "the city’s") are never taken for quote marks.
 */

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

const PAIRS: readonly (readonly [RegExp, string])[] = [
  [/“([^“”]+)(?:”|$)/g, '“'],
  [/«([^«»]+)(?:»|$)/g, '«'],
  [/(?<![\p{L}\p{N}])‘((?:[^‘’]|’(?=\p{L}))+)’(?!\p{L})/gu, '‘'],
  [/"([^"]+)(?:"|$)/g, '"'],
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
  const taken: [number, number][] = [];
  for (const [re] of PAIRS) {
    for (const m of paragraph.matchAll(re)) {
      const open = m.index;
      const close = open + m[0].length;
      if (taken.some(([s, e]) => open < e && close > s)) continue;
      taken.push([open, close]);
      const text = m[1]!
        .trim()
        .replace(/[,;:]+$/, '')
        .trim();
      if (text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length < MIN_QUOTE_WORDS) continue;
      const closed = m[0].length > 1 && /[”»’"]$/.test(m[0]);
      out.push({ text, paragraph: index, open, close, closed });
    }
  }
  return out.sort((a, b) => a.open - b.open);
}
