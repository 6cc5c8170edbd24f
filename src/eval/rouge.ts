/**
 * ROUGE as Google's rouge-score computes it (`rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL",
 * "rougeLsum"], use_stemmer=True)`), so our figures compare with published ones: the rouge-score
 * tokenizer (see `rouge/tokenize.ts`), clipped n-gram overlap, LCS, and summary-level union LCS over
 * newline-separated sentences for ROUGE-Lsum. `rougeScoresMulti` is `score_multi`: per measure, the
 * scores against the reference with the highest F1 (the first on ties).
 *
 * Source: C.-Y. Lin, "ROUGE: A Package for Automatic Evaluation of Summaries", 2004; rouge-score
 * (github.com/google-research/google-research, `rouge/`). Tested on rouge-score's own test values.
 */
import { ngramCounts, scoreNgrams } from './rouge/ngrams.js';
import { scoreLcs, scoreSummaryLcs } from './rouge/lcs.js';
import { type RougeScore } from './rouge/score.js';
import { rougeTokens, Vocabulary } from './rouge/tokenize.js';

export type { RougeScore } from './rouge/score.js';
export { rouge155, type Rouge155Options } from './rouge/rouge155.js';

export interface RougeScores {
  readonly rouge1: RougeScore;
  readonly rouge2: RougeScore;
  readonly rougeL: RougeScore;
  readonly rougeLsum: RougeScore;
}

export const ROUGE_TYPES = ['rouge1', 'rouge2', 'rougeL', 'rougeLsum'] as const;
export type RougeType = (typeof ROUGE_TYPES)[number];

export interface RougeOptions {
  /** Porter-stem tokens longer than 3 characters (rouge-score `use_stemmer`). */
  readonly stem?: boolean;
}

export const ROUGE_DEFAULTS: Required<RougeOptions> = Object.freeze({ stem: true });

/** A text tokenized once for every measure. */
interface Prepared {
  readonly ids: Int32Array;
  readonly unigrams: Map<number, number>;
  readonly bigrams: Map<number, number>;
  /** Token ids per non-empty line, for ROUGE-Lsum. */
  readonly sentences: Int32Array[];
}

function prepare(text: string, vocabulary: Vocabulary, stemming: boolean): Prepared {
  const ids = vocabulary.encode(rougeTokens(text, stemming));
  const sentences = text
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => vocabulary.encode(rougeTokens(line, stemming)));
  return { ids, unigrams: ngramCounts(ids, 1), bigrams: ngramCounts(ids, 2), sentences };
}

function scorePrepared(reference: Prepared, candidate: Prepared): RougeScores {
  return {
    rouge1: scoreNgrams(reference.unigrams, candidate.unigrams),
    rouge2: scoreNgrams(reference.bigrams, candidate.bigrams),
    rougeL: scoreLcs(reference.ids, candidate.ids),
    rougeLsum: scoreSummaryLcs(reference.sentences, candidate.sentences),
  };
}

/**
 * ROUGE-1/2/L/Lsum of `candidate` against one `reference` (rouge-score `score(target, prediction)`).
 * For ROUGE-Lsum, put each sentence of both texts on its own line.
 * Example: `rougeScores("testing one", "testing one two").rouge1.recall` → 2/3.
 */
export function rougeScores(candidate: string, reference: string, options: RougeOptions = {}): RougeScores {
  const { stem } = { ...ROUGE_DEFAULTS, ...options };
  const vocabulary = new Vocabulary();
  return scorePrepared(prepare(reference, vocabulary, stem), prepare(candidate, vocabulary, stem));
}

/**
 * ROUGE against several references (rouge-score `score_multi`): for each measure, the scores against
 * the reference with the best F1, the first one on ties. No references gives zeros.
 */
export function rougeScoresMulti(
  candidate: string,
  references: readonly string[],
  options: RougeOptions = {},
): RougeScores {
  const { stem } = { ...ROUGE_DEFAULTS, ...options };
  const vocabulary = new Vocabulary();
  const prepared = prepare(candidate, vocabulary, stem);
  const all = references.map((r) => scorePrepared(prepare(r, vocabulary, stem), prepared));
  const best = (type: RougeType): RougeScore => {
    let top: RougeScore = { precision: 0, recall: 0, f: 0 };
    let first = true;
    for (const s of all) {
      if (first || s[type].f > top.f) top = s[type];
      first = false;
    }
    return top;
  };
  return {
    rouge1: best('rouge1'),
    rouge2: best('rouge2'),
    rougeL: best('rougeL'),
    rougeLsum: best('rougeLsum'),
  };
}
