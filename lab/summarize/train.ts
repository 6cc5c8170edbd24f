/**
 * Trains the `chorus` sentence scorer and writes its weights. With the defaults it makes the committed
 * `src/core/summarize/chorus-model.json` (about 3 minutes on one busy core):
 *
 *   npx tsx lab/summarize/word-prior.ts --data ../shared/data/multi-news/train.jsonl.gz    # examples 15,001 on
 *   npm run train -- --data ../shared/data/multi-news/train.jsonl.gz               # examples 1–15,000
 *     [--limit N] [--out FILE] [--model trees|logistic] [--trees 250] [--depth 5]
 *     [--labels mix|oracle|ranked|precision] [--objective logistic|pairwise] [--words 250] [--seed 1]
 *     [--epochs 4] [--l2 0.0001] [--oracle-weight 0.5] [--selectable all|rows|oracle|both]
 *
 * The word prior (`src/core/summarize/word-prior.json`, one of the features) is fitted on the training
 * examples after the first 15,000 and the scorer on the first 15,000, so the scorer never sees a prior
 * that has read its own references. (15,000 examples train as well as all 44,972: 46.14 / 16.85 against
 * 46.09 / 16.79 on the first 1,500 validation examples, before the prior existed.)
 *
 * Labels come from greedy ROUGE oracles (src/eval/oracle.ts) within the 250-word budget:
 *   oracle     1 when the oracle extract holds the sentence, else 0;
 *   ranked     the oracle's early picks weigh more, 1 / (1 + 0.15·rank);
 *   precision  the sentence's own mean ROUGE-1/ROUGE-2 precision against the reference;
 *   mix        the mean of oracle and precision (the best on validation: R-2 +0.2 over oracle);
 *              `--oracle-weight` sets the oracle's share (0.3 and 0.7 did no better, thirteenth round).
 * `--selectable` (docs/readability.md, "Thirteenth round") restricts the oracle to sentences readable
 * selection can show (`oracle`), drops the other sentences' rows (`rows`), or both; none did better.
 * Features are the ones the summarizer computes at run time (src/core/summarize/features.ts), so training
 * and use cannot differ. Models: gradient-boosted trees on the logistic loss (default; a pairwise RankNet
 * loss within each story scored the same) or L2-regularised logistic regression by mini-batch Adam; both
 * accept soft labels in [0, 1].
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { FEATURE_NAMES, sentenceFeatures } from '../../src/core/summarize/features.js';
import type { LinearModel, SentenceModel, Tree, TreeModel } from '../../src/core/summarize/scorer.js';
import { prepareStory } from '../../src/core/prepare-story.js';
import { greedyOracle } from '../../src/eval/oracle.js';
import type { AnalyzedStory } from '../../src/core/model.js';
import { CHORUS_PARAMS } from '../../src/core/summarize/chorus.js';
import { quoteUnits } from '../../src/core/summarize/quote-units.js';
import { endsComplete, isSubheading } from '../../src/core/summarize/readability.js';
import { isHeading } from '../../src/core/summarize/select.js';
import { countWords } from '../../src/core/text/index.js';
import { rougeScores } from '../../src/eval/rouge.js';
import { readMultiNews } from '../../src/io/multinews.js';

const { values } = parseArgs({
  options: {
    data: { type: 'string' },
    limit: { type: 'string', default: '15000' },
    epochs: { type: 'string', default: '4' },
    out: { type: 'string', default: 'src/core/summarize/chorus-model.json' },
    seed: { type: 'string', default: '1' },
    l2: { type: 'string', default: '0.0001' },
    words: { type: 'string', default: '250' },
    model: { type: 'string', default: 'trees' },
    trees: { type: 'string', default: '250' },
    depth: { type: 'string', default: '5' },
    labels: { type: 'string', default: 'mix' },
    objective: { type: 'string', default: 'logistic' },
    selectable: { type: 'string', default: 'all' },
    'oracle-weight': { type: 'string', default: '0.5' },
  },
});
if (!values.data) {
  process.stderr.write('usage: npm run train -- --data PATH/train.jsonl.gz [--limit N] [--out FILE]\n');
  process.exit(2);
}
if (
  !['mix', 'oracle', 'ranked', 'precision'].includes(values.labels) ||
  !['trees', 'logistic'].includes(values.model) ||
  !['logistic', 'pairwise'].includes(values.objective) ||
  !['all', 'rows', 'oracle', 'both'].includes(values.selectable)
) {
  process.stderr.write(
    `expected --labels mix|oracle|ranked|precision, --model trees|logistic, --objective logistic|pairwise and --selectable all|rows|oracle|both, found ${values.labels}, ${values.model}, ${values.objective} and ${values.selectable}\n`,
  );
  process.exit(2);
}
const F = FEATURE_NAMES.length;
const limit = values.limit ? Number(values.limit) : undefined;
const budget = Number(values.words);
/** Weight of the oracle in 'mix' labels, the rest going to the sentence's own precision. */
const mixWeight = Number(values['oracle-weight']);

/**
 * Which sentences readable selection can ever show (`--selectable`): complete, in a closed quotation,
 * no subheading or heading, of a length selection takes. A sentence pointing back counts: its
 * antecedent can come along.
 */
function showable(doc: AnalyzedStory): boolean[] {
  const units = quoteUnits(doc);
  return doc.sentences.map((s, i) => {
    const unit = units[i];
    if (!unit || isSubheading(doc.sentences, i) || isHeading(doc, i)) return false;
    if (!endsComplete(doc.sentences[unit[1]]!.text)) return false;
    const n = countWords(s.text);
    return n >= CHORUS_PARAMS.minWords && n <= CHORUS_PARAMS.maxWords;
  });
}

/**
 * 'precision' labels: how much of the sentence the reference says too, the mean of its ROUGE-1 and
 * ROUGE-2 precision against the best reference. When most of an input is kept, what matters is which
 * sentences carry reference content, not which few an oracle would start with.
 */
function precisionLabel(sentence: string, references: readonly string[]): number {
  let best = 0;
  for (const r of references) {
    const s = rougeScores(sentence, r);
    best = Math.max(best, (s.rouge1.precision + s.rouge2.precision) / 2);
  }
  return best;
}

// Rows grow in chunks of Float32 so that the whole training split fits in a few hundred MB.
let X = new Float32Array(1 << 20);
let Y = new Float32Array(1 << 17);
let rows = 0;
/** Row where each example starts (for the pairwise objective, which compares sentences of one story). */
const groupStarts: number[] = [];
let examples = 0;
let positives = 0;
const started = Date.now();
for await (const ex of readMultiNews(values.data, limit === undefined ? {} : { limit })) {
  const doc = prepareStory(ex.story).forSummary;
  if (doc.sentences.length === 0 || ex.references.length === 0) continue;
  const restrictOracle = values.selectable === 'oracle' || values.selectable === 'both';
  const dropRows = values.selectable === 'rows' || values.selectable === 'both';
  const canShow = restrictOracle || dropRows ? showable(doc) : [];
  const picks = greedyOracle(doc, ex.references, {
    words: budget,
    ...(restrictOracle ? { candidates: (i: number) => canShow[i]! } : {}),
  });
  const oracle = new Set(picks);
  // 'ranked' labels weigh the oracle's early picks more: the first sentence it takes matters most.
  const rankOf = new Map(picks.map((p, k) => [p, k]));
  const all = sentenceFeatures(doc);
  const kept = all.map((_, i) => i).filter((i) => !dropRows || canShow[i]);
  const features = kept.map((i) => all[i]!);
  while ((rows + features.length) * F > X.length) {
    const bigger = new Float32Array(X.length * 2);
    bigger.set(X);
    X = bigger;
  }
  while (rows + features.length > Y.length) {
    const bigger = new Float32Array(Y.length * 2);
    bigger.set(Y);
    Y = bigger;
  }
  features.forEach((row, r) => {
    const i = kept[r]!;
    X.set(row, (rows + r) * F);
    const k = rankOf.get(i);
    Y[rows + r] =
      values.labels === 'ranked'
        ? k === undefined
          ? 0
          : 1 / (1 + 0.15 * k)
        : values.labels === 'precision'
          ? precisionLabel(doc.sentences[i]!.text, ex.references)
          : values.labels === 'mix'
            ? mixWeight * (oracle.has(i) ? 1 : 0) +
              (1 - mixWeight) * precisionLabel(doc.sentences[i]!.text, ex.references)
            : oracle.has(i)
              ? 1
              : 0;
  });
  positives += oracle.size;
  groupStarts.push(rows);
  rows += features.length;
  if (++examples % 2000 === 0) {
    process.stderr.write(
      `${examples} examples, ${rows} sentences, ${((Date.now() - started) / 1000).toFixed(0)} s\n`,
    );
  }
}
process.stderr.write(`features: ${examples} examples, ${rows} sentences, ${positives} positive\n`);

let seed = Number(values.seed) >>> 0 || 1;
const random = (): number => {
  seed = (seed * 1664525 + 1013904223) >>> 0;
  return seed / 2 ** 32;
};
const round = (a: ArrayLike<number>): number[] => Array.from(a, (n) => Math.round(n * 1e6) / 1e6);
const trainedOn = `${examples} Multi-News training examples (${rows} sentences), greedy ROUGE-1/2 oracle labels (${values.labels}) at ${budget} words`;

/**
 * RankNet gradients within each story: for every pair of its sentences whose labels differ by more
 * than 0.05, the loss log(1 + e^−(z_better − z_worse)), weighted by the label gap (so swapping an oracle
 * pick with a useless sentence costs more than two near-equals). Returns the mean loss per row.
 */
function pairwiseGradients(z: Float64Array, g: Float64Array, h: Float64Array): number {
  g.fill(0);
  h.fill(0);
  let loss = 0;
  for (let k = 0; k < groupStarts.length; k++) {
    const start = groupStarts[k]!;
    const end = groupStarts[k + 1] ?? rows;
    for (let i = start; i < end; i++)
      for (let j = i + 1; j < end; j++) {
        const gap = Y[i]! - Y[j]!;
        if (Math.abs(gap) <= 0.05) continue;
        const [hi, lo] = gap > 0 ? [i, j] : [j, i];
        const w = Math.abs(gap);
        const d = z[hi]! - z[lo]!;
        const rho = 1 / (1 + Math.exp(d));
        g[hi]! -= w * rho;
        g[lo]! += w * rho;
        const curve = w * rho * (1 - rho);
        h[hi]! += curve;
        h[lo]! += curve;
        loss += w * (d > 30 ? Math.exp(-d) : Math.log1p(Math.exp(-d)));
      }
  }
  for (let r = 0; r < rows; r++) h[r] = Math.max(h[r]!, 1e-6);
  return loss;
}

/** L2-regularised logistic regression by mini-batch Adam over rows standardised on the fly. */
function fitLogistic(): LinearModel {
  const mean = new Float64Array(F);
  const std = new Float64Array(F);
  for (let r = 0; r < rows; r++) for (let j = 0; j < F; j++) mean[j]! += X[r * F + j]!;
  for (let j = 0; j < F; j++) mean[j]! /= rows;
  for (let r = 0; r < rows; r++) for (let j = 0; j < F; j++) std[j]! += (X[r * F + j]! - mean[j]!) ** 2;
  for (let j = 0; j < F; j++) std[j] = Math.sqrt(std[j]! / rows) || 1;
  const order = Uint32Array.from({ length: rows }, (_, i) => i);
  const w = new Float64Array(F + 1);
  const m = new Float64Array(F + 1);
  const v = new Float64Array(F + 1);
  const l2 = Number(values.l2);
  const batch = 512;
  const rate = 0.01;
  let step = 0;
  const x = new Float64Array(F);
  for (let epoch = 0; epoch < Number(values.epochs); epoch++) {
    for (let i = rows - 1; i > 0; i--) {
      const k = Math.floor(random() * (i + 1));
      [order[i], order[k]] = [order[k]!, order[i]!];
    }
    let loss = 0;
    for (let b = 0; b < rows; b += batch) {
      const g = new Float64Array(F + 1);
      const end = Math.min(rows, b + batch);
      for (let q = b; q < end; q++) {
        const r = order[q]!;
        let z = w[F]!;
        for (let j = 0; j < F; j++) {
          x[j] = (X[r * F + j]! - mean[j]!) / std[j]!;
          z += w[j]! * x[j]!;
        }
        const p = 1 / (1 + Math.exp(-z));
        const y = Y[r]!;
        loss -= y * Math.log(p + 1e-12) + (1 - y) * Math.log(1 - p + 1e-12);
        const d = p - y;
        for (let j = 0; j < F; j++) g[j]! += d * x[j]!;
        g[F]! += d;
      }
      step++;
      for (let j = 0; j <= F; j++) {
        const grad = g[j]! / (end - b) + (j < F ? l2 * w[j]! : 0);
        m[j] = 0.9 * m[j]! + 0.1 * grad;
        v[j] = 0.999 * v[j]! + 0.001 * grad * grad;
        const mh = m[j]! / (1 - 0.9 ** step);
        const vh = v[j]! / (1 - 0.999 ** step);
        w[j]! -= (rate * mh) / (Math.sqrt(vh) + 1e-8);
      }
    }
    process.stderr.write(`epoch ${epoch + 1}: log loss ${(loss / rows).toFixed(4)}\n`);
  }
  for (let j = 0; j < F; j++) process.stderr.write(`  ${FEATURE_NAMES[j]!.padEnd(20)} ${w[j]!.toFixed(3)}\n`);
  return {
    kind: 'logistic',
    features: [...FEATURE_NAMES],
    mean: round(mean),
    std: round(std),
    weights: round(w.subarray(0, F)),
    bias: round([w[F]!])[0]!,
    trainedOn,
  };
}

/**
 * Gradient-boosted trees on the logistic loss: features cut into up to 32 quantile bins once, each
 * tree grown depth-first on gradient/hessian histograms of a half sample of the rows.
 */
function fitTrees(): TreeModel {
  const BINS = 32;
  const depthMax = Number(values.depth);
  const lambda = 1;
  const shrink = 0.1;
  const minHessian = 20;
  // Bin edges from a sample of each column's values.
  const edges: Float64Array[] = [];
  for (let j = 0; j < F; j++) {
    const sample: number[] = [];
    for (let r = 0; r < rows; r += Math.max(1, Math.floor(rows / 20000))) sample.push(X[r * F + j]!);
    sample.sort((a, b) => a - b);
    const cut = new Set<number>();
    for (let b = 1; b < BINS; b++) cut.add(sample[Math.floor((b * sample.length) / BINS)]!);
    edges.push(Float64Array.from([...cut].sort((a, b) => a - b)));
  }
  const binned = new Uint8Array(rows * F);
  for (let r = 0; r < rows; r++)
    for (let j = 0; j < F; j++) {
      const e = edges[j]!;
      const x = X[r * F + j]!;
      let lo = 0;
      let hi = e.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (x <= e[mid]!) hi = mid;
        else lo = mid + 1;
      }
      binned[r * F + j] = lo; // bin b holds values ≤ e[b] (and > e[b-1]); b = e.length is the rest
    }
  let ySum = 0;
  for (let r = 0; r < rows; r++) ySum += Y[r]!;
  const prior = Math.min(0.99, Math.max(0.01, ySum / rows));
  const bias = Math.log(prior / (1 - prior));
  const z = new Float64Array(rows).fill(bias);
  const g = new Float64Array(rows);
  const h = new Float64Array(rows);
  const trees: Tree[] = [];
  for (let t = 0; t < Number(values.trees); t++) {
    let loss = 0;
    if (values.objective === 'pairwise') loss = pairwiseGradients(z, g, h);
    else
      for (let r = 0; r < rows; r++) {
        const p = 1 / (1 + Math.exp(-z[r]!));
        g[r] = p - Y[r]!;
        h[r] = Math.max(p * (1 - p), 1e-6);
        loss -= Y[r]! * Math.log(p + 1e-12) + (1 - Y[r]!) * Math.log(1 - p + 1e-12);
      }
    const sample: number[] = [];
    for (let r = 0; r < rows; r++) if (random() < 0.5) sample.push(r);
    const tree = {
      feature: [] as number[],
      threshold: [] as number[],
      left: [] as number[],
      right: [] as number[],
      value: [] as number[],
    };
    const grow = (members: number[], depth: number): number => {
      const k = tree.feature.length;
      tree.feature.push(-1);
      tree.threshold.push(0);
      tree.left.push(-1);
      tree.right.push(-1);
      let G = 0;
      let H = 0;
      for (const r of members) {
        G += g[r]!;
        H += h[r]!;
      }
      tree.value.push((-G / (H + lambda)) * shrink);
      if (depth >= depthMax || H < 2 * minHessian) return k;
      let best = { gain: 1e-9, j: -1, b: -1 };
      const hg = new Float64Array(F * (BINS + 1));
      const hh = new Float64Array(F * (BINS + 1));
      for (const r of members) {
        const gr = g[r]!;
        const hr = h[r]!;
        const base = r * F;
        for (let j = 0; j < F; j++) {
          const cell = j * (BINS + 1) + binned[base + j]!;
          hg[cell]! += gr;
          hh[cell]! += hr;
        }
      }
      const parent = (G * G) / (H + lambda);
      for (let j = 0; j < F; j++) {
        let gl = 0;
        let hl = 0;
        for (let b = 0; b < edges[j]!.length; b++) {
          gl += hg[j * (BINS + 1) + b]!;
          hl += hh[j * (BINS + 1) + b]!;
          const gr = G - gl;
          const hr = H - hl;
          if (hl < minHessian || hr < minHessian) continue;
          const gain = (gl * gl) / (hl + lambda) + (gr * gr) / (hr + lambda) - parent;
          if (gain > best.gain) best = { gain, j, b };
        }
      }
      if (best.j < 0) return k;
      const leftRows: number[] = [];
      const rightRows: number[] = [];
      for (const r of members) (binned[r * F + best.j]! <= best.b ? leftRows : rightRows).push(r);
      tree.feature[k] = best.j;
      tree.threshold[k] = edges[best.j]![best.b]!;
      tree.left[k] = grow(leftRows, depth + 1);
      tree.right[k] = grow(rightRows, depth + 1);
      return k;
    };
    grow(sample, 0);
    // Leaf values were fitted on the sample; apply the tree to every row.
    for (let r = 0; r < rows; r++) {
      let k = 0;
      while (tree.feature[k]! >= 0)
        k =
          binned[r * F + tree.feature[k]!]! <= binnedIndex(tree.threshold[k]!, tree.feature[k]!)
            ? tree.left[k]!
            : tree.right[k]!;
      z[r]! += tree.value[k]!;
    }
    trees.push({ ...tree, threshold: round(tree.threshold), value: round(tree.value) });
    if ((t + 1) % 10 === 0) process.stderr.write(`tree ${t + 1}: log loss ${(loss / rows).toFixed(4)}\n`);
  }
  function binnedIndex(threshold: number, j: number): number {
    return edges[j]!.indexOf(threshold);
  }
  return { kind: 'trees', features: [...FEATURE_NAMES], bias: round([bias])[0]!, trees, trainedOn };
}

const model: SentenceModel = values.model === 'logistic' ? fitLogistic() : fitTrees();
writeFileSync(values.out, JSON.stringify(model) + '\n');
process.stderr.write(`wrote ${values.out} in ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
