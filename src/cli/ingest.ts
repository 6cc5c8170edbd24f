/**
 * `chorus ingest PATH…`: reads files, directories or standard input as articles and stores them:
 * exact repeats skipped, copies linked, each article placed in a story, story reports rebuilt.
 *
 * Reading goes through `readInputs` (src/io), as for every command: one bad file is reported and
 * the others are stored.
 *
 * Reports are rebuilt once, after the last batch, for every story the run touched (and any left stale
 * by an earlier run that was stopped). Rebuilding after each batch, as the server must, rebuilt a story
 * that grew over many batches once per batch: 1,500 articles of one story took 67 s. A run stopped
 * before the end leaves its stories stale, never wrong: the next ingest or `chorus serve` rebuilds them.
 */
import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { readInputs } from '../io/index.js';
import { ingestAll } from '../service/ingest-all.js';
import { IngestService } from '../service/ingest-service.js';
import { DB_OPTION_HELP, describeOutcomes, openStoreFromFlags } from './feeds.js';
import { parsePositiveInt } from './options.js';
import { exitCodeOf, noArticlesError, printReadProblems } from './read-outcomes.js';

interface IngestFlags {
  db?: string;
  batch: number;
  maxBytes: number;
  json?: boolean;
  progress?: boolean;
}

export async function runIngest(paths: readonly string[], flags: IngestFlags): Promise<number> {
  const read = await readInputs(paths, { maxBytes: flags.maxBytes, stdin: process.stdin });
  printReadProblems(read);
  if (read.articles.length === 0) throw noArticlesError(read);
  const store = await openStoreFromFlags(flags.db);
  try {
    const service = await IngestService.open(store, { refresh: false });
    const bar =
      flags.progress !== false && process.stderr.isTTY === true
        ? new SingleBar({
            stream: process.stderr,
            format: 'ingest [{bar}] {value}/{total} {what} | {eta_formatted} left',
            hideCursor: true,
          })
        : undefined;
    let shown: string | undefined;
    const { outcomes, reports, warnings } = await ingestAll(service, read.articles, {
      batch: flags.batch,
      onProgress: (phase, done, total) => {
        if (phase !== shown) bar?.start(total, 0, { what: phase });
        shown = phase;
        bar?.update(done);
      },
    });
    bar?.stop();
    for (const w of warnings) process.stderr.write(`chorus: ${w}\n`);
    if (flags.json)
      process.stdout.write(JSON.stringify({ outcomes, reports, inputs: read.outcomes }, null, 2) + '\n');
    else {
      for (const [i, o] of outcomes.entries()) {
        if (o.status === 'rejected')
          process.stdout.write(`rejected ${read.articles[i]?.id ?? i}: ${o.reason}\n`);
      }
      process.stdout.write(
        `${describeOutcomes(outcomes)}; ${reports} report${reports === 1 ? '' : 's'} rebuilt\n`,
      );
    }
    return exitCodeOf(outcomes, read.outcomes);
  } finally {
    await store.close();
  }
}

export function register(program: Command): void {
  program
    .command('ingest')
    .description('store articles: skip repeats, link copies, group them into stories, rebuild story reports')
    .argument('<paths...>', 'files, directories, or - for standard input')
    .option('--db <path-or-url>', DB_OPTION_HELP)
    .option('--batch <n>', 'articles per transaction', parsePositiveInt, 100)
    // As `chorus cluster`: a day's feed dump or an aggregator stream (the UCI file is 22.8 MB) fits.
    .option('--max-bytes <n>', 'largest input file read, in bytes', parsePositiveInt, 100 * 1024 * 1024)
    .option('--json', 'print every outcome as JSON')
    .option('--no-progress', 'no progress bar (it is shown only on a terminal anyway)')
    .addHelpText(
      'after',
      `
Examples:
  chorus ingest samples/*/
  chorus ingest articles.jsonl --db postgres://chorus@127.0.0.1/chorus

Inputs: plain text (optional Title:/By:/Date:/Source:/URL: header lines), HTML pages, JSON or JSONL
records, Multi-News files (.jsonl, .jsonl.gz, .src). Ingesting the same files again stores
nothing twice (content hash + URL). Story reports are rebuilt once, after the last batch (with any
left stale by a run that was stopped). Exit code 11 when some inputs were rejected.`,
    )
    .action(async (paths: string[], flags: IngestFlags) => {
      process.exitCode = await runIngest(paths, flags);
    });
}
