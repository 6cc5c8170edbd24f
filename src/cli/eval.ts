/**
 * `chorus eval DATASET_PATH`: runs registered summarizers side by side on Multi-News, DUC 2003 or
 * TAC 2011 and prints their ROUGE, length and speed. Flags become `evaluate` options here, once.
 */
import { once } from 'node:events';
import { constants, createWriteStream } from 'node:fs';
import { access } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';
import { SingleBar } from 'cli-progress';
import { ChorusError } from '../core/errors.js';
import { summarizerNames } from '../core/summarize/registry.js';
import { DATASETS, type DatasetKind } from '../eval/datasets/index.js';
import type { ExampleResult } from '../eval/runner/evaluate-example.js';
import { evaluate, EVALUATION_DEFAULTS, type EvaluationReport } from '../eval/runner/evaluate.js';
import { rescore } from '../eval/runner/rescore.js';
import { renderEvalTable } from '../eval/runner/table.js';
import { parsePositiveInt } from './options.js';

export interface EvalFlags {
  methods?: string[];
  dataset?: DatasetKind;
  limit?: number;
  seed?: number;
  words?: number;
  workers: number;
  json?: boolean;
  out?: string;
  progress?: boolean;
  oracle?: boolean;
  rescore?: string;
  /** Print the readability lint under the table (the JSON report always carries it). */
  lint?: boolean;
}

/** Parses `lead,lexrank` into names, checked against the registry. */
export function parseMethods(value: string): string[] {
  const names = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const known = summarizerNames();
  const unknown = names.filter((n) => !known.includes(n));
  if (names.length === 0 || unknown.length > 0)
    throw new InvalidArgumentError(
      `expected summarizer names from ${known.join(', ')}, found "${unknown.join(',') || value}"`,
    );
  return [...new Set(names)];
}

function parseWholeNumber(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0)
    throw new InvalidArgumentError(`expected a whole number ≥ 0, found "${value}"`);
  return n;
}

async function checkWritable(path: string): Promise<void> {
  const folder = dirname(resolve(path));
  try {
    await access(folder, constants.W_OK);
  } catch (error) {
    throw new ChorusError(
      'not-found',
      `expected a writable folder for --out ${path}, found none at ${folder}`,
      {
        cause: error,
      },
    );
  }
}

/** `{"id","method","summary"}` lines in dataset order, written when the run is over. */
async function writeSummaries(path: string, results: ExampleResult[]): Promise<void> {
  const out = createWriteStream(path);
  results.sort((a, b) => a.index - b.index);
  for (const r of results)
    for (const m of r.results)
      if (!out.write(JSON.stringify({ id: r.id, method: m.method, summary: m.summary ?? '' }) + '\n'))
        await once(out, 'drain');
  out.end();
  await once(out, 'finish');
}

/** Runs the evaluation for `path` with `flags`, printing to the given streams; returns the report. */
export async function runEval(
  path: string,
  flags: EvalFlags,
  io: { stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream & { isTTY?: boolean } },
): Promise<EvaluationReport> {
  const kept: ExampleResult[] = [];
  const showProgress = flags.progress !== false && io.stderr.isTTY === true;
  const bar = showProgress
    ? new SingleBar({
        stream: io.stderr,
        format: 'eval [{bar}] {value}/{total} examples | {eta_formatted} left',
        hideCursor: true,
      })
    : undefined;
  // Fail before a long run, not after it: the summaries file must be writable where it is asked for.
  if (flags.out !== undefined) await checkWritable(flags.out);
  if (flags.rescore !== undefined) {
    const report = await rescore(path, flags.rescore, {
      ...(flags.dataset && { dataset: flags.dataset }),
      ...(flags.words !== undefined && { words: flags.words }),
    });
    io.stdout.write(
      flags.json
        ? JSON.stringify(report, null, 2) + '\n'
        : renderEvalTable(report, { lint: flags.lint === true }),
    );
    return report;
  }
  try {
    const report = await evaluate(
      path,
      {
        methods: flags.methods ?? summarizerNames(),
        workers: flags.workers,
        keepSummaries: flags.out !== undefined,
        oracle: flags.oracle === true,
        ...(flags.dataset && { dataset: flags.dataset }),
        ...(flags.limit !== undefined && { limit: flags.limit }),
        ...(flags.seed !== undefined && { seed: flags.seed }),
        ...(flags.words !== undefined && { words: flags.words }),
      },
      {
        onTotal: (total) => bar?.start(total, 0),
        onResult: (result) => {
          bar?.increment();
          if (flags.out !== undefined) kept.push(result);
        },
      },
    );
    bar?.stop();
    if (flags.out !== undefined) await writeSummaries(flags.out, kept);
    io.stdout.write(
      flags.json
        ? JSON.stringify(report, null, 2) + '\n'
        : renderEvalTable(report, { lint: flags.lint === true }),
    );
    return report;
  } finally {
    bar?.stop();
  }
}

export function register(program: Command): void {
  program
    .command('eval')
    .description('score summarizers side by side with ROUGE on Multi-News, DUC 2003 or TAC 2011')
    .argument('<path>', 'Multi-News .jsonl(.gz) file, DUC 2003 folder or TAC 2011 MultiLing folder')
    .option(
      '-m, --methods <names>',
      `comma-separated summarizers (default: all: ${summarizerNames().join(',')})`,
      parseMethods,
    )
    .addOption(
      new Option('--dataset <kind>', 'dataset format (default: detected from the path)').choices(DATASETS),
    )
    .option('-n, --limit <n>', 'at most this many examples', parsePositiveInt)
    .option(
      '--seed <n>',
      'with --limit: a random sample chosen with this seed, not the first ones',
      parseWholeNumber,
    )
    .option(
      '-w, --words <n>',
      'word budget (default: Multi-News 250, DUC 2003 100, TAC 2011 250)',
      parsePositiveInt,
    )
    .option(
      '--workers <n>',
      'worker threads, one per core by default, at most twice the cores (0: run in this thread)',
      parseWholeNumber,
      EVALUATION_DEFAULTS.workers,
    )
    .option('--oracle', 'add a row for the greedy ROUGE oracle extract (reads the references: a ceiling)')
    .option(
      '--rescore <file.jsonl>',
      'score the summaries in this file ({"id","method","summary"} lines, as --out writes) instead of running summarizers',
    )
    .option(
      '--lint',
      'add the readability lint: shares of summary sentences with unbalanced quotes, no final punctuation or a dangling opening (always in --json)',
    )
    .option('--json', 'print the report as JSON instead of a table')
    .option('-o, --out <file.jsonl>', 'write every summary as {"id","method","summary"} lines')
    .option('--no-progress', 'no progress bar (it is shown only on a terminal anyway)')
    .addHelpText(
      'after',
      '\nScores: rouge-score F1 ×100 (stemmed, best reference); DUC/TAC add ROUGE-1.5.5-style recall at the word limit.\n' +
        'Example: chorus eval ../shared/data/multi-news/validation.jsonl.gz --methods lead,lexrank --limit 500 --seed 1',
    )
    .action(async (path: string, flags: EvalFlags) => {
      await runEval(path, flags, { stdout: process.stdout, stderr: process.stderr });
    });
}
