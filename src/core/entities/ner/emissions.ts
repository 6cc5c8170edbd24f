/**
 * Per-token emission scores of a sentence: the summed weights of every feature `sentenceFeatures` gives
 * each token, without building those feature strings. Tagging was most of a report's build time, and
 * most of that went into writing strings such as "p1|l=the|mayor" and hashing them to find a weight.
 * Instead, at first use, the model's context features are filed by their parts (word pair → offset,
 * shape triple → offset), and each word's own and neighbour weights are summed once and kept.
 *
 * The additions happen in exactly the order of the string version (a word's own features, its four
 * neighbours', then its context features in `contextFeatures` order), so the scores are the same to the
 * last bit and the tags cannot change. test/entities/ner-emissions.test.ts holds the two together.
 */
import {
  AFTER,
  BEFORE,
  gazetteerPrefixes,
  neighbourFeatures,
  NEIGHBOURS,
  shape,
  wordFeatures,
} from './features.js';
import type { NerModel } from './model.js';
import { NER_TAGS } from './viterbi.js';

const T = NER_TAGS.length;
const SLOTS = 1 + NEIGHBOURS.length;
/** Past this many distinct words the word cache starts again, so memory stays bounded. */
const MAX_WORDS = 100_000;
const CASINGS = ['none', 'upper', 'lower', 'mixed'] as const;

/** Offsets by one, two or three parts of a feature's value ("<shape>" / "<a>|<b>" / "<a>|<b>|<c>"). */
type Parts1 = Map<string, number>;
type Parts2 = Map<string, Parts1>;
type Parts3 = Map<string, Parts2>;

/** One word, as it enters its own, its neighbours' and its context's features. */
interface Word {
  /** Summed weights of its own features (slot 0) and of those it gives a neighbour (slots 1-4). */
  readonly weights: Float64Array;
  readonly lower: string;
  readonly shape: string;
  /** For the sentence's casing: has letters, is all capitals, starts with a capital. */
  readonly letters: boolean;
  readonly upper: boolean;
  readonly capital: boolean;
  /** Offsets of "s|cs=<shape>|<casing>" per casing, and of "first|s=<shape>". */
  readonly withCasing: readonly (number | undefined)[];
  readonly first: number | undefined;
  /** Features this word opens: "ps|s|ns=<shape>|…", "p1|l=<lower>|…", "l|n1=<lower>|…". */
  readonly shapes3: Parts2 | undefined;
  readonly p1l: Parts1 | undefined;
  readonly ln1: Parts1 | undefined;
  /** The gazetteer's types for the word alone, and whether a longer entry starts with it. */
  readonly gazetteer: string | undefined;
  readonly prefix: boolean;
}

/** The model's context features filed by their parts, and the word cache. */
interface Tables {
  /** "cs=<casing>" per casing (CASINGS order). */
  readonly casing: readonly (number | undefined)[];
  readonly shapeCasing: Parts2;
  readonly shapes3: Parts3;
  readonly p1l: Parts2;
  readonly ln1: Parts2;
  readonly first: Parts1;
  readonly prefixes: ReadonlySet<string>;
  readonly words: Map<string, Word>;
  /** Stand-ins for the positions before and after the sentence. */
  before: Word;
  after: Word;
}

const tables = new WeakMap<NerModel, Tables>();

/** Every way of cutting `value` in two at a "|": a word may itself be "|", so each reading is kept. */
function cuts(value: string): [string, string][] {
  const out: [string, string][] = [];
  for (let at = value.indexOf('|'); at >= 0; at = value.indexOf('|', at + 1))
    out.push([value.slice(0, at), value.slice(at + 1)]);
  return out;
}

function child<V>(parts: Map<string, Map<string, V>>, key: string): Map<string, V> {
  let m = parts.get(key);
  if (!m) parts.set(key, (m = new Map()));
  return m;
}

// Filed under every reading, a look-up of the parts finds the offset exactly when their joined string
// is a feature of the model.
function file2(into: Parts2, value: string, at: number): void {
  for (const [head, rest] of cuts(value)) child(into, head).set(rest, at);
}

function file3(into: Parts3, value: string, at: number): void {
  for (const [head, rest] of cuts(value)) file2(child(into, head), rest, at);
}

function buildTables(model: NerModel): Tables {
  const t: Omit<Tables, 'before' | 'after'> = {
    casing: CASINGS.map((k) => model.index.get(`cs=${k}`)),
    shapeCasing: new Map(),
    shapes3: new Map(),
    p1l: new Map(),
    ln1: new Map(),
    first: new Map(),
    prefixes: gazetteerPrefixes(model.lexicon),
    words: new Map(),
  };
  for (const [feature, at] of model.index) {
    const eq = feature.indexOf('=');
    const value = feature.slice(eq + 1);
    switch (feature.slice(0, eq)) {
      case 's|cs':
        file2(t.shapeCasing, value, at);
        break;
      case 'ps|s|ns':
        file3(t.shapes3, value, at);
        break;
      case 'p1|l':
        file2(t.p1l, value, at);
        break;
      case 'l|n1':
        file2(t.ln1, value, at);
        break;
      case 'first|s':
        t.first.set(value, at);
        break;
    }
  }
  return withEdges(t, model);
}

/** Past the sentence's ends the neighbour word, its lowercase form and its shape are all the marker. */
function withEdges(t: Omit<Tables, 'before' | 'after'>, model: NerModel): Tables {
  const full = t as Tables;
  full.before = describe(full, BEFORE, BEFORE, BEFORE, wordOf(full, BEFORE, model).weights, model);
  full.after = describe(full, AFTER, AFTER, AFTER, wordOf(full, AFTER, model).weights, model);
  return full;
}

function addWeights(into: Float64Array, at: number, feats: readonly string[], model: NerModel): void {
  for (const f of feats) {
    const w = model.index.get(f);
    if (w === undefined) continue;
    for (let t = 0; t < T; t++) into[at + t]! += model.weights[w + t]!;
  }
}

function describe(
  t: Tables,
  word: string,
  lower: string,
  shape: string,
  weights: Float64Array,
  model: NerModel,
): Word {
  const upperCase = word.toUpperCase();
  const casings = t.shapeCasing.get(shape);
  return {
    weights,
    lower,
    shape,
    letters: word.toLowerCase() !== upperCase,
    upper: word === upperCase,
    capital: word[0] !== word[0]?.toLowerCase(),
    withCasing: CASINGS.map((k) => casings?.get(k)),
    first: t.first.get(shape),
    shapes3: t.shapes3.get(shape),
    p1l: t.p1l.get(lower),
    ln1: t.ln1.get(lower),
    gazetteer: model.lexicon.gazetteer.get(lower),
    prefix: t.prefixes.has(lower),
  };
}

function wordOf(t: Tables, word: string, model: NerModel): Word {
  let w = t.words.get(word);
  if (w) return w;
  const weights = new Float64Array(SLOTS * T);
  if (word !== BEFORE && word !== AFTER) addWeights(weights, 0, wordFeatures(word, model.lexicon), model);
  for (let k = 0; k < NEIGHBOURS.length; k++)
    addWeights(weights, (k + 1) * T, neighbourFeatures(word, NEIGHBOURS[k]!, model.lexicon), model);
  w = describe(t, word, word.toLowerCase(), shape(word), weights, model);
  t.words.set(word, w);
  return w;
}

function tablesFor(model: NerModel): Tables {
  let t = tables.get(model);
  if (!t) tables.set(model, (t = buildTables(model)));
  if (t.words.size >= MAX_WORDS) {
    t.words.clear();
    withEdges(t, model);
  }
  return t;
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

/**
 * `gazetteerMarks` (features.ts) over words whose one-word look-ups are already made: most words are
 * neither an entry nor the start of one, and cost nothing.
 */
function marks(ws: readonly Word[], n: number, t: Tables, model: NerModel): (string | undefined)[] {
  const out = new Array<string | undefined>(n);
  const { gazetteer, maxGazetteerLength } = model.lexicon;
  let i = 0;
  while (i < n) {
    const w = ws[i + 2]!;
    let found = w.gazetteer === undefined ? 0 : 1;
    let types = w.gazetteer ?? '';
    if (w.prefix) {
      let phrase = w.lower;
      for (let k = 2; k <= maxGazetteerLength && i + k <= n; k++) {
        phrase = `${phrase} ${ws[i + k + 1]!.lower}`;
        const g = gazetteer.get(phrase);
        if (g !== undefined) {
          found = k;
          types = g;
        }
        if (!t.prefixes.has(phrase)) break;
      }
    }
    if (found === 0) {
      i++;
      continue;
    }
    for (let k = 0; k < found; k++) out[i + k] = `${k === 0 ? 'B' : 'I'}-${types}`;
    i += found;
  }
  return out;
}

function add(emit: Float64Array, at: number, w: number | undefined, weights: Float32Array): void {
  if (w === undefined) return;
  for (let t = 0; t < T; t++) emit[at + t]! += weights[w + t]!;
}

/**
 * Per-token emission scores of one sentence under `model`: `emit[i * T + t]` is token i's score for tag t.
 * @example viterbi(words.length, emissions(words, model), model.trans, model.start)
 */
export function emissions(words: readonly string[], model: NerModel): Float64Array {
  const n = words.length;
  const emit = new Float64Array(n * T);
  const t = tablesFor(model);
  // ws[j + 2] is word j; two stand-ins pad each end.
  const ws: Word[] = [t.before, t.before];
  for (const w of words) ws.push(wordOf(t, w, model));
  ws.push(t.after, t.after);
  const casing = casingOf(ws, n);
  const gaz = marks(ws, n, t, model);
  const weights = model.weights;
  for (let i = 0; i < n; i++) {
    const prev = ws[i + 1]!;
    const w = ws[i + 2]!;
    const next = ws[i + 3]!;
    const base = i * T;
    const own = w.weights;
    for (let k = 0; k < T; k++) emit[base + k] = own[k]!;
    for (let k = 0; k < NEIGHBOURS.length; k++) {
      const v = ws[i + 2 + NEIGHBOURS[k]!]!.weights;
      const from = (k + 1) * T;
      for (let j = 0; j < T; j++) emit[base + j]! += v[from + j]!;
    }
    // Context features, in contextFeatures order.
    add(emit, base, t.casing[casing], weights);
    add(emit, base, w.withCasing[casing], weights);
    add(emit, base, prev.shapes3?.get(w.shape)?.get(next.shape), weights);
    add(emit, base, prev.p1l?.get(w.lower), weights);
    add(emit, base, w.ln1?.get(next.lower), weights);
    if (i === 0) add(emit, base, w.first, weights);
    const g = gaz[i];
    if (g !== undefined) {
      add(emit, base, model.index.get(`g=${g}`), weights);
      add(emit, base, model.index.get(`g|s=${g}|${w.shape}`), weights);
    }
  }
  return emit;
}
