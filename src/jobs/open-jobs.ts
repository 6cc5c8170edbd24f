/**
 * Chooses the job queue for a store: pg-boss on the same PostgreSQL database (its own schema beside the
 * store's), an in-process queue for SQLite. Entry points call this with the options they opened the
 * store with.
 */
import { InProcessJobs } from './in-process-jobs.js';
import type { JobQueueOptions, Jobs } from './job.js';
import { PgBossJobs, type PgBossJobsOptions } from './pg-boss-jobs.js';

export interface OpenJobsOptions extends Partial<JobQueueOptions> {
  /** The store's database URL: a `postgres://` URL selects pg-boss. */
  readonly databaseUrl?: string;
  /** The store's PostgreSQL schema, if not the default: the queue then lives in `<schema>_jobs`. */
  readonly schema?: string;
  readonly pollSeconds?: number;
  readonly onError?: (error: Error) => void;
}

/**
 * The store's schema named in a URL (`?options=-c search_path=news`, as libpq takes it), if any: the
 * queue of a store in its own schema must be its own too, or a worker would take another store's jobs.
 */
export function urlSchema(url: string): string | undefined {
  try {
    const options = new URL(url).searchParams.get('options') ?? '';
    return /search_path\s*=\s*"?([A-Za-z_][A-Za-z0-9_]*)/.exec(options)?.[1];
  } catch {
    return undefined;
  }
}

/** @example const jobs = await openJobs({ databaseUrl: process.env.DATABASE_URL }) */
export async function openJobs(options: OpenJobsOptions = {}): Promise<Jobs> {
  const { databaseUrl, schema, onError, ...queue } = options;
  const url = databaseUrl?.trim();
  if (url && /^postgres(ql)?:\/\//i.test(url)) {
    const own = schema ?? urlSchema(url);
    const boss: Partial<PgBossJobsOptions> = { ...queue, ...(own && { schema: `${own}_jobs` }) };
    return PgBossJobs.open(url, boss, onError);
  }
  return new InProcessJobs(queue);
}
