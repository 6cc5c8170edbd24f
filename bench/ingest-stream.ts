/**
 * A labelled stream through `chorus ingest`'s path and through `chorus cluster`'s, compared: the same
 * stories by both (BCubed of one against the other, 1.0 when they agree), each against the gold
 * stories, the ingest's speed per tenth of the stream (is the cost per article flat?), its peak memory
 * and the size of the store.
 *
 *   npx tsx bench/ingest-stream.ts STREAM [--db FILE|postgres://…] [--limit N] [--batch B] [--log FILE]
 *
 * STREAM is a labelled stream file (`uci-news/stream-2014-03-to-05.jsonl.gz`, or the dated Multi-News
 * `validation.stream.jsonl.gz`): JSON lines with a gold `story`, which is taken off before the record
 * reaches the reader. The ingest runs `ingestAll` (src/service/ingest-all.ts), the code of `chorus
 * ingest`, into a fresh SQLite file (kept at --db FILE, else a temp file removed afterwards) or into a
 * scratch schema of the PostgreSQL database a postgres:// URL names (dropped afterwards). The cluster
 * path is `chorus cluster`'s: the registered clusterer fed every article in order. An article the
 * ingest skipped as an exact repeat counts in the story of the stored one it repeats.
 * --log FILE appends a line per tenth as the run goes (for long runs in the background). Each tenth's
 * CPU is also split: the part spent inside the store's batch write, apart from the clusterer and lookups.
 */
import { appendFileSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { createClusterer } from '../src/core/cluster/registry.js';
import { contentHash } from '../src/core/ids.js';
import { clusterScores, type ClusterScores } from '../src/eval/cluster-metrics.js';
import { labelledStream } from '../src/eval/cluster-streams.js';
import { ingestAll } from '../src/service/ingest-all.js';
import { IngestService } from '../src/service/ingest-service.js';
import { dropPostgresSchema } from '../src/storage/dialects/postgres.js';
import { openStore } from '../src/storage/open-store.js';
import { articleKey } from '../src/storage/store.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    db: { type: 'string' },
    limit: { type: 'string' },
    batch: { type: 'string', default: '100' },
    log: { type: 'string' },
  },
});
const path = positionals[0];
if (!path) {
  process.stderr.write(
    'usage: npx tsx bench/ingest-stream.ts STREAM [--db FILE|postgres://…] [--limit N] [--batch B] [--log FILE]\n',
  );
  process.exit(2);
}
const log = (line: string) => {
  if (values.log) appendFileSync(values.log, `${new Date().toISOString()} ${line}\n`);
};

const items = await labelledStream(path, values.limit ? Number(values.limit) : Infinity);
const articles = items.map((x) => x.article);
const gold = items.map((x) => x.gold);
log(`read ${articles.length} articles from ${path}`);

// ---- the ingest path ----
const postgres = values.db?.startsWith('postgres') ? values.db : undefined;
const schema = `chorus_stream_${process.pid}`;
const dir = values.db ? undefined : mkdtempSync(join(tmpdir(), 'chorus-bench-stream-'));
const dbPath = values.db ?? join(dir ?? '.', 'stream.db');
const store = await openStore(postgres ? { databaseUrl: postgres, schema } : { sqlitePath: dbPath });

interface Tenth {
  readonly wallMs: number;
  readonly cpuMs: number;
  /** CPU spent inside the store's batch writes (SQLite: all of the database's work). */
  readonly storeMs: number;
  readonly items: number;
}
const tenths: Tenth[] = [];
let peakRss = process.memoryUsage().rss;
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
// The batch's store write timed apart from the rest (clusterer, lookups), so a trend along the stream
// can be put on one or the other.
let storeMs = 0;
const writeBatch = store.writeBatch.bind(store);
store.writeBatch = async (batch) => {
  const before = cpuMs();
  try {
    return await writeBatch(batch);
  } finally {
    storeMs += cpuMs() - before;
  }
};
const started = { wall: performance.now(), cpu: cpuMs() };
let mark = { ...started, done: 0, store: 0 };
let batchesEnd = { ...started };
const service = await IngestService.open(store, { refresh: false });
const run = await ingestAll(service, articles, {
  batch: Number(values.batch),
  onProgress: (phase, done, total) => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    if (phase !== 'articles') return;
    const next = Math.ceil(((tenths.length + 1) * total) / 10);
    if (done < next && done < total) return;
    const now = { wall: performance.now(), cpu: cpuMs() };
    const tenth = {
      wallMs: now.wall - mark.wall,
      cpuMs: now.cpu - mark.cpu,
      storeMs: storeMs - mark.store,
      items: done - mark.done,
    };
    tenths.push(tenth);
    log(
      `tenth ${tenths.length}: ${done}/${total}, ${rate(tenth.items, tenth.wallMs)}/s wall, ` +
        `${rate(tenth.items, tenth.cpuMs)}/s CPU (store ${(tenth.storeMs / tenth.items).toFixed(2)} ms each), ` +
        `RSS ${mib(process.memoryUsage().rss)}`,
    );
    mark = { ...now, done, store: storeMs };
    if (done === total) batchesEnd = now;
  },
});
const ended = { wall: performance.now(), cpu: cpuMs() };
log(
  `reports: ${run.reports} of ${run.stories} stories in ${((ended.wall - batchesEnd.wall) / 1000).toFixed(1)} s`,
);

// The stored story of every stored article, read back in seq order.
const storyOfStored = new Map<string, string>();
for (let seq = 0; ;) {
  const page = await store.articlesAfter(seq, 5000);
  for (const a of page) storyOfStored.set(a.id, a.storyId ?? `none:${a.id}`);
  if (page.length < 5000) break;
  seq = page.at(-1)?.seq ?? seq;
}
const ingestLabels = run.outcomes.map((o, i) =>
  o.status === 'rejected' ? `rejected:${i}` : (storyOfStored.get(o.id) ?? `missing:${o.id}`),
);
const counts = { ingested: 0, duplicate: 0, rejected: 0 };
for (const o of run.outcomes) counts[o.status]++;
const size = await storeBytes();
await store.close();
if (dir) rmSync(dir, { recursive: true, force: true });
if (postgres) await dropPostgresSchema(postgres, schema);

// ---- the cluster path (`chorus cluster`) ----
const clusterer = createClusterer('chorus');
const clusterStart = performance.now();
for (const a of articles) clusterer.add(a);
const clusterMs = performance.now() - clusterStart;
const clusterLabels = articles.map((a) => clusterer.storyOf(a.id) ?? `none:${a.id}`);
// The same, with each exact repeat (content hash + URL, the ingest's key) counted in the story of the
// first and not shown to the clusterer, nor an article with no text, as the ingest does: what is left
// between the two paths is then the repeats and the empty articles alone.
const firstOf = new Map<string, number>();
const once = createClusterer('chorus');
const firstIndex = articles.map((a, i) => {
  if (a.text.length === 0) return -1;
  const key = articleKey(contentHash(a.text), a.url);
  const first = firstOf.get(key);
  if (first !== undefined) return first;
  firstOf.set(key, i);
  once.add(a);
  return i;
});
const onceLabels = firstIndex.map((first, i) => {
  if (first < 0) return `rejected:${i}`;
  const id = articles[first]?.id ?? '';
  return once.storyOf(id) ?? `none:${id}`;
});

// ---- the table ----
function rate(n: number, ms: number): string {
  return ms > 0 ? Math.round((n * 1000) / ms).toLocaleString('en') : '∞';
}
function mib(bytes: number): string {
  return `${Math.round(bytes / 1024 / 1024).toLocaleString('en')} MiB`;
}
async function storeBytes(): Promise<number> {
  if (!postgres) {
    const file = (f: string) => {
      try {
        return statSync(f).size;
      } catch {
        return 0;
      }
    };
    return file(dbPath) + file(`${dbPath}-wal`);
  }
  const client = new pg.Client({ connectionString: postgres });
  await client.connect();
  try {
    const { rows } = await client.query<{ bytes: string }>(
      `SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0) AS bytes FROM pg_class c
       JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relkind = 'r'`,
      [schema],
    );
    return Number(rows[0]?.bytes ?? 0);
  } finally {
    await client.end();
  }
}
const f1 = (s: ClusterScores) =>
  `${s.bcubed.f1.toFixed(3)} (P ${s.bcubed.precision.toFixed(3)}, R ${s.bcubed.recall.toFixed(3)})`;
const same = clusterScores(ingestLabels, clusterLabels);
const ingestGold = clusterScores(ingestLabels, gold);
const clusterGold = clusterScores(clusterLabels, gold);
const batchMs = batchesEnd.wall - started.wall;
const batchCpu = batchesEnd.cpu - started.cpu;
const perItem = (t: Tenth | undefined) => (t ? (t.cpuMs / t.items).toFixed(2) : '?');

const rows: [string, string][] = [
  ['stream', `${path} (${articles.length.toLocaleString('en')} articles)`],
  ['store', `${store.kind}, batches of ${values.batch}`],
  ['outcomes', `ingested ${counts.ingested}, exact repeats ${counts.duplicate}, rejected ${counts.rejected}`],
  [
    'batches',
    `${rate(articles.length, batchMs)} articles/s wall, ${rate(articles.length, batchCpu)}/s of CPU (${(batchMs / 1000).toFixed(0)} s)`,
  ],
  ['CPU ms per article, tenths', tenths.map(perItem).join(' ')],
  ['  of which in the store write', tenths.map((t) => (t.storeMs / t.items).toFixed(2)).join(' ')],
  ['wall ms per article, tenths', tenths.map((t) => (t.wallMs / t.items).toFixed(2)).join(' ')],
  [
    'reports at the end',
    `${run.reports} of ${run.stories} stories, ${((ended.wall - batchesEnd.wall) / 1000).toFixed(1)} s wall, ${((ended.cpu - batchesEnd.cpu) / 1000).toFixed(1)} s CPU`,
  ],
  [
    'whole ingest',
    `${rate(articles.length, ended.wall - started.wall)} articles/s wall, ${rate(articles.length, ended.cpu - started.cpu)}/s of CPU`,
  ],
  ['peak RSS', mib(peakRss)],
  ['store size', mib(size)],
  [
    'stories: ingest / cluster / gold',
    `${same.predictedClusters} / ${same.goldClusters} / ${ingestGold.goldClusters}`,
  ],
  ['BCubed ingest vs cluster', f1(same)],
  ['  the same, repeats and empties kept out', f1(clusterScores(ingestLabels, onceLabels))],
  ['BCubed ingest vs gold', f1(ingestGold)],
  ['BCubed cluster vs gold', f1(clusterGold)],
  ['cluster path', `${rate(articles.length, clusterMs)} articles/s wall`],
];
const width = Math.max(...rows.map(([k]) => k.length));
const table = rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`).join('\n');
log(`done\n${table}`);
process.stdout.write(`${table}\n`);
