/**
 * Speed of the source comparison (`compareSources`), which runs on every ingest:
 *
 *   npx tsx bench/compare-speed.ts ../shared/data/multi-news/validation.jsonl.gz --limit 500
 *
 * Three workloads from the same file: each Multi-News example as it is (1-10 articles: the usual
 * story), stories of exactly 10 articles, and "big" stories of 200 articles, both made by pooling the
 * articles of consecutive examples (200 is the worst case the ingest service meets: a long-running story). Timed: compareSources alone; text analysis and
 * duplicate detection run before the clock starts. The first few calls warm the JIT and are not counted.
 * Prints per workload: stories, and the median, 95th-percentile and slowest milliseconds per story, by
 * the wall clock and by process CPU time; targets are < 5 ms for 10 articles and < 200 ms for 200.
 */
import { parseArgs } from 'node:util';
import { compareSources } from '../src/core/compare/index.js';
import { findDuplicates } from '../src/core/dedupe/index.js';
import type { Article } from '../src/core/model.js';
import { prepareStory } from '../src/core/prepare-story.js';
import { readMultiNews } from '../src/io/multinews.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { limit: { type: 'string', default: '500' }, big: { type: 'string', default: '200' } },
});
const path = positionals[0];
if (!path) {
  console.error('usage: npx tsx bench/compare-speed.ts MULTI_NEWS.jsonl.gz [--limit N] [--big ARTICLES]');
  process.exit(2);
}

const stories: Article[][] = [];
for await (const e of readMultiNews(path, { limit: Number(values.limit) })) {
  const articles = e.story.articles.filter((a) => a.text.length > 0);
  if (articles.length > 0) stories.push(articles);
}
const pooled = stories.flat();
/** Stories of exactly `size` articles, pooled from consecutive examples. */
function pool(size: number): Article[][] {
  const out: Article[][] = [];
  for (let i = 0; i + size <= pooled.length; i += size) out.push(pooled.slice(i, i + size));
  return out;
}

function run(name: string, workload: Article[][], warmup: number): void {
  const times: number[] = [];
  const cpu: number[] = [];
  workload.forEach((articles, i) => {
    const doc = prepareStory({ id: `${name}-${i}`, articles }).analyzed;
    const duplicates = findDuplicates(articles);
    const c = process.cpuUsage();
    const t = performance.now();
    compareSources(doc, { duplicates });
    if (i < warmup) return;
    times.push(performance.now() - t);
    const used = process.cpuUsage(c);
    cpu.push((used.user + used.system) / 1000);
  });
  if (times.length === 0) return console.log(`${name}: not enough stories (raise --limit)`);
  const stats = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    const q = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
    return `median ${q(0.5).toFixed(2)} ms · p95 ${q(0.95).toFixed(2)} ms · max ${sorted.at(-1)!.toFixed(2)} ms`;
  };
  const sizes = workload.slice(warmup).map((a) => a.length);
  console.log(`${name}: ${times.length} stories of ${Math.min(...sizes)}-${Math.max(...sizes)} articles`);
  console.log(`  wall ${stats(times)}`);
  // CPU time of the process: on a shared machine it moves far less than the wall clock does.
  console.log(`  cpu  ${stats(cpu)}`);
}

run('multi-news stories', stories, 20);
run('10-article stories', pool(10), 10);
run(`${values.big}-article stories`, pool(Number(values.big)), 1);
console.log(`peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
