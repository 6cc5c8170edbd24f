/**
 * The background worker `chorus serve` keeps (and `chorus worker` runs alone): it rebuilds stale story
 * reports until none are left, in small rounds so a new write is picked up within seconds, and polls
 * each feed when its interval has passed since its last poll.
 *
 * Why no job table: both kinds of work are already durable in the store. A story is stale while its
 * version is ahead of its report's (`staleStories`), so a worker killed mid-rebuild (even by SIGKILL)
 * leaves the story stale and the next round rebuilds it; `putReport` refuses a report built from an
 * older version, so two workers (a server and `chorus worker`) never overwrite a newer report. A feed
 * is due when `lastPolledAt` is older than the interval, and a poll killed half-way stored nothing of
 * its unfinished batch, so the next poll fetches those items again. The state a lease would guard is
 * the store's own.
 */
import type { PollOptions, PollResult } from './poll-feeds.js';
import { pollFeed } from './poll-feeds.js';
import type { PoliteFetcher } from '../feeds/polite-fetcher.js';
import type { IngestService } from './ingest-service.js';

export interface WorkerOptions {
  /** Stale stories rebuilt per round: small, so polls and stop requests wait at most one round. */
  readonly storiesPerRound: number;
  /** Wait between checks when there is nothing to do, in ms. */
  readonly idleMs: number;
  /** A feed is polled again this long after its last poll, in ms. */
  readonly pollEveryMs: number;
  /** Poll feeds at all (`chorus serve --no-feeds`, tests). */
  readonly feeds: boolean;
  readonly poll?: Partial<PollOptions>;
}

export const WORKER_DEFAULTS: WorkerOptions = Object.freeze({
  storiesPerRound: 20,
  idleMs: 2000,
  pollEveryMs: 15 * 60_000,
  feeds: true,
});

export interface WorkerEvents {
  onReports?: (reports: number, warnings: readonly string[]) => void;
  onPoll?: (result: PollResult) => void;
  onError?: (error: unknown) => void;
}

export interface BackgroundWorker {
  /** Resolves when no stale report is left and no feed is due (for `chorus worker --once` and tests). */
  idle(): Promise<void>;
  /** Stops after the current step; resolves when it has. */
  stop(): Promise<void>;
}

/** Feeds whose last poll is older than `everyMs` (never polled first), oldest first; paused ones wait. */
async function dueFeeds(service: IngestService, everyMs: number, now: number) {
  const feeds = await service.store.listFeeds();
  return feeds
    .filter((f) => !f.pausedAt && (!f.lastPolledAt || Date.parse(f.lastPolledAt) + everyMs <= now))
    .sort((a, b) => (a.lastPolledAt ?? '').localeCompare(b.lastPolledAt ?? ''));
}

/**
 * Starts the worker loop over `service`'s store.
 * @example const worker = startWorker(service, fetcher); await worker.idle(); await worker.stop()
 */
export function startWorker(
  service: IngestService,
  fetcher: PoliteFetcher | undefined,
  options: Partial<WorkerOptions> = {},
  events: WorkerEvents = {},
): BackgroundWorker {
  const o = { ...WORKER_DEFAULTS, ...options };
  let stopped = false;
  let wake: (() => void) | undefined;
  let idleWaiters: (() => void)[] = [];

  /** One step of work; false when there was nothing to do. */
  const step = async (): Promise<boolean> => {
    if (o.feeds && fetcher) {
      const [feed] = await dueFeeds(service, o.pollEveryMs, Date.now());
      if (feed) {
        events.onPoll?.(await pollFeed(service, feed, fetcher, o.poll ?? {}));
        return true;
      }
    }
    const stale = await service.store.staleStories(o.storiesPerRound);
    if (stale.length === 0) return false;
    const { reports, warnings } = await service.refreshStories(stale);
    events.onReports?.(reports, warnings);
    // Stories that failed to build stay stale: do not spin on them, wait as when idle.
    return reports > 0;
  };

  const loop = async () => {
    while (!stopped) {
      let busy = false;
      try {
        busy = await step();
      } catch (error) {
        events.onError?.(error);
      }
      if (busy) continue;
      for (const resolve of idleWaiters.splice(0)) resolve();
      idleWaiters = [];
      if (stopped) break;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, o.idleMs);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wake = undefined;
    }
    for (const resolve of idleWaiters.splice(0)) resolve();
  };
  const running = loop();

  return {
    idle: () =>
      new Promise<void>((resolve) => {
        idleWaiters.push(resolve);
        wake?.();
      }),
    async stop() {
      stopped = true;
      wake?.();
      await running;
    },
  };
}
