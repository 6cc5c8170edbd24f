/**
 * Quotes of one article's raw text with offsets into it. A quote left open at a paragraph's end whose
 * next paragraph opens with a quote mark is one quote across both (news style reopens a long quote in
 * each paragraph and closes it only in the last).
 */
import { quoteSpans } from './quote-spans.js';
import { isTitleQuote, WORD } from './title-quote.js';
import { isCapitalized } from '../text/letters.js';

/** Quoted words that open on one stop or comma and a space: the pairing of the marks went wrong. */
const STOP_FIRST = /^[.,;:!?](?!\s*[.!?])\s/;

export interface TextQuote {
  /** The quoted words, marks removed, paragraphs joined by a space. */
  readonly text: string;
  /** UTF-16 offsets of the opening mark and just after the closing mark (or the paragraph end). */
  readonly open: number;
  readonly close: number;
  /** Offsets of the quoted words, inside the marks. */
  readonly start: number;
  readonly end: number;
}

/**
 * Paragraphs of `text` with their offsets: blank lines separate them, and so does a single line break
 * after a line that ends a sentence (pages that put one paragraph per line); a line break inside a
 * sentence is wrapping.
 */
export function paragraphRanges(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let at = 0;
  for (const m of text.matchAll(/\n\s*\n|(?<=[.!?”"’:)])[ \t]*\n/g)) {
    if (m.index > at) out.push({ start: at, end: m.index });
    at = m.index + m[0].length;
  }
  if (at < text.length) out.push({ start: at, end: text.length });
  return out;
}

/**
 * The quotes of `text`, in order.
 * @example textQuotes('“We will reopen the bridge,” Ortiz said.')[0] // → { text: "We will reopen the bridge", open: 0, close: 28, start: 1, end: 26 }
 */
export function textQuotes(text: string): TextQuote[] {
  const out: TextQuote[] = [];
  let pending: { parts: string[]; open: number; close: number; start: number; end: number } | undefined;
  const flush = () => {
    if (pending) out.push({ ...pending, text: pending.parts.join(' ').replace(/\s+/g, ' ') });
    pending = undefined;
  };
  paragraphRanges(text).forEach((range, i) => {
    const para = text.slice(range.start, range.end);
    // A headline quotes what the story reports; the quote itself is in the body.
    if (isHeadline(para)) {
      flush();
      return;
    }
    const spans = quoteSpans(para, i)
      .map((s) => {
        const [from, to] = innerRange(para, s.open, s.close, s.closed);
        return {
          ...s,
          open: range.start + s.open,
          close: range.start + s.close,
          start: range.start + from,
          end: range.start + to,
        };
      })
      // A title, a show or a slogan on a hat is a name in quote marks, not words someone said.
      .filter((s) => !(s.closed && isTitleQuote(text, s.open, s.close, s.text)))
      // ". Mr hague also refused…": a closing mark read as an opening one (a mark lost before it).
      .filter((s) => !STOP_FIRST.test(text.slice(s.start, s.end)));
    // A quote left open goes on only when this paragraph opens with a quote mark.
    if (pending && spans[0]?.open === range.start + (para.length - para.trimStart().length)) {
      const s = spans.shift()!;
      pending.parts.push(s.text);
      pending.close = s.close;
      pending.end = s.end;
      if (s.closed || spans.length > 0) flush();
    } else flush();
    spans.forEach((s, k) => {
      if (!s.closed && k === spans.length - 1) {
        pending = { parts: [s.text], open: s.open, close: s.close, start: s.start, end: s.end };
      } else
        out.push({
          text: s.text.replace(/\s+/g, ' '),
          open: s.open,
          close: s.close,
          start: s.start,
          end: s.end,
        });
    });
  });
  flush();
  return out;
}

/** The quoted words inside the marks at [open, close): marks, spaces and a joining comma left out. */
function innerRange(para: string, open: number, close: number, closed: boolean): [number, number] {
  let from = open + 1;
  let to = close;
  if (closed && to - 1 > from) to--;
  while (to > from && /[\s,;:]/.test(para[to - 1]!)) to--;
  while (from < to && /\s/.test(para[from]!)) from++;
  return [from, to];
}

/**
 * Whether a paragraph is a headline: short, with every word of four or more letters capitalised
 * (`Voss: ‘The Bridge Will Reopen Before The Summer’`), or all in capitals (`2. FERRY CREWS ‘READY
 * TO SAIL AGAIN’`). Its quote is skipped because the body carries it in full (PolNeAR does annotate
 * some: 27 headline quotes of train are the most of what detection misses); a sentence that quotes a
 * capitalised slogan has lowercase words around it and is not one.
 */
export function isHeadline(para: string): boolean {
  if (para.length > 200) return false;
  const words = para.match(WORD) ?? [];
  const long = words.filter((w) => w.replace(/['’-]/g, '').length >= 4);
  return long.length >= 3 && long.every(isCapitalized);
}
