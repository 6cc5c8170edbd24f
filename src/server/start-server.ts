/**
 * Running the server: open the store and the ingest service, load the samples into an empty store,
 * listen, and close it all in order on shutdown. `chorus serve` and `chorus start` call this; tests
 * and the benchmark call it too, so what they measure is what users run.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import { ChorusError } from '../core/errors.js';
import type { Article } from '../core/model.js';
import { readInputs } from '../io/index.js';
import { PoliteFetcher } from '../feeds/polite-fetcher.js';
import { startWorker, type BackgroundWorker } from '../service/background-worker.js';
import { IngestService } from '../service/ingest-service.js';
import { openJobs } from '../jobs/open-jobs.js';
import { ReportWorker } from '../service/report-worker.js';
import { openStore } from '../storage/open-store.js';
import type { Store } from '../storage/store.js';
import { buildApp } from './app.js';
import type { AppDeps } from './deps.js';
import { readUploadedFile } from './read-upload.js';
import type { ServeOptions } from './server-config.js';

export interface RunningServer {
  readonly app: FastifyInstance;
  readonly store: Store;
  readonly service: IngestService;
  /** The background worker, unless started with `worker: false`. */
  readonly worker?: BackgroundWorker;
  /** Where it listens, e.g. `http://127.0.0.1:8080` (the real port when 0 was asked). */
  readonly url: string;
  /** Samples ingested at start (0 when the store was not empty or samples were off). */
  readonly samplesLoaded: number;
  /** Stops accepting requests, lets running ones finish, then closes the store. Safe to call twice. */
  close(): Promise<void>;
}

/**
 * The articles of the sample story folders (`samples/<story>/*`), read by src/io like any input; none
 * when there is no such folder. The folder's `stream.jsonl` repeats every sample as a JSON line (for
 * clustering demos), so only the story folders are read.
 */
export async function readSamples(dir: string): Promise<{ articles: Article[]; rejected: string[] }> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const stories = entries
    .filter((d) => d.isDirectory() && !d.name.startsWith('.'))
    .map((d) => join(dir, d.name))
    .sort();
  if (stories.length === 0) return { articles: [], rejected: [] };
  const read = await readInputs(stories);
  const rejected = read.outcomes.flatMap((o) => (o.status === 'rejected' ? [`${o.input}: ${o.reason}`] : []));
  return { articles: read.articles, rejected };
}

/** A clear error for the usual reasons a server cannot listen. */
function listenError(error: unknown, host: string, port: number): unknown {
  const code = (error as { code?: unknown })?.code;
  const where = `${host}:${port}`;
  if (code === 'EADDRINUSE')
    return new ChorusError(
      'usage',
      `expected a free port, found ${where} in use (choose another with --port)`,
    );
  if (code === 'EACCES')
    return new ChorusError(
      'forbidden',
      `not allowed to listen on ${where} (ports below 1024 need privileges)`,
    );
  if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND')
    return new ChorusError('usage', `expected an address of this machine for --host, found "${host}"`);
  return error;
}

/**
 * Opens everything and listens.
 * @example const server = await startServer(resolveServeOptions({ port: 0 }, {})); await server.close()
 */
export async function startServer(
  options: ServeOptions,
  extra: { logger?: FastifyServerOptions['logger'] } = {},
): Promise<RunningServer> {
  const store = await openStore(options.database);
  // Reports are built in a worker thread, so a huge story's rebuild does not hold other requests.
  const reports = new ReportWorker();
  let app: FastifyInstance | undefined;
  try {
    const service = await IngestService.open(store, {
      build: reports.build,
      reportEveryMs: options.reportEveryMs,
    });
    const deps: AppDeps = { store, service, config: options.config, readUpload: readUploadedFile };
    app = await buildApp(deps, extra.logger === undefined ? {} : { logger: extra.logger });
    let samplesLoaded = 0;
    if (options.loadSamples && (await store.stats()).articles === 0) {
      const samples = await readSamples(options.samplesDir);
      for (const r of samples.rejected) app.log.warn({ sample: r }, 'sample file not read');
      if (samples.articles.length > 0) {
        const result = await service.ingest(samples.articles);
        samplesLoaded = result.outcomes.filter((o) => o.status === 'ingested').length;
        app.log.info({ samples: samplesLoaded, stories: result.stories.length }, 'loaded the sample stories');
      } else app.log.info({ dir: options.samplesDir }, 'no sample stories found; starting empty');
    }
    const address = await app
      .listen({ host: options.config.host, port: options.config.port })
      .catch((error: unknown) => {
        throw listenError(error, options.config.host, options.config.port);
      });
    const running = app;
    // Stale reports (a crash, another process's writes) are rebuilt until none are left, and feeds are
    // polled when due, beside the requests; `--no-worker` serves only.
    // pg-boss on PostgreSQL (shared with every other server and worker there), in-process on SQLite.
    const onError = (error: unknown) => running.log.warn({ err: error }, 'background work failed');
    const worker: BackgroundWorker | undefined = options.worker
      ? await startWorker(
          service,
          new PoliteFetcher({ allowPrivate: options.config.allowPrivateFeeds }),
          { pollEveryMs: options.pollEveryMs },
          {
            onError,
            onPoll: (r) =>
              r.status === 'failed' && running.log.warn({ feed: r.url, error: r.error }, 'feed poll failed'),
          },
          await openJobs({
            databaseUrl: options.database.databaseUrl,
            schema: options.database.schema,
            onError,
          }),
        )
      : undefined;
    let closing: Promise<void> | undefined;
    return {
      app: running,
      store,
      service,
      ...(worker && { worker }),
      url: address.replace('[::1]', 'localhost'),
      samplesLoaded,
      close: () =>
        (closing ??= (async () => {
          await worker?.stop();
          await running.close();
          // Reports the batches put off for their interval are built now: none is left stale behind.
          await service
            .flush()
            .catch((error: unknown) => running.log.warn({ err: error }, 'reports not rebuilt'));
          await service.checkpoint().catch(() => undefined);
          await reports.close();
          await store.close();
        })()),
    };
  } catch (error) {
    await app?.close().catch(() => undefined);
    await reports.close();
    await store.close().catch(() => undefined);
    throw error;
  }
}
