/**
 * The Multi-News format: one example per line. Either the JSON lines of `../shared/data/multi-news`
 * (`{"id", "summary", "documents": [...]}`, gzip) or the original source files, where one line holds
 * all documents separated by `|||||`. Both turn into a Story plus its reference summary.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { makeArticle } from '../core/article.js';
import { ChorusError } from '../core/errors.js';
import type { Story } from '../core/model.js';

export interface Example {
  readonly id: string;
  readonly story: Story;
  /** Human reference summaries (Multi-News has one, DUC and TAC several; none for plain input). */
  readonly references: readonly string[];
  /**
   * The references as the dataset's files hold them (DUC: tokenized, one clause per line), when
   * `references` were tidied: ROUGE-1.5.5 counts its word limit on the files' whitespace words.
   */
  readonly rawReferences?: readonly string[];
}

function storyFrom(id: string, documents: readonly string[]): Story {
  const articles = documents
    .map((text, i) => makeArticle({ text, id: `${id}#${i + 1}`, source: `source ${i + 1}` }))
    .filter((a) => a.text.length > 0);
  return { id, articles };
}

/** Parses one line of either Multi-News form. `n` is the line number, used for ids and errors. */
export function parseMultiNewsLine(line: string, n: number): Example {
  const trimmed = line.trim();
  if (trimmed.startsWith('{')) {
    let record: unknown;
    try {
      record = JSON.parse(trimmed);
    } catch (error) {
      throw new ChorusError('invalid-input', `expected a JSON object on line ${n}, found malformed JSON`, {
        cause: error,
      });
    }
    const r = record as { id?: unknown; summary?: unknown; documents?: unknown; document?: unknown };
    const id = typeof r.id === 'string' ? r.id : `line-${n}`;
    const documents = Array.isArray(r.documents)
      ? r.documents.filter((d): d is string => typeof d === 'string')
      : typeof r.document === 'string'
        ? r.document.split('|||||')
        : null;
    if (!documents) {
      throw new ChorusError(
        'invalid-input',
        `expected "documents" (an array of strings) on line ${n}, found none`,
      );
    }
    return {
      id,
      story: storyFrom(id, documents),
      references: typeof r.summary === 'string' ? [r.summary] : [],
    };
  }
  const id = `line-${n}`;
  return { id, story: storyFrom(id, trimmed.replace(/NEWLINE_CHAR/g, '\n').split('|||||')), references: [] };
}

/** Streams the examples of a Multi-News file (`.jsonl`, `.jsonl.gz`, or `.src` with `|||||` separators). */
export async function* readMultiNews(
  path: string,
  options: { limit?: number } = {},
): AsyncGenerator<Example> {
  const raw = createReadStream(path);
  const input = path.endsWith('.gz') ? raw.pipe(createGunzip()) : raw;
  const lines = createInterface({ input, crlfDelay: Infinity });
  let n = 0;
  let yielded = 0;
  try {
    for await (const line of lines) {
      n++;
      if (!line.trim()) continue;
      yield parseMultiNewsLine(line, n);
      if (options.limit !== undefined && ++yielded >= options.limit) break;
    }
  } finally {
    lines.close();
    raw.destroy();
  }
}
