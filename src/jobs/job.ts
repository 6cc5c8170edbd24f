/**
 * Background work as jobs: a story report to rebuild, a feed to poll. Workers take jobs from a queue
 * (`Jobs`): pg-boss on PostgreSQL, so that several servers and workers share one queue, and an
 * in-process queue beside SQLite. A job is only a pointer (a story id, a feed id): the state it acts on
 * stays in the store, and the sweeper enqueues from that state, so a queue lost in a crash loses nothing.
 */

/** One unit of background work; its key makes it queued once. */
export type Job =
  | { readonly kind: 'rebuild-report'; readonly storyId: string }
  | { readonly kind: 'poll-feed'; readonly feedId: string };

export type JobKind = Job['kind'];

export const JOB_KINDS: readonly JobKind[] = Object.freeze(['rebuild-report', 'poll-feed']);

/** What a handler did: `done` work, or `skipped` it (already up to date, not due, gone). */
export type JobResult = 'done' | 'skipped';

/** Does one job; throwing fails the attempt, and the queue retries it later. */
export type JobHandler = (job: Job) => Promise<JobResult>;

/** The singleton key of a job: a second enqueue while one is waiting is a no-op. */
export function jobKey(job: Job): string {
  return job.kind === 'rebuild-report' ? `story:${job.storyId}` : `feed:${job.feedId}`;
}

export interface JobEvents {
  onStart?: (job: Job) => void;
  onEnd?: (job: Job, result: JobResult | 'failed', error?: unknown) => void;
}

export interface JobQueueOptions {
  /**
   * A job taken but not finished within this many seconds is taken back and retried (its worker was
   * killed, or hangs). Longer than the slowest job: a feed poll fetches up to 50 pages politely.
   */
  readonly leaseSeconds: number;
  /** Attempts after the first before a job is dropped (the sweeper enqueues it again if still needed). */
  readonly retryLimit: number;
  /** Wait before a failed job is retried, in seconds. */
  readonly retryDelaySeconds: number;
}

export const JOB_QUEUE_DEFAULTS: JobQueueOptions = Object.freeze({
  leaseSeconds: 15 * 60,
  retryLimit: 5,
  retryDelaySeconds: 5,
});

/** A queue of jobs that workers take from. */
export interface Jobs {
  /** 'pg-boss' (shared by every process on one PostgreSQL) or 'in-process' (this process only). */
  readonly kind: 'pg-boss' | 'in-process';
  /** Queues jobs whose key is not already waiting. */
  enqueue(jobs: readonly Job[]): Promise<void>;
  /** Starts taking jobs (one of each kind at a time in this process) and handing them to `handler`. */
  work(handler: JobHandler, events?: JobEvents): Promise<void>;
  /** Jobs waiting, retrying or running, in every process sharing the queue. */
  pending(): Promise<number>;
  /** Stops taking jobs and waits for the running ones to finish. */
  stop(): Promise<void>;
}
