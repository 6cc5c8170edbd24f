/**
 * Cost of very large stories. Two measurements:
 *
 *   npx tsx bench/big-story.ts report DATA_PATH [--articles 250,1000,3000]
 *     Puts the first N articles of a Multi-News file into ONE story (unrelated texts: the worst case
 *     for the comparison, which looks for shared facts) and times one full report (summary,
 *     citations, copies, comparison) in this thread, for each N.
 *
 *   npx tsx bench/big-story.ts headlines STREAM [--articles 500,1000,2000,4000] [--match Apple]
 *     Puts the first N headlines of a labelled stream (the UCI headlines) whose title matches --match
 *     (a regular expression) into ONE story, the shape of the stream's big stories, and gives the CPU
 *     time of one full report for each N, with the agreed facts and the sources of the first.
 *
 *   npx tsx bench/big-story.ts server [--articles 200] [--batches 2]
 *     Starts `chorus serve` on a temp SQLite file, posts generated articles of one fictional story in
 *     batches (each batch's report covers every article so far), and polls /api/health every 50 ms
 *     meanwhile: how long each batch takes, and how long the server kept other requests waiting.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Article } from '../src/core/model.js';
import { buildStoryReport } from '../src/core/pipeline.js';
import { labelledStream } from '../src/eval/cluster-streams.js';
import { readMultiNews } from '../src/io/multinews.js';
import { startChorusServer } from './chorus-server.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    articles: { type: 'string' },
    batches: { type: 'string', default: '2' },
    match: { type: 'string', default: 'Apple' },
  },
});
const [mode, path] = positionals;

async function reportCost(data: string, sizes: number[]): Promise<void> {
  const articles: Article[] = [];
  const most = Math.max(...sizes);
  for await (const ex of readMultiNews(data, {}))
    for (const a of ex.story.articles)
      if (articles.length < most) articles.push({ ...a, id: `a${articles.length}` });
  for (const n of sizes) {
    const story = { id: `big-${n}`, articles: articles.slice(0, n) };
    const start = performance.now();
    const report = buildStoryReport(story, { method: 'chorus', words: 250 });
    const s = (performance.now() - start) / 1000;
    console.log(
      `${n} articles: report in ${s.toFixed(1)} s (${report.summary.sentences.length} summary sentences, ` +
        `${report.comparison.agreed.length} agreed facts); peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`,
    );
  }
}

async function headlineCost(stream: string, sizes: number[], match: RegExp): Promise<void> {
  const most = Math.max(...sizes);
  const headlines = (await labelledStream(stream))
    .map((x) => x.article)
    .filter((a) => match.test(a.title ?? a.text))
    .slice(0, most);
  const cpuMs = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };
  // The JIT and the models' first loading are paid here, not in the first timed report.
  buildStoryReport({ id: 'warm-up', articles: headlines.slice(0, 100) });
  for (const n of sizes.filter((k) => k <= headlines.length)) {
    const start = cpuMs();
    const report = buildStoryReport({ id: `big-${n}`, articles: headlines.slice(0, n) });
    const ms = cpuMs() - start;
    const first = report.comparison.agreed[0];
    console.log(
      `${n} headlines: report in ${(ms / 1000).toFixed(2)} s of CPU (${(ms / n).toFixed(2)} ms a headline), ` +
        `${report.comparison.agreed.length} agreed facts, the first from ${first?.articles.length ?? 0} articles`,
    );
  }
  if (headlines.length < most) console.log(`only ${headlines.length} headlines match ${match.source}`);
}

/** Article `i` of a fictional story: the same inspection told by many outlets, each with its own counts. */
function inspection(i: number) {
  const text = Array.from(
    { length: 30 },
    (_, k) =>
      `Inspector ${k} of Tarn Ward counted ${i * 31 + k} cracked bolts on span ${k % 7} of the old bridge.`,
  ).join('\n\n');
  return { id: `insp-${i}`, source: `Outlet ${i}`, title: 'Bridge bolts counted', text };
}

async function serverLatency(total: number, batches: number): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'chorus-big-'));
  const server = await startChorusServer(join(dir, 'big.db'));
  const url = server.url;
  try {
    const size = Math.ceil(total / batches);
    for (let b = 0; b < batches; b++) {
      const batch = Array.from({ length: size }, (_, k) => inspection(b * size + k));
      let answered = 0;
      let worst = 0;
      const poll = setInterval(() => {
        const sent = performance.now();
        void fetch(`${url}/api/health`).then(() => {
          answered++;
          worst = Math.max(worst, performance.now() - sent);
        });
      }, 50);
      const start = performance.now();
      const res = await fetch(`${url}/api/articles`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(batch),
      });
      const ms = performance.now() - start;
      clearInterval(poll);
      console.log(
        `batch ${b + 1} (${size} articles, story of ${(b + 1) * size}): HTTP ${res.status} in ${(ms / 1000).toFixed(1)} s; ` +
          `/api/health answered ${answered} times meanwhile, slowest ${worst.toFixed(0)} ms`,
      );
    }
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (mode === 'report' && path) {
  await reportCost(path, (values.articles ?? '250,1000,3000').split(',').map(Number));
} else if (mode === 'headlines' && path) {
  const sizes = (values.articles ?? '500,1000,2000,4000').split(',').map(Number);
  await headlineCost(path, sizes, new RegExp(values.match));
} else if (mode === 'server') {
  await serverLatency(Number(values.articles ?? 200), Number(values.batches));
} else {
  process.stderr.write(
    'usage: npx tsx bench/big-story.ts report DATA_PATH [--articles 250,1000,3000]\n' +
      '       npx tsx bench/big-story.ts headlines STREAM [--articles 500,1000,2000,4000] [--match REGEX]\n' +
      '       npx tsx bench/big-story.ts server [--articles 200] [--batches 2]\n',
  );
  process.exit(2);
}
