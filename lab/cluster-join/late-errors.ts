/**
 * Where the late decision goes wrong: each fold of the dated train stream clustered by the trees
 * `late-variants.ts --models FILE` keeps (cross-fitted), and every late decision put in a bucket by the
 * rank of the own story among its candidates (the story holding most of the member's gold story's
 * other articles) and what the late model did; for the own stories left alone, their probability.
 *
 *   npx tsx lab/cluster-join/late-errors.ts TRAIN.jsonl.gz:TRAIN.dates.tsv --models FILE [--set name=value]
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { CHORUS_CLUSTER_DEFAULTS } from '../../src/core/cluster/chorus.js';
import { joinProbability } from '../../src/core/cluster/join-model.js';
import type { LabelledArticle } from '../../src/eval/cluster-eval.js';
import type { CrossedModels } from './late-variants.js';
import { collectPairs, type Pair } from './pairs.js';
import { folds, setOptions, STREAM_OPTIONS, trainStream } from './train.js';

/** Counts of late decisions by bucket, and of the left-alone own stories by tenth of probability. */
export function lateErrors(
  stream: readonly LabelledArticle[],
  models: CrossedModels,
  f: number,
  options: Record<string, number> = {},
): { buckets: Map<string, number>; leftOwn: number[] } {
  const late = models.late[f]!;
  const threshold = options['lateJoinThreshold'] ?? CHORUS_CLUSTER_DEFAULTS.lateJoinThreshold;
  const run = collectPairs(stream, options, models.arrival[f], false, undefined, { model: late });
  const decisions = new Map<number, Pair[]>();
  for (const p of run.latePairs) decisions.set(p.article, [...(decisions.get(p.article) ?? []), p]);
  const buckets = new Map<string, number>();
  const leftOwn = new Array<number>(10).fill(0);
  for (const pairs of decisions.values()) {
    const ps = pairs.map((p) => joinProbability(late, p.x));
    const chosen = ps.reduce((b, q, i) => (q > (ps[b] ?? -1) ? i : b), 0);
    const own = pairs.findIndex((p) => p.y === 1);
    const joined = (ps[chosen] ?? 0) >= threshold;
    const what = !joined ? 'left alone' : chosen === own ? 'joined it' : 'joined another';
    const key = own < 0 ? `own story not a candidate: ${what}` : `own story at rank ${own + 1}: ${what}`;
    buckets.set(key, (buckets.get(key) ?? 0) + 1);
    if (own >= 0 && !joined) leftOwn[Math.min(9, Math.floor((ps[own] ?? 0) * 10))]!++;
  }
  return { buckets, leftOwn };
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { ...STREAM_OPTIONS, models: { type: 'string' }, set: { type: 'string', multiple: true } },
  });
  const usage = 'npx tsx lab/cluster-join/late-errors.ts TRAIN.jsonl.gz:TRAIN.dates.tsv --models FILE';
  const stream = await trainStream(positionals[0], values, usage);
  const models = JSON.parse(readFileSync(values.models ?? '', 'utf8')) as CrossedModels;
  folds(stream).forEach((s, f) => {
    const { buckets, leftOwn } = lateErrors(s, models, f, setOptions(values.set));
    console.log(`fold ${f}:`);
    for (const [k, n] of [...buckets].sort()) console.log(`  ${k}: ${n}`);
    console.log(`  own story left alone, by its probability (tenths): ${leftOwn.join(' ')}`);
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
