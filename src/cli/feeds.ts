/**
 * `chorus feeds add URL | list | poll`: the feeds Chorus follows. `poll` fetches every feed once, or
 * keeps polling with `--every`; fetched pages become articles in the store like `chorus ingest` input.
 */
import { Command } from 'commander';
import { checkUrl } from '../feeds/fetch-guard.js';
import { PoliteFetcher } from '../feeds/polite-fetcher.js';
import { pollAllFeeds, startPolling, type PollResult } from '../service/poll-feeds.js';
import { IngestService, type IngestOutcome } from '../service/ingest-service.js';
import { openStore, STORE_DEFAULTS } from '../storage/open-store.js';
import type { Store } from '../storage/store.js';
import { HELP_HINT, EXIT_CODES } from './exit-codes.js';
import { parsePositiveInt } from './options.js';

/** The store named by `--db`, else DATABASE_URL, else ./chorus.db: read here, at the entry point. */
export function openStoreFromFlags(db: string | undefined): Promise<Store> {
  const url = db ?? process.env.DATABASE_URL;
  return openStore(url ? { databaseUrl: url } : { sqlitePath: STORE_DEFAULTS.sqlitePath });
}

export const DB_OPTION_HELP =
  'database: a SQLite file or a postgres:// URL (default: $DATABASE_URL, else ./chorus.db)';

/** Totals of a batch: "ingested 3, duplicates 1, rejected 0; 2 stories touched". */
export function describeOutcomes(outcomes: readonly IngestOutcome[]): string {
  const count = (s: IngestOutcome['status']) => outcomes.filter((o) => o.status === s).length;
  const stories = new Set(outcomes.flatMap((o) => (o.status === 'ingested' ? [o.storyId] : [])));
  return `ingested ${count('ingested')}, duplicates ${count('duplicate')}, rejected ${count('rejected')}; ${stories.size} stor${stories.size === 1 ? 'y' : 'ies'} touched`;
}

interface DbFlags {
  db?: string;
}

interface PollFlags extends DbFlags {
  every?: number;
  allowPrivate?: boolean;
  pages: boolean;
  hostDelay: number;
  timeout: number;
}

function printRound(results: readonly PollResult[]): void {
  for (const r of results) {
    const what =
      r.status === 'failed'
        ? `failed: ${r.error}`
        : r.status === 'not-modified'
          ? 'not modified'
          : `${r.items} items; ${describeOutcomes(r.outcomes)}` +
            (r.pending.length
              ? `; ${r.pending.length} pending (page not fetched yet, retried next poll)`
              : '');
    process.stdout.write(`${r.url}: ${what}\n`);
  }
}

export function register(program: Command): void {
  // Built apart and added, so it does not inherit the program's settings: set them before its subcommands.
  const feeds = new Command('feeds')
    .description('follow RSS and Atom feeds')
    .showHelpAfterError(HELP_HINT)
    .exitOverride();

  feeds
    .command('add')
    .description('follow a feed')
    .argument('<url>', 'RSS 2.0 or Atom feed URL')
    .option('--db <path-or-url>', DB_OPTION_HELP)
    .option(
      '--allow-private',
      'accept a feed on a private or loopback address (never link-local or cloud metadata)',
    )
    .action(async (url: string, flags: DbFlags & { allowPrivate?: boolean }) => {
      checkUrl(url, { allowPrivate: Boolean(flags.allowPrivate) });
      const store = await openStoreFromFlags(flags.db);
      try {
        const feed = await store.addFeed(url);
        process.stdout.write(`${feed.id}\t${feed.url}\n`);
      } finally {
        await store.close();
      }
    });

  feeds
    .command('list')
    .description('list followed feeds with their last poll and error')
    .option('--db <path-or-url>', DB_OPTION_HELP)
    .action(async (flags: DbFlags) => {
      const store = await openStoreFromFlags(flags.db);
      try {
        for (const f of await store.listFeeds()) {
          const state = f.lastError
            ? `error: ${f.lastError}`
            : f.lastPolledAt
              ? `polled ${f.lastPolledAt}`
              : 'never polled';
          const paused = f.pausedAt ? `paused since ${f.pausedAt}; ` : '';
          process.stdout.write(`${f.id}\t${f.url}\t${f.title ?? ''}\t${paused}${state}\n`);
        }
      } finally {
        await store.close();
      }
    });

  feeds
    .command('poll')
    .description('fetch every feed once (or every N seconds with --every) and ingest new articles')
    .option('--db <path-or-url>', DB_OPTION_HELP)
    .option('--every <seconds>', 'keep polling at this interval until interrupted', parsePositiveInt)
    .option('--no-pages', "use the feed's own item text instead of fetching linked pages")
    .option('--host-delay <ms>', 'least time between two requests to one host', parsePositiveInt, 1000)
    .option('--timeout <ms>', 'time limit of one request', parsePositiveInt, 15_000)
    .option('--allow-private', 'allow fetching from private, loopback and link-local addresses')
    .action(async (flags: PollFlags) => {
      const store = await openStoreFromFlags(flags.db);
      const service = await IngestService.open(store);
      const fetcher = new PoliteFetcher({
        allowPrivate: Boolean(flags.allowPrivate),
        hostDelayMs: flags.hostDelay,
        timeoutMs: flags.timeout,
      });
      const options = { fetchPages: flags.pages };
      try {
        if (flags.every === undefined) {
          const results = await pollAllFeeds(service, fetcher, options);
          printRound(results);
          process.exitCode = results.some((r) => r.status === 'failed') ? EXIT_CODES.partial : EXIT_CODES.ok;
          return;
        }
        const poller = startPolling(service, fetcher, {
          ...options,
          intervalMs: flags.every * 1000,
          onRound: printRound,
          onError: (e) => process.stderr.write(`chorus: ${e instanceof Error ? e.message : String(e)}\n`),
        });
        await new Promise<void>((resolve) => {
          process.once('SIGINT', resolve);
          process.once('SIGTERM', resolve);
        });
        await poller.stop();
      } finally {
        await service.checkpoint().catch(() => undefined);
        await store.close();
      }
    });

  program.addCommand(feeds);
}
