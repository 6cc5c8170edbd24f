/**
 * The job queue on PostgreSQL, through pg-boss (10.x: the last major that runs on Node 20). Every
 * server and `chorus worker` on one database takes jobs from the same tables (schema `chorus_jobs`),
 * with `SELECT … FOR UPDATE SKIP LOCKED`, so each waiting job goes to one worker.
 *
 * - Queued once: each kind is a queue with pg-boss's `short` policy, whose unique index lets one job per
 *   singleton key wait at a time; enqueueing it again meanwhile is a no-op.
 * - Run once at a time: a job may be queued again while its key runs (the story changed during its
 *   rebuild). Its worker holds a PostgreSQL advisory lock on the key for the whole job; a second worker
 *   that cannot take the lock fails the attempt, and pg-boss retries it after the first has finished,
 *   when the handler finds the work done and skips it. The lock dies with its connection, so a killed
 *   worker does not hold it.
 * - Leases: a job still active `leaseSeconds` after it was taken (its worker was killed with SIGKILL, or
 *   hangs) is failed by pg-boss's supervisor and retried by another worker.
 */
import PgBoss from 'pg-boss';
import pg from 'pg';
import {
  JOB_KINDS,
  JOB_QUEUE_DEFAULTS,
  jobKey,
  type Job,
  type JobEvents,
  type JobHandler,
  type JobQueueOptions,
  type Jobs,
} from './job.js';

export interface PgBossJobsOptions extends JobQueueOptions {
  /** How often an idle worker asks for a job, in seconds (pg-boss's minimum is 0.5). */
  readonly pollSeconds: number;
  /** PostgreSQL schema of pg-boss's tables. */
  readonly schema: string;
}

export const PG_BOSS_DEFAULTS: PgBossJobsOptions = Object.freeze({
  ...JOB_QUEUE_DEFAULTS,
  pollSeconds: 1,
  schema: 'chorus_jobs',
});

const QUEUE_PREFIX = 'chorus-';

/** Why a worker skipped taking a job: another worker runs the same key. */
class KeyBusy extends Error {}

export class PgBossJobs implements Jobs {
  readonly kind = 'pg-boss' as const;
  private readonly boss: PgBoss;
  private readonly locks: pg.Pool;
  private readonly options: PgBossJobsOptions;
  private readonly onError: (error: Error) => void;
  private readonly loops: Promise<void>[] = [];
  private readonly wakers = new Set<() => void>();
  private stopping = false;

  private constructor(
    boss: PgBoss,
    locks: pg.Pool,
    options: PgBossJobsOptions,
    onError: (error: Error) => void,
  ) {
    this.boss = boss;
    this.locks = locks;
    this.options = options;
    this.onError = onError;
  }

  /**
   * Starts pg-boss on `connectionString` (creating or migrating its schema) and its queues.
   * @example const jobs = await PgBossJobs.open('postgres://chorus@127.0.0.1/chorus')
   */
  static async open(
    connectionString: string,
    options: Partial<PgBossJobsOptions> = {},
    onError: (error: Error) => void = () => {},
  ): Promise<PgBossJobs> {
    const o = { ...PG_BOSS_DEFAULTS, ...options };
    const boss = new PgBoss({
      connectionString,
      schema: o.schema,
      application_name: 'chorus-jobs',
      max: 4,
      schedule: false,
      // Expired leases are looked for this often: a killed worker's job waits at most lease + this.
      maintenanceIntervalSeconds: Math.max(1, Math.min(60, Math.floor(o.leaseSeconds / 2))),
    });
    boss.on('error', onError);
    // Advisory locks live as long as their connection: one client per running job.
    const locks = new pg.Pool({
      connectionString,
      max: JOB_KINDS.length + 1,
      application_name: 'chorus-locks',
    });
    locks.on('error', onError);
    // Processes starting together would race to create the schema and queues (PostgreSQL reports a
    // deadlock): one at a time, under a lock on the schema's name.
    const setup = await locks.connect();
    const key = `chorus-jobs-setup:${o.schema}`;
    try {
      await setup.query('SELECT pg_advisory_lock(hashtext($1))', [key]);
      try {
        await boss.start();
        for (const kind of JOB_KINDS) {
          if (await boss.getQueue(QUEUE_PREFIX + kind)) continue;
          await boss.createQueue(QUEUE_PREFIX + kind, {
            name: QUEUE_PREFIX + kind,
            policy: 'short',
            expireInSeconds: o.leaseSeconds,
            retryLimit: o.retryLimit,
            retryDelay: o.retryDelaySeconds,
            retentionMinutes: 60,
          });
        }
      } finally {
        await setup.query('SELECT pg_advisory_unlock(hashtext($1))', [key]).catch(() => undefined);
      }
    } catch (error) {
      setup.release();
      await boss.stop({ graceful: false, wait: true }).catch(() => undefined);
      await locks.end();
      throw error;
    }
    setup.release();
    return new PgBossJobs(boss, locks, o, onError);
  }

  async enqueue(jobs: readonly Job[]): Promise<void> {
    for (const kind of JOB_KINDS) {
      const ofKind = jobs.filter((j) => j.kind === kind);
      if (ofKind.length === 0) continue;
      // `short` queues ignore a job whose key is already waiting (ON CONFLICT DO NOTHING).
      // The lease and retries go with each job, so processes started with other settings agree per job.
      await this.boss.insert(
        ofKind.map((data) => ({
          name: QUEUE_PREFIX + kind,
          data,
          singletonKey: jobKey(data),
          expireInSeconds: this.options.leaseSeconds,
          retryLimit: this.options.retryLimit,
          retryDelay: this.options.retryDelaySeconds,
        })),
      );
    }
  }

  /**
   * One loop per kind: fetch a job, run it, complete or fail it, and fetch the next at once. pg-boss's
   * own `work()` waits out its polling interval between fetches even when jobs are waiting (one job a
   * second per queue), which made rebuilds crawl; this loop waits only when the queue is empty.
   */
  work(handler: JobHandler, events: JobEvents = {}): Promise<void> {
    for (const kind of JOB_KINDS) this.loops.push(this.loop(QUEUE_PREFIX + kind, handler, events));
    return Promise.resolve();
  }

  private async loop(queue: string, handler: JobHandler, events: JobEvents): Promise<void> {
    while (!this.stopping) {
      let taken: PgBoss.Job<Job> | undefined;
      try {
        [taken] = await this.boss.fetch<Job>(queue, { batchSize: 1 });
      } catch (error) {
        this.onError(error as Error);
      }
      if (!taken) {
        await this.nap(this.options.pollSeconds * 1000);
        continue;
      }
      try {
        await this.run(taken.data, handler, events);
        await this.boss.complete(queue, taken.id);
      } catch (error) {
        // pg-boss retries it after `retryDelaySeconds`, up to `retryLimit` times.
        await this.boss
          .fail(queue, taken.id, { message: error instanceof Error ? error.message : String(error) })
          .catch((e: unknown) => this.onError(e as Error));
      }
    }
  }

  /** Runs `job` holding the advisory lock on its key; throws `KeyBusy` when another worker holds it. */
  private async run(job: Job, handler: JobHandler, events: JobEvents): Promise<void> {
    const lockKey = `chorus-job:${jobKey(job)}`;
    const client = await this.locks.connect();
    let locked = false;
    try {
      const got = await client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock(hashtext($1)) AS ok', [
        lockKey,
      ]);
      locked = got.rows[0]?.ok === true;
      if (!locked) throw new KeyBusy(`${jobKey(job)} is running in another worker`);
      events.onStart?.(job);
      try {
        const result = await handler(job);
        events.onEnd?.(job, result);
      } catch (error) {
        events.onEnd?.(job, 'failed', error);
        throw error;
      }
    } finally {
      if (locked)
        await client.query('SELECT pg_advisory_unlock(hashtext($1))', [lockKey]).catch(() => undefined);
      client.release();
    }
  }

  /** Waits `ms`, or less when stopped. */
  private nap(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wakers.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wakers.add(done);
    });
  }

  async pending(): Promise<number> {
    let n = 0;
    for (const kind of JOB_KINDS)
      n += await this.boss.getQueueSize(QUEUE_PREFIX + kind, { before: 'completed' });
    return n;
  }

  async stop(): Promise<void> {
    // Running jobs finish first; then pg-boss and our pool close.
    this.stopping = true;
    for (const wake of this.wakers) wake();
    await Promise.all(this.loops);
    await this.boss.stop({ graceful: true, wait: true, timeout: 30_000 });
    await this.locks.end();
  }
}
