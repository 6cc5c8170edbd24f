/**
 * What the background jobs do, and where they come from. The sweeper enqueues from store state (stale
 * reports, feeds due), so an emptied or lost queue refills from the truth; the handler checks that state
 * again before working, so a job queued twice, or done meanwhile by another worker, is skipped.
 */
import type { Job, JobResult } from '../jobs/job.js';
import type { PoliteFetcher } from '../feeds/polite-fetcher.js';
import type { FeedRecord } from '../storage/store.js';
import type { IngestService } from './ingest-service.js';
import { pollFeed, type PollOptions, type PollResult } from './poll-feeds.js';
import { reportTooYoung } from './refresh-reports.js';

export interface JobWorkOptions {
  /** A feed is polled again this long after its last poll, in ms. */
  readonly pollEveryMs: number;
  /** Poll feeds at all. */
  readonly feeds: boolean;
  readonly poll?: Partial<PollOptions>;
}

export interface JobWorkEvents {
  onReports?: (reports: number, warnings: readonly string[]) => void;
  onPoll?: (result: PollResult) => void;
}

/** True when `feed` is not paused and its last poll is older than `everyMs` (or it was never polled). */
export function isDue(feed: FeedRecord, everyMs: number, now: number): boolean {
  return !feed.pausedAt && (!feed.lastPolledAt || Date.parse(feed.lastPolledAt) + everyMs <= now);
}

/**
 * The jobs the store calls for now: a poll for each feed due (oldest first), a rebuild for each stale
 * story whose report is older than the service's `reportEveryMs` (at most `limit`, oldest first).
 */
export async function sweepJobs(
  service: IngestService,
  options: JobWorkOptions,
  limit: number,
  hasFetcher: boolean,
): Promise<Job[]> {
  const jobs: Job[] = [];
  if (options.feeds && hasFetcher) {
    const now = Date.now();
    const due = (await service.store.listFeeds())
      .filter((f) => isDue(f, options.pollEveryMs, now))
      .sort((a, b) => (a.lastPolledAt ?? '').localeCompare(b.lastPolledAt ?? ''));
    for (const f of due) jobs.push({ kind: 'poll-feed', feedId: f.id });
  }
  // A story rebuilt less than `reportEveryMs` ago waits: a later sweep queues it once it is due.
  const builtBefore = service.builtBefore();
  const stale = await service.store.staleStories(limit, builtBefore === undefined ? {} : { builtBefore });
  for (const storyId of stale) jobs.push({ kind: 'rebuild-report', storyId });
  return jobs;
}

/**
 * Does one job against the store: rebuilds a story's report unless it is current, polls a feed unless
 * it is not due (another worker just polled it) or gone.
 * @example const handle = jobHandler(service, fetcher, options); await handle({ kind: 'rebuild-report', storyId })
 */
export function jobHandler(
  service: IngestService,
  fetcher: PoliteFetcher | undefined,
  options: JobWorkOptions,
  events: JobWorkEvents = {},
): (job: Job) => Promise<JobResult> {
  return async (job) => {
    if (job.kind === 'rebuild-report') {
      const stamp = await service.store.storyStamp(job.storyId);
      if (!stamp || stamp.reportVersion === stamp.version) return 'skipped';
      // Rebuilt meanwhile by a batch and changed again: not due yet, a later sweep queues it again.
      if (reportTooYoung(stamp, service.builtBefore())) return 'skipped';
      const { reports, warnings } = await service.refreshStories([job.storyId]);
      events.onReports?.(reports, warnings);
      return 'done';
    }
    if (!options.feeds || !fetcher) return 'skipped';
    const feed = await service.store.getFeed(job.feedId);
    if (!feed || !isDue(feed, options.pollEveryMs, Date.now())) return 'skipped';
    events.onPoll?.(await pollFeed(service, feed, fetcher, options.poll ?? {}));
    return 'done';
  };
}
