/**
 * Clustering quality and speed on gold-labelled streams, one table for all of them.
 *
 *   npx tsx bench/cluster.ts PATH… [--methods chorus,tfidf] [--stories N] [--seed S] [--limit N]
 *                                  [--threshold T] [--set key=value]… [--json]
 *
 * Each PATH is one stream:
 * - a Multi-News file (`validation.jsonl.gz`): every article of the first N examples, undated, shuffled
 *   with the seed (1);
 * - a labelled stream (`*.stream.jsonl.gz`, `uci-news/stream-*.jsonl.gz`): records in file order, the
 *   gold `story` field taken off before the reader sees them (`--limit` keeps the first N records);
 * - a DUC 2003 folder: every article of its 30 task-2 clusters, in date order.
 * Prints, per stream and method: BCubed P/R/F1, pairwise F1, items per second of CPU time, peak RSS of
 * the process so far, and ms per item in the first and the last tenth (flat cost means these match).
 *
 * The three streams of the README:
 *   npx tsx bench/cluster.ts DATA/multi-news/validation.jsonl.gz DATA/multi-news/validation.stream.jsonl.gz \
 *     DATA/uci-news/stream-2014-03-to-05.jsonl.gz
 */
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import {
  duc2003Stream,
  multiNewsStream,
  runClustering,
  type ClusterRun,
  type LabelledArticle,
} from '../src/eval/cluster-eval.js';
import { labelledStream } from '../src/eval/cluster-streams.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    stories: { type: 'string' },
    seed: { type: 'string' },
    limit: { type: 'string' },
    methods: { type: 'string', default: 'chorus,tfidf' },
    threshold: { type: 'string' },
    set: { type: 'string', multiple: true },
    json: { type: 'boolean', default: false },
  },
});

if (positionals.length === 0) {
  process.stderr.write('usage: npx tsx bench/cluster.ts PATH… [--methods chorus,tfidf] [--set key=value]…\n');
  process.exit(2);
}
const extra: Record<string, number> = {};
for (const kv of values.set ?? []) {
  const [k, v] = kv.split('=');
  if (k && v !== undefined) extra[k] = Number(v);
}
if (values.threshold !== undefined) extra['threshold'] = Number(values.threshold);

async function load(path: string): Promise<{ name: string; stream: LabelledArticle[] }> {
  if ((await stat(path)).isDirectory())
    return {
      name: 'DUC 2003 (dated)',
      stream: await duc2003Stream(path, values.seed === undefined ? undefined : Number(values.seed)),
    };
  const file = basename(path);
  if (/stream/.test(file)) {
    const stream = await labelledStream(path, values.limit === undefined ? Infinity : Number(values.limit));
    const dated = stream.some((x) => x.article.date !== undefined);
    return { name: `${file.replace(/\.jsonl(\.gz)?$/, '')}${dated ? ' (dated)' : ''}`, stream };
  }
  const stories = values.stories === undefined ? undefined : Number(values.stories);
  const seed = values.seed === undefined ? 1 : Number(values.seed);
  return {
    name: `${file.replace(/\.jsonl(\.gz)?$/, '')} (undated, shuffled)`,
    stream: await multiNewsStream(path, stories, seed),
  };
}

let peakRss = process.memoryUsage().rss;
const timer = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
timer.unref();
const rows: (ClusterRun & { stream: string; cpuSeconds: number; peakRssMB: number })[] = [];
for (const path of positionals) {
  const { name, stream } = await load(path);
  for (const method of (values.methods ?? 'chorus').split(',')) {
    const cpuStart = process.cpuUsage();
    const run = runClustering(stream, method, extra);
    const cpu = process.cpuUsage(cpuStart);
    // CPU time of this process: under contention (shared cores) it is the fairer measure of one core's speed.
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    rows.push({ ...run, stream: name, cpuSeconds, peakRssMB: peakRss / 2 ** 20 });
    if (!values.json) process.stderr.write(`${name} ${method} done\n`);
  }
}
clearInterval(timer);
if (values.json) console.log(JSON.stringify(rows, null, 2));
else {
  const f = (x: number) => x.toFixed(3);
  console.log(
    `options: ${
      Object.entries(extra)
        .map(([k, v]) => `${k}=${v}`)
        .join(' ') || 'defaults'
    }\n` +
      '| stream | method | items | BCubed P | BCubed R | BCubed F1 | pairwise F1 | items/s (CPU) | peak RSS MB | ms/item first → last tenth |\n' +
      '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
  );
  for (const r of rows) {
    const s = r.scores;
    console.log(
      `| ${r.stream} | ${r.method} | ${s.items} | ${f(s.bcubed.precision)} | ${f(s.bcubed.recall)} | ${f(s.bcubed.f1)} | ${f(s.pairwise.f1)} | ${(s.items / r.cpuSeconds).toFixed(0)} | ${r.peakRssMB.toFixed(0)} | ${r.msPerArticleFirstTenth.toFixed(3)} → ${r.msPerArticleLastTenth.toFixed(3)} |`,
    );
  }
}
