/**
 * Builds a term-vectors file for the dense join features (byte for byte the same from the same data;
 * `train.ts --vectors FILE` reads it; the product ships none, docs/clustering.md, sixth round): latent semantic
 * analysis of Multi-News train articles. Every raw document of 20 words or more of the train examples
 * that the dated train stream does NOT draw (so the join model's folds never see their own texts in the
 * vectors) is read by the product's JSON-lines reader and weighed as the clusterer weighs an article
 * (`articleTerms`, BM25 saturation 1.5 times IDF, its 80 heaviest terms, unit length); the leading
 * right singular vectors of that article × term matrix, found by randomized SVD with power iterations
 * (Halko, Martinsson and Tropp 2011, algorithms 4.4 and 5.1), are the terms' vectors.
 *
 *   npx tsx lab/cluster-join/vectors.ts TRAIN.jsonl.gz:TRAIN.dates.tsv [--examples 11244] [--seed 7]
 *        [--terms 32000] [--dimensions 64] [--min-df 5] [--power 2] [--out term-vectors.json]
 */
import { createReadStream, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createGunzip } from 'node:zlib';
import { articleTerms } from '../../src/core/cluster/features.js';
import type { TermVectorsFile } from '../../src/core/cluster/term-vectors.js';
import { mulberry32 } from '../../src/eval/datasets/sample.js';
import { parseJsonLines } from '../../src/io/json-articles.js';
import { STREAM_OPTIONS, trainStream } from './train.js';

async function* lines(path: string): AsyncGenerator<string> {
  const input = createReadStream(path);
  yield* createInterface({
    input: path.endsWith('.gz') ? input.pipe(createGunzip()) : input,
    crlfDelay: Infinity,
  });
}

/** Articles as term-id → count lists, in file order. */
interface Corpus {
  readonly names: string[];
  readonly docs: { ids: Int32Array; counts: Float64Array }[];
}

async function readCorpus(path: string, skip: ReadonlySet<string>): Promise<Corpus> {
  const ids = new Map<string, number>();
  const names: string[] = [];
  const docs: Corpus['docs'] = [];
  for await (const line of lines(path)) {
    if (!line.trim()) continue;
    const { id, documents } = JSON.parse(line) as { id?: unknown; documents?: unknown };
    if (typeof id !== 'string' || skip.has(id) || !Array.isArray(documents)) continue;
    documents.forEach((text: unknown, k) => {
      if (typeof text !== 'string' || text.split(/\s+/).filter(Boolean).length < 20) return;
      for (const article of parseJsonLines(JSON.stringify({ id: `${id}#${k}`, text })).articles) {
        const { counts } = articleTerms(article);
        const doc = { ids: new Int32Array(counts.size), counts: new Float64Array(counts.size) };
        let i = 0;
        for (const [term, c] of counts) {
          let t = ids.get(term);
          if (t === undefined) ids.set(term, (t = names.push(term) - 1));
          doc.ids[i] = t;
          doc.counts[i++] = c;
        }
        docs.push(doc);
      }
    });
  }
  return { names, docs };
}

/** Sparse rows (CSR) over the kept vocabulary. */
interface Matrix {
  readonly rows: number;
  readonly cols: number;
  readonly start: Int32Array;
  readonly col: Int32Array;
  readonly val: Float64Array;
}

/** The vocabulary (the `terms` commonest with df ≥ minDf; ties by name) and the weighted matrix. */
function weigh(corpus: Corpus, terms: number, minDf: number): { vocab: string[]; x: Matrix } {
  const df = new Int32Array(corpus.names.length);
  for (const d of corpus.docs) for (const t of d.ids) df[t]!++;
  const kept = corpus.names
    .map((name, t) => ({ name, t, df: df[t] ?? 0 }))
    .filter((e) => e.df >= minDf)
    .sort((a, b) => b.df - a.df || (a.name < b.name ? -1 : 1))
    .slice(0, terms);
  const index = new Int32Array(corpus.names.length).fill(-1);
  kept.forEach((e, i) => (index[e.t] = i));
  const n = corpus.docs.length;
  const start = new Int32Array(n + 1);
  const col: number[] = [];
  const val: number[] = [];
  corpus.docs.forEach((d, r) => {
    const row: [number, number][] = [];
    d.ids.forEach((t, i) => {
      const c = d.counts[i] ?? 0;
      // As the clusterer weighs a term: BM25 saturation (k1 1.5) times ln((N + 1) / (df + 0.5)).
      const w = ((2.5 * c) / (1.5 + c)) * Math.log((n + 1) / ((df[t] ?? 0) + 0.5));
      row.push([t, w]);
    });
    // The clusterer keeps an article's 80 heaviest terms (ties by name); of those, the kept vocabulary.
    row.sort((a, b) => b[1] - a[1] || (corpus.names[a[0]]! < corpus.names[b[0]]! ? -1 : 1));
    const top = row.slice(0, 80).filter(([t]) => (index[t] ?? -1) >= 0);
    const norm = Math.sqrt(top.reduce((s, [, w]) => s + w * w, 0));
    for (const [t, w] of top.sort((a, b) => index[a[0]]! - index[b[0]]!)) {
      col.push(index[t]!);
      val.push(w / norm);
    }
    start[r + 1] = col.length;
  });
  return {
    vocab: kept.map((e) => e.name),
    x: { rows: n, cols: kept.length, start, col: Int32Array.from(col), val: Float64Array.from(val) },
  };
}

/** X · B, B dense row-major (cols × l). */
function times(x: Matrix, b: Float64Array, l: number): Float64Array {
  const out = new Float64Array(x.rows * l);
  for (let r = 0; r < x.rows; r++)
    for (let k = x.start[r]!; k < x.start[r + 1]!; k++) {
      const v = x.val[k]!;
      const base = x.col[k]! * l;
      for (let c = 0; c < l; c++) out[r * l + c]! += v * b[base + c]!;
    }
  return out;
}

/** Xᵀ · B, B dense row-major (rows × l). */
function timesTransposed(x: Matrix, b: Float64Array, l: number): Float64Array {
  const out = new Float64Array(x.cols * l);
  for (let r = 0; r < x.rows; r++)
    for (let k = x.start[r]!; k < x.start[r + 1]!; k++) {
      const v = x.val[k]!;
      const base = x.col[k]! * l;
      for (let c = 0; c < l; c++) out[base + c]! += v * b[r * l + c]!;
    }
  return out;
}

/** Orthonormal columns in place (modified Gram-Schmidt, twice for stability), row-major n × l. */
function orthonormalize(a: Float64Array, l: number): Float64Array {
  const n = a.length / l;
  for (let pass = 0; pass < 2; pass++)
    for (let c = 0; c < l; c++) {
      for (let p = 0; p < c; p++) {
        let d = 0;
        for (let r = 0; r < n; r++) d += a[r * l + c]! * a[r * l + p]!;
        for (let r = 0; r < n; r++) a[r * l + c]! -= d * a[r * l + p]!;
      }
      let s = 0;
      for (let r = 0; r < n; r++) s += a[r * l + c]! ** 2;
      const norm = Math.sqrt(s) || 1;
      for (let r = 0; r < n; r++) a[r * l + c]! /= norm;
    }
  return a;
}

/** Eigenvectors (columns of the returned row-major l × l) and eigenvalues of a symmetric matrix (cyclic Jacobi). */
function symmetricEigen(m: Float64Array, l: number): { vectors: Float64Array; values: number[] } {
  const a = Float64Array.from(m);
  const v = new Float64Array(l * l);
  for (let i = 0; i < l; i++) v[i * l + i] = 1;
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let p = 0; p < l; p++) for (let q = p + 1; q < l; q++) off += a[p * l + q]! ** 2;
    if (off < 1e-22) break;
    for (let p = 0; p < l; p++)
      for (let q = p + 1; q < l; q++) {
        const apq = a[p * l + q]!;
        if (Math.abs(apq) < 1e-300) continue;
        const theta = (a[q * l + q]! - a[p * l + p]!) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < l; k++) {
          const akp = a[k * l + p]!;
          const akq = a[k * l + q]!;
          a[k * l + p] = c * akp - s * akq;
          a[k * l + q] = s * akp + c * akq;
        }
        for (let k = 0; k < l; k++) {
          const apk = a[p * l + k]!;
          const aqk = a[q * l + k]!;
          a[p * l + k] = c * apk - s * aqk;
          a[q * l + k] = s * apk + c * aqk;
        }
        for (let k = 0; k < l; k++) {
          const vkp = v[k * l + p]!;
          const vkq = v[k * l + q]!;
          v[k * l + p] = c * vkp - s * vkq;
          v[k * l + q] = s * vkp + c * vkq;
        }
      }
  }
  return { vectors: v, values: Array.from({ length: l }, (_, i) => a[i * l + i]!) };
}

/** The leading `k` right singular vectors of X, as a row-major cols × k table. */
export function rightSingularVectors(x: Matrix, k: number, power: number, seed: number): Float64Array {
  const l = k + 10;
  const random = mulberry32(seed);
  const gaussian = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const omega = Float64Array.from({ length: x.cols * l }, gaussian);
  let y = orthonormalize(times(x, omega, l), l);
  for (let i = 0; i < power; i++)
    y = orthonormalize(times(x, orthonormalize(timesTransposed(x, y, l), l), l), l);
  const bt = timesTransposed(x, y, l); // Bᵀ = Xᵀ Q, cols × l
  const gram = new Float64Array(l * l);
  for (let r = 0; r < x.cols; r++)
    for (let i = 0; i < l; i++)
      for (let j = 0; j < l; j++) gram[i * l + j]! += bt[r * l + i]! * bt[r * l + j]!;
  const { vectors, values } = symmetricEigen(gram, l);
  const order = values.map((_, i) => i).sort((a, b) => values[b]! - values[a]! || a - b);
  const out = new Float64Array(x.cols * k);
  order.slice(0, k).forEach((e, c) => {
    const s = Math.sqrt(Math.max(values[e]!, 1e-300));
    // A vector's sign is arbitrary: fix it so its largest entry is positive, for stable bytes.
    let sign = 0;
    for (let r = 0; r < x.cols; r++) {
      let d = 0;
      for (let i = 0; i < l; i++) d += bt[r * l + i]! * vectors[i * l + e]!;
      out[r * k + c] = d / s;
      if (Math.abs(d) > Math.abs(sign)) sign = d;
    }
    if (sign < 0) for (let r = 0; r < x.cols; r++) out[r * k + c] = -out[r * k + c]!;
  });
  return out;
}

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

/** The file: each term's vector as signed bytes with one scale a term. */
export function vectorsFile(vocab: readonly string[], table: Float64Array, k: number): TermVectorsFile {
  const bytes = new Uint8Array(vocab.length * k);
  const scales = vocab.map((_, t) => {
    let max = 0;
    for (let d = 0; d < k; d++) max = Math.max(max, Math.abs(table[t * k + d]!));
    const scale = round6(max);
    for (let d = 0; d < k; d++) {
      const q = scale > 0 ? Math.round((table[t * k + d]! / scale) * 127) : 0;
      bytes[t * k + d] = Math.max(-127, Math.min(127, q)) & 0xff;
    }
    return scale;
  });
  let binary = '';
  for (let i = 0; i < bytes.length; i++) binary += String.fromCharCode(bytes[i]!);
  return { dimensions: k, terms: vocab, scales, vectors: btoa(binary) };
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      ...STREAM_OPTIONS,
      terms: { type: 'string', default: '32000' },
      dimensions: { type: 'string', default: '64' },
      'min-df': { type: 'string', default: '5' },
      power: { type: 'string', default: '2' },
      out: { type: 'string', default: 'term-vectors.json' },
    },
  });
  const usage = 'npx tsx lab/cluster-join/vectors.ts TRAIN.jsonl.gz:TRAIN.dates.tsv [--out FILE]';
  const stream = await trainStream(positionals[0], values, usage);
  const skip = new Set(stream.map((x) => x.gold));
  const corpus = await readCorpus(positionals[0]?.split(':')[0] ?? '', skip);
  const { vocab, x } = weigh(corpus, Number(values.terms), Number(values['min-df']));
  console.log(
    `${x.rows} articles of ${corpus.names.length} terms (${skip.size} stream examples left out); ${vocab.length} kept, ${x.val.length} weights`,
  );
  const k = Number(values.dimensions);
  const table = rightSingularVectors(x, k, Number(values.power), 11);
  writeFileSync(values.out ?? '', `${JSON.stringify(vectorsFile(vocab, table, k))}\n`);
  console.log(`wrote ${values.out}`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
