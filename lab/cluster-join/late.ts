/**
 * Tunes the second chance of lone dated articles (`lateJoinThreshold`): trees are cross-fitted on the
 * two folds of the dated train stream as `train.ts` fits them, and each fold is clustered by the trees
 * of the other fold for every pair of join and late-join thresholds; prints each pair's BCubed and the
 * mean F1 of the two folds. Writes nothing: the chosen value is a clusterer default.
 *
 *   npx tsx lab/cluster-join/late.ts TRAIN.jsonl.gz:TRAIN.dates.tsv [--thresholds 0.55] [--late 0,0.6,0.7]
 *        [--set name=value] [--vectors FILE|none] [--trees 200] [--depth 3]
 */
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { LabelledArticle } from '../../src/eval/cluster-eval.js';
import { BOOST_DEFAULTS, type BoostOptions } from '../same-content/boosted-trees.js';
import { collectPairs } from './pairs.js';
import { crossed, folds, readVectors, setOptions, STREAM_OPTIONS, trainStream } from './train.js';
import type { TermVectors } from '../../src/core/cluster/term-vectors.js';

/** One line per (join threshold, late threshold): both folds' BCubed and their mean F1. */
export function lateLines(
  streams: readonly [LabelledArticle[], LabelledArticle[]],
  thresholds: readonly number[],
  lates: readonly number[],
  boost: BoostOptions,
  options: Record<string, number> = {},
  vectors?: TermVectors,
): string[] {
  const pairs = streams.map((s) => collectPairs(s, options, undefined, false, vectors).pairs);
  const models = [0, 1].map((f) => crossed(pairs, f, boost));
  const lines: string[] = [];
  for (const t of thresholds)
    for (const late of lates) {
      const b = streams.map(
        (s, f) =>
          collectPairs(
            s,
            { ...options, lateJoinThreshold: late },
            { ...models[f]!, threshold: t },
            false,
            vectors,
          ).scores.bcubed,
      );
      const mean = (b[0]!.f1 + b[1]!.f1) / 2;
      lines.push(
        `threshold ${t} late ${late}: ${b.map((x) => `P ${x.precision.toFixed(4)} R ${x.recall.toFixed(4)} F1 ${x.f1.toFixed(4)}`).join('; ')}; mean F1 ${mean.toFixed(4)}`,
      );
    }
  return lines;
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      ...STREAM_OPTIONS,
      thresholds: { type: 'string', default: '0.55' },
      late: { type: 'string', default: '0,0.6,0.7' },
      trees: { type: 'string', default: String(BOOST_DEFAULTS.trees) },
      depth: { type: 'string', default: String(BOOST_DEFAULTS.depth) },
      set: { type: 'string', multiple: true },
      vectors: { type: 'string', default: 'none' },
    },
  });
  const options = setOptions(values.set);
  const stream = await trainStream(
    positionals[0],
    values,
    'npx tsx lab/cluster-join/late.ts TRAIN.jsonl.gz:TRAIN.dates.tsv [--late 0,0.6,0.7]',
  );
  const list = (s: string | undefined) => (s ?? '').split(',').map(Number);
  for (const line of lateLines(
    folds(stream),
    list(values.thresholds),
    list(values.late),
    { ...BOOST_DEFAULTS, trees: Number(values.trees), depth: Number(values.depth) },
    options,
    readVectors(values.vectors),
  ))
    console.log(line);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
