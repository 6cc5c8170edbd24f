/**
 * The job queue beside SQLite: kept in this process's memory. A SQLite store has one machine, and the
 * work itself is durable in the store (a story stays stale, a feed stays due), so a queue lost with its
 * process loses nothing: the next sweep enqueues the same work again. Two processes on one SQLite file
 * (a server and `chorus worker`) each keep their own queue; a job done by one is skipped by the other,
 * whose handler finds it up to date.
 */
import {
  JOB_KINDS,
  JOB_QUEUE_DEFAULTS,
  jobKey,
  type Job,
  type JobEvents,
  type JobHandler,
  type JobKind,
  type JobQueueOptions,
  type Jobs,
} from './job.js';

interface Lane {
  /** Waiting jobs by key, in the order queued (a Map keeps insertion order). */
  readonly waiting: Map<string, { job: Job; attempts: number }>;
  running?: Promise<void>;
}

export class InProcessJobs implements Jobs {
  readonly kind = 'in-process' as const;
  private readonly options: JobQueueOptions;
  private readonly lanes = new Map<JobKind, Lane>(JOB_KINDS.map((k) => [k, { waiting: new Map() }]));
  private readonly retries = new Set<NodeJS.Timeout>();
  private handler: JobHandler | undefined;
  private events: JobEvents = {};
  private stopped = false;

  constructor(options: Partial<JobQueueOptions> = {}) {
    this.options = { ...JOB_QUEUE_DEFAULTS, ...options };
  }

  enqueue(jobs: readonly Job[]): Promise<void> {
    for (const job of jobs) this.add(job, 0);
    return Promise.resolve();
  }

  work(handler: JobHandler, events: JobEvents = {}): Promise<void> {
    this.handler = handler;
    this.events = events;
    for (const kind of JOB_KINDS) this.next(kind);
    return Promise.resolve();
  }

  pending(): Promise<number> {
    let n = this.retries.size;
    for (const lane of this.lanes.values()) n += lane.waiting.size + (lane.running ? 1 : 0);
    return Promise.resolve(n);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const timer of this.retries) clearTimeout(timer);
    this.retries.clear();
    await Promise.all([...this.lanes.values()].map((lane) => lane.running));
  }

  private lane(kind: JobKind): Lane {
    const lane = this.lanes.get(kind);
    if (!lane) throw new Error(`unknown job kind ${kind}`);
    return lane;
  }

  private add(job: Job, attempts: number): void {
    const lane = this.lane(job.kind);
    const key = jobKey(job);
    if (!lane.waiting.has(key)) lane.waiting.set(key, { job, attempts });
    this.next(job.kind);
  }

  /** Starts the lane's next waiting job, unless one is running or no handler is set. */
  private next(kind: JobKind): void {
    const lane = this.lane(kind);
    const handler = this.handler;
    if (!handler || this.stopped || lane.running) return;
    const first = lane.waiting.entries().next();
    if (first.done) return;
    const [key, entry] = first.value;
    lane.waiting.delete(key);
    lane.running = (async () => {
      this.events.onStart?.(entry.job);
      try {
        // Not inside `onEnd?.(…)`: without a listener, optional chaining would skip the handler too.
        const result = await handler(entry.job);
        this.events.onEnd?.(entry.job, result);
      } catch (error) {
        this.events.onEnd?.(entry.job, 'failed', error);
        if (entry.attempts < this.options.retryLimit && !this.stopped) {
          const timer = setTimeout(() => {
            this.retries.delete(timer);
            this.add(entry.job, entry.attempts + 1);
          }, this.options.retryDelaySeconds * 1000);
          this.retries.add(timer);
        }
      }
      lane.running = undefined;
      this.next(kind);
    })();
  }
}
