/**
 * Measures variants of the second chance (`lateJoin*` options) on the dated train folds, each fold
 * clustered by arrival and late trees cross-fitted on the other fold exactly as `late-model.ts --mix`
 * fits them, so a variant (options over the clusterer's defaults) is compared with the shipped
 * decision as `late-model.ts` measures it.
 *
 *   npx tsx lab/cluster-join/late-variants.ts TRAIN.jsonl.gz:TRAIN.dates.tsv [--models FILE] [--refit-late]
 *        [--save FILE2] [--vectors FILE] [--collect lateJoinSize=3,lateStoryThreshold=0.99] [--oracle]
 *        [--oracle-link 0.05,0.1] [--hybrid-link 0.05] [--both-link 0,0.05] --variant lateJoinSize=3 [--variant …]
 *
 * The cross-fitted trees take about 5 minutes of CPU to fit; `--models FILE` keeps them in FILE (made
 * when missing) so later variants skip the fitting. `--oracle` also runs each variant with a
 * never-wrong late decision among the same candidates (its ceiling). `--collect` sets options of the
 * runs the late pairs are collected from (stories of several observed, merging almost never). An
 * empty variant (`--variant ''`) is the clusterer's defaults.
 *
 * For new late evidence (docs/clustering.md, ninth round): `--refit-late` keeps FILE's arrival trees and
 * fits the late trees again (about half the fitting; FILE is left as it was, `--save FILE2` keeps the
 * trees used); `--vectors FILE` (from `vectors.ts`) feeds the dense features to the late runs (the
 * arrival trees, fitted without them, never split on them; refitted late trees learn them).
 *
 * For what the ceiling is made of: `--oracle-link T` runs the late oracle joining the own story only
 * when the article's cosine with its nearest member (`link`) reaches T, else leaving it alone;
 * `--hybrid-link T` the same with the late model deciding wherever that oracle would not join (what a
 * perfect decision above T adds to the model); `--both-link T` makes the arrival decision such an
 * oracle too (the ceiling of every decision that goes by shared words).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { JOIN_FEATURES } from '../../src/core/cluster/join-features.js';
import type { JoinModel } from '../../src/core/cluster/join-model.js';
import { LATE_FEATURES } from '../../src/core/cluster/late-features.js';
import type { LabelledArticle } from '../../src/eval/cluster-eval.js';
import { BOOST_DEFAULTS, type BoostOptions } from '../same-content/boosted-trees.js';
import { collectPairs, type LateSetup } from './pairs.js';
import type { TermVectors } from '../../src/core/cluster/term-vectors.js';
import {
  crossed,
  fitJoinModel,
  folds,
  readVectors,
  setOptions,
  STREAM_OPTIONS,
  trainStream,
} from './train.js';

/** Arrival and late trees for each fold, each fitted on the other fold. */
export interface CrossedModels {
  readonly arrival: readonly JoinModel[];
  readonly late: readonly JoinModel[];
}

/** The cross-fitted trees of `late-model.ts --mix` (arrival threshold `join`). */
export function crossFit(
  streams: readonly [LabelledArticle[], LabelledArticle[]],
  boost: BoostOptions,
  collect: Record<string, number> = {},
  join = 0.6,
  arrivalFitted?: readonly JoinModel[],
  vectors?: TermVectors,
): CrossedModels {
  const arrival =
    arrivalFitted ??
    (() => {
      const pairs = streams.map((s) => collectPairs(s).pairs);
      return [0, 1].map((f) => ({ ...crossed(pairs, f, boost), threshold: join }));
    })();
  const extras = LATE_FEATURES.length - JOIN_FEATURES.length;
  const latePairs = [0, 1].map((f) => {
    const r = collectPairs(
      streams[f] ?? [],
      { lateJoinThreshold: 0.6, ...collect },
      arrival[f],
      false,
      vectors,
    );
    return [
      ...r.latePairs,
      ...r.pairs.map((p) => ({ ...p, x: [...p.x, ...new Array<number>(extras).fill(0)] })),
    ];
  });
  const late = [0, 1].map((f) => fitJoinModel(latePairs[1 - f] ?? [], 0.5, boost, LATE_FEATURES));
  return { arrival, late };
}

/** Mean BCubed of the two folds under `options`, with the late model or the late oracle. */
export function variantLine(
  streams: readonly [LabelledArticle[], LabelledArticle[]],
  models: CrossedModels,
  options: Record<string, number>,
  oracle = false,
  oracleLink = 0,
  vectors?: TermVectors,
  hybrid = false,
): string {
  const runs = [0, 1].map((f) => {
    const setup: LateSetup = oracle
      ? { oracle: true, oracleLink, ...(hybrid && { below: models.late[f]! }) }
      : { model: models.late[f]! };
    return collectPairs(streams[f] ?? [], options, models.arrival[f], false, vectors, setup).scores.bcubed;
  });
  return foldsLine(runs);
}

/** Each fold's BCubed and their mean F1, on one line. */
function foldsLine(runs: readonly { precision: number; recall: number; f1: number }[]): string {
  const mean = ((runs[0]?.f1 ?? 0) + (runs[1]?.f1 ?? 0)) / 2;
  return `${runs.map((b) => `P ${b.precision.toFixed(4)} R ${b.recall.toFixed(4)} F1 ${b.f1.toFixed(4)}`).join('; ')}; mean F1 ${mean.toFixed(4)}`;
}

/**
 * Mean BCubed of the two folds with both decisions never wrong (the arrival's among its 5 candidates,
 * the late one among its own), each joining the own story only at a link ≥ `link`: the ceiling of
 * every decision that goes by shared words.
 */
export function bothOracles(
  streams: readonly [LabelledArticle[], LabelledArticle[]],
  models: CrossedModels,
  link: number,
  vectors?: TermVectors,
): string {
  const runs = [0, 1].map(
    (f) =>
      // The arrival trees only switch the learned decision (and the second chance) on: oracles decide.
      collectPairs(streams[f] ?? [], {}, models.arrival[f], true, vectors, {
        oracle: true,
        oracleLink: link,
        arrivalLink: link,
      }).scores.bcubed,
  );
  return foldsLine(runs);
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      ...STREAM_OPTIONS,
      models: { type: 'string' },
      collect: { type: 'string', default: '' },
      oracle: { type: 'boolean', default: false },
      'refit-late': { type: 'boolean', default: false },
      'oracle-link': { type: 'string', default: '' },
      vectors: { type: 'string', default: 'none' },
      'hybrid-link': { type: 'string', default: '' },
      save: { type: 'string' },
      'both-link': { type: 'string', default: '' },
      variant: { type: 'string', multiple: true, default: [''] },
    },
  });
  const stream = await trainStream(
    positionals[0],
    values,
    'npx tsx lab/cluster-join/late-variants.ts TRAIN.jsonl.gz:TRAIN.dates.tsv --variant lateJoinSize=3',
  );
  const streams = folds(stream);
  const path = values.models;
  const vectors = readVectors(values.vectors);
  const collect = setOptions((values.collect ?? '').split(',').filter(Boolean));
  const kept =
    path && existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as CrossedModels) : undefined;
  // `--refit-late`: the kept arrival trees, late trees fitted again (the late features changed).
  const models: CrossedModels =
    kept && !values['refit-late']
      ? kept
      : crossFit(streams, BOOST_DEFAULTS, collect, 0.6, kept?.arrival, vectors);
  if (path && !kept) writeFileSync(path, JSON.stringify(models));
  if (values.save) writeFileSync(values.save, JSON.stringify(models));
  for (const link of (values['both-link'] ?? '').split(',').filter(Boolean))
    console.log(
      `arrival and late oracles at a link ≥ ${link}: ${bothOracles(streams, models, Number(link), vectors)}`,
    );
  for (const variant of values.variant ?? []) {
    const options = setOptions(variant.split(',').filter(Boolean));
    const start = process.cpuUsage();
    const line = variantLine(streams, models, options, false, 0, vectors);
    const cpu = process.cpuUsage(start);
    console.log(`${variant || 'shipped'}: ${line}; ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s CPU`);
    if (values.oracle)
      console.log(
        `${variant || 'shipped'}, oracle: ${variantLine(streams, models, options, true, 0, vectors)}`,
      );
    for (const link of (values['oracle-link'] ?? '').split(',').filter(Boolean))
      console.log(
        `${variant || 'shipped'}, oracle joining only at a link ≥ ${link}: ${variantLine(streams, models, options, true, Number(link), vectors)}`,
      );
    for (const link of (values['hybrid-link'] ?? '').split(',').filter(Boolean))
      console.log(
        `${variant || 'shipped'}, oracle at a link ≥ ${link}, the late model elsewhere: ${variantLine(streams, models, options, true, Number(link), vectors, true)}`,
      );
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
