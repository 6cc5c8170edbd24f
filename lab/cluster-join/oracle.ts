/**
 * The ceiling of the learned join decision for a number of candidates: fold 0 of the dated train stream
 * (as `train.ts` builds it) clustered by a never-wrong choice among the best K candidates (the article's
 * own story when it is one of them, else a new story), for each K. Measures what more candidates could
 * give before a model is trained on them.
 *
 *   npx tsx lab/cluster-join/oracle.ts TRAIN.jsonl.gz:TRAIN.dates.tsv [--candidates 1,5,10,20] [--examples 11244]
 */
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { LabelledArticle } from '../../src/eval/cluster-eval.js';
import { collectPairs } from './pairs.js';
import { folds, STREAM_OPTIONS, trainStream } from './train.js';

/** One line per K: how often the own story was held and among the candidates, and the oracle's BCubed. */
export function oracleLines(stream: readonly LabelledArticle[], ks: readonly number[]): string[] {
  const rule = collectPairs(stream).scores.bcubed;
  return [
    `rule: P ${rule.precision.toFixed(4)} R ${rule.recall.toFixed(4)} F1 ${rule.f1.toFixed(4)}`,
    ...ks.map((k) => {
      const r = collectPairs(stream, { joinCandidates: k }, undefined, true);
      const b = r.scores.bcubed;
      return (
        `oracle over ${k} candidates: own story held for ${r.ownHeld} articles, among the candidates for ` +
        `${r.ownCandidate}; P ${b.precision.toFixed(4)} R ${b.recall.toFixed(4)} F1 ${b.f1.toFixed(4)}`
      );
    }),
  ];
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      ...STREAM_OPTIONS,
      candidates: { type: 'string', default: '1,5,10,20' },
    },
  });
  const stream = await trainStream(
    positionals[0],
    values,
    'npx tsx lab/cluster-join/oracle.ts TRAIN.jsonl.gz:TRAIN.dates.tsv',
  );
  const ks = (values.candidates ?? '').split(',').map(Number);
  for (const line of oracleLines(folds(stream)[0], ks)) console.log(line);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
