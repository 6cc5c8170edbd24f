/**
 * Background work as jobs on PostgreSQL (issue 16): ingest throughput with 1 and 2 `chorus worker`
 * processes, and story-page latency while a worker ingests.
 *
 * Throughput, end to end through the jobs: the first `--limit` articles of a dated stream are served
 * as local RSS feeds of 50 items each (the item carries the article text; no page fetch, so the
 * politeness delay is not what is measured). Workers are started on an empty schema and wait until
 * ready (pg-boss started); then the feeds are added and the clock starts. It stops when every feed has
 * been polled and no report is stale. Figures: articles stored per second, and (articles stored +
 * stories whose report was built) per second. Each feed poll is a `poll-feed` job that ingests its
 * items (dedupe, clustering, report rebuilds of the touched stories); stale reports left by a conflict
 * are `rebuild-report` jobs.
 *
 * Latency (`--connections`, after the 2-worker run): `chorus serve --no-worker` over the full store
 * while one worker ingests `--more` further articles as new feeds; autocannon asks for story pages
 * `/stories/:id` for `--duration` seconds. Target: p99 < 200 ms at 200 connections.
 *
 *   npx tsx bench/jobs.ts DATA_PATH --db postgres://… [--limit 2000] [--more 1000]
 *                         [--workers 1,2] [--connections 200] [--duration 20] [--reports-as-jobs]
 *
 * DATA_PATH is a JSON-lines stream ({"id","date","text"} a line, gzip or not), e.g.
 * multi-news/validation.stream.jsonl.gz. Each run works in its own schema (dropped at the end).
 */
import { spawn } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { createGunzip } from 'node:zlib';
import { dropPostgresSchema } from '../src/storage/dialects/postgres.js';
import { openStore } from '../src/storage/open-store.js';
import type { Store } from '../src/storage/store.js';
import { startChorusServer } from './chorus-server.js';

import { autocannon } from './autocannon.js';

const root = join(import.meta.dirname, '..');
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    db: { type: 'string' },
    limit: { type: 'string', default: '2000' },
    more: { type: 'string', default: '1000' },
    workers: { type: 'string', default: '1,2' },
    connections: { type: 'string', default: '200' },
    duration: { type: 'string', default: '20' },
    'reports-as-jobs': { type: 'boolean', default: false },
  },
});
const dataPath = positionals[0];
const dbUrl = values.db ?? process.env.DATABASE_URL;
if (!dataPath || !dbUrl?.startsWith('postgres')) {
  process.stderr.write(
    'usage: npx tsx bench/jobs.ts DATA_PATH --db postgres://… [--limit N] [--more N] [--workers 1,2]\n' +
      '       [--connections C] [--duration S]\n',
  );
  process.exit(2);
}
const limit = Number(values.limit);
const more = Number(values.more);
const ITEMS_PER_FEED = 50;
const workerFlags = values['reports-as-jobs'] ? ['--reports-as-jobs'] : [];

interface StreamArticle {
  readonly id: string;
  readonly date?: string;
  readonly text: string;
}

async function readStream(path: string, n: number): Promise<StreamArticle[]> {
  const input = createReadStream(path);
  const lines = createInterface({ input: path.endsWith('.gz') ? input.pipe(createGunzip()) : input });
  const out: StreamArticle[] = [];
  for await (const line of lines) {
    if (!line.trim()) continue;
    out.push(JSON.parse(line) as StreamArticle);
    if (out.length >= n) break;
  }
  input.destroy();
  return out;
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** One RSS document of `articles`: the text as paragraphs in the description, no link to fetch. */
function rss(title: string, articles: readonly StreamArticle[]): string {
  const items = articles.map((a) => {
    const html = a.text
      .split(/\n+/)
      .map((p) => `<p>${escape(p)}</p>`)
      .join('');
    const date = a.date ? `<pubDate>${new Date(`${a.date}T12:00:00Z`).toUTCString()}</pubDate>` : '';
    return `<item><guid isPermaLink="false">${escape(a.id)}</guid>${date}<description>${escape(html)}</description></item>`;
  });
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>${escape(title)}</title>${items.join('')}</channel></rss>`;
}

/** Serves `/feed/<n>.xml` for each group of 50 articles; resolves with the feed URLs and a closer. */
async function serveFeeds(groups: readonly StreamArticle[][], prefix: string) {
  const docs = groups.map((g, i) => rss(`${prefix} ${i + 1}`, g));
  const server = createServer((req, res) => {
    const m = /^\/feed\/(\d+)\.xml$/.exec(req.url ?? '');
    const doc = m ? docs[Number(m[1])] : undefined;
    if (!doc) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(doc);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    urls: docs.map((_, i) => `http://127.0.0.1:${port}/feed/${i}.xml`),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function inSchema(url: string, schema: string): string {
  const u = new URL(url);
  u.searchParams.set('options', `-c search_path=${schema}`);
  return u.toString();
}

/** `chorus worker --json` on `db`; resolves once pg-boss has started in it. */
function startWorker(db: string) {
  const args = ['--import', 'tsx/esm', 'src/cli/main.ts', 'worker', '--json', '--db', db, ...workerFlags];
  const proc = spawn(process.execPath, [...args, '--allow-private', '--poll-every', '86400'], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => proc.on('close', () => resolve()));
  let polls = 0;
  let rebuilds = 0;
  const ready = new Promise<void>((resolve, reject) => {
    let out = '';
    proc.stdout.on('data', (b: Buffer) => {
      out += b.toString();
      polls = (out.match(/"event":"end","job":\{"kind":"poll-feed"/g) ?? []).length;
      rebuilds = (out.match(/"event":"end","job":\{"kind":"rebuild-report"[^\n]*"result":"done"/g) ?? [])
        .length;
      if (out.includes('"event":"ready"')) resolve();
    });
    void exited.then(() => reject(new Error('worker exited before it was ready')));
  });
  return {
    ready,
    jobs: () => `${polls} polls + ${rebuilds} rebuilds`,
    stop: async () => {
      proc.kill('SIGTERM');
      await exited;
    },
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until every feed has been polled and no report is stale; returns the seconds it took. */
async function drained(store: Store, feeds: number, since: number): Promise<number> {
  for (;;) {
    const polled = (await store.listFeeds()).filter((f) => f.lastPolledAt).length;
    const stats = await store.stats();
    if (polled >= feeds && stats.staleReports === 0) return (Date.now() - since) / 1000;
    await sleep(250);
  }
}

async function throughput(articles: readonly StreamArticle[], workers: number, schema: string) {
  const store = await openStore({ databaseUrl: dbUrl!, schema });
  const db = inSchema(dbUrl!, schema);
  const feeds = await serveFeeds(chunk(articles, ITEMS_PER_FEED), 'Bench feed');
  const procs = Array.from({ length: workers }, () => startWorker(db));
  try {
    await Promise.all(procs.map((p) => p.ready));
    const load = loadavg()[0]!.toFixed(1);
    const t0 = Date.now();
    for (const url of feeds.urls) await store.addFeed(url);
    const seconds = await drained(store, feeds.urls.length, t0);
    const stats = await store.stats();
    const jobs = procs.map((p) => p.jobs());
    process.stdout.write(
      `${workers} worker${workers === 1 ? '' : 's'}: ${stats.articles} articles, ${stats.stories} stories ` +
        `(every report current) in ${seconds.toFixed(1)} s = ${(stats.articles / seconds).toFixed(1)} articles/s, ` +
        `${((stats.articles + stats.stories) / seconds).toFixed(1)} (articles + reports)/s; ` +
        `jobs per worker ${jobs.join(' / ')}; load average at start ${load} on ${cpus().length} cores\n`,
    );
  } finally {
    await Promise.all(procs.map((p) => p.stop()));
    await feeds.close();
    await store.close();
  }
}

/** Autocannon on story pages; one line of figures. */
async function storyPages(url: string, ids: readonly string[], label: string): Promise<void> {
  const load = loadavg()[0]!.toFixed(1);
  let next = 0;
  const result = await autocannon({
    url,
    connections: Number(values.connections),
    duration: Number(values.duration),
    timeout: 30,
    requests: [
      { setupRequest: (r) => ({ ...r, method: 'GET', path: `/stories/${ids[next++ % ids.length]}` }) },
    ],
  });
  const l = result.latency;
  process.stdout.write(
    `story pages at ${values.connections} connections for ${values.duration} s ${label}: ` +
      `${Math.round(result.requests.average)} req/s, latency p50 ${l.p50} ms, p90 ${l.p90} ms, ` +
      `p99 ${l.p99} ms, max ${l.max} ms; ${result.errors} errors, ${result.non2xx} non-2xx; ` +
      `load average ${load}\n`,
  );
}

/** Story pages with no worker, then (back to back, same load) while one worker ingests new feeds. */
async function latency(extra: readonly StreamArticle[], schema: string) {
  const store = await openStore({ databaseUrl: dbUrl!, schema });
  const db = inSchema(dbUrl!, schema);
  const ids = (await store.listStories({ limit: 200 })).items.map((s) => s.id);
  const server = await startChorusServer(db, ['--no-worker']);
  const feeds = await serveFeeds(chunk(extra, ITEMS_PER_FEED), 'More news');
  let worker: ReturnType<typeof startWorker> | undefined;
  try {
    await storyPages(server.url, ids, 'first pass, cold page cache (not compared)');
    await storyPages(server.url, ids, 'with no worker running');
    worker = startWorker(db);
    await worker.ready;
    const before = (await store.stats()).articles;
    for (const url of feeds.urls) await store.addFeed(url);
    await sleep(3000); // the worker's first sweep has taken the new feeds
    await storyPages(server.url, ids, 'while a worker ingests');
    const during = (await store.stats()).articles - before;
    process.stdout.write(`  (the worker stored ${during} articles from the start of that run to its end)\n`);
  } finally {
    await worker?.stop();
    await server.stop();
    await feeds.close();
    await store.close();
  }
}

const all = await readStream(dataPath, limit + more);
const first = all.slice(0, limit);
const counts = (values.workers ?? '1,2').split(',').map(Number);
const schemas: string[] = [];
try {
  for (const n of counts) {
    const schema = `bench_jobs_${process.pid}_${n}`;
    schemas.push(schema);
    await throughput(first, n, schema);
  }
  if (more > 0 && Number(values.connections) > 0) await latency(all.slice(limit), schemas.at(-1)!);
} finally {
  for (const s of schemas) {
    await dropPostgresSchema(dbUrl, s).catch(() => undefined);
    await dropPostgresSchema(dbUrl, `${s}_jobs`).catch(() => undefined);
  }
}
