/**
 * The evaluation harness: summarizers from the registry run side by side on a dataset, every summary
 * scored with rouge-score's ROUGE (and ROUGE-1.5.5-style recall on DUC/TAC), on all cores.
 * `chorus eval` and `bench/eval.ts` are thin shells around `evaluate`.
 */
import { availableParallelism } from 'node:os';
import { resourceUsage } from 'node:process';
import { ChorusError } from '../../core/errors.js';
import { getSummarizer } from '../../core/summarize/registry.js';
import { DATASET_WORDS, datasetTasks, detectDataset, type DatasetKind } from '../datasets/index.js';
import { Aggregate, type MethodSummary } from './aggregate.js';
import { ORACLE, type ExampleResult } from './evaluate-example.js';
import { runPool } from './pool.js';

export interface EvaluationOptions {
  /** Dataset kind; detected from the path when not given. */
  readonly dataset?: DatasetKind;
  /** Registered summarizer names, run side by side. */
  readonly methods: readonly string[];
  /** At most this many examples (the first, or a seeded random sample with `seed`). */
  readonly limit?: number;
  readonly seed?: number;
  /** Word budget; the dataset's own length when not given (Multi-News 250, DUC 100, TAC 250). */
  readonly words?: number;
  /** Worker threads; 0 runs everything in this thread. */
  readonly workers: number;
  /** Keep summary texts in the results passed to `onResult` (for `--out`). */
  readonly keepSummaries: boolean;
  /** Add the greedy ROUGE oracle's extract as a last row: the ceiling for extractive methods. */
  readonly oracle: boolean;
}

export const EVALUATION_DEFAULTS: Omit<EvaluationOptions, 'methods'> = Object.freeze({
  workers: availableParallelism(),
  keepSummaries: false,
  oracle: false,
});

export interface EvaluationHooks {
  /** Called once the number of examples is known (before the first result when it is cheap to know). */
  readonly onTotal?: (total: number) => void;
  readonly onResult?: (result: ExampleResult) => void;
}

export interface EvaluationReport {
  readonly dataset: DatasetKind;
  readonly path: string;
  /** Examples read and summarized; `scored` of them had references. */
  readonly examples: number;
  readonly scored: number;
  /** Word budget given to the summarizers. */
  readonly words: number;
  readonly workers: number;
  readonly seconds: number;
  /** Wall-clock throughput of the whole run (reading, summarizing with every method, scoring). */
  readonly examplesPerSecond: number;
  /** Peak resident memory of the process, worker threads included, in MB. */
  readonly peakRssMb: number;
  readonly meanReferenceWords: number;
  readonly meanInputWords: number;
  readonly methods: readonly MethodSummary[];
  /** Examples that could not be read, and summarizer errors. */
  readonly warnings: readonly string[];
}

/**
 * Evaluates `options.methods` on the dataset at `path`.
 * Example: `await evaluate('validation.jsonl.gz', { methods: ['lead'], limit: 100 })`.
 */
export async function evaluate(
  path: string,
  options: Partial<EvaluationOptions> & Pick<EvaluationOptions, 'methods'>,
  hooks: EvaluationHooks = {},
): Promise<EvaluationReport> {
  const settings = { ...EVALUATION_DEFAULTS, ...options };
  if (settings.methods.length === 0)
    throw new ChorusError('usage', 'expected at least one method, found none');
  for (const m of settings.methods) getSummarizer(m); // unknown names fail here, before any work
  const dataset = settings.dataset ?? (await detectDataset(path));
  const words = settings.words ?? DATASET_WORDS[dataset];
  const started = performance.now();
  const { tasks, total } = await datasetTasks(path, dataset, {
    ...(settings.limit !== undefined && { limit: settings.limit }),
    ...(settings.seed !== undefined && { seed: settings.seed }),
  });
  if (hooks.onTotal) hooks.onTotal(await total());
  const aggregate = new Aggregate(settings.oracle ? [...settings.methods, ORACLE] : settings.methods);
  await runPool(
    tasks,
    {
      methods: settings.methods,
      workers: settings.workers,
      settings: {
        words,
        recall155: dataset !== 'multinews',
        keepSummaries: settings.keepSummaries,
        oracle: settings.oracle,
      },
    },
    (result) => {
      aggregate.add(result);
      hooks.onResult?.(result);
    },
  );
  const seconds = (performance.now() - started) / 1000;
  return reportOf(aggregate, { dataset, path, words, workers: settings.workers, seconds });
}

/** The report of a finished run: the aggregate's figures plus what the run was. */
export function reportOf(
  aggregate: Aggregate,
  run: Pick<EvaluationReport, 'dataset' | 'path' | 'words' | 'workers' | 'seconds'>,
): EvaluationReport {
  const methods = aggregate.summaries();
  if (aggregate.examples === 0 && aggregate.problems.length === 0)
    throw new ChorusError('empty-input', `expected examples in ${run.path}, found none`);
  return {
    ...run,
    examples: aggregate.examples,
    scored: aggregate.scored,
    examplesPerSecond: run.seconds > 0 ? aggregate.examples / run.seconds : 0,
    peakRssMb: resourceUsage().maxRSS / 1024,
    meanReferenceWords: aggregate.scored ? aggregate.referenceWords / aggregate.scored : 0,
    meanInputWords: aggregate.examples ? aggregate.inputWords / aggregate.examples : 0,
    methods,
    warnings: [
      ...(aggregate.examples > 0 && aggregate.scored === 0
        ? [
            'no example has a reference summary, so ROUGE measured nothing (an original .src file needs its .tgt beside it)',
          ]
        : []),
      ...aggregate.problems.map((p) => `left out ${p}`),
      ...methods
        .filter((m) => m.errors > 0)
        .map((m) => `${m.method} failed on ${m.errors} example(s), scored as empty; first: ${m.firstError}`),
    ],
  };
}
