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

/**
 * The trees of a model as one set of typed arrays, node after node, each tree's root at `roots[t]`:
 * 250 trees of JSON arrays were a tenth of the summarizer's time. Values and thresholds stay doubles,
 * so every comparison and sum is the one the arrays gave.
 */
interface FlatTrees {
  readonly roots: Int32Array;
  readonly feature: Int32Array;
  readonly threshold: Float64Array;
  readonly left: Int32Array;
  readonly right: Int32Array;
  readonly value: Float64Array;
}

const flattened = new WeakMap<TreeModel, FlatTrees>();

function flatTrees(model: TreeModel): FlatTrees {
  let flat = flattened.get(model);
  if (flat) return flat;
  const size = model.trees.reduce((n, t) => n + t.feature.length, 0);
  flat = {
    roots: new Int32Array(model.trees.length),
    feature: new Int32Array(size),
    threshold: new Float64Array(size),
    left: new Int32Array(size),
    right: new Int32Array(size),
    value: new Float64Array(size),
  };
  let at = 0;
  model.trees.forEach((t, i) => {
    flat!.roots[i] = at;
    for (let k = 0; k < t.feature.length; k++) {
      flat!.feature[at + k] = t.feature[k]!;
      flat!.threshold[at + k] = t.threshold[k]!;
      flat!.left[at + k] = at + t.left[k]!;
      flat!.right[at + k] = at + t.right[k]!;
      flat!.value[at + k] = t.value[k]!;
    }
    at += t.feature.length;
  });
  flattened.set(model, flat);
  return flat;
}

/** Log-odds that each feature row belongs in the summary. */
export function scoreRows(model: SentenceModel, rows: readonly Float64Array[]): Float64Array {
  const out = new Float64Array(rows.length);
  const flat = model.kind === 'trees' ? flatTrees(model) : undefined;
  rows.forEach((row, r) => {
    let z = model.bias;
    if (flat) {
      const { roots, feature, threshold, left, right, value } = flat;
      for (let t = 0; t < roots.length; t++) {
        let k = roots[t]!;
        for (let j = feature[k]!; j >= 0; j = feature[k]!)
          k = row[j]! <= threshold[k]! ? left[k]! : right[k]!;
        z += value[k]!;
      }
    } else if (model.kind === 'logistic') {
      for (let j = 0; j < row.length; j++) {
        const sd = model.std[j]!;
        z += (model.weights[j]! * (row[j]! - model.mean[j]!)) / (sd > 0 ? sd : 1);
      }
    }
    out[r] = z;
  });
  return out;
}
