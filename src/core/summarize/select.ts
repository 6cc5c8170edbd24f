/**
 * Greedy selection under a word budget: walk the candidates best first, keep each one that fits the
 * budget and is not redundant with what is kept. A candidate too long for what is left is skipped (a
 * shorter one further down may still fit), so the summary never exceeds the budget.
 */
import type { AnalyzedStory } from '../model.js';
import { countWords } from '../text/index.js';
import type { RedundancyTest } from './redundancy.js';

export interface SelectOptions {
  /** Hard cap on the summary's words (countWords). */
  readonly words: number;
  /** Stop once the summary has at least this many words (a length model's target); default: the cap. */
  readonly target?: number;
  /** Skip sentences with fewer words than this (fragments, datelines). */
  readonly minWords?: number;
  /** Skip sentences with more words than this (run-ons, unsplit lists). */
  readonly maxWords?: number;
  readonly redundant?: RedundancyTest;
}

/**
 * Indices of the chosen sentences, in the order they were chosen.
 * @example selectGreedy(doc, [4, 0, 7], { words: 50 }) // → [4, 0] if 7 no longer fits
 */
export function selectGreedy(
  doc: AnalyzedStory,
  ranked: readonly number[],
  options: SelectOptions,
): number[] {
  const { words, minWords = 1, maxWords = Infinity, redundant } = options;
  const target = Math.min(options.target ?? words, words);
  const chosen: number[] = [];
  let total = 0;
  for (const i of ranked) {
    if (total >= target) break;
    const s = doc.sentences[i];
    if (!s) continue;
    const n = countWords(s.text);
    if (n < minWords || n > maxWords || total + n > words) continue;
    if (redundant && chosen.length > 0 && redundant(i, chosen)) continue;
    chosen.push(i);
    total += n;
  }
  // Every candidate was filtered out by length: fall back to the best one that fits the cap at all,
  // so a story of short sentences still gets a summary.
  if (chosen.length === 0) {
    for (const i of ranked) {
      const s = doc.sentences[i];
      if (s && countWords(s.text) <= words) return [i];
    }
  }
  return chosen;
}
