/**
 * Trains the learned join decision of dated articles and writes src/core/cluster/join-model.json (byte
 * for byte the same from the same data), printing the figures its threshold was chosen on.
 *
 *   npx tsx lab/cluster-join/train.ts TRAIN.jsonl.gz:TRAIN.dates.tsv [--examples 11244] [--seed 7]
 *        [--thresholds 0.5,0.55,0.6] [--trees 200] [--depth 3] [--rounds 1] [--vectors FILE|none] [--out FILE]
 *
 * e.g. npx tsx lab/cluster-join/train.ts /work/shared/data/multi-news/train.jsonl.gz:/work/shared/data/multi-news/train.dates.tsv
 *
 * The dated train stream of `--examples` examples (built as SOURCE.md builds the validation stream,
 * `datedMultiNewsStream`) is split by example into two folds, each as dense per day as validation.
 * Pairs are collected from the rule's run over each fold; trees fitted on one fold choose among the
 * candidates of the other at each threshold, and the threshold with the best mean BCubed F1 of the
 * two folds is kept; the shipped trees are fitted on the pairs of both folds. With `--rounds 2`, each
 * fold's pairs are collected again from a run the first round's model decided, and added. With
 * `--vectors FILE` (written by `vectors.ts`) the dense features are computed; without, they are 0, as
 * in the product, which ships no term vectors (docs/clustering.md, sixth round).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { JOIN_FEATURES } from '../../src/core/cluster/join-features.js';
import type { JoinModel } from '../../src/core/cluster/join-model.js';
import { termVectors, type TermVectors, type TermVectorsFile } from '../../src/core/cluster/term-vectors.js';
import type { TreeEnsemble } from '../../src/core/match/trees.js';
import type { LabelledArticle } from '../../src/eval/cluster-eval.js';
import { datedMultiNewsStream } from '../../src/eval/cluster-streams.js';
import { BOOST_DEFAULTS, fitBoostedTrees, type BoostOptions } from '../same-content/boosted-trees.js';
import { collectPairs, type Pair } from './pairs.js';

const here = dirname(fileURLToPath(import.meta.url));

/** The options both join-decision scripts take for the dated train stream they read. */
export const STREAM_OPTIONS = {
  examples: { type: 'string', default: '11244' },
  seed: { type: 'string', default: '7' },
} as const;

/**
 * The dated train stream a `TRAIN.jsonl.gz:TRAIN.dates.tsv` argument names (`STREAM_OPTIONS` say how
 * many examples, shuffled by which seed); exits 2 with `usage` when the argument is not of that form.
 */
export async function trainStream(
  argument: string | undefined,
  values: { readonly examples?: string; readonly seed?: string },
  usage: string,
): Promise<LabelledArticle[]> {
  const [data, dates] = (argument ?? '').split(':');
  if (!data || !dates) {
    process.stderr.write(`usage: ${usage}\n`);
    process.exit(2);
  }
  return datedMultiNewsStream(data, dates, Number(values.examples), Number(values.seed));
}

/** The two folds of a stream: examples by the parity of their number (`train-N`), order kept. */
export function folds(stream: readonly LabelledArticle[]): [LabelledArticle[], LabelledArticle[]] {
  const parity = (gold: string) => Number(/(\d+)$/.exec(gold)?.[1] ?? 0) % 2;
  return [stream.filter((x) => parity(x.gold) === 0), stream.filter((x) => parity(x.gold) === 1)];
}

const round = (x: number) => Math.round(x * 1e6) / 1e6;

/** Trees fitted on `pairs`, weights rounded to six decimals (the file is rebuilt byte for byte). */
export function fitJoinModel(
  pairs: readonly Pair[],
  threshold: number,
  boost: BoostOptions,
  features: readonly string[] = JOIN_FEATURES,
): JoinModel {
  const trees = fitBoostedTrees(pairs, boost);
  const rounded: TreeEnsemble = {
    bias: round(trees.bias),
    trees: trees.trees.map((t) =>
      t.map((n) => (n.length === 1 ? [round(n[0])] : [n[0], round(n[1]), n[2], n[3]])),
    ),
  };
  return { features: [...features], threshold, trees: rounded };
}

/** Trees for fold `f`, fitted on the other fold's pairs. */
export function crossed(pairs: readonly Pair[][], f: number, boost: BoostOptions): JoinModel {
  return fitJoinModel(pairs[1 - f] ?? [], 0.5, boost);
}

/**
 * Cross-fits on the two folds, picks the threshold, fits on both; returns the model file's text.
 * `options` are clustering options for every run (the tests shrink the decay for tiny streams).
 */
export function buildJoinModel(
  streams: readonly [LabelledArticle[], LabelledArticle[]],
  thresholds: readonly number[],
  boost: BoostOptions,
  log: (line: string) => void,
  options: Record<string, number> = {},
  rounds = 1,
  vectors?: TermVectors,
): string {
  const runs = streams.map((s) => collectPairs(s, options, undefined, false, vectors));
  runs.forEach((r, f) => {
    const positives = r.pairs.reduce((n, p) => n + p.y, 0);
    log(
      `fold ${f}: rule BCubed P ${r.scores.bcubed.precision.toFixed(4)} R ${r.scores.bcubed.recall.toFixed(4)} ` +
        `F1 ${r.scores.bcubed.f1.toFixed(4)}; ${r.pairs.length} pairs, ${positives} positive; own story held for ` +
        `${r.ownHeld} articles, among the candidates for ${r.ownCandidate}`,
    );
  });
  let pairs = runs.map((r) => r.pairs);
  let best = { t: thresholds[0] ?? 0.5, f1: -1 };
  let models: JoinModel[] = [];
  for (let round = 1; round <= rounds; round++) {
    if (round > 1) {
      // Pairs again, from runs the model decided (trained on the other fold): the states it meets in use.
      const kept = best.t;
      pairs = streams.map((s, f) => [
        ...(pairs[f] ?? []),
        ...collectPairs(s, options, { ...models[f]!, threshold: kept }, false, vectors).pairs,
      ]);
      log(`round ${round}: ${pairs.map((p) => p.length).join(' + ')} pairs`);
    }
    models = [0, 1].map((f) => crossed(pairs, f, boost));
    best = { t: thresholds[0] ?? 0.5, f1: -1 };
    for (const t of thresholds) {
      const f1 = streams.map(
        (s, f) => collectPairs(s, options, { ...models[f]!, threshold: t }, false, vectors).scores.bcubed,
      );
      const mean = (f1[0]!.f1 + f1[1]!.f1) / 2;
      log(
        `threshold ${t}: ${f1.map((b) => `P ${b.precision.toFixed(4)} R ${b.recall.toFixed(4)} F1 ${b.f1.toFixed(4)}`).join('; ')}; mean F1 ${mean.toFixed(4)}`,
      );
      if (mean > best.f1) best = { t, f1: mean };
    }
    log(`round ${round}: kept threshold ${best.t} (mean F1 ${best.f1.toFixed(4)})`);
  }
  const all = [...(pairs[0] ?? []), ...(pairs[1] ?? [])];
  return `${JSON.stringify(fitJoinModel(all, best.t, boost))}\n`;
}

/** Clustering options from `--set name=value` flags. */
export function setOptions(flags: readonly string[] | undefined): Record<string, number> {
  const options: Record<string, number> = {};
  for (const kv of flags ?? []) {
    const [k, v] = kv.split('=');
    if (k && v !== undefined) options[k] = Number(v);
  }
  return options;
}

/** Term vectors from a file written by `vectors.ts`, or none for `none`. */
export function readVectors(path: string | undefined): TermVectors | undefined {
  return path === 'none' || path === undefined
    ? undefined
    : termVectors(JSON.parse(readFileSync(path, 'utf8')) as TermVectorsFile);
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      ...STREAM_OPTIONS,
      thresholds: { type: 'string', default: '0.5,0.55,0.6' },
      trees: { type: 'string', default: String(BOOST_DEFAULTS.trees) },
      depth: { type: 'string', default: String(BOOST_DEFAULTS.depth) },
      set: { type: 'string', multiple: true },
      rounds: { type: 'string', default: '1' },
      vectors: { type: 'string', default: 'none' },
      out: { type: 'string', default: join(here, '..', '..', 'src', 'core', 'cluster', 'join-model.json') },
    },
  });
  const options = setOptions(values.set);
  const stream = await trainStream(
    positionals[0],
    values,
    'npx tsx lab/cluster-join/train.ts TRAIN.jsonl.gz:TRAIN.dates.tsv [--out FILE]',
  );
  const text = buildJoinModel(
    folds(stream),
    (values.thresholds ?? '').split(',').map(Number),
    { ...BOOST_DEFAULTS, trees: Number(values.trees), depth: Number(values.depth) },
    (line) => console.log(line),
    options,
    Number(values.rounds),
    readVectors(values.vectors),
  );
  writeFileSync(values.out ?? '', text);
  console.log(`wrote ${values.out}`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
