/**
 * A live wire through the HTTP API: the first N articles of a stream posted to a running `chorus serve`
 * (in this process, with its background worker) in batches, one after another as a feed poller would,
 * once for each report interval asked for (`--report-every`, seconds; 0 rebuilds after every batch, as
 * before the interval existed). For each: reports rebuilt, CPU and wall time of the posts, the time
 * until no report is stale, and whether every final report equals one built from scratch.
 *
 *   npx tsx bench/live-wire.ts STREAM [--limit 20000] [--batch 50] [--report-every 0,30]
 *                                     [--db postgres://…] [--pace MS] [--check N]
 *
 * STREAM: a JSON-lines stream (`uci-news/stream-2014-03-to-05.jsonl.gz`); its gold labels are dropped.
 * Each interval runs on a fresh store: a temp SQLite file, or a scratch schema of the PostgreSQL
 * database a postgres:// URL names (pg-boss in `<schema>_jobs`; both dropped afterwards). The runs go
 * back to back, so they share the machine's load. `--pace MS` waits between batches (a slower feed);
 * `--check N` compares only the N biggest stories with a from-scratch build (default: all). `--log FILE`
 * appends a line per tenth of the posts (rebuilds and CPU so far), for long runs in the background.
 * CPU is this process's (server, worker thread building reports, and the posting client alike).
 */
import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual, parseArgs } from 'node:util';
import { buildStoryReport } from '../src/core/pipeline.js';
import { labelledStream } from '../src/eval/cluster-streams.js';
import { resolveServeOptions } from '../src/server/server-config.js';
import { startServer } from '../src/server/start-server.js';
import { storyOf } from '../src/service/refresh-reports.js';
import { dropPostgresSchema } from '../src/storage/dialects/postgres.js';
import { openStore, type OpenStoreOptions } from '../src/storage/open-store.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    db: { type: 'string' },
    limit: { type: 'string', default: '20000' },
    batch: { type: 'string', default: '50' },
    'report-every': { type: 'string', default: '0,30' },
    pace: { type: 'string', default: '0' },
    check: { type: 'string' },
    log: { type: 'string' },
  },
});
const path = positionals[0];
if (!path) {
  process.stderr.write(
    'usage: npx tsx bench/live-wire.ts STREAM [--limit N] [--batch B] [--report-every S,S…] [--db postgres://…] [--pace MS] [--check N]\n',
  );
  process.exit(2);
}
const batch = Number(values.batch);
const pace = Number(values.pace);
const intervals = values['report-every'].split(',').map(Number);
const check = values.check === undefined ? Infinity : Number(values.check);
const log = (line: string) => {
  if (values.log) appendFileSync(values.log, `${new Date().toISOString()} ${line}\n`);
};

// What a feed would post: the article fields of each record, the gold label left out.
const records = (await labelledStream(path, Number(values.limit))).map(({ article: a }) => ({
  id: a.id,
  text: a.text,
  ...(a.source && { source: a.source }),
  ...(a.url && { url: a.url }),
  ...(a.title && { title: a.title }),
  ...(a.date && { date: a.date }),
}));

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

interface Run {
  readonly every: number;
  readonly posts: { wallMs: number; cpuMs: number; latency: number[] };
  readonly settleMs: number;
  readonly settleCpuMs: number;
  readonly rebuilt: number;
  readonly stories: number;
  readonly checked: number;
  readonly equal: number;
  readonly stale: number;
}

async function runOnce(every: number, n: number): Promise<Run> {
  const pg = values.db?.startsWith('postgres') ? values.db : undefined;
  const schema = `chorus_wire_${process.pid}_${n}`;
  const dir = pg ? undefined : mkdtempSync(join(tmpdir(), 'chorus-wire-'));
  const database: OpenStoreOptions = pg
    ? { databaseUrl: pg, schema }
    : { sqlitePath: join(dir ?? '.', 'wire.db') };
  const options = resolveServeOptions({ port: 0, samples: false, reportEvery: every }, {});
  const server = await startServer({ ...options, database }, { logger: false });
  try {
    const latency: number[] = [];
    const start = { wall: performance.now(), cpu: cpuMs() };
    for (let i = 0; i < records.length; i += batch) {
      const t = performance.now();
      const response = await fetch(`${server.url}/api/articles`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(records.slice(i, i + batch)),
      });
      if (!response.ok) throw new Error(`POST answered ${response.status}: ${await response.text()}`);
      await response.arrayBuffer();
      latency.push(performance.now() - t);
      const done = Math.min(records.length, i + batch);
      if (Math.floor((done * 10) / records.length) > Math.floor((i * 10) / records.length))
        log(
          `every ${every} s: ${done} posted, ${server.service.reportsBuilt} rebuilt, ` +
            `${secs(cpuMs() - start.cpu)} CPU, ${secs(performance.now() - start.wall)} wall`,
        );
      if (pace > 0) await sleep(pace);
    }
    const posted = { wall: performance.now(), cpu: cpuMs() };
    // The wire stops: the worker rebuilds what the interval put off (every ≤ interval + a sweep).
    while ((await server.store.stats()).staleReports > 0) await sleep(200);
    const settled = { wall: performance.now(), cpu: cpuMs() };
    const rebuilt = server.service.reportsBuilt;
    await server.close();

    const store = await openStore(database);
    try {
      const stats = await store.stats();
      const total = (await store.listStories({ order: 'biggest', limit: 200, offset: 0 })).total;
      const stories: string[] = [];
      for (let offset = 0; offset < total && stories.length < check; offset += 200) {
        const page = await store.listStories({ order: 'biggest', limit: 200, offset });
        stories.push(...page.items.map((s) => s.id));
      }
      let equal = 0;
      for (const id of stories.slice(0, check)) {
        const stored = await store.getStory(id);
        if (!stored?.report || stored.reportVersion !== stored.version) continue;
        const scratch = buildStoryReport(storyOf(stored), { method: 'chorus', words: 250 });
        if (isDeepStrictEqual(JSON.parse(JSON.stringify(scratch)), stored.report)) equal++;
      }
      return {
        every,
        posts: { wallMs: posted.wall - start.wall, cpuMs: posted.cpu - start.cpu, latency },
        settleMs: settled.wall - posted.wall,
        settleCpuMs: settled.cpu - posted.cpu,
        rebuilt,
        stories: stats.stories,
        checked: Math.min(check, stories.length),
        equal,
        stale: stats.staleReports,
      };
    } finally {
      await store.close();
    }
  } finally {
    await server.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
    if (pg) {
      await dropPostgresSchema(pg, schema);
      await dropPostgresSchema(pg, `${schema}_jobs`);
    }
  }
}

const quantile = (xs: readonly number[], q: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
};

const runs: Run[] = [];
for (const [n, every] of intervals.entries()) {
  runs.push(await runOnce(every, n));
  const r = runs.at(-1)!;
  log(`every ${every} s done: ${JSON.stringify({ ...r, posts: { ...r.posts, latency: undefined } })}`);
  process.stderr.write(
    `--report-every ${every}: ${r.rebuilt} rebuilds, ${secs(r.posts.cpuMs)} CPU posting\n`,
  );
}
const rows: string[][] = [
  ['--report-every', ...runs.map((r) => `${r.every} s`)],
  ['reports rebuilt', ...runs.map((r) => r.rebuilt.toLocaleString('en'))],
  ['  per story', ...runs.map((r) => (r.rebuilt / r.stories).toFixed(2))],
  ['posting: wall', ...runs.map((r) => secs(r.posts.wallMs))],
  ['posting: CPU', ...runs.map((r) => secs(r.posts.cpuMs))],
  [
    'post answer p50 / p95',
    ...runs.map(
      (r) =>
        `${quantile(r.posts.latency, 0.5).toFixed(0)} / ${quantile(r.posts.latency, 0.95).toFixed(0)} ms`,
    ),
  ],
  ['then until none stale: wall', ...runs.map((r) => secs(r.settleMs))],
  ['  CPU', ...runs.map((r) => secs(r.settleCpuMs))],
  ['total CPU', ...runs.map((r) => secs(r.posts.cpuMs + r.settleCpuMs))],
  ['stories / stale at the end', ...runs.map((r) => `${r.stories} / ${r.stale}`)],
  ['reports equal to from scratch', ...runs.map((r) => `${r.equal} of ${r.checked}`)],
];
const widths = rows[0]!.map((_, c) => Math.max(...rows.map((row) => (row[c] ?? '').length)));
process.stdout.write(
  `${records.length.toLocaleString('en')} articles of ${path}, batches of ${batch}${pace ? `, ${pace} ms apart` : ''}, ${values.db?.startsWith('postgres') ? 'PostgreSQL' : 'SQLite'}\n`,
);
for (const row of rows)
  process.stdout.write(`${row.map((cell, c) => cell.padEnd(widths[c] ?? 0)).join('  ')}\n`);
