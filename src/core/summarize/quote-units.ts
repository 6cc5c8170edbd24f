/**
 * Quotations that run over several sentences, as units for selection: the sentence splitter cuts
 * `"We lost. We will be back."` in two, and a summary taking one of them shows a quote mark without
 * its partner. A unit is the run of sentences of one paragraph from the one that opens a quotation to
 * the one that closes it; sentences whose quotes pair up alone are their own unit.
 */
import type { AnalyzedStory } from '../model.js';
import { quoteBalance, type QuoteBalance } from './readability.js';

/** Longest quotation taken as one unit: longer runs are a speech, not a sentence to quote. */
export const MAX_UNIT_SENTENCES = 4;

/**
 * For each sentence index, the [first, last] sentence indices of its unit, or undefined when its
 * quotation never closes within the paragraph (or runs past `MAX_UNIT_SENTENCES`): the source itself
 * is unbalanced there, and no choice of sentences mends it.
 */
export function quoteUnits(doc: AnalyzedStory): (readonly [number, number] | undefined)[] {
  const { sentences } = doc;
  const out: (readonly [number, number] | undefined)[] = new Array(sentences.length);
  let i = 0;
  while (i < sentences.length) {
    const s = sentences[i]!;
    let b: QuoteBalance = { straight: 0, curly: 0 };
    let j = i;
    for (; j < sentences.length; j++) {
      const t = sentences[j]!;
      if (t.article !== s.article || t.paragraph !== s.paragraph) break;
      b = quoteBalance(t.text, b);
      // A closing quote with nothing open (curly < 0) cannot be mended by what follows.
      if ((b.straight === 0 && b.curly === 0) || b.curly < 0) break;
    }
    const closed = j < sentences.length && b.straight === 0 && b.curly === 0;
    const last = closed ? j : Math.max(i, j - 1);
    const unit: readonly [number, number] | undefined =
      closed && last - i < MAX_UNIT_SENTENCES ? [i, last] : undefined;
    // An unbalanced source sentence stands alone (undefined); the rest of its paragraph is scanned anew.
    if (!unit) {
      out[i] = undefined;
      i++;
      continue;
    }
    for (let k = i; k <= last; k++) out[k] = unit;
    i = last + 1;
  }
  return out;
}
