/**
 * Several writers on one store, as users run them (issue 16): two `chorus ingest` processes of one file
 * into one fresh SQLite file, then `chorus ingest` beside `chorus serve` (with its background worker)
 * taking an API post every 0.2 s. Prints exit codes, articles stored against distinct articles given,
 * refused posts, and how long after the last write the store had no stale report left; then an ingest
 * killed with SIGKILL near its end beside a server, and how long the server's worker takes to rebuild
 * every report it left stale.
 *
 *   npx tsx bench/writers.ts DATA_PATH [--limit 2000] [--batch 100] [--db postgres://…]
 *
 * DATA_PATH is a JSON-lines file `chorus ingest` reads (e.g. multi-news/validation.stream.jsonl.gz);
 * its first `--limit` lines are used. With `--db postgres://…` (an empty schema) the first scenario runs
 * there instead of a SQLite file; the second always uses SQLite.
 */
import { execFile, spawn } from 'node:child_process';
import { createReadStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { createGunzip } from 'node:zlib';
import { openStore, type OpenStoreOptions } from '../src/storage/open-store.js';
import { startChorusServer } from './chorus-server.js';

const root = join(import.meta.dirname, '..');
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    limit: { type: 'string', default: '2000' },
    batch: { type: 'string', default: '100' },
    db: { type: 'string' },
  },
});
const data = positionals[0];
if (!data) {
  process.stderr.write('usage: npx tsx bench/writers.ts DATA_PATH [--limit N] [--batch N] [--db URL]\n');
  process.exit(2);
}
const limit = Number(values.limit);
const batch = values.batch ?? '100';

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly seconds: number;
}

function chorus(...args: string[]): Promise<Run> {
  const started = Date.now();
  return new Promise((resolve) =>
    execFile(
      process.execPath,
      ['--import', 'tsx/esm', 'src/cli/main.ts', ...args],
      { cwd: root, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, DATABASE_URL: '' } },
      (error, stdout, stderr) =>
        resolve({
          code: error ? Number(error.code ?? 1) : 0,
          stdout,
          stderr,
          seconds: (Date.now() - started) / 1000,
        }),
    ),
  );
}

async function firstLines(path: string, n: number): Promise<string[]> {
  const input = createReadStream(path);
  const lines: string[] = [];
  const reader = createInterface({ input: path.endsWith('.gz') ? input.pipe(createGunzip()) : input });
  for await (const line of reader) {
    if (line.trim()) lines.push(line);
    if (lines.length >= n) break;
  }
  reader.close();
  input.destroy();
  return lines;
}

async function stats(options: OpenStoreOptions) {
  const store = await openStore(options);
  try {
    return await store.stats();
  } finally {
    await store.close();
  }
}

const dir = mkdtempSync(join(tmpdir(), 'chorus-bench-writers-'));
try {
  const file = join(dir, 'articles.jsonl');
  writeFileSync(file, (await firstLines(data, limit)).join('\n') + '\n');

  // The articles one ingest alone stores (repeats within the file are duplicates either way).
  const alone = join(dir, 'alone.db');
  const single = await chorus('ingest', file, '--db', alone, '--batch', batch, '--no-progress');
  const expected = (await stats({ sqlitePath: alone })).articles;
  console.log(
    `one ingest alone: exit ${single.code}, ${expected} articles stored, ${single.seconds.toFixed(1)} s`,
  );

  // 1. Two ingests of the same file into one store, at once.
  const twoDb = values.db ?? join(dir, 'two.db');
  const twoOptions: OpenStoreOptions = values.db ? { databaseUrl: values.db } : { sqlitePath: twoDb };
  const runs = await Promise.all([
    chorus('ingest', file, '--db', twoDb, '--batch', batch, '--no-progress'),
    chorus('ingest', file, '--db', twoDb, '--batch', batch, '--no-progress'),
  ]);
  const two = await stats(twoOptions);
  console.log(
    `two ingests at once (${values.db ? 'PostgreSQL' : 'SQLite'}): exit ${runs.map((r) => r.code).join(' and ')}, ` +
      `${runs.map((r) => r.seconds.toFixed(1)).join(' s and ')} s; ${two.articles} articles stored of ${expected} ` +
      `(${two.articles === expected ? 'every article once' : 'MISMATCH'}), ${two.staleReports} stale reports`,
  );
  for (const r of runs) if (r.stderr.trim()) console.log(`  stderr: ${r.stderr.trim().slice(0, 500)}`);

  // 2. Ingest beside serve taking a post every 0.2 s.
  const served = join(dir, 'served.db');
  const server = await startChorusServer(served);
  const statuses: number[] = [];
  let posting = true;
  const poster = (async () => {
    for (let n = 0; posting; n++) {
      const text =
        `Volunteers in Quarry Vale planted ${100 + n} oak saplings along the old tram line on day ${n}, ` +
        `the parish said; the count ${n} was logged by the tree warden.\n\nMore planting is planned.`;
      try {
        const res = await fetch(`${server.url}/api/articles`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ text, title: `Oaks planted, round ${n}`, source: 'Quarry Vale Parish' }),
        });
        statuses.push(res.status);
        await res.arrayBuffer();
      } catch {
        statuses.push(0);
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  })();
  const beside = await chorus('ingest', file, '--db', served, '--batch', batch, '--no-progress');
  posting = false;
  await poster;
  const lastWrite = Date.now();
  let stale = (await stats({ sqlitePath: served })).staleReports;
  const staleAtEnd = stale;
  while (stale > 0 && Date.now() - lastWrite < 300_000) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    stale = (await stats({ sqlitePath: served })).staleReports;
  }
  const toZero = (Date.now() - lastWrite) / 1000;
  const held = await stats({ sqlitePath: served });
  await server.stop();
  const refused = statuses.filter((s) => s < 200 || s >= 300).length;
  console.log(
    `ingest beside serve with a post every 0.2 s: ingest exit ${beside.code} in ${beside.seconds.toFixed(1)} s; ` +
      `${statuses.length} posts, ${refused} refused; ${held.articles} articles stored ` +
      `(${expected} + ${statuses.length} posts = ${expected + statuses.length}); stale reports ${staleAtEnd} at the ` +
      `last write, ${stale} after ${toZero.toFixed(1)} s`,
  );
  if (beside.stderr.trim()) console.log(`  stderr: ${beside.stderr.trim().slice(0, 500)}`);

  // 3. An ingest killed (SIGKILL) near its end, beside a server: its worker rebuilds what is left stale.
  const killedDb = join(dir, 'killed.db');
  const host = await startChorusServer(killedDb);
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx/esm',
      'src/cli/main.ts',
      'ingest',
      file,
      '--db',
      killedDb,
      '--batch',
      batch,
      '--no-progress',
    ],
    { cwd: root, stdio: 'ignore', env: { ...process.env, DATABASE_URL: '' } },
  );
  const gone = new Promise((resolve) => child.on('close', resolve));
  await new Promise((resolve) => setTimeout(resolve, single.seconds * 800));
  child.kill('SIGKILL');
  await gone;
  const killedAt = Date.now();
  const left = await stats({ sqlitePath: killedDb });
  let now = left.staleReports;
  while (now > 0 && Date.now() - killedAt < 300_000) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    now = (await stats({ sqlitePath: killedDb })).staleReports;
  }
  await host.stop();
  console.log(
    `ingest killed at 80% of its solo time beside serve: ${left.articles} articles stored, ${left.staleReports} ` +
      `stale reports at the kill, ${now} after ${((Date.now() - killedAt) / 1000).toFixed(1)} s (server worker)`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
