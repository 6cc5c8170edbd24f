/**
 * Selection under a word budget, the one place where the budget is enforced. Two walks share it:
 * `selectGreedy` takes candidates best first, `selectMmr` re-scores the rest after each pick (maximal
 * marginal relevance). A candidate too long for what is left is skipped (a shorter one may still fit),
 * so the summary never exceeds the budget.
 */
import type { AnalyzedStory } from '../model.js';
import { Budget, type SelectOptions } from './budget.js';
import { selectReadable } from './select-readable.js';

export { isHeading, type SelectOptions } from './budget.js';

/**
 * Indices of the chosen sentences, in the order they were chosen.
 * @example selectGreedy(doc, [4, 0, 7], { words: 50 }) // → [4, 0] if 7 no longer fits
 */
export function selectGreedy(
  doc: AnalyzedStory,
  ranked: readonly number[],
  options: SelectOptions,
): number[] {
  if (options.readable) return selectReadable(doc, ranked, options);
  const budget = new Budget(doc, options);
  for (const i of ranked) {
    if (budget.full) break;
    if (budget.admits(i)) budget.add(i);
  }
  return budget.fallback(ranked);
}

/** Most relevant sentences MMR considers. */
const MMR_POOL = 2000;

/**
 * Maximal marginal relevance (Carbonell & Goldstein 1998): repeatedly pick the sentence maximising
 * λ·relevance − (1−λ)·max similarity to what is already chosen.
 */
export function selectMmr(
  doc: AnalyzedStory,
  relevance: ArrayLike<number>,
  similarity: (a: number, b: number) => number,
  lambda: number,
  options: SelectOptions,
): number[] {
  const budget = new Budget(doc, options);
  const maxSim = new Float64Array(doc.sentences.length);
  const byRelevance = doc.sentences
    .map((_, i) => i)
    .sort((a, b) => (relevance[b] ?? 0) - (relevance[a] ?? 0));
  // Each pick re-scores every open sentence, so MMR over a 100,000-sentence page is quadratic; the
  // summary comes from the most relevant sentences anyway (real stories stay far under the pool).
  const open = new Set(byRelevance.slice(0, MMR_POOL));
  while (!budget.full && open.size > 0) {
    let best = -1;
    let bestScore = -Infinity;
    for (const i of open) {
      const score = lambda * (relevance[i] ?? 0) - (1 - lambda) * maxSim[i]!;
      if (score > bestScore) {
        bestScore = score;
        best = i;
      }
    }
    open.delete(best);
    if (!budget.admits(best)) continue;
    budget.add(best);
    for (const i of open) maxSim[i] = Math.max(maxSim[i]!, similarity(i, best));
  }
  return budget.fallback(byRelevance);
}
