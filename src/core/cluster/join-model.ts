/**
 * The learned join decision for dated articles: a model over `joinFeatures` of each of the best few
 * candidate stories gives the probability that the story is the article's own; the article joins the
 * most probable candidate when that probability reaches the model's threshold, else it opens a story.
 * Boosted trees (`../match/trees.ts`), trained and their threshold chosen on folds of the dated train
 * stream by `lab/cluster-join/train.ts`, shipped in `join-model.json` and rebuilt byte for byte by it.
 */
import { ChorusError } from '../errors.js';
import { treeProbability, type TreeEnsemble } from '../match/trees.js';
import { JOIN_FEATURES } from './join-features.js';

export interface JoinModel {
  /** Feature names in input order: must be `JOIN_FEATURES`. */
  readonly features: readonly string[];
  /** Least probability to join, chosen on the train folds. */
  readonly threshold: number;
  readonly trees: TreeEnsemble;
}

/**
 * The model file checked against the features this code computes (`LATE_FEATURES` for the late model).
 * @throws ChorusError 'invalid-input' when the file was trained on other features.
 */
export function checkJoinModel(model: JoinModel, features: readonly string[] = JOIN_FEATURES): JoinModel {
  const expected = features.join(',');
  if (model.features.join(',') !== expected)
    throw new ChorusError(
      'invalid-input',
      `expected a join model over the features ${expected}, found one over ${model.features.join(',')}`,
    );
  return model;
}

/** Probability that the candidate with features `x` is the article's story. */
export function joinProbability(model: JoinModel, x: readonly number[]): number {
  return treeProbability(model.trees, x);
}
