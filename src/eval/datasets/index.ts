/**
 * Which dataset a path holds, and its examples as a stream of work items for the evaluation runner.
 * Multi-News lines travel raw (the workers parse them, so the reading thread never becomes the
 * bottleneck); DUC and TAC are small and are read whole.
 */
import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { ChorusError } from '../../core/errors.js';
import type { Example } from '../../io/multinews.js';
import { readDuc2003 } from './duc2003.js';
import { sampleIndices } from './sample.js';
import { readTac2011 } from './tac2011.js';

export const DATASETS = ['multinews', 'duc2003', 'tac2011'] as const;
export type DatasetKind = (typeof DATASETS)[number];

/** Summary length each dataset's references were written to, and its published evaluations use. */
export const DATASET_WORDS: Readonly<Record<DatasetKind, number>> = {
  multinews: 250,
  duc2003: 100,
  tac2011: 250,
};

/** A unit of work: a raw Multi-News line (parsed in the worker) or a ready example. */
export type EvalTask =
  | {
      readonly kind: 'line';
      readonly index: number;
      readonly line: string;
      readonly lineNumber: number;
      /** The summary from a `.tgt` file beside an original-format `.src` file. */
      readonly reference?: string;
    }
  | { readonly kind: 'example'; readonly index: number; readonly example: Example };

/**
 * Tells the dataset from the path: a Multi-News file (`.jsonl(.gz)`, or an original `.src` whose `.tgt`
 * beside it holds the summaries), a DUC 2003 folder or a TAC 2011 folder.
 */
export async function detectDataset(path: string): Promise<DatasetKind> {
  const info = await stat(path).catch(() => undefined);
  if (!info)
    throw new ChorusError('not-found', `expected a dataset file or folder, found nothing at ${path}`);
  if (info.isFile()) {
    if (/\.(jsonl|json|src|txt)(\.gz)?$|\.gz$/i.test(path)) return 'multinews';
    throw new ChorusError(
      'unsupported-input',
      `expected a Multi-News file (.jsonl, .jsonl.gz or .src), found ${path}`,
    );
  }
  const entries = await readdir(path);
  if (entries.includes('docs.without.headlines') || entries.some((e) => /^d\d+t$/i.test(e))) return 'duc2003';
  if (entries.includes('TAC 2011 MultiLing Pilot Dataset') || entries.includes('SourceTexts'))
    return 'tac2011';
  throw new ChorusError(
    'unsupported-input',
    `expected a DUC 2003 folder (docs.without.headlines/) or a TAC 2011 MultiLing folder (SourceTexts/), found neither in ${path}`,
  );
}

export interface TaskOptions {
  /** At most this many examples: the first ones, or a random sample when `seed` is given. */
  readonly limit?: number;
  readonly seed?: number;
}

async function* lines(path: string): AsyncGenerator<string> {
  const raw = createReadStream(path);
  const input = path.endsWith('.gz') ? raw.pipe(createGunzip()) : raw;
  const reader = createInterface({ input, crlfDelay: Infinity });
  try {
    for await (const line of reader) yield line;
  } finally {
    reader.close();
    raw.destroy();
  }
}

/** Number of non-empty lines of a Multi-News file (for a progress total). */
export async function countExamples(path: string): Promise<number> {
  let n = 0;
  for await (const line of lines(path)) if (line.trim()) n++;
  return n;
}

/**
 * The summaries of an original-format `NAME.src` file: its sibling `NAME.tgt`, one summary per line,
 * aligned by line number (as the Multi-News release ships them); undefined when there is none.
 */
async function targetLines(path: string): Promise<string[] | undefined> {
  const m = /\.src(\.txt)?$/i.exec(path);
  if (!m) return undefined;
  const target = path.slice(0, m.index) + '.tgt' + (m[1] ?? '');
  if (!(await stat(target).catch(() => undefined))?.isFile()) return undefined;
  const out: string[] = [];
  for await (const line of lines(target)) out.push(line.replace(/NEWLINE_CHAR/g, '\n').trim());
  return out;
}

async function* multiNewsTasks(path: string, options: TaskOptions): AsyncGenerator<EvalTask> {
  // A seeded sample needs the count first; the lines themselves are read on a second pass.
  const sample =
    options.seed !== undefined && options.limit !== undefined
      ? new Set(sampleIndices(await countExamples(path), options.limit, options.seed))
      : undefined;
  const targets = await targetLines(path);
  let example = 0;
  let index = 0;
  let lineNumber = 0;
  for await (const line of lines(path)) {
    lineNumber++;
    if (!line.trim()) continue;
    const k = example++;
    if (sample && !sample.has(k)) continue;
    if (!sample && options.limit !== undefined && index >= options.limit) return;
    const reference = targets?.[lineNumber - 1];
    yield { kind: 'line', index: index++, line, lineNumber, ...(reference && { reference }) };
  }
}

/** Reads a whole small dataset (DUC, TAC) and applies the limit or sample. */
async function* exampleTasks(examples: readonly Example[], options: TaskOptions): AsyncGenerator<EvalTask> {
  const picked =
    options.limit === undefined
      ? examples.map((_, i) => i)
      : options.seed === undefined
        ? examples.slice(0, options.limit).map((_, i) => i)
        : sampleIndices(examples.length, options.limit, options.seed);
  let index = 0;
  for (const i of picked) yield { kind: 'example', index: index++, example: examples[i] as Example };
}

/** The work items of a dataset, in dataset order. */
export async function datasetTasks(
  path: string,
  kind: DatasetKind,
  options: TaskOptions = {},
): Promise<{ tasks: AsyncIterable<EvalTask>; total: () => Promise<number> }> {
  if (kind === 'multinews') {
    return {
      tasks: multiNewsTasks(path, options),
      total: async () => Math.min(await countExamples(path), options.limit ?? Infinity),
    };
  }
  const examples = kind === 'duc2003' ? await readDuc2003(path) : await readTac2011(path);
  const n = Math.min(examples.length, options.limit ?? Infinity);
  return { tasks: exampleTasks(examples, options), total: () => Promise.resolve(n) };
}
