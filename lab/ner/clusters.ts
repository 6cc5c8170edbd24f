/**
 * Word clusters from unlabelled news, for the tagger's cluster features (Ratinov & Roth 2009 use Brown
 * clusters; we build a cheaper distributional stand-in). Each frequent lowercased word gets a vector of
 * the words seen just left and just right of it, compressed by a seeded random projection (Johnson-
 * Lindenstrauss; context words weighted by 1/√frequency, a rough stand-in for PMI), then split by
 * spherical k-means three times: 48 clusters, each into 8, each of those into 4. A word's ids read
 * coarse to fine ("a7", "b7.3", "c7.3.1"), like the bit-string prefixes of Brown clusters.
 *
 *   npx tsx lab/ner/clusters.ts MULTINEWS_TRAIN_JSONL_GZ [--out FILE] [--max-tokens N]
 *
 * Deterministic: documents in file order, seeded generator, fixed iteration counts.
 */
import { createReadStream, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { seededRandom } from './train-tagger.js';

export interface ClusterOptions {
  readonly vocabulary: number;
  readonly contexts: number;
  readonly dimensions: number;
  /** Clusters at each level, within each cluster of the level above. */
  readonly splits: readonly number[];
  readonly iterations: number;
  readonly seed: number;
}

export const CLUSTER_DEFAULTS: ClusterOptions = {
  vocabulary: 40000,
  contexts: 3000,
  dimensions: 64,
  splits: [48, 8, 4],
  iterations: 12,
  seed: 7,
};

const WORD = /[\p{L}\p{N}]+(?:[-.'’&][\p{L}\p{N}]+)*|[^\s\p{L}\p{N}]/gu;

/** Lowercased tokens of a text (punctuation marks included: they are useful contexts). */
export function clusterTokens(text: string): string[] {
  return text.toLowerCase().match(WORD) ?? [];
}

/** Word → cluster ids, from documents given as token lists. */
export function buildClusters(
  docs: readonly (readonly string[])[],
  options: Partial<ClusterOptions> = {},
): Map<string, string[]> {
  const o = { ...CLUSTER_DEFAULTS, ...options };
  const freq = new Map<string, number>();
  for (const d of docs) for (const w of d) freq.set(w, (freq.get(w) ?? 0) + 1);
  const ranked = [...freq].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const vocab = ranked
    .filter(([w]) => /\p{L}/u.test(w))
    .slice(0, o.vocabulary)
    .map(([w]) => w);
  const vid = new Map(vocab.map((w, i) => [w, i]));
  const ctx = ranked.slice(0, o.contexts);
  const cid = new Map(ctx.map(([w], i) => [w, i]));
  const D = o.dimensions;
  const random = seededRandom(o.seed);
  const gauss = () => {
    const u = Math.max(random(), 1e-12);
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
  };
  // One random vector per (side, context word), scaled by 1/√frequency.
  const proj = new Float32Array(2 * ctx.length * D);
  for (let s = 0; s < 2; s++)
    ctx.forEach(([, f], c) => {
      for (let k = 0; k < D; k++) proj[(s * ctx.length + c) * D + k] = gauss() / Math.sqrt(f);
    });
  const vec = new Float32Array(vocab.length * D);
  for (const d of docs) {
    const ids = d.map((w) => vid.get(w) ?? -1);
    const cs = d.map((w) => cid.get(w) ?? -1);
    for (let i = 0; i < d.length; i++) {
      const v = ids[i]!;
      if (v < 0) continue;
      const add = (c: number, side: number) => {
        if (c < 0) return;
        const p = (side * ctx.length + c) * D;
        for (let k = 0; k < D; k++) vec[v * D + k]! += proj[p + k]!;
      };
      if (i > 0) add(cs[i - 1]!, 0);
      if (i + 1 < d.length) add(cs[i + 1]!, 1);
    }
  }
  for (let v = 0; v < vocab.length; v++) {
    let n = 0;
    for (let k = 0; k < D; k++) n += vec[v * D + k]! ** 2;
    n = Math.sqrt(n) || 1;
    for (let k = 0; k < D; k++) vec[v * D + k]! /= n;
  }
  const labels: string[][] = vocab.map(() => []);
  const split = (members: number[], level: number, prefix: string) => {
    if (level >= o.splits.length) return;
    const assign = kmeans(vec, D, members, Math.min(o.splits[level]!, members.length), o.iterations, random);
    const groups = new Map<number, number[]>();
    members.forEach((m, i) => groups.set(assign[i]!, [...(groups.get(assign[i]!) ?? []), m]));
    for (const [g, ms] of [...groups].sort((a, b) => a[0] - b[0])) {
      const id = prefix ? `${prefix}.${g}` : `${g}`;
      for (const m of ms) labels[m]!.push(`${'abc'[level] ?? 'z'}${id}`);
      split(ms, level + 1, id);
    }
  };
  split(
    vocab.map((_, i) => i),
    0,
    '',
  );
  return new Map(vocab.map((w, i) => [w, labels[i]!]));
}

/** Spherical k-means (cosine) of the rows `members` of `vec`; seeds are k distinct members chosen at random. */
function kmeans(
  vec: Float32Array,
  D: number,
  members: number[],
  k: number,
  iterations: number,
  random: () => number,
): Int32Array {
  const assign = new Int32Array(members.length);
  if (k <= 1) return assign;
  const picked = new Set<number>();
  while (picked.size < k) picked.add(Math.floor(random() * members.length));
  const cent = new Float64Array(k * D);
  [...picked].forEach((m, c) => {
    for (let d = 0; d < D; d++) cent[c * D + d] = vec[members[m]! * D + d]!;
  });
  for (let it = 0; it < iterations; it++) {
    members.forEach((m, i) => {
      let best = -Infinity;
      for (let c = 0; c < k; c++) {
        let s = 0;
        for (let d = 0; d < D; d++) s += cent[c * D + d]! * vec[m * D + d]!;
        if (s > best) {
          best = s;
          assign[i] = c;
        }
      }
    });
    cent.fill(0);
    members.forEach((m, i) => {
      for (let d = 0; d < D; d++) cent[assign[i]! * D + d]! += vec[m * D + d]!;
    });
    for (let c = 0; c < k; c++) {
      let n = 0;
      for (let d = 0; d < D; d++) n += cent[c * D + d]! ** 2;
      n = Math.sqrt(n) || 1;
      for (let d = 0; d < D; d++) cent[c * D + d]! /= n;
    }
  }
  return assign;
}

async function main(argv: string[]): Promise<void> {
  const path = argv.find((a, i) => !a.startsWith('--') && !argv[i - 1]?.startsWith('--'));
  const flag = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  if (!path) {
    console.error(
      'usage: npx tsx lab/ner/clusters.ts MULTINEWS_TRAIN_JSONL_GZ [--out FILE] [--max-tokens N]',
    );
    process.exit(2);
  }
  const maxTokens = Number(flag('--max-tokens') ?? 40_000_000);
  const docs: string[][] = [];
  let tokens = 0;
  const lines = createInterface({ input: createReadStream(path).pipe(createGunzip()), crlfDelay: Infinity });
  for await (const line of lines) {
    if (tokens >= maxTokens) break;
    const record = JSON.parse(line) as { documents?: unknown };
    for (const d of Array.isArray(record.documents) ? record.documents : []) {
      if (typeof d !== 'string') continue;
      const t = clusterTokens(d);
      docs.push(t);
      tokens += t.length;
    }
  }
  lines.close();
  console.error(`${docs.length} documents, ${tokens} tokens`);
  const t0 = Date.now();
  const clusters = buildClusters(docs);
  console.error(`${clusters.size} words clustered in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  const out = [...clusters].map(([w, ids]) => `${w}\t${ids.join(' ')}`).join('\n') + '\n';
  writeFileSync(flag('--out') ?? 'clusters.txt', out);
}

if (process.argv[1]?.endsWith('clusters.ts')) await main(process.argv.slice(2));
