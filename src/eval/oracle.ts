/**
 * Greedy ROUGE oracle: the extract a summarizer would choose if it could read the reference. It adds,
 * one at a time, the sentence that most raises the mean of ROUGE-1 and ROUGE-2 F1 against the
 * references (averaged over them), until nothing fits the word budget or no sentence raises the score.
 * Two uses: the ceiling row of `chorus eval --oracle`, and sentence labels for training a scorer.
 *
 * Source: the greedy labelling of Nallapati et al., "SummaRuNNer", AAAI 2017, §4. Departures: scores
 * use rouge-score's tokenizer with stemming (as our evaluation does), and bigrams that would span two
 * chosen sentences are not counted (the gain of a sentence then depends on it alone, which keeps each
 * step linear in the story's length).
 */
import type { AnalyzedStory } from '../core/model.js';
import type { Summarizer } from '../core/summarize/summarizer.js';
import { countWords } from '../core/text/index.js';
import { ngramCounts, total } from './rouge/ngrams.js';
import { fmeasure } from './rouge/score.js';
import { rougeTokens, Vocabulary } from './rouge/tokenize.js';

export interface OracleOptions {
  /** Word budget, counted as summaries count words (`countWords`). */
  readonly words: number;
  /** Only these sentences may be chosen (default: all), e.g. those a summarizer can show. */
  readonly candidates?: (i: number) => boolean;
}

interface Counts {
  readonly one: Map<number, number>;
  readonly two: Map<number, number>;
  readonly total1: number;
  readonly total2: number;
}

function counts(ids: Int32Array): Counts {
  const one = ngramCounts(ids, 1);
  const two = ngramCounts(ids, 2);
  return { one, two, total1: total(one), total2: total(two) };
}

/** Clipped hits added by `add` on top of `selected`, against `reference`. */
function gain(
  add: Map<number, number>,
  selected: Map<number, number>,
  reference: Map<number, number>,
): number {
  let hits = 0;
  for (const [key, n] of add) {
    const cap = reference.get(key);
    if (cap === undefined) continue;
    const before = selected.get(key) ?? 0;
    hits += Math.min(before + n, cap) - Math.min(before, cap);
  }
  return hits;
}

function merge(into: Map<number, number>, add: Map<number, number>): void {
  for (const [key, n] of add) into.set(key, (into.get(key) ?? 0) + n);
}

/**
 * Indices (into `doc.sentences`) of the greedy oracle extract, in the order chosen.
 * Example: `greedyOracle(doc, [reference], { words: 250 })` → `[3, 0, 12]`.
 */
export function greedyOracle(
  doc: AnalyzedStory,
  references: readonly string[],
  options: OracleOptions,
): number[] {
  if (references.length === 0 || doc.sentences.length === 0) return [];
  const vocabulary = new Vocabulary();
  const refs = references.map((r) => counts(vocabulary.encode(rougeTokens(r, true))));
  const sentences = doc.sentences.map((s) => counts(vocabulary.encode(rougeTokens(s.text, true))));
  const lengths = doc.sentences.map((s) => countWords(s.text));
  const selected = { one: new Map<number, number>(), two: new Map<number, number>(), total1: 0, total2: 0 };
  const hits = refs.map(() => ({ one: 0, two: 0 }));
  const chosen: number[] = [];
  let words = 0;
  let best = 0;
  for (;;) {
    let pick = -1;
    let pickScore = best;
    sentences.forEach((s, i) => {
      if (chosen.includes(i) || words + (lengths[i] ?? 0) > options.words || s.total1 === 0) return;
      if (options.candidates && !options.candidates(i)) return;
      let sum = 0;
      refs.forEach((r, k) => {
        const h = hits[k] as { one: number; two: number };
        const h1 = h.one + gain(s.one, selected.one, r.one);
        const h2 = h.two + gain(s.two, selected.two, r.two);
        const f1 = fmeasure(h1 / (selected.total1 + s.total1), h1 / Math.max(r.total1, 1));
        const f2 =
          selected.total2 + s.total2 > 0
            ? fmeasure(h2 / (selected.total2 + s.total2), h2 / Math.max(r.total2, 1))
            : 0;
        sum += (f1 + f2) / 2;
      });
      const score = sum / refs.length;
      if (score > pickScore) {
        pickScore = score;
        pick = i;
      }
    });
    if (pick < 0) return chosen;
    const s = sentences[pick] as Counts;
    refs.forEach((r, k) => {
      const h = hits[k] as { one: number; two: number };
      h.one += gain(s.one, selected.one, r.one);
      h.two += gain(s.two, selected.two, r.two);
    });
    merge(selected.one, s.one);
    merge(selected.two, s.two);
    selected.total1 += s.total1;
    selected.total2 += s.total2;
    chosen.push(pick);
    words += lengths[pick] ?? 0;
    best = pickScore;
  }
}

/** Name of the oracle's row: not a registered summarizer, since it needs the references. */
export const ORACLE = 'oracle';

/**
 * The oracle as a Summarizer for one example (it must be told the references): its extract in reading
 * order, without citations, so the evaluation runs and scores it like any method.
 */
export function oracleSummarizer(references: readonly string[]): Summarizer {
  return {
    name: ORACLE,
    description: 'greedy ROUGE-1+2 extract chosen with the references (a ceiling, not a summarizer)',
    summarize: (doc, options) => {
      const chosen = greedyOracle(doc, references, options).sort((a, b) => a - b);
      const sentences = chosen.map((i) => ({ text: doc.sentences[i]?.text ?? '', citations: [] }));
      const words = sentences.reduce((n, s) => n + countWords(s.text), 0);
      return { method: ORACLE, words, sentences, warnings: [] };
    },
  };
}
