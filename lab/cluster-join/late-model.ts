/**
 * Trains the second chance's own model (`src/core/cluster/late-join-model.json`, byte for byte the same
 * from the same data) on late decisions themselves: a lone dated article decided again a day or two on
 * meets stories its siblings have joined since, which the arrival model (trained on arrivals) never saw.
 *
 *   npx tsx lab/cluster-join/late-model.ts TRAIN.jsonl.gz:TRAIN.dates.tsv [--late 0.5,0.6,0.7]
 *        [--join 0.6] [--oracle] [--join-features-only] [--mix] [--late-trees N] [--late-depth N] [--trees 200] [--depth 3]
 *        [--set name=value] [--collect name=value] [--out FILE]
 *
 * Each fold of the dated train stream (`train.ts`) is clustered by arrival trees fitted on the other
 * fold, with the second chance on (`lateJoinThreshold` 0.6, the arrival model deciding it, as shipped
 * before this model), and every late decision's candidates are labelled: 1 for the story holding most
 * of the lone article's gold story's other articles. Late trees fitted on one fold's late pairs then
 * decide the other fold's second chance at each `--late` threshold; the one with the best mean BCubed F1
 * of the two folds is kept, and the shipped trees are fitted on both folds' late pairs. `--oracle` also
 * prints the ceiling: a never-wrong late decision among the same candidates. The late trees read
 * `LATE_FEATURES` (`late-features.ts`); `--join-features-only` fits them on the arrival's features alone;
 * `--mix` fits them on the arrivals' pairs of the same runs too. `--collect` sets options of the runs
 * the late pairs come from only: `--collect lateJoinSize=3 --collect lateStoryThreshold=0.99` observes
 * stories of two or three decided again (`storyOthers`) while they almost never merge.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { JOIN_FEATURES } from '../../src/core/cluster/join-features.js';
import type { JoinModel } from '../../src/core/cluster/join-model.js';
import { LATE_FEATURES } from '../../src/core/cluster/late-features.js';
import type { LabelledArticle } from '../../src/eval/cluster-eval.js';
import { BOOST_DEFAULTS, type BoostOptions } from '../same-content/boosted-trees.js';
import { collectPairs, type LateSetup } from './pairs.js';
import { crossed, fitJoinModel, folds, setOptions, STREAM_OPTIONS, trainStream } from './train.js';

const here = dirname(fileURLToPath(import.meta.url));

export interface LateModelRun {
  /** The model file's text: late trees fitted on both folds, with the kept threshold. */
  readonly text: string;
  readonly threshold: number;
}

/**
 * Cross-fits arrival and late trees on the two folds, prints each late threshold's BCubed (and the
 * oracle's with `oracle`), and returns the late model fitted on both folds.
 */
export function buildLateModel(
  streams: readonly [LabelledArticle[], LabelledArticle[]],
  lates: readonly number[],
  joinThreshold: number,
  boost: BoostOptions,
  log: (line: string) => void,
  options: Record<string, number> = {},
  oracle = false,
  joinOnly = false,
  mix = false,
  lateBoost: BoostOptions = boost,
  collect: Record<string, number> = {},
): LateModelRun {
  const pairs = streams.map((s) => collectPairs(s, options).pairs);
  const arrival = [0, 1].map((f) => ({ ...crossed(pairs, f, boost), threshold: joinThreshold }));
  const run = (f: number, late: number, setup: LateSetup, more: Record<string, number> = {}) =>
    collectPairs(
      streams[f] ?? [],
      { ...options, ...more, lateJoinThreshold: late },
      arrival[f],
      false,
      undefined,
      setup,
    );
  const line = (label: string, b: ReturnType<typeof run>[]) => {
    const s = b.map((r) => r.scores.bcubed);
    const mean = ((s[0]?.f1 ?? 0) + (s[1]?.f1 ?? 0)) / 2;
    log(
      `${label}: ${s.map((x) => `P ${x.precision.toFixed(4)} R ${x.recall.toFixed(4)} F1 ${x.f1.toFixed(4)}`).join('; ')}; mean F1 ${mean.toFixed(4)}`,
    );
    return mean;
  };
  // `collect`: options of the runs the late pairs come from only (the decisions measured use `options`).
  const base = [0, 1].map((f) => run(f, 0.6, {}, collect));
  line(
    `arrival model deciding late joins at 0.6 (sixth round)${Object.keys(collect).length ? ', collecting' : ''}`,
    base,
  );
  // With `joinOnly`, the late trees read only what an arrival reads (to measure what the extras add).
  // With `mix`, the arrivals' pairs of the same run join them: an arrival is a decision with no member
  // newer than the article and no day alone, which is what its late features say when set to 0.
  const extras = LATE_FEATURES.length - JOIN_FEATURES.length;
  const latePairs = base.map((r) => [
    ...(joinOnly ? r.latePairs.map((p) => ({ ...p, x: p.x.slice(0, JOIN_FEATURES.length) })) : r.latePairs),
    ...(mix
      ? r.pairs.map((p) => ({ ...p, x: joinOnly ? p.x : [...p.x, ...new Array<number>(extras).fill(0)] }))
      : []),
  ]);
  base.forEach(({ latePairs: p }, f) => {
    const decisions = new Set(p.map((x) => x.article)).size;
    log(`fold ${f}: ${decisions} late decisions, ${p.length} pairs, ${p.filter((x) => x.y).length} positive`);
  });
  if (oracle)
    line(
      'oracle late decision',
      [0, 1].map((f) => run(f, 0.6, { oracle: true })),
    );
  const lateModels = [0, 1].map((f) => crossed(latePairs, f, lateBoost));
  let best = { t: lates[0] ?? 0.6, f1: -1 };
  for (const t of lates) {
    const mean = line(
      `late model, threshold ${t}`,
      [0, 1].map((f) => run(f, t, { model: lateModels[f] })),
    );
    if (mean > best.f1) best = { t, f1: mean };
  }
  log(`kept late threshold ${best.t} (mean F1 ${best.f1.toFixed(4)})`);
  const all = [...(latePairs[0] ?? []), ...(latePairs[1] ?? [])];
  const model: JoinModel = fitJoinModel(all, best.t, lateBoost, joinOnly ? JOIN_FEATURES : LATE_FEATURES);
  return { text: `${JSON.stringify(model)}\n`, threshold: best.t };
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      ...STREAM_OPTIONS,
      late: { type: 'string', default: '0.5,0.6,0.7' },
      join: { type: 'string', default: '0.6' },
      oracle: { type: 'boolean', default: false },
      'join-features-only': { type: 'boolean', default: false },
      mix: { type: 'boolean', default: false },
      'late-trees': { type: 'string' },
      'late-depth': { type: 'string' },
      trees: { type: 'string', default: String(BOOST_DEFAULTS.trees) },
      depth: { type: 'string', default: String(BOOST_DEFAULTS.depth) },
      set: { type: 'string', multiple: true },
      collect: { type: 'string', multiple: true },
      out: {
        type: 'string',
        default: join(here, '..', '..', 'src', 'core', 'cluster', 'late-join-model.json'),
      },
    },
  });
  const stream = await trainStream(
    positionals[0],
    values,
    'npx tsx lab/cluster-join/late-model.ts TRAIN.jsonl.gz:TRAIN.dates.tsv [--late 0.5,0.6] [--out FILE]',
  );
  const boost = { ...BOOST_DEFAULTS, trees: Number(values.trees), depth: Number(values.depth) };
  const { text } = buildLateModel(
    folds(stream),
    (values.late ?? '').split(',').map(Number),
    Number(values.join),
    boost,
    (l) => console.log(l),
    setOptions(values.set),
    values.oracle,
    values['join-features-only'],
    values.mix,
    {
      ...boost,
      trees: Number(values['late-trees'] ?? boost.trees),
      depth: Number(values['late-depth'] ?? boost.depth),
    },
    setOptions(values.collect),
  );
  writeFileSync(values.out ?? '', text);
  console.log(`wrote ${values.out}`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
