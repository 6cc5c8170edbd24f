/**
 * Selection under a word budget, the one place where the budget is enforced. Two walks share it:
 * `selectGreedy` takes candidates best first, `selectMmr` re-scores the rest after each pick (maximal
 * marginal relevance). A candidate too long for what is left is skipped (a shorter one may still fit),
 * so the summary never exceeds the budget.
 */
import type { AnalyzedStory } from '../model.js';
import { countWords } from '../text/index.js';
import { quoteUnits } from './quote-units.js';
import { endsComplete, follows, pointsBack } from './readability.js';
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
  /**
   * Choose only sentences that read well out of place (readability.ts): a quotation over several
   * sentences is taken whole or not at all, a cut-off sentence never, and one that points back ("He…",
   * "But…") only with the sentence before it, which then comes along if it fits. When this leaves the
   * summary empty, the first candidate that fits is taken as before.
   */
  readonly readable?: boolean;
}

const ENDS_A_SENTENCE = /[.!?…]["'”’)\]]*$/;

/**
 * A heading, not a sentence: a paragraph of its own with no closing punctuation (subheads such as "What
 * the vote does", standfirsts, photo titles). It reads as a fragment in a summary, so it is never chosen
 * while a real sentence can be.
 */
export function isHeading(doc: AnalyzedStory, i: number): boolean {
  const s = doc.sentences[i];
  if (!s || ENDS_A_SENTENCE.test(s.text)) return false;
  const prev = doc.sentences[i - 1];
  const next = doc.sentences[i + 1];
  const alone = (n: typeof s | undefined) => !n || n.article !== s.article || n.paragraph !== s.paragraph;
  return alone(prev) && alone(next);
}

class Budget {
  readonly chosen: number[] = [];
  total = 0;
  private readonly lengths = new Map<number, number>();
  readonly target: number;

  constructor(
    private readonly doc: AnalyzedStory,
    private readonly options: SelectOptions,
  ) {
    this.target = Math.min(options.target ?? options.words, options.words);
  }

  get full(): boolean {
    return this.total >= this.target;
  }

  length(i: number): number {
    let n = this.lengths.get(i);
    if (n === undefined) this.lengths.set(i, (n = countWords(this.doc.sentences[i]?.text ?? '')));
    return n;
  }

  /** Whether sentence `i` may be added: right length, fits the cap, not redundant. */
  admits(i: number): boolean {
    const { minWords = 1, maxWords = Infinity, words, redundant } = this.options;
    if (!this.doc.sentences[i] || this.chosen.includes(i) || isHeading(this.doc, i)) return false;
    const n = this.length(i);
    if (n < minWords || n > maxWords || this.total + n > words) return false;
    return !(redundant && this.chosen.length > 0 && redundant(i, this.chosen));
  }

  /** Whether the sentences `unit` (consecutive, none chosen yet) may be added together. */
  admitsUnit(unit: readonly number[]): boolean {
    const { minWords = 1, maxWords = Infinity, words, redundant } = this.options;
    let n = 0;
    for (const i of unit) {
      if (!this.doc.sentences[i] || this.chosen.includes(i) || isHeading(this.doc, i)) return false;
      if (this.length(i) > maxWords) return false;
      n += this.length(i);
    }
    if (n < minWords || this.total + n > words) return false;
    return !(redundant && this.chosen.length > 0 && unit.some((i) => redundant(i, this.chosen)));
  }

  add(i: number): void {
    this.chosen.push(i);
    this.total += this.length(i);
  }

  /** When length filters left nothing, the first candidate that fits the cap at all. */
  fallback(order: Iterable<number>): number[] {
    if (this.chosen.length > 0) return this.chosen;
    for (const i of order) if (this.doc.sentences[i] && this.length(i) <= this.options.words) return [i];
    return [];
  }
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
  const budget = new Budget(doc, options);
  if (options.readable) {
    const unitOf = readableUnits(doc, budget);
    for (const i of ranked) {
      if (budget.full) break;
      const unit = unitOf(i);
      if (unit && budget.admitsUnit(unit)) for (const k of unit) budget.add(k);
    }
    return budget.fallback(ranked);
  }
  for (const i of ranked) {
    if (budget.full) break;
    if (budget.admits(i)) budget.add(i);
  }
  return budget.fallback(ranked);
}

/**
 * The sentences to take together when `i` is chosen, given what the budget holds: its quotation unit,
 * preceded by the sentence it points back to when that is not chosen yet; undefined when `i` cannot
 * read well (a quotation the source leaves open, a cut-off ending, an opening pointing back to nothing).
 */
function readableUnits(doc: AnalyzedStory, budget: Budget): (i: number) => number[] | undefined {
  const units = quoteUnits(doc);
  const { sentences } = doc;
  const range = ([a, b]: readonly [number, number]) => Array.from({ length: b - a + 1 }, (_, k) => a + k);
  const complete = (unit: readonly number[]) => endsComplete(sentences[unit[unit.length - 1]!]!.text);
  const chosen = (i: number) => budget.chosen.includes(i);
  /** Whether the unit starting at `first` needs the sentence before it, and whether that is already in. */
  const pointing = (first: number): 'no' | 'satisfied' | 'needs' => {
    const s = sentences[first]!;
    const kind = pointsBack(s.text);
    if (!kind) return 'no';
    if (chosen(first - 1) && follows(sentences[first - 1], s)) return 'satisfied';
    if (kind === 'person' && budget.chosen.some((c) => sentences[c]!.article === s.article && c < first))
      return 'satisfied';
    return 'needs';
  };
  return (i) => {
    const span = units[i];
    if (!span) return undefined;
    const unit = range(span);
    if (!complete(unit)) return undefined;
    if (pointing(span[0]) !== 'needs') return unit;
    // The antecedent: the unit just before, from the same article, itself readable and not pointing back.
    const before = span[0] - 1;
    const prior = units[before];
    if (!prior || !follows(sentences[before], sentences[span[0]]) || !complete(range(prior)))
      return undefined;
    if (pointing(prior[0]) === 'needs' || range(prior).some(chosen)) return undefined;
    return [...range(prior), ...unit];
  };
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
