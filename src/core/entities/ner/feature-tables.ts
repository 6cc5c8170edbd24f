/**
 * The model's features filed by what they are made of, so the tagger finds a weight from the parts of a
 * token (its lowercase form, shape, clusters, affixes) without writing the feature string ("p1=the",
 * "ps|s|ns=Xx|x|.") and hashing it. One look-up of a lowercase form gives all the features built on it.
 * Built once per model, at first use (about as long as parsing the model).
 */
import { gazetteerPrefixes } from './features.js';
import type { NerModel } from './model.js';
import { IntTable } from './int-table.js';
import { StringTable } from '../../text/string-table.js';

/** Offsets in the model's weights by one or two parts of a feature's value ("<a>" / "<a>|<b>"). */
export type Parts1 = Map<string, number>;
export type Parts2 = Map<string, Parts1>;

/** The features built on one lowercase form (or the "<s>" / "</s>" marker), by their offsets. */
export interface LowerFeatures {
  /** Its number among the lowercase forms, for the pair table (`FeatureTables.pairs`). */
  readonly id: number;
  l: number | undefined;
  p1: number | undefined;
  n1: number | undefined;
  p2: number | undefined;
  n2: number | undefined;
  /**
   * Features this word opens as the first of a pair: "p1|l=<lower>|…", "l|n1=<lower>|…". The tagger
   * reads them from `FeatureTables.pairs`; every second word of a pair has a record (and an id).
   */
  p1l: Parts1 | undefined;
  ln1: Parts1 | undefined;
  /** The gazetteer's types for the word alone, and whether a longer entry starts with it. */
  gazetteer: string | undefined;
  prefix: boolean;
  /**
   * The words that follow it as the second word of a longer entry: the longest-match scan stops at
   * once when the next word is not one of them, without writing the two-word phrase.
   */
  seconds: Set<string> | undefined;
}

/** The features built on one shape ("Xx"), by their offsets. */
export interface ShapeFeatures {
  /** Its number among the shapes, for the triple table (`FeatureTables.triples`). */
  readonly id: number;
  s: number | undefined;
  ps: number | undefined;
  ns: number | undefined;
  first: number | undefined;
  /**
   * "s|cs=<shape>|<casing>" by casing; "ps|s|ns=<this>|<b>|<c>" by the next two shapes (read by the
   * tagger from `FeatureTables.triples`; every shape of a triple has a record).
   */
  casing: Parts1 | undefined;
  triples: Parts2 | undefined;
}

/** The gazetteer features of one mark ("B-LOC|ORG"): "g=<mark>", and "g|s=<mark>|<shape>" by shape. */
export interface MarkFeatures {
  g: number | undefined;
  shapes: Parts1 | undefined;
}

/** The features built on one word cluster id ("a12"), by their offsets. */
export interface ClusterFeatures {
  c: number | undefined;
  pc: number | undefined;
  nc: number | undefined;
  /** "c|s=<cluster>|<shape>" by shape. */
  shapes: Parts1 | undefined;
}

export interface FeatureTables {
  readonly bias: number | undefined;
  /** "w=<word>". */
  readonly words: Parts1;
  readonly lowers: Map<string, LowerFeatures>;
  readonly shapes: Map<string, ShapeFeatures>;
  readonly clusters: Map<string, ClusterFeatures>;
  /**
   * A lowercase word's cluster records, in the lexicon's order (clusters without features left out): one
   * look-up per new word where its cluster ids were looked up three times each.
   */
  readonly wordClusters: Map<string, readonly ClusterFeatures[]>;
  /**
   * The look-ups of a word the tagger has not seen, as `StringTable`s (fewer cache misses than a `Map`):
   * offsets for "w=", "pre=", "suf="; for lowercase forms, shapes and cluster lists the index of the
   * record in `lowerRecords` (its id), `shapeRecords` (its id) and `clusterLists`. -1: none.
   */
  readonly lookups: {
    readonly words: StringTable;
    readonly prefixes: StringTable;
    readonly suffixes: StringTable;
    readonly lowers: StringTable;
    readonly shapes: StringTable;
    readonly clusters: StringTable;
  };
  /** `pairs` and `triples` as `IntTable`s, for the tagger's per-token look-ups. */
  readonly pairTables: { readonly p1l: IntTable; readonly ln1: IntTable };
  readonly tripleTable: IntTable;
  readonly lowerRecords: readonly LowerFeatures[];
  readonly shapeRecords: readonly ShapeFeatures[];
  readonly clusterLists: readonly (readonly ClusterFeatures[])[];
  /** "pre=<affix>", "suf=<affix>". */
  readonly prefixes: Parts1;
  readonly suffixes: Parts1;
  /** "cs=<casing>" by casing. */
  readonly casing: Parts1;
  /** Every proper prefix of a gazetteer phrase, for the longest-match scan. */
  readonly gazetteerPrefixes: ReadonlySet<string>;
  readonly marks: Map<string, MarkFeatures>;
  /**
   * The word-pair features by number rather than by string, as hashing a small integer is cheaper than
   * hashing and comparing words: "p1|l=<a>|<b>" under `pairKey(a.id, b.id)` in `p1l`, "l|n1=…" in `ln1`.
   */
  readonly pairs: { readonly p1l: Map<number, number>; readonly ln1: Map<number, number> };
  /** "ps|s|ns=<a>|<b>|<c>" under `tripleKey(a.id, b.id, c.id)`. */
  readonly triples: Map<number, number>;
  readonly pairKey: (a: number, b: number) => number;
  readonly tripleKey: (a: number, b: number, c: number) => number;
}

/** Every way of cutting `value` in two at a "|": a word may itself be "|", so each reading is kept. */
function cuts(value: string): [string, string][] {
  const out: [string, string][] = [];
  for (let at = value.indexOf('|'); at >= 0; at = value.indexOf('|', at + 1))
    out.push([value.slice(0, at), value.slice(at + 1)]);
  return out;
}

function entry<V>(map: Map<string, V>, key: string, make: () => V): V {
  let v = map.get(key);
  if (v === undefined) map.set(key, (v = make()));
  return v;
}

/**
 * The features of `model` filed by their parts. A many-part value is filed under every reading of its
 * "|"s, so a look-up of the parts finds the offset exactly when their joined string is a feature.
 */
export function featureTables(model: NerModel): FeatureTables {
  const t: Omit<
    FeatureTables,
    | 'pairs'
    | 'triples'
    | 'pairKey'
    | 'tripleKey'
    | 'wordClusters'
    | 'lookups'
    | 'pairTables'
    | 'tripleTable'
    | 'lowerRecords'
    | 'shapeRecords'
    | 'clusterLists'
  > = {
    bias: model.index.get('b'),
    words: new Map(),
    lowers: new Map(),
    shapes: new Map(),
    clusters: new Map(),
    prefixes: new Map(),
    suffixes: new Map(),
    casing: new Map(),
    gazetteerPrefixes: gazetteerPrefixes(model.lexicon),
    marks: new Map(),
  };
  // Every record gets all its fields at once, so they share one layout and reading them stays fast.
  const lower = (k: string) =>
    entry<LowerFeatures>(t.lowers, k, () => ({
      id: t.lowers.size,
      l: undefined,
      p1: undefined,
      n1: undefined,
      p2: undefined,
      n2: undefined,
      p1l: undefined,
      ln1: undefined,
      gazetteer: undefined,
      prefix: false,
      seconds: undefined,
    }));
  const shape = (k: string) =>
    entry<ShapeFeatures>(t.shapes, k, () => ({
      id: t.shapes.size,
      s: undefined,
      ps: undefined,
      ns: undefined,
      first: undefined,
      casing: undefined,
      triples: undefined,
    }));
  const mark = (k: string) => entry<MarkFeatures>(t.marks, k, () => ({ g: undefined, shapes: undefined }));
  const cluster = (k: string) =>
    entry<ClusterFeatures>(t.clusters, k, () => ({
      c: undefined,
      pc: undefined,
      nc: undefined,
      shapes: undefined,
    }));
  for (const [feature, at] of model.index) {
    const eq = feature.indexOf('=');
    if (eq < 0) continue;
    const v = feature.slice(eq + 1);
    switch (feature.slice(0, eq)) {
      case 'w':
        t.words.set(v, at);
        break;
      case 'l':
      case 'p1':
      case 'n1':
      case 'p2':
      case 'n2':
        lower(v)[feature.slice(0, eq) as 'l' | 'p1' | 'n1' | 'p2' | 'n2'] = at;
        break;
      case 's':
      case 'ps':
      case 'ns':
        shape(v)[feature.slice(0, eq) as 's' | 'ps' | 'ns'] = at;
        break;
      case 'first|s':
        shape(v).first = at;
        break;
      case 'c':
      case 'pc':
      case 'nc':
        cluster(v)[feature.slice(0, eq) as 'c' | 'pc' | 'nc'] = at;
        break;
      case 'pre':
        t.prefixes.set(v, at);
        break;
      case 'suf':
        t.suffixes.set(v, at);
        break;
      case 'cs':
        t.casing.set(v, at);
        break;
      case 'c|s':
        for (const [c, s] of cuts(v)) (cluster(c).shapes ??= new Map()).set(s, at);
        break;
      case 's|cs':
        for (const [s, cs] of cuts(v)) (shape(s).casing ??= new Map()).set(cs, at);
        break;
      case 'p1|l':
        for (const [a, b] of cuts(v)) {
          lower(b);
          (lower(a).p1l ??= new Map()).set(b, at);
        }
        break;
      case 'l|n1':
        for (const [a, b] of cuts(v)) {
          lower(b);
          (lower(a).ln1 ??= new Map()).set(b, at);
        }
        break;
      case 'ps|s|ns':
        for (const [a, rest] of cuts(v))
          for (const [b, c] of cuts(rest)) {
            shape(b);
            shape(c);
            entry((shape(a).triples ??= new Map()), b, () => new Map()).set(c, at);
          }
        break;
      case 'g':
        mark(v).g = at;
        break;
      case 'g|s':
        for (const [m, s] of cuts(v)) (mark(m).shapes ??= new Map()).set(s, at);
        break;
    }
  }
  for (const [phrase, types] of model.lexicon.gazetteer)
    if (!phrase.includes(' ')) lower(phrase).gazetteer = types;
  for (const p of t.gazetteerPrefixes) if (!p.includes(' ')) lower(p).prefix = true;
  for (const phrase of model.lexicon.gazetteer.keys()) {
    const words = phrase.split(' ');
    if (words.length > 1) (lower(words[0]!).seconds ??= new Set()).add(words[1]!);
  }
  // Numbered once every record exists; the keys stay under 2^30, small integers to the engine.
  const L = t.lowers.size;
  const S = t.shapes.size;
  const pairKey = (a: number, b: number) => a * L + b;
  const tripleKey = (a: number, b: number, c: number) => (a * S + b) * S + c;
  const pairs = { p1l: new Map<number, number>(), ln1: new Map<number, number>() };
  for (const a of t.lowers.values()) {
    for (const [b, at] of a.p1l ?? []) pairs.p1l.set(pairKey(a.id, t.lowers.get(b)!.id), at);
    for (const [b, at] of a.ln1 ?? []) pairs.ln1.set(pairKey(a.id, t.lowers.get(b)!.id), at);
  }
  const triples = new Map<number, number>();
  for (const a of t.shapes.values())
    for (const [b, byC] of a.triples ?? [])
      for (const [c, at] of byC) triples.set(tripleKey(a.id, t.shapes.get(b)!.id, t.shapes.get(c)!.id), at);
  const wordClusters = new Map<string, readonly ClusterFeatures[]>();
  for (const [word, ids] of model.lexicon.clusters) {
    const records: ClusterFeatures[] = [];
    for (const id of ids) {
      const record = t.clusters.get(id);
      if (record) records.push(record);
    }
    if (records.length > 0) wordClusters.set(word, records);
  }
  // Records by id: ids count the records in the order they were made, which is the maps' order.
  const lowerRecords = [...t.lowers.values()];
  const shapeRecords = [...t.shapes.values()];
  const clusterLists = [...wordClusters.values()];
  const lookups = {
    words: new StringTable(t.words),
    prefixes: new StringTable(t.prefixes),
    suffixes: new StringTable(t.suffixes),
    lowers: new StringTable([...t.lowers].map(([k, r]) => [k, r.id] as const)),
    shapes: new StringTable([...t.shapes].map(([k, r]) => [k, r.id] as const)),
    clusters: new StringTable([...wordClusters.keys()].map((k, i) => [k, i] as const)),
  };
  return {
    ...t,
    pairs,
    triples,
    pairKey,
    tripleKey,
    wordClusters,
    lookups,
    pairTables: { p1l: new IntTable(pairs.p1l), ln1: new IntTable(pairs.ln1) },
    tripleTable: new IntTable(triples),
    lowerRecords,
    shapeRecords,
    clusterLists,
  };
}
