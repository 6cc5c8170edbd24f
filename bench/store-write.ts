/**
 * Batch writes alone, no clustering or reports: `--articles` synthetic articles written to a fresh SQLite
 * file (or an empty PostgreSQL schema with `--db postgres://…`) in batches of `--batch`, a new story every
 * `--per-story` articles. Prints articles/s of wall time. Compare versions back to back on the same load.
 *
 *   npx tsx bench/store-write.ts [--articles 3000] [--batch 100] [--per-story 5] [--runs 3] [--db URL]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { makeArticle } from '../src/core/article.js';
import { contentHash } from '../src/core/ids.js';
import { openStore } from '../src/storage/open-store.js';
import type { BatchWrite } from '../src/storage/store.js';

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '3000' },
    batch: { type: 'string', default: '100' },
    'per-story': { type: 'string', default: '5' },
    runs: { type: 'string', default: '3' },
    db: { type: 'string' },
  },
});
const total = Number(values.articles);
const size = Number(values.batch);
const perStory = Number(values['per-story']);
const WORDS = 'harbor bridge council vote river ferry school budget storm mayor court trial'.split(' ');

function text(i: number): string {
  const words = Array.from({ length: 120 }, (_, k) => WORDS[(i * 7 + k * 3) % WORDS.length]);
  return `Report ${i}: ${words.join(' ')}.`;
}

// Built once, outside the timed part: only the writes are measured.
const batches: BatchWrite[] = [];
for (let at = 0; at < total; at += size) {
  const articles = [];
  const stories = [];
  for (let i = at; i < Math.min(total, at + size); i++) {
    const a = makeArticle({
      id: `a-${i}`,
      text: text(i),
      source: `Outlet ${i % 9}`,
      title: `Story ${i}`,
      url: `https://news.example/${i}`,
    });
    const storyId = `s-${Math.floor(i / perStory)}`;
    if (i % perStory === 0) stories.push({ id: storyId, title: a.title });
    articles.push({ article: a, contentHash: contentHash(a.text), storyId });
  }
  batches.push({ articles, stories, lastSeq: at });
}

for (let run = 1; run <= Number(values.runs); run++) {
  const dir = mkdtempSync(join(tmpdir(), 'chorus-write-'));
  const schema = `bench_write_${process.pid}_${run}`;
  const store = values.db
    ? await openStore({ databaseUrl: values.db, schema })
    : await openStore({ sqlitePath: join(dir, 'w.db') });
  const started = performance.now();
  for (const batch of batches) await store.writeBatch(batch);
  const ms = performance.now() - started;
  await store.close();
  rmSync(dir, { recursive: true, force: true });
  if (values.db) {
    const { dropPostgresSchema } = await import('../src/storage/dialects/postgres.js');
    await dropPostgresSchema(values.db, schema);
  }
  process.stdout.write(
    `run ${run}: ${total} articles in batches of ${size}: ${((total * 1000) / ms).toFixed(0)} articles/s\n`,
  );
}
