/**
 * How far can any single-pass clusterer go with chorus's article vectors? For each gold story, join
 * its articles in stream order only when an article's cosine with an earlier article of the same story
 * reaches τ (single link, never a wrong join), and score that clustering: precision is 1 by
 * construction, and its recall bounds the recall of every method that needs that much similarity to
 * join. Articles whose best same-story cosine stays under 0.1 (crawl junk, other angles) are counted.
 *
 *   npx tsx bench/cluster-ceiling.ts DATA_PATH [--stories N] [--seed S]
 */
import { parseArgs } from 'node:util';
import { CHORUS_CLUSTER_DEFAULTS } from '../src/core/cluster/chorus.js';
import prior from '../src/core/cluster/cluster-idf.json' with { type: 'json' };
import { DocumentFrequency } from '../src/core/cluster/document-frequency.js';
import { articleTerms } from '../src/core/cluster/features.js';
import { unitVector } from '../src/core/cluster/sparse.js';
import { clusterScores } from '../src/eval/cluster-metrics.js';
import { multiNewsStream } from '../src/eval/cluster-eval.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { stories: { type: 'string', default: '1000' }, seed: { type: 'string', default: '1' } },
});
const path = positionals[0];
if (!path) {
  process.stderr.write('usage: npx tsx bench/cluster-ceiling.ts MULTINEWS_PATH [--stories N] [--seed S]\n');
  process.exit(2);
}
const stream = await multiNewsStream(path, Number(values.stories), Number(values.seed));
const df = new DocumentFrequency(prior);
const counts = stream.map((x) => articleTerms(x.article).counts);
for (const c of counts) df.add(c.keys());
const vectors = counts.map((c) => {
  const w = new Map<string, number>();
  // The clusterer's own weighting: BM25-saturated count times IDF.
  const k1 = CHORUS_CLUSTER_DEFAULTS.saturation;
  for (const [t, n] of c) w.set(t, (k1 > 0 ? ((k1 + 1) * n) / (k1 + n) : 1 + Math.log(n)) * df.idf(t));
  return new Map(unitVector(w, CHORUS_CLUSTER_DEFAULTS.articleTerms));
});
const cosine = (a: Map<string, number>, b: Map<string, number>) => {
  let s = 0;
  for (const [t, w] of a) s += w * (b.get(t) ?? 0);
  return s;
};
// Best cosine with an earlier article of the same story, and with any article of another story.
const byGold = new Map<string, number[]>();
const bestEarlier: number[] = [];
const parentOf: number[] = [];
stream.forEach((x, i) => {
  const earlier = byGold.get(x.gold) ?? [];
  let best = 0;
  let parent = -1;
  for (const j of earlier) {
    const c = cosine(vectors[i] ?? new Map(), vectors[j] ?? new Map());
    if (c > best) [best, parent] = [c, j];
  }
  bestEarlier.push(best);
  parentOf.push(parent);
  byGold.set(x.gold, [...earlier, i]);
});
console.log(`${stream.length} articles, ${byGold.size} gold stories`);
for (const tau of [0.1, 0.15, 0.2, 0.25]) {
  const label: string[] = [];
  stream.forEach((_, i) => {
    const p = parentOf[i] ?? -1;
    label.push(p >= 0 && (bestEarlier[i] ?? 0) >= tau ? (label[p] ?? String(i)) : String(i));
  });
  const s = clusterScores(
    label,
    stream.map((x) => x.gold),
  );
  console.log(
    `τ=${tau}: never-wrong single pass reaches BCubed P=${s.bcubed.precision.toFixed(4)} R=${s.bcubed.recall.toFixed(4)} F1=${s.bcubed.f1.toFixed(4)}`,
  );
}
