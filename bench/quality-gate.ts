/**
 * The quality gate (src/eval/quality-gate.ts): measures each pinned figure on the shared data and
 * exits 1 when one falls under its floor. CI runs it after `npm test`:
 *
 *   npx tsx bench/quality-gate.ts ../shared/data [--method lead] [--clusterer tfidf] [--workers N] [--json]
 *
 * `--method`/`--clusterer` measure another summarizer or clusterer against the same floors: a weaker one
 * (lead, tfidf) fails, which shows the gate bites. Exit codes: 0 every floor holds, 1 a figure is under
 * its floor, 2 usage, 3 the data folder or one of its files is missing.
 */
import { execFile } from 'node:child_process';
import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { promisify } from 'node:util';
import {
  GATE_DEFAULTS,
  QUALITY_FLOORS,
  runGate,
  type Floor,
  type Measure,
} from '../src/eval/quality-gate.js';

const USAGE =
  'usage: npx tsx bench/quality-gate.ts SHARED_DATA_DIR [--method M] [--clusterer C] [--workers N] [--json]';
let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: {
      method: { type: 'string', default: GATE_DEFAULTS.method },
      clusterer: { type: 'string', default: GATE_DEFAULTS.clusterer },
      workers: { type: 'string', default: String(GATE_DEFAULTS.workers) },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n${USAGE}\n`);
  process.exit(2);
}
const { values, positionals } = parsed;
if (values.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
const dataDir = positionals[0];
const workers = Number(values.workers);
if (!dataDir || positionals.length > 1 || !Number.isInteger(workers) || workers < 0) {
  process.stderr.write(`${USAGE}\n`);
  process.exit(2);
}
for (const file of [
  'multi-news/validation.jsonl.gz',
  'multi-news/validation.stream.jsonl.gz',
  'conll2003/eng.testa',
  'polnear/dev',
]) {
  try {
    await access(join(dataDir, file));
  } catch {
    process.stderr.write(`quality gate: expected ${join(dataDir, file)}, found nothing\n`);
    process.exit(3);
  }
}

/**
 * Speaker attribution on PolNeAR dev, scored by bench/speakers.ts against its hand key (which lives in
 * bench/data, so this measure lives here rather than in src/eval): right, and not wrong, as fractions,
 * and the precision and recall of finding the quotes.
 */
const polnearSpeakers: Measure = async (dir) => {
  const script = join(import.meta.dirname, 'speakers.ts');
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', script, join(dir, 'polnear'), '--json'],
    { maxBuffer: 1 << 20 },
  );
  const figures = JSON.parse(stdout) as { right: number; wrong: number; precision: number; recall: number };
  return {
    right: figures.right,
    notWrong: 1 - figures.wrong,
    precision: figures.precision,
    recall: figures.recall,
  };
};
// Set on 2026-12-06 under what the learned chooser measures (fourth round: 79.6 % right, 3.5 % wrong; the
// right floor raised in the sixth round, 81.9 % right, 3.7 % wrong; in the fourteenth to the issue's
// target, 85 %, once measured at 85.7 % right, 3.4 % wrong): a speaker change that guesses more and
// errs more fails the second floor even if it gains on the first.
const FLOORS: readonly Floor[] = [
  ...QUALITY_FLOORS,
  {
    name: 'speaker right, PolNeAR dev',
    measure: polnearSpeakers,
    figure: 'right',
    floor: 0.85,
    measured: 0.8574,
  },
  {
    name: 'speaker not wrong, PolNeAR dev',
    measure: polnearSpeakers,
    figure: 'notWrong',
    floor: 0.955,
    measured: 0.9663,
  },
  // The issue's own targets for finding direct quotes (fourth round: 0.984 and 0.995).
  {
    name: 'quote detection precision, PolNeAR dev',
    measure: polnearSpeakers,
    figure: 'precision',
    floor: 0.97,
    measured: 0.984,
  },
  {
    name: 'quote detection recall, PolNeAR dev',
    measure: polnearSpeakers,
    figure: 'recall',
    floor: 0.97,
    measured: 0.995,
  },
];

if (!values.json) process.stdout.write(`summarizer ${values.method}, clusterer ${values.clusterer}\n`);
const started = performance.now();
const results = await runGate(
  dataDir,
  { method: values.method, clusterer: values.clusterer, workers },
  FLOORS,
);
const seconds = (performance.now() - started) / 1000;
const failed = results.filter((r) => !r.passed);
if (values.json) process.stdout.write(JSON.stringify({ seconds, results }, null, 2) + '\n');
else {
  for (const r of results)
    process.stdout.write(
      `${r.passed ? 'ok  ' : 'FAIL'}  ${r.name.padEnd(44)} ${r.value.toFixed(4).padStart(8)}  floor ${r.floor.toFixed(4)}\n`,
    );
  process.stdout.write(
    `${failed.length === 0 ? 'every floor holds' : `${failed.length} figure(s) under the floor`} (${seconds.toFixed(0)} s)\n`,
  );
}
process.exitCode = failed.length === 0 ? 0 : 1;
