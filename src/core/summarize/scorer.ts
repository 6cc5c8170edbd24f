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
 *
 * Where it costs at most twice the nodes (the committed model: 250 trees of depth 5, leaves at mean
 * depth 4.9), every tree is padded to the deepest tree's depth: a leaf above it becomes a node on
 * feature 0 whose two children are copies of the leaf, so whichever way a row goes it reaches the same
 * value. Every walk then takes `depth` steps, and several rows can go down a tree side by side.
 */
interface FlatTrees {
  readonly roots: Int32Array;
  /** Node k's threshold or value at 2k. */
  readonly numbers: Float64Array;
  /** Node k's feature at 4k + 2, its left child at 4k + 3. */
  readonly links: Int32Array;
  /** The depth of every leaf when the trees are padded, else -1. */
  readonly depth: number;
}

const flattened = new WeakMap<TreeModel, FlatTrees>();

function depthOf(t: Tree, k = 0): number {
  return t.feature[k]! < 0 ? 0 : 1 + Math.max(depthOf(t, t.left[k]!), depthOf(t, t.right[k]!));
}

function flatTrees(model: TreeModel): FlatTrees {
  let flat = flattened.get(model);
  if (flat) return flat;
  const nodes = model.trees.reduce((n, t) => n + t.feature.length, 0);
  const deepest = model.trees.reduce((d, t) => Math.max(d, depthOf(t)), 0);
  const padded = model.trees.length * (2 ** (deepest + 1) - 1);
  const depth = padded <= 2 * nodes ? deepest : -1;
  const size = depth < 0 ? nodes : padded;
  const buffer = new ArrayBuffer(16 * size);
  const roots = new Int32Array(model.trees.length);
  const numbers = new Float64Array(buffer);
  const links = new Int32Array(buffer);
  let at = 0;
  model.trees.forEach((t, i) => {
    roots[i] = at;
    // Breadth first from the root (node 0), so that a node's two children get consecutive numbers; each
    // entry is a node of the model and the depth it is met at.
    const queue = [0, 0];
    let next = at + 1;
    for (let q = 0; q < queue.length; q += 2) {
      const k = queue[q]!;
      const d = queue[q + 1]!;
      const node = at + q / 2;
      const feature = t.feature[k]!;
      if (feature < 0 && (depth < 0 || d === depth)) {
        links[4 * node + 2] = -1;
        numbers[2 * node] = t.value[k]!;
        continue;
      }
      links[4 * node + 3] = next;
      next += 2;
      if (feature < 0) {
        // A leaf above the padded depth: both ways lead to it again.
        links[4 * node + 2] = 0;
        queue.push(k, d + 1, k, d + 1);
      } else {
        links[4 * node + 2] = feature;
        numbers[2 * node] = t.threshold[k]!;
        queue.push(t.left[k]!, d + 1, t.right[k]!, d + 1);
      }
    }
    at += queue.length / 2;
  });
  flat = { roots, numbers, links, depth };
  flattened.set(model, flat);
  return flat;
}

/** Log-odds that each feature row belongs in the summary. */
export function scoreRows(model: SentenceModel, rows: readonly Float64Array[]): Float64Array {
  const out = new Float64Array(rows.length).fill(model.bias);
  if (model.kind === 'trees') {
    const flat = flatTrees(model);
    if (flat.depth >= 0) scorePadded(flat, rows, out);
    else scoreUnpadded(flat, rows, out);
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

/**
 * Adds each tree's value to each row's score, tree by tree: a tree's nodes stay in cache across a
 * story's rows, where row by row all 250 trees were read again for every sentence. Four rows go down a
 * tree side by side, each step a fixed count, so the four chains of reads overlap rather than wait on
 * one another. Each row's sum still adds the trees' values in tree order.
 */
function scorePadded(
  { roots, numbers, links, depth }: FlatTrees,
  rows: readonly Float64Array[],
  out: Float64Array,
) {
  for (let t = 0; t < roots.length; t++) {
    const root = roots[t]!;
    let r = 0;
    for (; r + 4 <= rows.length; r += 4) {
      const a = rows[r]!;
      const b = rows[r + 1]!;
      const c = rows[r + 2]!;
      const e = rows[r + 3]!;
      let ka = root;
      let kb = root;
      let kc = root;
      let ke = root;
      // Written out: a helper per step was not inlined, and took most of the gain back.
      for (let d = 0; d < depth; d++) {
        ka = links[4 * ka + 3]! + Number(!(a[links[4 * ka + 2]!]! <= numbers[2 * ka]!));
        kb = links[4 * kb + 3]! + Number(!(b[links[4 * kb + 2]!]! <= numbers[2 * kb]!));
        kc = links[4 * kc + 3]! + Number(!(c[links[4 * kc + 2]!]! <= numbers[2 * kc]!));
        ke = links[4 * ke + 3]! + Number(!(e[links[4 * ke + 2]!]! <= numbers[2 * ke]!));
      }
      out[r]! += numbers[2 * ka]!;
      out[r + 1]! += numbers[2 * kb]!;
      out[r + 2]! += numbers[2 * kc]!;
      out[r + 3]! += numbers[2 * ke]!;
    }
    for (; r < rows.length; r++) {
      const row = rows[r]!;
      let k = root;
      for (let d = 0; d < depth; d++)
        k = links[4 * k + 3]! + Number(!(row[links[4 * k + 2]!]! <= numbers[2 * k]!));
      out[r]! += numbers[2 * k]!;
    }
  }
}

/** `scorePadded` for trees too unbalanced to pad: each walk stops at its leaf. */
function scoreUnpadded(
  { roots, numbers, links }: FlatTrees,
  rows: readonly Float64Array[],
  out: Float64Array,
) {
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
}
