/**
 * The evaluation runner as a script (the same code as `chorus eval`):
 *
 *   npx tsx bench/eval.ts ../shared/data/multi-news/validation.jsonl.gz --methods lead,lexrank,chorus
 *   npx tsx bench/eval.ts ../shared/data/duc2003 --methods lead,lexrank,chorus
 *   npx tsx bench/eval.ts ../shared/data/tac2011-multiling-english --methods lead,chorus --json
 *
 * Flags: --methods a,b  --dataset multinews|duc2003|tac2011  --limit N  --seed N  --words N  --workers N
 *        --json  --lint  --out FILE.jsonl  --oracle  --rescore SUMMARIES.jsonl  --no-progress
 */
import { parseArgs } from 'node:util';
import { parseMethods, runEval } from '../src/cli/eval.js';
import { DATASETS, type DatasetKind } from '../src/eval/datasets/index.js';
import { EVALUATION_DEFAULTS } from '../src/eval/runner/evaluate.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    methods: { type: 'string' },
    dataset: { type: 'string' },
    limit: { type: 'string' },
    seed: { type: 'string' },
    words: { type: 'string' },
    workers: { type: 'string' },
    json: { type: 'boolean' },
    lint: { type: 'boolean' },
    oracle: { type: 'boolean' },
    rescore: { type: 'string' },
    out: { type: 'string' },
    'no-progress': { type: 'boolean' },
  },
});
const path = positionals[0];
if (!path || (values.dataset && !DATASETS.includes(values.dataset as DatasetKind))) {
  console.error(
    `usage: bench/eval.ts DATA_PATH [--methods a,b] [--dataset ${DATASETS.join('|')}] [--limit N] …`,
  );
  process.exit(2);
}
const num = (v: string | undefined) => (v === undefined ? undefined : Number(v));
try {
  await runEval(
    path,
    {
      workers: num(values.workers) ?? EVALUATION_DEFAULTS.workers,
      progress: !values['no-progress'],
      ...(values.methods && { methods: parseMethods(values.methods) }),
      ...(values.dataset && { dataset: values.dataset as DatasetKind }),
      ...(values.limit && { limit: Number(values.limit) }),
      ...(values.seed && { seed: Number(values.seed) }),
      ...(values.words && { words: Number(values.words) }),
      ...(values.json && { json: true }),
      ...(values.lint && { lint: true }),
      ...(values.oracle && { oracle: true }),
      ...(values.rescore && { rescore: values.rescore }),
      ...(values.out && { out: values.out }),
    },
    { stdout: process.stdout, stderr: process.stderr },
  );
} catch (error) {
  console.error(`bench/eval: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
