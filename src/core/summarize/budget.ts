/**
 * What selection has taken so far under the word budget, and whether a sentence (or a run of them) may
 * still be added: the one place where the cap, the length filters and the redundancy test are applied.
 */
import type { AnalyzedStory } from '../model.js';
import { countWords } from '../text/index.js';
import type { RedundancyTest } from './redundancy.js';

const ENDS_A_SENTENCE = /[.!?…]["'”’)\]]*$/;

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
  /**
   * With `readable`, flaws that lower a sentence's place instead of ruling it out: each is subtracted
   * from the sentence's ranking key (`keys`), and the walk goes down the keys so lowered. Infinity (the
   * default) rules the flaw out; a finite penalty lets a sentence the ranking rates far above the rest
   * in despite the flaw.
   */
  readonly flawPenalties?: FlawPenalties;
  /** Ranking key of each sentence (higher is better, `ranked` sorts by it); needed by finite penalties. */
  readonly keys?: ArrayLike<number>;
}

/** What a flaw costs in a sentence's ranking key (see `SelectOptions.flawPenalties`). */
export interface FlawPenalties {
  /** No final punctuation, or trailing off in "...", ":" or ",": the source was cut there. */
  readonly cutOff: number;
  /** A quotation the source does not close within the paragraph (or closes only after a long speech). */
  readonly unclosedQuote: number;
  /** Opens pointing back ("But…", "It…", "He…") with what it points to neither chosen nor able to come along. */
  readonly dangling: number;
  /**
   * A subheading or a question (readability.ts `isSubheading`), no statement a reader can take out of
   * its place. Default Infinity: never taken.
   */
  readonly subheading?: number;
  /**
   * A flawed sentence whose lowered key falls under this is never taken: late in the walk it would only
   * pad a story that ran out of clean sentences, where a shorter summary reads better.
   */
  readonly floor: number;
}

export const NO_FLAWS_ALLOWED: FlawPenalties = Object.freeze({
  cutOff: Infinity,
  unclosedQuote: Infinity,
  dangling: Infinity,
  subheading: Infinity,
  floor: -Infinity,
});

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

export class Budget {
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
