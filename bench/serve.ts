/**
 * Latency of the server's story pages under load. Builds (or reuses) a store of Multi-News articles
 * ingested through the ingest service (dedupe, clustering, reports), starts `chorus serve` on it as its
 * own process, then drives it with autocannon: the HTML story page `/stories/:id` and the JSON
 * `/api/stories/:id`, each request for the next of many story ids, with many concurrent connections.
 * A cold pass first renders every page once (uncached latency, at low concurrency), then the load runs
 * measure the steady state. Prints requests per second and latency percentiles per route. Target: p99
 * under 200 ms.
 *
 *   npx tsx bench/serve.ts DATA_PATH [--articles 20000] [--connections 200] [--duration 20]
 *                                    [--db FILE|postgres://…] [--ids 1000] [--batch 200]
 *
 * DATA_PATH is a Multi-News file (`train.jsonl.gz`). With `--db` naming an existing non-empty store,
 * the build step is skipped, so the (slow) build happens once; without it a temp SQLite file is used
 * and removed at the end.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Article } from '../src/core/model.js';
import { readMultiNews } from '../src/io/multinews.js';
import { IngestService } from '../src/service/ingest-service.js';
import { openStore } from '../src/storage/open-store.js';
import { startChorusServer } from './chorus-server.js';

import { autocannon, type CannonResult } from './autocannon.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    articles: { type: 'string', default: '20000' },
    connections: { type: 'string', default: '200' },
    duration: { type: 'string', default: '20' },
    ids: { type: 'string', default: '1000' },
    batch: { type: 'string', default: '200' },
    db: { type: 'string' },
  },
});
const dataPath = positionals[0];
if (!dataPath) {
  process.stderr.write(
    'usage: npx tsx bench/serve.ts DATA_PATH [--articles N] [--connections C] [--duration S] [--db FILE] [--ids N]\n',
  );
  process.exit(2);
}
const wanted = Number(values.articles);
const tempDir = values.db ? undefined : mkdtempSync(join(tmpdir(), 'chorus-bench-serve-'));
const db = values.db ?? join(tempDir ?? '.', 'serve.db');
const log = (line: string) => process.stdout.write(`${line}\n`);

/** Ingests Multi-News articles until the store holds `wanted` of them. */
async function build(): Promise<void> {
  const store = await openStore(db.startsWith('postgres') ? { databaseUrl: db } : { sqlitePath: db });
  try {
    const have = (await store.stats()).articles;
    if (have >= wanted) {
      log(`store: ${db} already holds ${have} articles; build skipped`);
      return;
    }
    const service = await IngestService.open(store);
    const started = performance.now();
    let read = 0;
    let batch: Article[] = [];
    let stored = have;
    const flush = async () => {
      const result = await service.ingest(batch);
      stored += result.outcomes.filter((o) => o.status === 'ingested').length;
      batch = [];
      const s = (performance.now() - started) / 1000;
      process.stderr.write(`\rbuilding: ${stored}/${wanted} articles, ${(stored / s).toFixed(0)}/s   `);
    };
    // Some Multi-News documents repeat: keep reading until the store holds `wanted` distinct articles.
    for await (const example of readMultiNews(dataPath as string)) {
      for (const a of example.story.articles) {
        batch.push(a);
        read++;
        if (stored + batch.length >= wanted || batch.length >= Number(values.batch)) await flush();
        if (stored >= wanted) break;
      }
      if (stored >= wanted) break;
    }
    if (batch.length > 0) await flush();
    await service.checkpoint();
    const s = (performance.now() - started) / 1000;
    process.stderr.write('\n');
    const stats = await store.stats();
    log(
      `store: built ${stats.articles} articles (${read} read), ${stats.stories} stories, ` +
        `${stats.staleReports} stale reports in ${s.toFixed(0)} s (${(read / s).toFixed(0)} articles/s)`,
    );
  } finally {
    await store.close();
  }
}

/** Story ids spread over the whole store: pages of the list in both orders. */
async function storyIds(url: string, count: number): Promise<string[]> {
  const ids = new Set<string>();
  for (const order of ['biggest', 'newest']) {
    for (let offset = 0; ids.size < count; offset += 200) {
      const res = await fetch(`${url}/api/stories?order=${order}&limit=200&offset=${offset}`);
      const page = (await res.json()) as { items: { id: string }[] };
      if (page.items.length === 0) break;
      for (const s of page.items) ids.add(s.id);
      if (order === 'biggest' && ids.size >= count / 2) break;
    }
  }
  return [...ids].slice(0, count);
}

/** CPU time the process has used, in ms (Linux /proc; undefined elsewhere). */
function cpuMs(pid: number): number | undefined {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    // utime and stime are fields 14 and 15 of stat, in clock ticks (100 per second on Linux).
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return undefined;
  }
}

async function load(
  url: string,
  pid: number,
  label: string,
  paths: readonly string[],
): Promise<CannonResult> {
  let next = 0;
  const cpuBefore = cpuMs(pid);
  const result = await autocannon({
    url,
    connections: Number(values.connections),
    duration: Number(values.duration),
    timeout: 30,
    requests: [
      {
        setupRequest: (request) => ({ ...request, method: 'GET', path: paths[next++ % paths.length] ?? '/' }),
      },
    ],
  });
  const l = result.latency;
  const cpuAfter = cpuMs(pid);
  const cpu =
    cpuBefore !== undefined && cpuAfter !== undefined && result.requests.total > 0
      ? `; server CPU ${((cpuAfter - cpuBefore) / result.requests.total).toFixed(2)} ms/request, ` +
        `${((cpuAfter - cpuBefore) / 10 / result.duration).toFixed(0)}% of a core`
      : '';
  log(
    `${label}: ${result.requests.average.toFixed(0)} req/s (${result.requests.total} in ${result.duration.toFixed(0)} s), ` +
      `latency p50 ${l.p50} ms, p90 ${l.p90} ms, p99 ${l.p99} ms, max ${l.max} ms; ` +
      `${(result.throughput.average / 1024 / 1024).toFixed(1)} MiB/s; non-2xx ${result.non2xx}, errors ${result.errors}, timeouts ${result.timeouts}${cpu}` +
      (l.p99 < 200 ? '  [p99 < 200 ms: ok]' : '  [p99 >= 200 ms: over target]'),
  );
  return result;
}

if (!tempDir && !db.startsWith('postgres') && !existsSync(db))
  log(`store: ${db} does not exist yet; building it`);
await build();
const server = await startChorusServer(db);
try {
  const ids = await storyIds(server.url, Number(values.ids));
  log(
    `server: ${server.url}, ${ids.length} story ids, ${values.connections} connections, ${values.duration} s per route`,
  );
  // Cold pass: every id once per route, 8 at a time, so each answer is rendered (a cache miss). It
  // fills the page cache; the load runs below then measure the steady state.
  for (const [label, prefix] of [
    ['HTML /stories/:id', '/stories/'],
    ['JSON /api/stories/:id', '/api/stories/'],
  ] as const) {
    const times: number[] = [];
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        while (next < ids.length) {
          const id = ids[next++] as string;
          const t0 = performance.now();
          const res = await fetch(`${server.url}${prefix}${encodeURIComponent(id)}`);
          await res.arrayBuffer();
          times.push(performance.now() - t0);
        }
      }),
    );
    times.sort((a, b) => a - b);
    const at = (q: number) =>
      (times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0).toFixed(0);
    log(
      `${label} cold (uncached, 8 at a time): ${((ids.length * 1000) / (performance.now() - started)).toFixed(0)} req/s, ` +
        `latency p50 ${at(0.5)} ms, p90 ${at(0.9)} ms, p99 ${at(0.99)} ms`,
    );
  }
  await load(
    server.url,
    server.pid,
    'HTML /stories/:id',
    ids.map((id) => `/stories/${encodeURIComponent(id)}`),
  );
  await load(
    server.url,
    server.pid,
    'JSON /api/stories/:id',
    ids.map((id) => `/api/stories/${encodeURIComponent(id)}`),
  );
} finally {
  await server.stop();
  if (tempDir) rmSync(tempDir, { recursive: true, force: true });
}
