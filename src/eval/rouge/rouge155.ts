/**
 * ROUGE-N recall the way the DUC/TAC evaluations ran the Perl ROUGE-1.5.5: `-n 2 -f A` (hits and counts
 * summed over all references: "model averaging"), `-l WORDS` (every summary cut to its first WORDS
 * words), `-m` (Porter stems of tokens longer than 3 characters) and `-s` (stop words removed).
 *
 * Where we depart from the Perl script, knowingly:
 * - `-m`: ROUGE-1.5.5 first looks words up in WordNet 2.0's exception lists ("went" → "go"), which are not
 *   available here; we apply its Porter stemmer (the original algorithm, the `stemmer` package) alone.
 * - `-s`: ROUGE-1.5.5 uses the SMART common-word list; we use Chorus's stop-word list.
 * - `-l`: we count the words the tokenizer keeps (so "U.S." or "senator-for-life" count as several);
 *   TAC 2011 was scored without `-l`, so this detail could not be checked against official scores.
 * Without `-m` and `-s` the scores match the official ROUGE-1.5.5 scores of TAC 2011 MultiLing
 * (see `bench/rouge-conformance.ts --tac`).
 */
import { stemmer } from 'stemmer';
import { isStopWord } from '../../core/text/stopwords.js';
import { ngramCounts, overlap, total } from './ngrams.js';
import { score, ZERO_SCORE, type RougeScore } from './score.js';
import { rougeTokens, Vocabulary } from './tokenize.js';

export interface Rouge155Options {
  /** `-l`: only the first this many words of each summary count. */
  readonly words?: number;
  /** `-m`: Porter-stem tokens longer than 3 characters (original algorithm, as ROUGE-1.5.5). */
  readonly stem?: boolean;
  /** `-s`: drop stop words before counting n-grams. */
  readonly removeStopwords?: boolean;
}

/** ROUGE-1.5.5's tokens: lowercase alphanumeric runs, cut at the word limit, then filtered and stemmed. */
function tokens155(text: string, options: Rouge155Options): string[] {
  let words = rougeTokens(text, false);
  if (options.words !== undefined) words = words.slice(0, options.words);
  if (options.removeStopwords) words = words.filter((w) => !isStopWord(w));
  if (options.stem) words = words.map((w) => (w.length > 3 ? stemmer(w) : w));
  return words;
}

/** `-f A` averaging: hits and n-gram counts summed over the references before dividing. */
function averaged(candidate: Map<number, number>, references: readonly Map<number, number>[]): RougeScore {
  let hits = 0;
  let referenceCount = 0;
  let candidateCount = 0;
  const own = total(candidate);
  for (const r of references) {
    hits += overlap(r, candidate);
    referenceCount += total(r);
    candidateCount += own;
  }
  if (hits === 0) return ZERO_SCORE;
  return score(hits / candidateCount, hits / referenceCount);
}

/**
 * ROUGE-1 and ROUGE-2 of `candidate` against all `references`, ROUGE-1.5.5 style (`-n 2 -f A`, plus `-l`,
 * `-m`, `-s` as given). DUC 2003/2004 report the recall with `-l 100 -m`.
 * Example: `rouge155(summary, models, { words: 100, stem: true }).rouge1.recall`.
 */
export function rouge155(
  candidate: string,
  references: readonly string[],
  options: Rouge155Options = {},
): { rouge1: RougeScore; rouge2: RougeScore } {
  const vocabulary = new Vocabulary();
  const c = vocabulary.encode(tokens155(candidate, options));
  const refs = references.map((r) => vocabulary.encode(tokens155(r, options)));
  return {
    rouge1: averaged(
      ngramCounts(c, 1),
      refs.map((r) => ngramCounts(r, 1)),
    ),
    rouge2: averaged(
      ngramCounts(c, 2),
      refs.map((r) => ngramCounts(r, 2)),
    ),
  };
}
