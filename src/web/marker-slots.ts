/**
 * Where the Markdown and HTML reports print each summary sentence's citation marker. A quotation the
 * sentence splitter cut at a sentence end comes out as several summary sentences; a marker after each
 * piece would stand inside the open quotation (“…piece one. [1] Piece two.” [1]) and read as broken.
 * When consecutive summary sentences are consecutive sentences of one article and together open and
 * close one quotation, their markers move after the piece that closes it.
 *
 * Trust first: a marker printed after the quotation says that every piece of it is cited by those
 * sources, so the pieces share one marker only when they cite the same sources. When their sources
 * differ, the pieces keep their own markers where they are: merging (a union) would show a piece as
 * cited by a source that does not cite it, and a row of markers after the closing mark ([1,2][1]) or
 * the shared sources after the quotation with the rest inside it would leave the reader to guess
 * which marker belongs to which piece.
 */
import type { Citation, SummarySentence } from '../core/model.js';
import { quoteBalance, type QuoteBalance } from '../core/summarize/readability.js';

/** A marker to print: the citations of summary sentence `sentence` (its passages are the targets). */
export interface MarkerSlot {
  readonly sentence: number;
  readonly citations: readonly Citation[];
}

/** The quote state after `text`, or null when a closing curly mark has nothing to close. */
function readQuotes(text: string, from: QuoteBalance): QuoteBalance | null {
  const state = quoteBalance(text, from);
  return state.unopened ? null : state;
}

const CLOSED: QuoteBalance = { straight: 0, curly: 0 };
const isClosed = (s: QuoteBalance): boolean => s.straight === 0 && s.curly === 0;
const hasMarks = (text: string): boolean => /["“”]/.test(text);

function origin(s: SummarySentence): Citation | undefined {
  return s.citations.find((c) => c.origin);
}

/** Whether `b` is the sentence right after `a` in `a`'s article. */
function follows(a: SummarySentence, b: SummarySentence): boolean {
  const x = origin(a);
  const y = origin(b);
  return x !== undefined && y !== undefined && x.article === y.article && x.sentence + 1 === y.sentence;
}

function sameSources(a: SummarySentence, b: SummarySentence): boolean {
  const key = (s: SummarySentence) => s.citations.map((c) => c.article).join(',');
  return key(a) === key(b);
}

/**
 * The index of the summary sentence that closes the quotation opened in sentence `start`, or −1. The
 * pieces between must carry no quotation mark, so that a stray or nested mark never joins sentences.
 */
function closingPiece(sentences: readonly SummarySentence[], start: number): number {
  let state = readQuotes(sentences[start]!.text, CLOSED);
  if (state === null || isClosed(state)) return -1;
  for (let k = start + 1; k < sentences.length; k++) {
    if (!follows(sentences[k - 1]!, sentences[k]!)) return -1;
    const text = sentences[k]!.text;
    if (!hasMarks(text)) continue;
    state = readQuotes(text, state);
    return state !== null && isClosed(state) ? k : -1;
  }
  return -1;
}

/**
 * For each summary sentence, the markers to print after it, in order: its own, none (a piece of a
 * quotation whose marker comes after the closing piece), or the quotation's one marker.
 *
 * @example markerSlots(pieces) // [[], [{ sentence: 0, citations }]] for “A. B.” cited alike
 */
export function markerSlots(sentences: readonly SummarySentence[]): MarkerSlot[][] {
  const slots: MarkerSlot[][] = sentences.map((s, i) => [{ sentence: i, citations: s.citations }]);
  for (let i = 0; i < sentences.length; i++) {
    const end = closingPiece(sentences, i);
    if (end < 0) continue;
    if (sentences.slice(i + 1, end + 1).every((s) => sameSources(sentences[i]!, s))) {
      for (let k = i; k < end; k++) slots[k] = [];
      slots[end] = [{ sentence: i, citations: sentences[i]!.citations }];
    }
    i = end;
  }
  return slots;
}
