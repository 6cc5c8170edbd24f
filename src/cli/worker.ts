/**
 * `chorus worker`: the background worker of `chorus serve` on its own (beside a server started with
 * `--no-worker`, or on another machine sharing a PostgreSQL store): stale story reports rebuilt until
 * none are left, feeds polled when due. `--once` stops when there is nothing left to do.
 */
import type { Command } from 'commander';
import { PoliteFetcher } from '../feeds/polite-fetcher.js';
import { DEFAULT_POLL_EVERY_S } from '../server/server-config.js';
import { startWorker } from '../service/background-worker.js';
import { IngestService } from '../service/ingest-service.js';
import { EXIT_CODES } from './exit-codes.js';
import { DB_OPTION_HELP, describeOutcomes, openStoreFromFlags } from './feeds.js';
import { parsePositiveInt } from './options.js';

interface WorkerFlags {
  db?: string;
  once?: boolean;
  feeds: boolean;
  pollEvery?: number;
  allowPrivate?: boolean;
}

export async function runWorker(flags: WorkerFlags): Promise<number> {
  const store = await openStoreFromFlags(flags.db);
  try {
    const service = await IngestService.open(store);
    let rebuilt = 0;
    let failures = 0;
    const worker = startWorker(
      service,
      new PoliteFetcher({ allowPrivate: Boolean(flags.allowPrivate) }),
      { feeds: flags.feeds, pollEveryMs: (flags.pollEvery ?? DEFAULT_POLL_EVERY_S) * 1000 },
      {
        onReports: (reports, warnings) => {
          rebuilt += reports;
          for (const w of warnings) process.stderr.write(`chorus: ${w}\n`);
          if (reports > 0) process.stdout.write(`rebuilt ${reports} report${reports === 1 ? '' : 's'}\n`);
        },
        onPoll: (r) => {
          if (r.status === 'failed') failures++;
          const what = r.status === 'failed' ? `failed: ${r.error}` : describeOutcomes(r.outcomes);
          process.stdout.write(`${r.url}: ${what}\n`);
        },
        onError: (error) => {
          failures++;
          process.stderr.write(`chorus: ${error instanceof Error ? error.message : String(error)}\n`);
        },
      },
    );
    if (flags.once) await worker.idle();
    else
      await new Promise<void>((resolve) => {
        process.once('SIGINT', () => resolve());
        process.once('SIGTERM', () => resolve());
      });
    await worker.stop();
    await service.checkpoint().catch(() => undefined);
    if (flags.once) {
      const left = (await store.stats()).staleReports;
      process.stdout.write(`${rebuilt} reports rebuilt; ${left} stale left\n`);
    }
    return failures > 0 ? EXIT_CODES.partial : EXIT_CODES.ok;
  } finally {
    await store.close();
  }
}

export function register(program: Command): void {
  program
    .command('worker')
    .description('rebuild stale story reports until none are left and poll feeds when due (no server)')
    .option('--db <path-or-url>', DB_OPTION_HELP)
    .option('--once', 'stop when no report is stale and no feed is due')
    .option('--no-feeds', 'rebuild reports only; do not poll feeds')
    .option(
      '--poll-every <seconds>',
      `poll each feed this long after its last poll (default ${DEFAULT_POLL_EVERY_S})`,
      parsePositiveInt,
    )
    .option('--allow-private', 'let feeds point at private or loopback addresses (never link-local)')
    .addHelpText(
      'after',
      `
Examples:
  chorus worker --db chorus.db
  chorus serve --no-worker & chorus worker --db postgres://chorus@127.0.0.1/chorus

Work is kept in the store itself (a story is stale while its version is ahead of its report), so a
worker stopped any way, even killed, loses nothing: the next one picks the same work up. Two workers
on one store are safe: an older report never replaces a newer one. Stops on Ctrl-C or SIGTERM.
Exit code 11 when a feed poll or a rebuild failed.`,
    )
    .action(async (flags: WorkerFlags) => {
      process.exitCode = await runWorker(flags);
    });
}
