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
 * The trees of a model in one buffer, 16 bytes a node: the threshold (a leaf's value) as a double, then
 * the feature (-1 at a leaf) and the left child as 32-bit integers, the right child right after the
 * left (nodes renumbered breadth first, tree after tree; each tree's root at `roots[t]`). A step down a
 * tree reads one cache line where four arrays read four: 250 trees of 14,000 nodes do not stay in cache
 * between sentences. Values and thresholds stay the model's doubles, so every comparison and sum is the
 * one the arrays gave.
 */
interface FlatTrees {
  readonly roots: Int32Array;
  /** Node k's threshold or value at 2k. */
  readonly numbers: Float64Array;
  /** Node k's feature at 4k + 2, its left child at 4k + 3. */
  readonly links: Int32Array;
}

const flattened = new WeakMap<TreeModel, FlatTrees>();

function flatTrees(model: TreeModel): FlatTrees {
  let flat = flattened.get(model);
  if (flat) return flat;
  const size = model.trees.reduce((n, t) => n + t.feature.length, 0);
  const buffer = new ArrayBuffer(16 * size);
  const roots = new Int32Array(model.trees.length);
  const numbers = new Float64Array(buffer);
  const links = new Int32Array(buffer);
  let at = 0;
  model.trees.forEach((t, i) => {
    roots[i] = at;
    // Breadth first from the root (node 0), so that a node's two children get consecutive numbers.
    const queue = [0];
    let next = at + 1;
    for (let q = 0; q < queue.length; q++) {
      const k = queue[q]!;
      const node = at + q;
      const feature = t.feature[k]!;
      links[4 * node + 2] = feature;
      if (feature < 0) {
        numbers[2 * node] = t.value[k]!;
        continue;
      }
      numbers[2 * node] = t.threshold[k]!;
      links[4 * node + 3] = next;
      next += 2;
      queue.push(t.left[k]!, t.right[k]!);
    }
    at += queue.length;
  });
  flat = { roots, numbers, links };
  flattened.set(model, flat);
  return flat;
}

/** Log-odds that each feature row belongs in the summary. */
export function scoreRows(model: SentenceModel, rows: readonly Float64Array[]): Float64Array {
  const out = new Float64Array(rows.length).fill(model.bias);
  if (model.kind === 'trees') {
    // Tree by tree, every row down each tree: a tree's nodes stay in cache across a story's rows,
    // where row by row all 250 trees were read again for every sentence. Each row's sum still adds
    // the trees' values in tree order.
    const { roots, numbers, links } = flatTrees(model);
    for (let t = 0; t < roots.length; t++) {
      const root = roots[t]!;
      for (let r = 0; r < rows.length; r++) {
        const row = rows[r]!;
        let k = root;
        for (let j = links[4 * k + 2]!; j >= 0; j = links[4 * k + 2]!)
          k = links[4 * k + 3]! + Number(!(row[j]! <= numbers[2 * k]!));
        out[r]! += numbers[2 * k]!;
      }
    }
  } else if (model.kind === 'logistic') {
    rows.forEach((row, r) => {
      let z = model.bias;
      for (let j = 0; j < row.length; j++) {
        const sd = model.std[j]!;
        z += (model.weights[j]! * (row[j]! - model.mean[j]!)) / (sd > 0 ? sd : 1);
      }
      out[r] = z;
    });
  }
  return out;
}
