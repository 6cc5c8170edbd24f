/**
 * Per-token emission scores of a sentence: the summed weights of every feature `sentenceFeatures` gives
 * each token, without building those feature strings. Tagging was most of a report's build time, and
 * most of that went into writing strings such as "p1|l=the|mayor" and hashing them to find a weight.
 * Instead the weights are found from a token's parts (feature-tables.ts), and each word's own and
 * neighbour weights are summed once and kept.
 *
 * The additions happen in exactly the order of the string version (a word's own features in
 * `wordFeatures` order, its four neighbours' in `neighbourFeatures` order, then its context features in
 * `contextFeatures` order), so the scores are the same to the last bit and the tags cannot change.
 * test/entities/ner-emissions.test.ts holds the two together.
 */
import {
  featureTables,
  type ClusterFeatures,
  type FeatureTables,
  type LowerFeatures,
  type MarkFeatures,
  type ShapeFeatures,
} from './feature-tables.js';
import { ChorusError } from '../../errors.js';
import { StringTable } from '../../text/string-table.js';
import { AFTER, BEFORE, NEIGHBOURS, shape } from './features.js';
import type { NerModel } from './model.js';
import { NER_TAGS } from './viterbi.js';

const T = NER_TAGS.length;
// The emission sums are written out for nine tags (O, then B- and I- of four types).
if (T !== 9) throw new ChorusError('internal', `expected 9 NER tags, found ${T}`);
const SLOTS = 1 + NEIGHBOURS.length;
/** Past this many distinct words the word cache starts again, so memory stays bounded. */
const MAX_WORDS = 100_000;
/** Words per block of summed weights. */
const BLOCK_WORDS = 1024;
const CASINGS = ['none', 'upper', 'lower', 'mixed'] as const;
const NO_CLUSTERS: readonly ClusterFeatures[] = [];

/** One word, as it enters its own, its neighbours' and its context's features. */
interface Word {
  /**
   * Where, in `block`, the summed weights of its own features (slot 0) and of those it gives a
   * neighbour (slots 1-4) start: SLOTS * T numbers.
   */
  readonly block: Float64Array;
  readonly at: number;
  readonly lower: string;
  readonly shape: string;
  /** For the sentence's casing: has letters, is all capitals, starts with a capital. */
  readonly letters: boolean;
  readonly upper: boolean;
  readonly capital: boolean;
  readonly lowerFeatures: LowerFeatures | undefined;
  readonly shapeFeatures: ShapeFeatures | undefined;
  /** The records' numbers (feature-tables.ts), -1 without a record: no pair or triple feature then. */
  readonly lowerId: number;
  readonly shapeId: number;
  /** Whether it opens any word-pair feature ("p1|l=<lower>|…", "l|n1=<lower>|…"): most words open none. */
  readonly opensP1l: boolean;
  readonly opensLn1: boolean;
  /** Whether its shape opens any shape triple ("ps|s|ns=<shape>|…"). */
  readonly opensTriple: boolean;
  /**
   * Whether it is a gazetteer entry or starts one: most words are neither, and the scan for marks then
   * reads no record.
   */
  readonly inGazetteer: boolean;
}

interface Tagger {
  readonly tables: FeatureTables;
  /** The words seen, by their place in `list` (a `StringTable`: this look-up is made for every token). */
  readonly index: StringTable;
  readonly list: Word[];
  /**
   * The block the next words' summed weights go in, SLOTS * T numbers each, and how many it holds: one
   * array per BLOCK_WORDS words rather than one per word, whose allocation and collection cost more
   * than the sums. A full block stays with its words and a new one starts: one growing array was copied
   * at each doubling, and the large allocations set off full garbage collections (up to 100 ms each).
   */
  pool: Float64Array;
  used: number;
  /** Stand-ins for the positions before and after the sentence. */
  before: Word;
  after: Word;
  /**
   * "s|cs=<shape>|<casing>" as offsets, at `shapeId * CASINGS.length + casing` (-1: none): read for every
   * token, where a `Map` by the casing's name cost a string hash per token.
   */
  readonly shapeCasing: Int32Array;
  /** A gazetteer entry's types → the records of "B-<types>" and "I-<types>", so no mark is written out. */
  readonly markPairs: Map<string, readonly [MarkFeatures | undefined, MarkFeatures | undefined]>;
}

const taggers = new WeakMap<NerModel, Tagger>();

function add(into: Float64Array, at: number, w: number | undefined, weights: Float32Array): void {
  if (w === undefined) return;
  for (let t = 0; t < T; t++) into[at + t]! += weights[w + t]!;
}

/** `add` for an offset from a `StringTable`, where -1 is none. */
function addFound(into: Float64Array, at: number, w: number, weights: Float32Array): void {
  if (w < 0) return;
  for (let t = 0; t < T; t++) into[at + t]! += weights[w + t]!;
}

/**
 * A word's own weights (`wordFeatures`) and those it gives as a neighbour (`neighbourFeatures`), summed
 * into the next place of the current block (`g.pool`); returns where in it they start. `lf` and `sf` are
 * the records of its lowercase form and shape.
 */
function wordWeights(
  word: string,
  lower: string,
  shp: string,
  lf: LowerFeatures | undefined,
  sf: ShapeFeatures | undefined,
  model: NerModel,
  g: Tagger,
): number {
  const size = SLOTS * T;
  if ((g.used + 1) * size > g.pool.length) {
    g.pool = new Float64Array(BLOCK_WORDS * size);
    g.used = 0;
  }
  const at = g.used++ * size;
  const v = g.pool;
  const t = g.tables;
  const w = model.weights;
  const edge = word === BEFORE || word === AFTER;
  // A marker has no clusters; a cluster without features adds nothing, so its record is left out.
  const found = edge ? -1 : t.lookups.clusters.get(lower);
  const clusters = found < 0 ? NO_CLUSTERS : t.clusterLists[found]!;
  if (!edge) {
    add(v, at, t.bias, w);
    addFound(v, at, t.lookups.words.get(word), w);
    add(v, at, lf?.l, w);
    add(v, at, sf?.s, w);
    const len = lower.length;
    for (let k = 1; k <= 4 && k < len; k++) {
      addFound(v, at, t.lookups.prefixes.get(lower, 0, k), w);
      addFound(v, at, t.lookups.suffixes.get(lower, len - k, len), w);
    }
    for (const cf of clusters) {
      add(v, at, cf.c, w);
      add(v, at, cf.shapes?.get(shp), w);
    }
  }
  // As a neighbour a marker stands for itself, shape included.
  const nl = edge ? t.lowers.get(word) : lf;
  const ns = edge ? t.shapes.get(word) : sf;
  // Slots follow NEIGHBOURS: two before, one before, one after, two after.
  add(v, at + T, nl?.p2, w);
  add(v, at + 2 * T, nl?.p1, w);
  add(v, at + 2 * T, ns?.ps, w);
  for (const cf of clusters) add(v, at + 2 * T, cf.pc, w);
  add(v, at + 3 * T, nl?.n1, w);
  add(v, at + 3 * T, ns?.ns, w);
  for (const cf of clusters) add(v, at + 3 * T, cf.nc, w);
  add(v, at + 4 * T, nl?.n2, w);
  return at;
}

function describe(
  word: string,
  lower: string,
  shp: string,
  block: Float64Array,
  at: number,
  lowerFeatures: LowerFeatures | undefined,
  shapeFeatures: ShapeFeatures | undefined,
): Word {
  const upperCase = word.toUpperCase();
  return {
    block,
    at,
    lower,
    shape: shp,
    letters: word.toLowerCase() !== upperCase,
    upper: word === upperCase,
    capital: word[0] !== word[0]?.toLowerCase(),
    lowerFeatures,
    shapeFeatures,
    lowerId: lowerFeatures?.id ?? -1,
    shapeId: shapeFeatures?.id ?? -1,
    opensP1l: lowerFeatures?.p1l !== undefined,
    opensLn1: lowerFeatures?.ln1 !== undefined,
    opensTriple: shapeFeatures?.triples !== undefined,
    inGazetteer:
      lowerFeatures !== undefined && (lowerFeatures.gazetteer !== undefined || lowerFeatures.prefix),
  };
}

function wordOf(g: Tagger, word: string, model: NerModel): Word {
  const seen = g.index.get(word);
  if (seen >= 0) return g.list[seen]!;
  const lower = word.toLowerCase();
  const shp = shape(word);
  const t = g.tables;
  const lowerId = t.lookups.lowers.get(lower);
  const shapeId = t.lookups.shapes.get(shp);
  const lf = lowerId < 0 ? undefined : t.lowerRecords[lowerId];
  const sf = shapeId < 0 ? undefined : t.shapeRecords[shapeId];
  const at = wordWeights(word, lower, shp, lf, sf, model, g);
  const w = describe(word, lower, shp, g.pool, at, lf, sf);
  g.index.set(word, g.list.length);
  g.list.push(w);
  return w;
}

/** Past the sentence's ends the neighbour word, its lowercase form and its shape are all the marker. */
function withEdges(g: Omit<Tagger, 'before' | 'after'>, model: NerModel): Tagger {
  const full = g as Tagger;
  const before = wordOf(full, BEFORE, model);
  const after = wordOf(full, AFTER, model);
  const t = g.tables;
  full.before = describe(
    BEFORE,
    BEFORE,
    BEFORE,
    before.block,
    before.at,
    t.lowers.get(BEFORE),
    t.shapes.get(BEFORE),
  );
  full.after = describe(AFTER, AFTER, AFTER, after.block, after.at, t.lowers.get(AFTER), t.shapes.get(AFTER));
  return full;
}

/** `Tagger.shapeCasing` of `tables`. */
function shapeCasings(tables: FeatureTables): Int32Array {
  const out = new Int32Array(tables.shapeRecords.length * CASINGS.length).fill(-1);
  for (const sf of tables.shapeRecords)
    CASINGS.forEach((c, k) => {
      const at = sf.casing?.get(c);
      if (at !== undefined) out[sf.id * CASINGS.length + k] = at;
    });
  return out;
}

function taggerFor(model: NerModel): Tagger {
  let g = taggers.get(model);
  if (!g) {
    const tables = featureTables(model);
    taggers.set(
      model,
      (g = withEdges(
        {
          tables,
          index: new StringTable(),
          list: [],
          pool: new Float64Array(0),
          used: 0,
          shapeCasing: shapeCasings(tables),
          markPairs: new Map(),
        },
        model,
      )),
    );
  }
  if (g.index.size >= MAX_WORDS) {
    g.index.clear();
    g.list.length = 0;
    g.pool = new Float64Array(0);
    g.used = 0;
    withEdges(g, model);
  }
  return g;
}

/** The sentence's casing (`sentenceCasing` in features.ts), as an index into CASINGS. */
function casingOf(ws: readonly Word[], n: number): number {
  let letters = 0;
  let upper = 0;
  let caps = 0;
  for (let i = 2; i < n + 2; i++) {
    const w = ws[i]!;
    if (!w.letters) continue;
    letters++;
    if (w.upper) upper++;
    if (w.capital) caps++;
  }
  return letters === 0 ? 0 : upper === letters ? 1 : caps <= 1 ? 2 : 3;
}

/** The records of the marks "B-<types>" and "I-<types>". */
function markPair(g: Tagger, types: string): readonly [MarkFeatures | undefined, MarkFeatures | undefined] {
  let pair = g.markPairs.get(types);
  if (pair === undefined) {
    pair = [g.tables.marks.get(`B-${types}`), g.tables.marks.get(`I-${types}`)];
    g.markPairs.set(types, pair);
  }
  return pair;
}

/**
 * `gazetteerMarks` (features.ts) over words whose one-word look-ups are already made: most words are
 * neither an entry nor the start of one, and cost nothing. Writes into `out[0..n)` the record of each
 * token's mark (undefined: no mark, or a mark without features, which adds nothing either way).
 */
function marks(
  ws: readonly Word[],
  n: number,
  g: Tagger,
  model: NerModel,
  out: (MarkFeatures | undefined)[],
): void {
  for (let i = 0; i < n; i++) out[i] = undefined;
  const { gazetteer, maxGazetteerLength } = model.lexicon;
  let i = 0;
  while (i < n) {
    const w = ws[i + 2]!;
    if (!w.inGazetteer) {
      i++;
      continue;
    }
    const one = w.lowerFeatures?.gazetteer;
    let found = one === undefined ? 0 : 1;
    let types = one ?? '';
    if (w.lowerFeatures?.prefix && i + 2 <= n && w.lowerFeatures.seconds?.has(ws[i + 3]!.lower)) {
      let phrase = w.lower;
      for (let k = 2; k <= maxGazetteerLength && i + k <= n; k++) {
        phrase = `${phrase} ${ws[i + k + 1]!.lower}`;
        const entry = gazetteer.get(phrase);
        if (entry !== undefined) {
          found = k;
          types = entry;
        }
        if (!g.tables.gazetteerPrefixes.has(phrase)) break;
      }
    }
    if (found === 0) {
      i++;
      continue;
    }
    const [b, inside] = markPair(g, types);
    out[i] = b;
    for (let k = 1; k < found; k++) out[i + k] = inside;
    i += found;
  }
}

/**
 * The sentence's words with two stand-ins at each end, and its tokens' mark records: kept from sentence
 * to sentence (only the first places are read), as making them per sentence cost a few per cent of the
 * tagger in allocation and collection. A sentence past KEPT_TOKENS (a page without full stops) gets
 * arrays of its own, as in tag.ts, so they do not stay long.
 */
const KEPT_TOKENS = 1024;
/** A token's context feature offsets (at most eight: see the loop in `emissionsInto`). */
const contextScratch = new Int32Array(8);
const wsScratch: Word[] = [];
const markScratch: (MarkFeatures | undefined)[] = [];

/**
 * Per-token emission scores of one sentence under `model`: `emit[i * T + t]` is token i's score for tag t.
 * @example viterbi(words.length, emissions(words, model), model.trans, model.start)
 */
export function emissions(words: readonly string[], model: NerModel): Float64Array {
  return emissionsInto(words, model, new Float64Array(words.length * T));
}

/**
 * `emissions`, written into `emit[0 .. words.length * T)` (which may be longer: the tagger reuses one
 * array, as making a typed array per sentence cost as much as filling it) and returned.
 */
export function emissionsInto(words: readonly string[], model: NerModel, emit: Float64Array): Float64Array {
  const n = words.length;
  const g = taggerFor(model);
  // ws[j + 2] is word j; two stand-ins pad each end.
  const ws = n > KEPT_TOKENS ? new Array<Word>(n + 4) : wsScratch;
  ws[0] = ws[1] = g.before;
  for (let j = 0; j < n; j++) ws[j + 2] = wordOf(g, words[j]!, model);
  ws[n + 2] = ws[n + 3] = g.after;
  const casingIndex = casingOf(ws, n);
  const casingWeight = g.tables.casing.get(CASINGS[casingIndex]!);
  const gaz = n > KEPT_TOKENS ? new Array<MarkFeatures | undefined>(n) : markScratch;
  marks(ws, n, g, model, gaz);
  const shapeCasing = g.shapeCasing;
  const weights = model.weights;
  const { pairTables, tripleTable, pairKey, tripleKey } = g.tables;
  const ctx = contextScratch;
  for (let i = 0; i < n; i++) {
    const prev = ws[i + 1]!;
    const w = ws[i + 2]!;
    const next = ws[i + 3]!;
    // The offsets of the context features, in contextFeatures order.
    let c = 0;
    if (casingWeight !== undefined) ctx[c++] = casingWeight;
    if (w.shapeId >= 0) ctx[c++] = shapeCasing[w.shapeId * CASINGS.length + casingIndex]!;
    if (prev.opensTriple && w.shapeId >= 0 && next.shapeId >= 0)
      ctx[c++] = tripleTable.get(tripleKey(prev.shapeId, w.shapeId, next.shapeId));
    if (prev.opensP1l && w.lowerId >= 0) ctx[c++] = pairTables.p1l.get(pairKey(prev.lowerId, w.lowerId));
    if (w.opensLn1 && next.lowerId >= 0) ctx[c++] = pairTables.ln1.get(pairKey(w.lowerId, next.lowerId));
    if (i === 0) ctx[c++] = w.shapeFeatures?.first ?? -1;
    const m = gaz[i];
    if (m !== undefined) {
      ctx[c++] = m.g ?? -1;
      ctx[c++] = m.shapes?.get(w.shape) ?? -1;
    }
    // The sums in locals, one per tag, stored once: the same additions in the same order as adding
    // into `emit` each time (doubles either way), without a load and a store of `emit` per addition.
    const own = w.block;
    const a = w.at;
    let e0 = own[a]!,
      e1 = own[a + 1]!,
      e2 = own[a + 2]!,
      e3 = own[a + 3]!,
      e4 = own[a + 4]!,
      e5 = own[a + 5]!,
      e6 = own[a + 6]!,
      e7 = own[a + 7]!,
      e8 = own[a + 8]!;
    for (let k = 0; k < NEIGHBOURS.length; k++) {
      const neighbour = ws[i + 2 + NEIGHBOURS[k]!]!;
      const v = neighbour.block;
      const f = neighbour.at + (k + 1) * T;
      e0 += v[f]!;
      e1 += v[f + 1]!;
      e2 += v[f + 2]!;
      e3 += v[f + 3]!;
      e4 += v[f + 4]!;
      e5 += v[f + 5]!;
      e6 += v[f + 6]!;
      e7 += v[f + 7]!;
      e8 += v[f + 8]!;
    }
    for (let k = 0; k < c; k++) {
      const f = ctx[k]!;
      if (f < 0) continue;
      e0 += weights[f]!;
      e1 += weights[f + 1]!;
      e2 += weights[f + 2]!;
      e3 += weights[f + 3]!;
      e4 += weights[f + 4]!;
      e5 += weights[f + 5]!;
      e6 += weights[f + 6]!;
      e7 += weights[f + 7]!;
      e8 += weights[f + 8]!;
    }
    const base = i * T;
    emit[base] = e0;
    emit[base + 1] = e1;
    emit[base + 2] = e2;
    emit[base + 3] = e3;
    emit[base + 4] = e4;
    emit[base + 5] = e5;
    emit[base + 6] = e6;
    emit[base + 7] = e7;
    emit[base + 8] = e8;
  }
  return emit;
}
