/**
 * `chorus worker`: the background worker of `chorus serve` on its own (beside a server started with
 * `--no-worker`, or on another machine sharing a PostgreSQL store): stale story reports rebuilt until
 * none are left, feeds polled when due. `--once` stops when there is nothing left to do.
 */
import type { Command } from 'commander';
import { PoliteFetcher } from '../feeds/polite-fetcher.js';
import { DEFAULT_POLL_EVERY_S, DEFAULT_REPORT_EVERY_S } from '../server/server-config.js';
import { openJobs } from '../jobs/open-jobs.js';
import { JOB_QUEUE_DEFAULTS, type Jobs } from '../jobs/job.js';
import { startWorker } from '../service/background-worker.js';
import { IngestService } from '../service/ingest-service.js';
import { EXIT_CODES } from './exit-codes.js';
import { DB_OPTION_HELP, describeOutcomes, openStoreFromFlags } from './feeds.js';
import { parsePositiveInt, parseSeconds } from './options.js';

interface WorkerFlags {
  db?: string;
  once?: boolean;
  feeds: boolean;
  pollEvery?: number;
  reportEvery?: number;
  allowPrivate?: boolean;
  json?: boolean;
  reportsAsJobs?: boolean;
  lease?: number;
}

/** One JSON line per job event (`--json`): what scripts and the multi-process tests count. */
function jsonLine(event: Record<string, unknown>): void {
  process.stdout.write(`${JSON.stringify({ pid: process.pid, at: new Date().toISOString(), ...event })}\n`);
}

export async function runWorker(flags: WorkerFlags): Promise<number> {
  const url = flags.db ?? process.env.DATABASE_URL;
  const store = await openStoreFromFlags(flags.db);
  let jobs: Jobs | undefined;
  try {
    // A poll builds its stories' reports in the same job by default; with --reports-as-jobs it leaves
    // them to rebuild-report jobs that any worker can take (measured slower on 2 cores: operations.md).
    const service = await IngestService.open(store, {
      refresh: !flags.reportsAsJobs,
      // --once stops when the work is done: waiting out intervals would only delay that.
      reportEveryMs: (flags.reportEvery ?? (flags.once ? 0 : DEFAULT_REPORT_EVERY_S)) * 1000,
    });
    let rebuilt = 0;
    let failures = 0;
    const say = (line: string) => !flags.json && process.stdout.write(`${line}\n`);
    const onError = (error: unknown) => {
      failures++;
      process.stderr.write(`chorus: ${error instanceof Error ? error.message : String(error)}\n`);
    };
    jobs = await openJobs({
      ...(url && { databaseUrl: url }),
      ...(flags.lease !== undefined && { leaseSeconds: flags.lease }),
      onError,
    });
    const worker = await startWorker(
      service,
      new PoliteFetcher({ allowPrivate: Boolean(flags.allowPrivate) }),
      { feeds: flags.feeds, pollEveryMs: (flags.pollEvery ?? DEFAULT_POLL_EVERY_S) * 1000 },
      {
        onReports: (reports, warnings) => {
          rebuilt += reports;
          for (const w of warnings) process.stderr.write(`chorus: ${w}\n`);
          if (reports > 0) say(`rebuilt ${reports} report${reports === 1 ? '' : 's'}`);
        },
        onPoll: (r) => {
          if (r.status === 'failed') failures++;
          const what = r.status === 'failed' ? `failed: ${r.error}` : describeOutcomes(r.outcomes);
          say(`${r.url}: ${what}`);
          if (flags.json)
            jsonLine({
              event: 'poll',
              feedId: r.feedId,
              status: r.status,
              ingested: r.outcomes.filter((o) => o.status === 'ingested').length,
              pending: r.pending.length,
            });
        },
        onStart: (job) => flags.json && jsonLine({ event: 'start', job }),
        onEnd: (job, result, error) => {
          if (flags.json)
            jsonLine({
              event: 'end',
              job,
              result,
              ...(error !== undefined && { error: error instanceof Error ? error.message : String(error) }),
            });
        },
        onError,
      },
      jobs,
    );
    jobs = undefined; // the worker closes it from now on
    if (flags.json) jsonLine({ event: 'ready', queue: worker.jobs.kind });
    if (flags.once) await worker.idle();
    else
      await new Promise<void>((resolve) => {
        process.once('SIGINT', () => resolve());
        process.once('SIGTERM', () => resolve());
      });
    await worker.stop();
    // Reports its polls put off for their interval are built now: none is left stale behind.
    const flushed = await service.flush();
    rebuilt += flushed.reports;
    for (const w of flushed.warnings) process.stderr.write(`chorus: ${w}\n`);
    await service.checkpoint().catch(() => undefined);
    if (flags.once) {
      const left = (await store.stats()).staleReports;
      if (flags.json) jsonLine({ event: 'idle', rebuilt, stale: left });
      else say(`${rebuilt} reports rebuilt; ${left} stale left`);
    }
    return failures > 0 ? EXIT_CODES.partial : EXIT_CODES.ok;
  } finally {
    await jobs?.stop().catch(() => undefined);
    await store.close();
  }
}

export function register(program: Command): void {
  program
    .command('worker')
    .description('rebuild stale story reports until none are left and poll feeds when due (no server)')
    .option('--db <path-or-url>', DB_OPTION_HELP)
    .option('--once', 'stop when no report is stale, no feed is due and no job is queued')
    .option('--no-feeds', 'rebuild reports only; do not poll feeds')
    .option(
      '--poll-every <seconds>',
      `poll each feed this long after its last poll (default ${DEFAULT_POLL_EVERY_S})`,
      parsePositiveInt,
    )
    .option(
      '--report-every <seconds>',
      `rebuild a growing story's report at most this often; 0 after every change (default ${DEFAULT_REPORT_EVERY_S}, 0 with --once)`,
      parseSeconds,
    )
    .option('--allow-private', 'let feeds point at private or loopback addresses (never link-local)')
    .option(
      '--lease <seconds>',
      `a job taken but not finished this long is retried by another worker (default ${JOB_QUEUE_DEFAULTS.leaseSeconds})`,
      parsePositiveInt,
    )
    .option('--json', 'print one JSON line per job started and ended (and per poll) instead of text')
    .option('--reports-as-jobs', 'leave the reports of a polled feed to rebuild jobs, not the poll job')
    .addHelpText(
      'after',
      `
Examples:
  chorus worker --db chorus.db
  chorus serve --no-worker & chorus worker --db postgres://chorus@127.0.0.1/chorus

Feed polls and report rebuilds are jobs. On PostgreSQL they are queued in the database (pg-boss,
schema chorus_jobs), so any number of servers and workers share them: each job is taken by one worker,
and a job whose worker was killed is retried by another after its lease. On SQLite the queue is kept
in this process. Either way the work itself is in the store (a story is stale while its version is
ahead of its report; a feed is due by its last poll), and every worker enqueues from it, so a worker
stopped any way, even killed, loses nothing. Stops on Ctrl-C or SIGTERM (running jobs finish first).
Exit code 11 when a feed poll or a rebuild failed.`,
    )
    .action(async (flags: WorkerFlags) => {
      process.exitCode = await runWorker(flags);
    });
}
