/**
 * Scores summaries made elsewhere (`chorus eval --out`, another system's outputs) against a dataset's
 * references, with the same ROUGE and the same table as a live run. Input: JSON lines
 * `{"id", "method"?, "summary"}`, sentences separated by newlines for ROUGE-Lsum; without `method`
 * a line counts as method `summary`. Only examples named in the file are scored; a method missing for
 * one of them is scored as an empty summary and reported.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { ChorusError } from '../../core/errors.js';
import { countWords } from '../../core/text/index.js';
import { parseMultiNewsLine, type Example } from '../../io/multinews.js';
import { DATASET_WORDS, datasetTasks, detectDataset, type DatasetKind } from '../datasets/index.js';
import { rouge155, rougeScoresMulti } from '../rouge.js';
import { Aggregate } from './aggregate.js';
import type { MethodResult } from './evaluate-example.js';
import { reportOf, type EvaluationReport } from './evaluate.js';

/** Summaries by example id, then by method, in the order methods first appear. */
export interface SummaryFile {
  readonly methods: readonly string[];
  readonly byId: ReadonlyMap<string, ReadonlyMap<string, string>>;
}

/** Reads a summaries file; a malformed line is an error naming its number. */
export async function readSummaryFile(path: string): Promise<SummaryFile> {
  const methods: string[] = [];
  const byId = new Map<string, Map<string, string>>();
  const info = await stat(path).catch(() => undefined);
  if (!info) throw new ChorusError('not-found', `expected a summaries file at ${path}, found nothing there`);
  if (!info.isFile())
    throw new ChorusError('unsupported-input', `expected a summaries file, found a folder at ${path}`);
  const lines = createInterface({ input: createReadStream(path), crlfDelay: Infinity });
  let n = 0;
  for await (const line of lines) {
    n++;
    if (!line.trim()) continue;
    let record: { id?: unknown; method?: unknown; summary?: unknown };
    try {
      record = JSON.parse(line) as typeof record;
    } catch (error) {
      throw new ChorusError(
        'invalid-input',
        `expected a JSON object on line ${n} of ${path}, found malformed JSON`,
        {
          cause: error,
        },
      );
    }
    const { id, summary } = record ?? {};
    const method = record?.method ?? 'summary';
    if (typeof id !== 'string' || typeof summary !== 'string' || typeof method !== 'string')
      throw new ChorusError(
        'invalid-input',
        `expected {"id": string, "method"?: string, "summary": string} on line ${n} of ${path}, found ${line.slice(0, 80)}`,
      );
    if (!methods.includes(method)) methods.push(method);
    let entry = byId.get(id);
    if (!entry) byId.set(id, (entry = new Map()));
    entry.set(method, summary);
  }
  if (methods.length === 0) throw new ChorusError('empty-input', `expected summaries in ${path}, found none`);
  return { methods, byId };
}

export interface RescoreOptions {
  readonly dataset?: DatasetKind;
  /** Word limit of the ROUGE-1.5.5 recall on DUC/TAC (default: the dataset's). */
  readonly words?: number;
}

/**
 * Scores the summaries in `summariesPath` against the references of the dataset at `path`.
 * Example: `await rescore('validation.jsonl.gz', 'runs/lead.jsonl')`.
 */
export async function rescore(
  path: string,
  summariesPath: string,
  options: RescoreOptions = {},
): Promise<EvaluationReport> {
  const file = await readSummaryFile(summariesPath);
  const dataset = options.dataset ?? (await detectDataset(path));
  const words = options.words ?? DATASET_WORDS[dataset];
  const started = performance.now();
  const aggregate = new Aggregate(file.methods);
  const seen = new Set<string>();
  const { tasks } = await datasetTasks(path, dataset);
  for await (const task of tasks) {
    let example: Example;
    try {
      example = task.kind === 'example' ? task.example : parseMultiNewsLine(task.line, task.lineNumber);
    } catch {
      continue; // a malformed dataset line cannot be named in the summaries file
    }
    const summaries = file.byId.get(example.id);
    if (!summaries) continue;
    seen.add(example.id);
    const refs = example.references;
    const results = file.methods.map((method): MethodResult => {
      const text = summaries.get(method);
      const r155 =
        dataset !== 'multinews'
          ? rouge155(text ?? '', example.rawReferences ?? refs, { words, stem: true })
          : undefined;
      return {
        method,
        scores: rougeScoresMulti(text ?? '', refs),
        ...(r155 && { recall155: { rouge1: r155.rouge1.recall, rouge2: r155.rouge2.recall } }),
        words: countWords(text ?? ''),
        seconds: 0,
        ...(text === undefined && { error: 'no summary in the file' }),
      };
    });
    aggregate.add({
      index: task.index,
      id: example.id,
      inputWords: example.story.articles.reduce((n, a) => n + countWords(a.text), 0),
      referenceWords: refs.length ? refs.reduce((n, r) => n + countWords(r), 0) / refs.length : 0,
      scored: refs.length > 0,
      results,
    });
  }
  if (seen.size === 0)
    throw new ChorusError(
      'invalid-input',
      `expected summaries of examples of ${path}, found none of its ids in ${summariesPath}`,
    );
  const unknown = [...file.byId.keys()].filter((id) => !seen.has(id));
  for (const id of unknown.slice(0, 5)) aggregate.problems.push(`${id}: not an example of ${path}`);
  if (unknown.length > 5) aggregate.problems.push(`… and ${unknown.length - 5} more ids not in ${path}`);
  const seconds = (performance.now() - started) / 1000;
  return reportOf(aggregate, { dataset, path, words, workers: 0, seconds });
}
