/**
 * Clustering quality and speed on a gold-labelled stream.
 *
 *   npx tsx bench/cluster.ts DATA_PATH [--stories N] [--seed S] [--method tfidf|chorus] [--threshold T]
 *                                      [--sweep T1,T2,…] [--set key=value]… [--json]
 *
 * DATA_PATH is a Multi-News file (`validation.jsonl.gz`: every article of the first N examples, shuffled
 * with the seed) or a DUC 2003 folder (every article of its 30 task-2 clusters, in date order; shuffled
 * when --seed is given). Prints BCubed and pairwise P/R/F1, articles per second, the cost per article in
 * the first and last tenth of the stream (flat cost means these match) and the peak memory (RSS).
 */
import { stat } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { duc2003Stream, multiNewsStream, runClustering, type ClusterRun } from '../src/eval/cluster-eval.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    stories: { type: 'string' },
    seed: { type: 'string' },
    method: { type: 'string', default: 'chorus' },
    threshold: { type: 'string' },
    sweep: { type: 'string' },
    set: { type: 'string', multiple: true },
    json: { type: 'boolean', default: false },
  },
});

const path = positionals[0];
if (!path) {
  process.stderr.write(
    'usage: npx tsx bench/cluster.ts DATA_PATH [--stories N] [--seed S] [--method M] [--threshold T]\n',
  );
  process.exit(2);
}
const seed = values.seed === undefined ? undefined : Number(values.seed);
const isDuc = (await stat(path)).isDirectory();
const loadStart = performance.now();
const stream = isDuc
  ? await duc2003Stream(path, seed)
  : await multiNewsStream(path, values.stories === undefined ? undefined : Number(values.stories), seed ?? 1);
const loadSeconds = (performance.now() - loadStart) / 1000;
const extra: Record<string, number> = {};
for (const kv of values.set ?? []) {
  const [k, v] = kv.split('=');
  if (k && v !== undefined) extra[k] = Number(v);
}
const thresholds = values.sweep
  ? values.sweep.split(',').map(Number)
  : [values.threshold === undefined ? undefined : Number(values.threshold)];

let peakRss = process.memoryUsage().rss;
const timer = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
timer.unref();
const runs: ClusterRun[] = [];
for (const threshold of thresholds) {
  const options = { ...extra, ...(threshold !== undefined && { threshold }) };
  const cpuStart = process.cpuUsage();
  const run = runClustering(stream, values.method, options);
  const cpu = process.cpuUsage(cpuStart);
  // CPU time of this process: under contention (shared cores) it is the fairer measure of one core's speed.
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  runs.push(run);
  const s = run.scores;
  const f = (x: number) => x.toFixed(4);
  if (!values.json)
    console.log(
      [
        `${run.method} threshold=${threshold ?? 'default'} ${Object.entries(extra)
          .map(([k, v]) => `${k}=${v}`)
          .join(' ')}`.trim(),
        `  articles=${s.items} gold stories=${s.goldClusters} predicted=${s.predictedClusters}`,
        `  BCubed    P=${f(s.bcubed.precision)} R=${f(s.bcubed.recall)} F1=${f(s.bcubed.f1)}`,
        `  pairwise  P=${f(s.pairwise.precision)} R=${f(s.pairwise.recall)} F1=${f(s.pairwise.f1)}`,
        `  speed     ${run.articlesPerSecond.toFixed(0)} articles/s wall clock (${run.seconds.toFixed(2)} s), ${(s.items / cpuSeconds).toFixed(0)} articles/s of CPU time (${cpuSeconds.toFixed(2)} s)`,
        `  per article: first tenth ${run.msPerArticleFirstTenth.toFixed(3)} ms, ${run.candidatesFirstTenth.toFixed(1)} candidates; last tenth ${run.msPerArticleLastTenth.toFixed(3)} ms, ${run.candidatesLastTenth.toFixed(1)} candidates`,
        `  state     ${(run.stateBytes / 2 ** 20).toFixed(1)} MB as a JSON snapshot`,
      ].join('\n'),
    );
}
clearInterval(timer);
if (values.json)
  console.log(JSON.stringify({ path, loadSeconds, peakRssMB: peakRss / 2 ** 20, runs }, null, 2));
else console.log(`stream read in ${loadSeconds.toFixed(1)} s; peak RSS ${(peakRss / 2 ** 20).toFixed(0)} MB`);
