/**
 * `readInputs`: the one reader every command uses. Paths may be files, directories (walked recursively
 * in name order) or `-` for standard input. Each input gets an outcome — ingested, rejected with a
 * reason, or skipped (hidden files, files that are obviously not articles, repeats) — and one bad file
 * never fails the batch.
 */
import { constants } from 'node:fs';
import { open, readdir, realpath, stat, type FileHandle } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { ChorusError } from '../core/errors.js';
import type { Article } from '../core/model.js';
import { readBytes } from './read-bytes.js';
import { skipReason } from './skip-names.js';

export interface InputOutcome {
  /** The path as given or found in a directory, or `standard input`. */
  readonly input: string;
  readonly status: 'ingested' | 'rejected' | 'skipped';
  /** Why it was rejected or skipped. */
  readonly reason?: string;
  /** Problems that did not stop it (repaired encoding, another language, bad records in a file). */
  readonly warnings: string[];
  /** Articles read from it. */
  readonly articles: number;
}

export interface ReadReport {
  /** Every article read, in input order. */
  readonly articles: Article[];
  readonly outcomes: InputOutcome[];
}

export interface ReadOptions {
  /** Largest input read, in bytes (a gzip file may expand to ten times this). */
  readonly maxBytes?: number;
  /** What `-` reads (default: the process's standard input). */
  readonly stdin?: NodeJS.ReadableStream;
  /** Files read at once. */
  readonly concurrency?: number;
  /** How long a named pipe may wait for a program to open it for writing before it is refused. */
  readonly pipeWaitMs?: number;
}

export const READ_DEFAULTS: Readonly<{ maxBytes: number; concurrency: number; pipeWaitMs: number }> =
  Object.freeze({
    maxBytes: 20 * 1024 * 1024,
    concurrency: 4,
    pipeWaitMs: 10_000,
  });

export const STDIN_NAME = 'standard input';
/** Warnings listed per input at most; the rest are counted. */
const MAX_WARNINGS = 10;

type Planned =
  | { readonly kind: 'file'; readonly input: string }
  | { readonly kind: 'pipe'; readonly input: string }
  | { readonly kind: 'stdin'; readonly input: string }
  | { readonly kind: 'done'; readonly outcome: InputOutcome };

const bytesText = (n: number) => n.toLocaleString('en-US');

function tooLarge(size: number, maxBytes: number, what = 'file'): ChorusError {
  return new ChorusError(
    'too-large',
    `${what} is ${bytesText(size)} bytes, larger than the ${bytesText(maxBytes)}-byte limit (--max-bytes)`,
  );
}

function message(error: unknown): string {
  if (error instanceof ChorusError) return error.message;
  const code = (error as { code?: string }).code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'a directory';
  return error instanceof Error ? error.message : String(error);
}

/** Lists the inputs in order: directories expanded, hidden and non-article files skipped, repeats skipped. */
async function plan(paths: readonly string[]): Promise<Planned[]> {
  const planned: Planned[] = [];
  const seen = new Set<string>();
  let stdinSeen = false;
  const done = (input: string, status: 'rejected' | 'skipped', reason: string): Planned => ({
    kind: 'done',
    outcome: { input, status, reason, warnings: [], articles: 0 },
  });

  const visit = async (path: string, inDirectory: boolean): Promise<void> => {
    const info = await stat(path).catch((error: unknown) => error as NodeJS.ErrnoException);
    if (info instanceof Error) {
      const reason =
        info.code === 'ENOENT'
          ? 'not found: expected a file, a directory or - (standard input)'
          : message(info);
      planned.push(done(path, inDirectory ? 'skipped' : 'rejected', reason));
      return;
    }
    const real = await realpath(path).catch(() => path);
    if (seen.has(real)) {
      planned.push(done(path, 'skipped', 'already read (listed twice, or a link to a file read before)'));
      return;
    }
    seen.add(real);
    if (info.isDirectory()) {
      let names: string[];
      try {
        names = (await readdir(path)).sort();
      } catch (error) {
        planned.push(done(path, 'rejected', `directory not readable: ${message(error)}`));
        return;
      }
      for (const name of names) {
        const reason = skipReason(name);
        if (reason) planned.push(done(join(path, name), 'skipped', reason));
        else await visit(join(path, name), true);
      }
      return;
    }
    // A pipe named on the command line (`chorus summarize <(curl …)`, /dev/stdin) is read as a stream.
    if (!inDirectory && info.isFIFO()) {
      planned.push({ kind: 'pipe', input: path });
      return;
    }
    if (!info.isFile()) {
      // Named explicitly, a device or socket is a mistake worth an error: reading one blocks (a
      // terminal, a socket) or never ends (/dev/zero, a disk).
      if (inDirectory) planned.push(done(path, 'skipped', 'not a regular file (a device, socket or pipe)'));
      else {
        const kind = info.isSocket() ? 'a socket' : 'a device';
        planned.push(
          done(
            path,
            'rejected',
            `${kind}, not a file: expected a file, a directory, a pipe or - (standard input)`,
          ),
        );
      }
      return;
    }
    planned.push({ kind: 'file', input: path });
  };

  for (const path of paths) {
    if (path === '-') {
      if (stdinSeen) planned.push(done(STDIN_NAME, 'skipped', 'standard input listed twice'));
      else planned.push({ kind: 'stdin', input: STDIN_NAME });
      stdinSeen = true;
    } else await visit(path, false);
  }
  return planned;
}

/** Reads a file's bytes after checking its size, so a huge file is refused without being read. */
async function fileBytes(path: string, maxBytes: number): Promise<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    if (size > maxBytes) throw tooLarge(size, maxBytes);
    const bytes = await handle.readFile();
    if (bytes.length > maxBytes) throw tooLarge(bytes.length, maxBytes);
    return bytes;
  } finally {
    await handle.close();
  }
}

/**
 * Opens a named pipe for reading. Opening blocks until a program opens the pipe for writing, which may
 * be never (`mkfifo p; chorus summarize p`): after `waitMs` the pipe is refused, and the blocked open is
 * released by opening the pipe for writing ourselves, without blocking, so no thread stays stuck.
 */
async function openPipe(path: string, waitMs: number): Promise<FileHandle> {
  const opening = open(path, 'r');
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => (timer = setTimeout(resolve, waitMs, 'late')));
  const first = await Promise.race([opening, late]).finally(() => clearTimeout(timer));
  if (first !== 'late') return first;
  // Opening for writing wakes the blocked open (even once closed again); what it opens is closed unread.
  void opening.then((handle) => handle.close()).catch(() => undefined);
  await (await open(path, constants.O_WRONLY | constants.O_NONBLOCK).catch(() => undefined))?.close();
  throw new ChorusError(
    'empty-input',
    `named pipe with nothing writing to it after ${waitMs / 1000} s: expected a pipe a program writes to, as in <(curl …)`,
  );
}

/**
 * Compressed datasets expand several times (Multi-News about 3×): a gzip file may grow to this many times
 * the limit, and no further, so that a small "zip bomb" cannot fill the memory.
 */
const GZIP_EXPANSION = 10;

function gunzip(bytes: Uint8Array, maxBytes: number): Uint8Array {
  const limit = maxBytes * GZIP_EXPANSION;
  try {
    return gunzipSync(bytes, { maxOutputLength: limit });
  } catch (error) {
    if (error instanceof RangeError || (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
      throw new ChorusError(
        'too-large',
        `file decompresses to more than ${bytesText(limit)} bytes, ${GZIP_EXPANSION} times the ${bytesText(maxBytes)}-byte limit (--max-bytes)`,
      );
    }
    throw new ChorusError('invalid-input', `expected a gzip file, found a damaged one (${message(error)})`);
  }
}

/** Reads a stream to its end, refusing it once it passes `maxBytes`. */
async function streamBytes(
  stream: NodeJS.ReadableStream,
  maxBytes: number,
  name = 'standard input',
): Promise<Uint8Array> {
  if ((stream as { isTTY?: boolean }).isTTY) {
    throw new ChorusError(
      'empty-input',
      'standard input is a terminal: give files or directories, or pipe articles in (… | chorus summarize -)',
    );
  }
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk);
    total += buf.length;
    if (total > maxBytes) {
      (stream as { destroy?: () => void }).destroy?.();
      throw new ChorusError(
        'too-large',
        `${name} is larger than the ${bytesText(maxBytes)}-byte limit (--max-bytes)`,
      );
    }
    chunks.push(buf);
  }
  return Buffer.concat(chunks);
}

/**
 * `article 3: …` for each article's warning, except that a warning most articles share (a file of
 * 200,000 headline-only items) is said once with its count: one line, not a list cut off at the tenth.
 */
function articleWarnings(articles: readonly Article[]): string[] {
  const count = new Map<string, number>();
  for (const a of articles) for (const w of a.warnings) count.set(w, (count.get(w) ?? 0) + 1);
  const shared = new Set([...count].filter(([, n]) => n > MAX_WARNINGS).map(([w]) => w));
  return [
    ...[...shared].map((w) => `${count.get(w)} articles: ${w}`),
    ...articles.flatMap((a, i) =>
      a.warnings.filter((w) => !shared.has(w)).map((w) => `article ${i + 1}: ${w}`),
    ),
  ];
}

/** The outcome of an input that gave articles: its own warnings and its articles', listed once each. */
function outcomeOf(input: string, articles: readonly Article[], fileWarnings: readonly string[]) {
  const perArticle = articles.length === 1 ? [...(articles[0]?.warnings ?? [])] : articleWarnings(articles);
  const all = [...new Set([...fileWarnings, ...perArticle])];
  const warnings =
    all.length > MAX_WARNINGS
      ? [...all.slice(0, MAX_WARNINGS), `… and ${all.length - MAX_WARNINGS} more warnings`]
      : all;
  const outcome: InputOutcome = { input, status: 'ingested', warnings, articles: articles.length };
  return { outcome, kept: [...articles] };
}

async function readOne(
  item: Extract<Planned, { kind: 'file' | 'pipe' | 'stdin' }>,
  options: typeof READ_DEFAULTS & ReadOptions,
): Promise<{ outcome: InputOutcome; kept: Article[] }> {
  try {
    let bytes =
      item.kind === 'stdin'
        ? await streamBytes(options.stdin ?? process.stdin, options.maxBytes)
        : item.kind === 'pipe'
          ? await streamBytes(
              (await openPipe(item.input, options.pipeWaitMs)).createReadStream(),
              options.maxBytes,
              item.input,
            )
          : await fileBytes(item.input, options.maxBytes);
    const gz = bytes[0] === 0x1f && bytes[1] === 0x8b;
    if (gz) bytes = gunzip(bytes, options.maxBytes);
    const fileName = item.kind === 'file' ? basename(item.input) : undefined;
    const read = readBytes(bytes, fileName ? { fileName } : {});
    return outcomeOf(item.input, read.articles, read.warnings);
  } catch (error) {
    const detail =
      error instanceof ChorusError ? (error.detail as { warnings?: string[] } | undefined) : undefined;
    const warnings = detail?.warnings ?? [];
    return {
      outcome: { input: item.input, status: 'rejected', reason: message(error), warnings, articles: 0 },
      kept: [],
    };
  }
}

/**
 * Reads files, directories and standard input (`-`) as articles.
 * @example const { articles, outcomes } = await readInputs(['samples/harbor-bridge-closure'])
 */
export async function readInputs(paths: readonly string[], options: ReadOptions = {}): Promise<ReadReport> {
  const opts = { ...READ_DEFAULTS, ...options };
  const planned = await plan(paths);
  const results: { outcome: InputOutcome; kept: Article[] }[] = new Array(planned.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < planned.length) {
      const i = next++;
      const item = planned[i];
      if (!item) continue;
      results[i] = item.kind === 'done' ? { outcome: item.outcome, kept: [] } : await readOne(item, opts);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, opts.concurrency) }, worker));
  return {
    articles: results.flatMap((r) => r.kept),
    outcomes: results.map((r) => r.outcome),
  };
}
