/**
 * Ingest throughput into SQLite, end to end: HTML page → article text → exact and near-duplicate checks →
 * online clustering → one transaction per batch → rebuilt reports of the touched stories.
 *
 *   npx tsx bench/ingest.ts DATA_PATH [--stories N] [--batch B] [--seed S] [--no-refresh] [--db FILE|postgres://…]
 *
 * DATA_PATH is a Multi-News file (`validation.jsonl.gz`). Every article of the first N examples (default
 * 300) becomes an HTML page with page furniture around its paragraphs (made before the clock starts),
 * and the pages arrive shuffled with the seed, as a stream of feeds would deliver them. Prints articles
 * per second for the whole run and per stage, the stories formed and the peak memory (RSS). By default the
 * store is a fresh SQLite file in a temp dir; a postgres:// URL measures PostgreSQL instead (in a scratch
 * schema, dropped afterwards).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { makeArticle } from '../src/core/article.js';
import type { Article } from '../src/core/model.js';
import { pageText } from '../src/feeds/page-text.js';
import { readMultiNews } from '../src/io/multinews.js';
import { IngestService } from '../src/service/ingest-service.js';
import { openStore } from '../src/storage/open-store.js';
import { dropPostgresSchema } from '../src/storage/dialects/postgres.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    stories: { type: 'string', default: '300' },
    batch: { type: 'string', default: '100' },
    seed: { type: 'string', default: '1' },
    'no-refresh': { type: 'boolean', default: false },
    db: { type: 'string' },
  },
});
const path = positionals[0];
if (!path) {
  process.stderr.write(
    'usage: npx tsx bench/ingest.ts DATA_PATH [--stories N] [--batch B] [--seed S] [--no-refresh]\n',
  );
  process.exit(2);
}

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

interface Page {
  readonly html: string;
  readonly url: string;
  readonly source: string;
  readonly id: string;
}

/** An HTML page as a news site would serve it: scripts, navigation, the article, a footer. */
function toPage(article: Article, example: string, n: number): Page {
  const paragraphs = article.text
    .split(/\n\n+/)
    .map((p) => `<p>${escape(p)}</p>`)
    .join('\n');
  const source = `Outlet ${n}`;
  const html = `<!doctype html><html><head><title>${escape(example)} – ${source}</title>
<script>window.analytics = { track() {} };</script><style>body { font: 16px serif; }</style></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article>${paragraphs}</article>
<aside>Most read: five other stories</aside><footer>© ${source}. All rights reserved.</footer></body></html>`;
  return {
    html,
    url: `https://outlet-${n}.example/${encodeURIComponent(example)}/${n}`,
    source,
    id: article.id,
  };
}

function shuffle<T>(items: T[], seed: number): T[] {
  let a = seed >>> 0;
  const random = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
  return items;
}

const pages: Page[] = [];
for await (const example of readMultiNews(path, { limit: Number(values.stories) })) {
  example.story.articles.forEach((a, i) => pages.push(toPage(a, example.id, i + 1)));
}
shuffle(pages, Number(values.seed));

const postgres = values.db?.startsWith('postgres') ? values.db : undefined;
const schema = `chorus_bench_${process.pid}`;
const dir = values.db ? undefined : mkdtempSync(join(tmpdir(), 'chorus-bench-ingest-'));
const dbPath = values.db ?? join(dir ?? '.', 'bench.db');
const store = await openStore(postgres ? { databaseUrl: postgres, schema } : { sqlitePath: dbPath });
const service = await IngestService.open(store, { refresh: !values['no-refresh'] });
const batch = Number(values.batch);

let extractMs = 0;
let ingestMs = 0;
let peakRss = process.memoryUsage().rss;
const counts = { ingested: 0, duplicate: 0, rejected: 0 };
const warnings = new Set<string>();
const started = performance.now();
for (let i = 0; i < pages.length; i += batch) {
  const t0 = performance.now();
  const articles = pages.slice(i, i + batch).map((p) => {
    const { text } = pageText(p.html);
    return makeArticle({ id: p.id, text, source: p.source, url: p.url });
  });
  const t1 = performance.now();
  const result = await service.ingest(articles);
  const t2 = performance.now();
  extractMs += t1 - t0;
  ingestMs += t2 - t1;
  for (const o of result.outcomes) counts[o.status]++;
  for (const w of result.warnings) warnings.add(w.replace(/story \S+/, 'story …'));
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}
const totalMs = performance.now() - started;
const stats = await store.stats();
await store.close();
if (dir) rmSync(dir, { recursive: true, force: true });
if (postgres) await dropPostgresSchema(postgres, schema);

const rate = (n: number, ms: number) => (ms > 0 ? ((n * 1000) / ms).toFixed(0) : '∞');
process.stdout.write(
  [
    `articles: ${pages.length} from ${values.stories} Multi-News examples into ${store.kind} (batch ${batch}, seed ${values.seed}, refresh ${values['no-refresh'] ? 'off' : 'on'})`,
    `outcomes: ingested ${counts.ingested}, duplicate ${counts.duplicate}, rejected ${counts.rejected}`,
    `stories: ${stats.stories}, stale reports: ${stats.staleReports}`,
    `end to end: ${rate(pages.length, totalMs)} articles/s (${(totalMs / 1000).toFixed(1)} s)`,
    `  extraction: ${rate(pages.length, extractMs)} articles/s; dedupe + clustering + store + reports: ${rate(pages.length, ingestMs)} articles/s`,
    `peak RSS: ${(peakRss / 1024 / 1024).toFixed(0)} MiB`,
    ...(warnings.size > 0
      ? ['NOTE: some reports failed to build, so the rate above leaves their cost out:']
      : []),
    ...[...warnings].slice(0, 3).map((w) => `warning: ${w.slice(0, 300)}`),
  ].join('\n') + '\n',
);
