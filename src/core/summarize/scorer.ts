/**
 * The learned sentence scorer of `chorus`, as trained by `lab/summarize/train.ts` (`npm run train -- --data
 * PATH`) and stored in `chorus-model.json`: either logistic regression over standardised features or
 * gradient-boosted regression trees on the logistic loss (Friedman 2001, "Greedy Function
 * Approximation: A Gradient Boosting Machine"; second-order leaf values as in XGBoost, Chen & Guestrin
 * 2016). Both give a log-odds per sentence; scoring costs nothing next to text analysis.
 */
import { ChorusError } from '../errors.js';
import { FEATURE_NAMES } from './features.js';

export interface LinearModel {
  readonly kind: 'logistic';
  /** Feature names in column order; must equal `FEATURE_NAMES`. */
  readonly features: readonly string[];
  readonly mean: readonly number[];
  readonly std: readonly number[];
  readonly weights: readonly number[];
  readonly bias: number;
  /** How the model was made (data, examples, labels), for the record. */
  readonly trainedOn?: string;
}

/**
 * One regression tree as parallel arrays: node k splits on `feature[k]` (go left when the value is
 * ≤ `threshold[k]`) unless `feature[k]` is -1, in which case it is a leaf worth `value[k]`.
 */
export interface Tree {
  readonly feature: readonly number[];
  readonly threshold: readonly number[];
  readonly left: readonly number[];
  readonly right: readonly number[];
  readonly value: readonly number[];
}

export interface TreeModel {
  readonly kind: 'trees';
  readonly features: readonly string[];
  readonly bias: number;
  readonly trees: readonly Tree[];
  readonly trainedOn?: string;
}

export type SentenceModel = LinearModel | TreeModel;

/** Checks that `model` fits the features this build computes. */
export function checkModel<M extends SentenceModel>(model: M): M {
  const f = FEATURE_NAMES.length;
  const sameNames =
    model.features.length === f && model.features.every((name, i) => name === FEATURE_NAMES[i]);
  const shapes =
    model.kind === 'logistic'
      ? model.mean.length === f && model.std.length === f && model.weights.length === f
      : model.trees.every((t) => t.feature.every((j) => j < f));
  if (!sameNames || !shapes) {
    throw new ChorusError(
      'internal',
      `expected a chorus model over the ${f} features [${FEATURE_NAMES.join(', ')}], found one over [${model.features.join(', ')}]: retrain with npm run train`,
    );
  }
  return model;
}

function treeValue(tree: Tree, row: Float64Array): number {
  let k = 0;
  for (;;) {
    const j = tree.feature[k]!;
    if (j < 0) return tree.value[k]!;
    k = row[j]! <= tree.threshold[k]! ? tree.left[k]! : tree.right[k]!;
  }
}

/** Log-odds that each feature row belongs in the summary. */
export function scoreRows(model: SentenceModel, rows: readonly Float64Array[]): Float64Array {
  const out = new Float64Array(rows.length);
  rows.forEach((row, r) => {
    let z = model.bias;
    if (model.kind === 'trees') {
      for (const t of model.trees) z += treeValue(t, row);
    } else {
      for (let j = 0; j < row.length; j++) {
        const sd = model.std[j]!;
        z += (model.weights[j]! * (row[j]! - model.mean[j]!)) / (sd > 0 ? sd : 1);
      }
    }
    out[r] = z;
  });
  return out;
}
