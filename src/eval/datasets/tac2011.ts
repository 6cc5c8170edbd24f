/**
 * TAC 2011 MultiLing Pilot, English: 10 topics (`M000`…`M009`) of 10 WikiNews articles each
 * (`SourceTexts/M00TD.english`: a title line, optionally prefixed `2005/01/08 `, then a dateline such
 * as `Saturday, January 8, 2005`, then paragraphs), and 3 human summaries of 240-250 words per topic
 * (`Model Summaries/English/M00T.{A,B,C}.250`).
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { makeArticle, type ArticleFields } from '../../core/article.js';
import { ChorusError } from '../../core/errors.js';
import type { Example } from '../../io/multinews.js';
import { isDirectory } from './is-directory.js';

const DATASET_FOLDER = 'TAC 2011 MultiLing Pilot Dataset';
const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
/** "Saturday, January 8, 2005" or "December 29, 2004", alone on its line or glued to the first sentence. */
const DATELINE =
  /^(?:(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday),?\s+)?([a-z]+)\s+(\d{1,2}),?\s+(\d{4})/i;

function isoDate(year: string, month: number, day: string): string {
  return `${year}-${String(month).padStart(2, '0')}-${day.padStart(2, '0')}`;
}

/** Article fields of one source text: title and date from the first lines, the dateline dropped. */
export function parseTacDocument(raw: string, id: string): ArticleFields {
  const lines = raw
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split('\n');
  const first = (lines.shift() ?? '').trim();
  const prefixed = /^(\d{4})\/(\d{2})\/(\d{2})\s+(.*)$/.exec(first);
  let date = prefixed ? isoDate(prefixed[1] ?? '', Number(prefixed[2]), prefixed[3] ?? '') : undefined;
  const title = prefixed ? (prefixed[4] ?? '') : first;
  // The dateline is among the first few lines (a photo caption sometimes comes before it).
  let seen = 0;
  for (let i = 0; i < lines.length && seen < 3; i++) {
    const line = (lines[i] ?? '').trim();
    if (!line) continue;
    seen++;
    const m = DATELINE.exec(line);
    const month = m ? MONTHS.indexOf((m[1] ?? '').toLowerCase()) : -1;
    if (!m || month < 0) continue;
    date ??= isoDate(m[3] ?? '', month + 1, m[2] ?? '');
    lines[i] = line.slice(m[0].length).trim();
    break;
  }
  return { id, source: 'WikiNews', title, text: lines.join('\n'), ...(date && { date }) };
}

/** The dataset folder: `root` itself or its `TAC 2011 MultiLing Pilot Dataset` child. */
export async function tacDatasetRoot(root: string): Promise<string> {
  if (await isDirectory(join(root, DATASET_FOLDER))) return join(root, DATASET_FOLDER);
  if (await isDirectory(join(root, 'SourceTexts'))) return root;
  throw new ChorusError(
    'not-found',
    `expected a TAC 2011 MultiLing folder (with SourceTexts/ and "Model Summaries/"), found none at ${root}`,
  );
}

/** The human summaries of `topic` (`M000`), in file order. */
export async function readTacModels(dataset: string, topic: string): Promise<string[]> {
  const dir = join(dataset, 'Model Summaries', 'English');
  const files = (await readdir(dir).catch(() => [] as string[]))
    .filter((f) => f.startsWith(`${topic}.`))
    .sort();
  return Promise.all(files.map((f) => readFile(join(dir, f), 'utf8')));
}

/**
 * Reads the 10 English topics of TAC 2011 MultiLing as examples: articles in file order, 3 references.
 * Example: `await readTac2011('../shared/data/tac2011-multiling-english')` → 10 examples.
 */
export async function readTac2011(root: string): Promise<Example[]> {
  const dataset = await tacDatasetRoot(root);
  const sources = join(dataset, 'SourceTexts');
  const files = (await readdir(sources)).filter((f) => /^M\d{4}\.english$/i.test(f)).sort();
  if (files.length === 0)
    throw new ChorusError(
      'empty-input',
      `expected English source texts (M0000.english, …) in ${sources}, found none`,
    );
  const byTopic = new Map<string, string[]>();
  for (const f of files) {
    const topic = f.slice(0, 4);
    byTopic.set(topic, [...(byTopic.get(topic) ?? []), f]);
  }
  const examples: Example[] = [];
  for (const [topic, topicFiles] of byTopic) {
    const articles = (
      await Promise.all(
        topicFiles.map(async (f) =>
          makeArticle(
            parseTacDocument(await readFile(join(sources, f), 'utf8'), f.replace(/\.english$/i, '')),
          ),
        ),
      )
    ).filter((a) => a.text.length > 0);
    examples.push({
      id: topic,
      story: { id: topic, articles },
      references: await readTacModels(dataset, topic),
    });
  }
  return examples;
}
