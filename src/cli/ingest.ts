/**
 * `chorus ingest PATH…`: reads files, directories or standard input as articles and stores them:
 * exact repeats skipped, copies linked, each article placed in a story, story reports rebuilt.
 *
 * Reading is kept small here (text with header lines, HTML pages, JSON and JSONL records, Multi-News
 * files) until src/io offers `readInputs` for every command; then this file should call that instead.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import type { Command } from 'commander';
import { makeArticle, type ArticleFields } from '../core/article.js';
import { ChorusError } from '../core/errors.js';
import type { Article } from '../core/model.js';
import { pageText } from '../feeds/page-text.js';
import { parseMultiNewsLine, readMultiNews } from '../io/multinews.js';
import { IngestService, type IngestOutcome } from '../service/ingest-service.js';
import { EXIT_CODES } from './exit-codes.js';
import { DB_OPTION_HELP, describeOutcomes, openStoreFromFlags } from './feeds.js';
import { parsePositiveInt } from './options.js';

interface IngestFlags {
  db?: string;
  batch: number;
  maxBytes: number;
  json?: boolean;
}

interface InputOutcome {
  readonly input: string;
  readonly status: 'read' | 'rejected';
  readonly articles: number;
  readonly reason?: string;
}

const HEADER = /^(title|by|byline|date|source|url):\s*(.*)$/i;

/** Plain text, with optional `Title:`/`By:`/`Date:`/`Source:`/`URL:` lines before a blank line. */
function fromText(text: string, name: string): ArticleFields {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const fields: Record<string, string> = {};
  let i = 0;
  for (; i < lines.length; i++) {
    const m = HEADER.exec(lines[i] ?? '');
    if (!m) break;
    const key = (m[1] ?? '').toLowerCase();
    fields[key === 'by' ? 'byline' : key] = m[2] ?? '';
  }
  const body = lines.slice(i).join('\n');
  return { text: body, source: name, ...fields };
}

function fromRecord(record: unknown, where: string): ArticleFields {
  if (!record || typeof record !== 'object' || typeof (record as { text?: unknown }).text !== 'string') {
    throw new ChorusError(
      'invalid-input',
      `expected an object with a "text" string in ${where}, found something else`,
    );
  }
  const r = record as Record<string, unknown>;
  const str = (k: string) => (typeof r[k] === 'string' ? (r[k] as string) : undefined);
  const fields: Record<string, string> = { text: str('text') ?? '' };
  for (const k of ['id', 'source', 'url', 'title', 'byline', 'date', 'language']) {
    const v = str(k);
    if (v !== undefined) fields[k] = v;
  }
  return fields as unknown as ArticleFields;
}

async function readOne(path: string, maxBytes: number): Promise<Article[]> {
  const name = basename(path);
  const ext = extname(path).toLowerCase();
  if (path.endsWith('.jsonl.gz')) {
    const articles: Article[] = [];
    for await (const example of readMultiNews(path)) articles.push(...example.story.articles);
    return articles;
  }
  const size = (await stat(path)).size;
  if (size > maxBytes)
    throw new ChorusError('too-large', `expected at most ${maxBytes} bytes, found ${size}`);
  const raw = await readFile(path, 'utf8');
  if (ext === '.jsonl') {
    return raw.split('\n').flatMap((line, n) => {
      if (!line.trim()) return [];
      const record = JSON.parse(line) as { documents?: unknown; document?: unknown };
      if (record.documents !== undefined || record.document !== undefined)
        return [...parseMultiNewsLine(line, n + 1).story.articles];
      return [makeArticle(fromRecord(record, `line ${n + 1}`))];
    });
  }
  if (ext === '.json') {
    const data = JSON.parse(raw) as unknown;
    return (Array.isArray(data) ? data : [data]).map((r, i) => makeArticle(fromRecord(r, `record ${i + 1}`)));
  }
  if (ext === '.html' || ext === '.htm') {
    const page = pageText(raw);
    return [makeArticle({ text: page.text, source: name, ...(page.title && { title: page.title }) })];
  }
  return [makeArticle(fromText(raw, name))];
}

async function expand(path: string): Promise<string[]> {
  const info = await stat(path).catch(() => undefined);
  if (!info) throw new ChorusError('not-found', `expected a file or directory, found nothing at ${path}`);
  if (!info.isDirectory()) return [path];
  const entries = (await readdir(path)).filter((e) => !e.startsWith('.')).sort();
  return (await Promise.all(entries.map((e) => expand(join(path, e))))).flat();
}

async function readArticles(
  paths: readonly string[],
  maxBytes: number,
): Promise<{ articles: Article[]; inputs: InputOutcome[] }> {
  const articles: Article[] = [];
  const inputs: InputOutcome[] = [];
  for (const file of (await Promise.all(paths.map(expand))).flat()) {
    try {
      const read = await readOne(file, maxBytes);
      articles.push(...read);
      inputs.push({ input: file, status: 'read', articles: read.length });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      inputs.push({ input: file, status: 'rejected', articles: 0, reason });
    }
  }
  return { articles, inputs };
}

export async function runIngest(paths: readonly string[], flags: IngestFlags): Promise<number> {
  const read = await readArticles(paths, flags.maxBytes);
  for (const o of read.inputs) {
    if (o.status === 'rejected') process.stderr.write(`chorus: ${o.input}: rejected: ${o.reason}\n`);
  }
  if (read.articles.length === 0) {
    throw new ChorusError(
      'empty-input',
      `expected at least one news article, found none in ${read.inputs.length} input(s)`,
    );
  }
  const store = await openStoreFromFlags(flags.db);
  try {
    const service = await IngestService.open(store);
    const outcomes: IngestOutcome[] = [];
    const warnings: string[] = [];
    for (let i = 0; i < read.articles.length; i += flags.batch) {
      const result = await service.ingest(read.articles.slice(i, i + flags.batch));
      outcomes.push(...result.outcomes);
      warnings.push(...result.warnings);
    }
    await service.checkpoint();
    for (const w of warnings) process.stderr.write(`chorus: ${w}\n`);
    if (flags.json) process.stdout.write(JSON.stringify({ outcomes, inputs: read.inputs }, null, 2) + '\n');
    else {
      for (const [i, o] of outcomes.entries()) {
        if (o.status === 'rejected')
          process.stdout.write(`rejected ${read.articles[i]?.id ?? i}: ${o.reason}\n`);
      }
      process.stdout.write(`${describeOutcomes(outcomes)}\n`);
    }
    const rejected =
      outcomes.some((o) => o.status === 'rejected') || read.inputs.some((o) => o.status === 'rejected');
    return rejected ? EXIT_CODES.partial : EXIT_CODES.ok;
  } finally {
    await store.close();
  }
}

export function register(program: Command): void {
  program
    .command('ingest')
    .description('store articles: skip repeats, link copies, group them into stories, rebuild story reports')
    .argument('<paths...>', 'files or directories')
    .option('--db <path-or-url>', DB_OPTION_HELP)
    .option('--batch <n>', 'articles per transaction', parsePositiveInt, 100)
    .option('--max-bytes <n>', 'largest input file read, in bytes', parsePositiveInt, 20 * 1024 * 1024)
    .option('--json', 'print every outcome as JSON')
    .addHelpText(
      'after',
      `
Examples:
  chorus ingest samples/
  chorus ingest articles.jsonl --db postgres://chorus@127.0.0.1/chorus

Inputs: plain text (optional Title:/By:/Date:/Source:/URL: header lines), HTML pages, JSON or JSONL
records with a "text" field, Multi-News files (.jsonl, .jsonl.gz). Ingesting the same files again stores
nothing twice (content hash + URL). Exit code 11 when some inputs were rejected.`,
    )
    .action(async (paths: string[], flags: IngestFlags) => {
      process.exitCode = await runIngest(paths, flags);
    });
}
