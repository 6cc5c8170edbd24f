/**
 * `chorus`: the learned summarizer. Every sentence is scored by a logistic model over the features of
 * `features.ts` (trained on Multi-News with greedy ROUGE-oracle labels by `bench/train.ts`), then chosen
 * best first under the word budget, with trigram blocking against repeats.
 *
 * Length model: the summary stops once it reaches a target length, before the hard cap of
 * `options.words` when the story is short: target = min(cap, TARGET_BASE + TARGET_PER_INPUT_WORD × input
 * words). Short inputs have less to say, and ROUGE F1 (like a reader) punishes padding. The constants were
 * tuned on the Multi-News validation split (`bench/tune-chorus.ts`), never on test.
 */
import type { AnalyzedStory, Summary } from '../model.js';
import modelFile from './chorus-model.json' with { type: 'json' };
import { sentenceFeatures } from './features.js';
import { trigramBlocking } from './redundancy.js';
import { checkModel, scoreRows, type SentenceModel } from './scorer.js';
import { selectGreedy } from './select.js';
import { budgetOf, buildSummary } from './summary.js';
import type { SummarizeOptions, Summarizer } from './summarizer.js';
import { storyVectors } from './vectors.js';
import { countWords } from '../text/index.js';

export interface ChorusParams {
  /** Target words before the input-length term. */
  readonly targetBase: number;
  /** Target words added per word of input. */
  readonly targetPerInputWord: number;
  /** Sentences shorter than this are never chosen. */
  readonly minWords: number;
  /** Sentences longer than this are never chosen. */
  readonly maxWords: number;
  /** Trigrams a candidate may share with the summary before it counts as a repeat. */
  readonly maxSharedTrigrams: number;
  /** Sentences scoring under this log-odds are left out once the summary has `floorWords`. */
  readonly stopBelow: number;
  /** Words the summary reaches whatever the scores (when the budget allows). */
  readonly floorWords: number;
}

export const CHORUS_PARAMS: ChorusParams = Object.freeze({
  targetBase: 1000,
  targetPerInputWord: 0,
  minWords: 4,
  maxWords: 80,
  maxSharedTrigrams: 3,
  stopBelow: -Infinity,
  floorWords: 0,
});

export interface Ranking {
  /** Sentence indices, best first. */
  readonly order: readonly number[];
  /** Log-odds per sentence index. */
  readonly scores: Float64Array;
}

/** Ranks the sentences of `doc` by the model's score, best first. */
export function rankSentences(doc: AnalyzedStory, model: SentenceModel): Ranking {
  const { vectors } = storyVectors(doc);
  const scores = scoreRows(model, sentenceFeatures(doc, vectors));
  return { order: Array.from(scores.keys()).sort((a, b) => scores[b]! - scores[a]! || a - b), scores };
}

/** Picks sentences from a ranking under the budget and the length model. */
export function chooseFromRanking(
  doc: AnalyzedStory,
  ranking: Ranking,
  words: number,
  params: ChorusParams,
): number[] {
  const inputWords = doc.sentences.reduce((n, s) => n + s.tokens.length, 0);
  const target = Math.min(words, Math.round(params.targetBase + params.targetPerInputWord * inputWords));
  const select = (ranked: readonly number[], goal: number): number[] =>
    selectGreedy(doc, ranked, {
      words,
      target: goal,
      minWords: params.minWords,
      maxWords: params.maxWords,
      redundant: trigramBlocking(doc, params.maxSharedTrigrams),
    });
  const confident = ranking.order.filter((i) => ranking.scores[i]! >= params.stopBelow);
  const chosen = select(confident, target);
  const floor = Math.min(target, params.floorWords);
  if (confident.length === ranking.order.length || floor === 0) return chosen;
  const length = chosen.reduce((n, i) => n + countWords(doc.sentences[i]!.text), 0);
  return length >= floor ? chosen : select(ranking.order, floor);
}

const NAME = 'chorus';
const DESCRIPTION = 'learned sentence scorer (position, centrality, corroboration, cues) with a length model';

/** A `chorus` summarizer over a given model and parameters (the registry's uses the committed ones). */
export function makeChorus(model: SentenceModel, params: ChorusParams = CHORUS_PARAMS): Summarizer {
  checkModel(model);
  return {
    name: NAME,
    description: DESCRIPTION,
    summarize(doc: AnalyzedStory, options: SummarizeOptions): Summary {
      const words = budgetOf(options);
      const chosen = chooseFromRanking(doc, rankSentences(doc, model), words, params);
      return buildSummary(NAME, doc, chosen, { words });
    },
  };
}

let committed: Summarizer | undefined;

/**
 * The registry's `chorus`, over the committed `chorus-model.json`. The model is checked on first use, not
 * at import, so that a stale model file never stops the other summarizers (or retraining) from loading.
 */
export const chorus: Summarizer = {
  name: NAME,
  description: DESCRIPTION,
  summarize(doc: AnalyzedStory, options: SummarizeOptions): Summary {
    committed ??= makeChorus(modelFile as SentenceModel);
    return committed.summarize(doc, options);
  },
};
