/**
 * The background worker `chorus serve` keeps (and `chorus worker` runs alone): feed polls and report
 * rebuilds are jobs (`src/jobs/`) that workers take from a queue: pg-boss on PostgreSQL, shared by
 * every server and worker on the database, or an in-process queue beside SQLite.
 *
 * The queue is not the source of truth: the store is. A sweep every `idleMs` enqueues a rebuild for
 * each stale story and a poll for each feed due; a job's singleton key makes a second enqueue a no-op.
 * So a queue emptied by a crash refills from the store at the next sweep, and a job lost with a killed
 * worker is either taken back after its lease (pg-boss) or enqueued again by the sweep. The handler
 * checks the store again before working, so a job done meanwhile by another worker is skipped, and
 * `putReport` still refuses a report built from an older story version.
 */
import { InProcessJobs } from '../jobs/in-process-jobs.js';
import type { Job, JobEvents, Jobs } from '../jobs/job.js';
import type { PoliteFetcher } from '../feeds/polite-fetcher.js';
import type { IngestService } from './ingest-service.js';
import { jobHandler, sweepJobs, type JobWorkEvents, type JobWorkOptions } from './job-work.js';

export interface WorkerOptions extends JobWorkOptions {
  /** Stale stories enqueued per sweep (the oldest; the next sweep takes the following ones). */
  readonly storiesPerRound: number;
  /** Wait between sweeps of the store, in ms. */
  readonly idleMs: number;
  /** Take jobs in this process; false only enqueues (a server whose work is done by `chorus worker`s). */
  readonly work: boolean;
}

export const WORKER_DEFAULTS: WorkerOptions = Object.freeze({
  storiesPerRound: 200,
  idleMs: 2000,
  pollEveryMs: 15 * 60_000,
  feeds: true,
  work: true,
});

export interface WorkerEvents extends JobWorkEvents, JobEvents {
  onError?: (error: unknown) => void;
}

export interface BackgroundWorker {
  /** The queue the worker takes jobs from. */
  readonly jobs: Jobs;
  /** Resolves when no report is stale, no feed is due and no job is waiting (`chorus worker --once`). */
  idle(): Promise<void>;
  /** Stops sweeping and taking jobs, lets running jobs finish, and closes the queue. */
  stop(): Promise<void>;
}

const keysOf = (jobs: readonly Job[]) =>
  jobs.map((j) => (j.kind === 'rebuild-report' ? `s:${j.storyId}` : `f:${j.feedId}`)).join('\n');

/**
 * Starts sweeping `service`'s store into `jobs` (an in-process queue when not given) and working them.
 * @example const worker = await startWorker(service, fetcher); await worker.idle(); await worker.stop()
 */
export async function startWorker(
  service: IngestService,
  fetcher: PoliteFetcher | undefined,
  options: Partial<WorkerOptions> = {},
  events: WorkerEvents = {},
  jobs: Jobs = new InProcessJobs(),
): Promise<BackgroundWorker> {
  const o = { ...WORKER_DEFAULTS, ...options };
  let stopped = false;
  let wake: (() => void) | undefined;
  let idleWaiters: (() => void)[] = [];
  if (o.work) await jobs.work(jobHandler(service, fetcher, o, events), events);

  // The work found by the last sweep while the queue was empty: found again with the queue still
  // empty, it was tried and stays (a story whose report fails to build), so the worker counts as idle.
  let lastFound: string | undefined;
  /** One sweep; true when there is nothing left to do. */
  const sweep = async (): Promise<boolean> => {
    const found = await sweepJobs(service, o, o.storiesPerRound, fetcher !== undefined);
    if (found.length > 0) await jobs.enqueue(found);
    const pending = found.length > 0 ? await jobs.pending() : 0;
    const keys = keysOf(found);
    // Stale stories waiting for their rebuild interval (`reportEveryMs`) are work still to do.
    const waiting =
      found.length === 0 &&
      service.options.reportEveryMs > 0 &&
      (await service.store.staleStories(1)).length > 0;
    const idle = !waiting && (found.length === 0 || (pending === 0 && keys === lastFound));
    lastFound = pending === 0 ? keys : undefined;
    return idle;
  };

  const loop = async () => {
    while (!stopped) {
      let idle = false;
      try {
        idle = (await sweep()) && (await jobs.pending()) === 0;
      } catch (error) {
        events.onError?.(error);
      }
      if (idle) for (const resolve of idleWaiters.splice(0)) resolve();
      if (stopped) break;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, idle ? o.idleMs : Math.min(o.idleMs, 1000));
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wake = undefined;
    }
    idleWaiters = [];
  };
  const running = loop();

  return {
    jobs,
    idle: () =>
      new Promise<void>((resolve) => {
        idleWaiters.push(resolve);
        wake?.();
      }),
    async stop() {
      stopped = true;
      wake?.();
      await running;
      for (const resolve of idleWaiters.splice(0)) resolve();
      await jobs.stop();
    },
  };
}
