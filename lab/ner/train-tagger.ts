/**
 * Training the averaged structured perceptron of src/core/entities/ner/ (Collins 2002) from CoNLL
 * documents. Deterministic: sentences in file order, shuffled each epoch by a seeded generator, weights
 * summed in a fixed order, and written with integer quantisation, so the same data gives the same bytes.
 */
import { mulberry32 } from '../../src/eval/datasets/sample.js';
import {
  ALLOWED,
  NER_TAGS,
  sentenceFeatures,
  viterbi,
  type ConllDocument,
  type NerLexicon,
} from '../../src/core/entities/ner/index.js';

export interface TrainOptions {
  readonly epochs: number;
  /** Share of training sentences added again in lowercase, so the tagger copes with lowercased text. */
  readonly lowercaseShare: number;
  /** Features seen fewer times than this in training are dropped. */
  readonly minCount: number;
  /** Weights are written as round(weight × scale); zeros are dropped. */
  readonly scale: number;
  readonly seed: number;
  /** Called after each epoch (for progress lines). */
  readonly onEpoch?: (epoch: number, mistakes: number) => void;
}

export const TRAIN_DEFAULTS: TrainOptions = {
  epochs: 10,
  lowercaseShare: 0.3,
  minCount: 2,
  scale: 100,
  seed: 11,
};

/** Mulberry32, seeded: the same on every platform, so training reproduces the shipped model. */
export const seededRandom = mulberry32;

/** IOB1 → IOB2: every span opens with B-. */
export function toIob2(tags: readonly string[]): string[] {
  return tags.map((tag, i) => {
    if (!tag.startsWith('I-')) return tag;
    const prev = i > 0 ? tags[i - 1]! : 'O';
    return prev === 'O' || prev.slice(2) !== tag.slice(2) ? `B-${tag.slice(2)}` : tag;
  });
}

interface Example {
  readonly feats: Int32Array[];
  readonly gold: Uint8Array;
}

/** Builds the model text (format in src/core/entities/ner/model.ts). */
export function trainTagger(
  docs: readonly ConllDocument[],
  lexiconFor: (doc: number) => NerLexicon,
  shipLexicon: NerLexicon,
  options: Partial<TrainOptions> = {},
): string {
  const o = { ...TRAIN_DEFAULTS, ...options };
  const T = NER_TAGS.length;
  const tagId = new Map(NER_TAGS.map((t, i) => [t, i]));
  const random = seededRandom(o.seed);
  // Sentences with their features as strings; lowercased copies for a share of them.
  const raw: { feats: string[][]; gold: Uint8Array }[] = [];
  docs.forEach((doc, d) => {
    const lex = lexiconFor(d);
    for (const s of doc) {
      const gold = Uint8Array.from(toIob2(s.tags), (t) => tagId.get(t)!);
      raw.push({ feats: sentenceFeatures(s.words, lex), gold });
      if (random() < o.lowercaseShare)
        raw.push({
          feats: sentenceFeatures(
            s.words.map((w) => w.toLowerCase()),
            lex,
          ),
          gold,
        });
    }
  });
  const counts = new Map<string, number>();
  for (const r of raw) for (const fs of r.feats) for (const f of fs) counts.set(f, (counts.get(f) ?? 0) + 1);
  const ids = new Map<string, number>();
  for (const [f, c] of counts) if (c >= o.minCount) ids.set(f, ids.size);
  const examples: Example[] = raw.map((r) => ({
    feats: r.feats.map((fs) => Int32Array.from(fs.filter((f) => ids.has(f)).map((f) => ids.get(f)!))),
    gold: r.gold,
  }));
  raw.length = 0;

  const F = ids.size;
  // w: current weights; acc: Σ c·Δ, so that the average is w − acc / c (Daumé's trick).
  const w = new Float64Array(F * T);
  const acc = new Float64Array(F * T);
  const trans = new Float64Array(T * T);
  const transAcc = new Float64Array(T * T);
  const start = new Float64Array(T);
  const startAcc = new Float64Array(T);
  let c = 1;
  const emit = (ex: Example) => {
    const e = new Float64Array(ex.gold.length * T);
    ex.feats.forEach((fs, i) => {
      for (const f of fs) for (let t = 0; t < T; t++) e[i * T + t]! += w[f * T + t]!;
    });
    return e;
  };
  const order = examples.map((_, i) => i);
  for (let epoch = 1; epoch <= o.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    let mistakes = 0;
    for (const k of order) {
      const ex = examples[k]!;
      const n = ex.gold.length;
      const pred = viterbi(n, emit(ex), trans, start);
      let wrong = false;
      for (let i = 0; i < n; i++) if (pred[i] !== ex.gold[i]) wrong = true;
      if (wrong) {
        mistakes++;
        const bump = (tags: Uint8Array, d: number) => {
          start[tags[0]!]! += d;
          startAcc[tags[0]!]! += c * d;
          for (let i = 0; i < n; i++) {
            const t = tags[i]!;
            for (const f of ex.feats[i]!) {
              w[f * T + t]! += d;
              acc[f * T + t]! += c * d;
            }
            if (i > 0) {
              trans[tags[i - 1]! * T + t]! += d;
              transAcc[tags[i - 1]! * T + t]! += c * d;
            }
          }
        };
        bump(ex.gold, 1);
        bump(pred, -1);
      }
      c++;
    }
    o.onEpoch?.(epoch, mistakes);
  }
  const q = (x: number) => {
    const v = Math.round(x * o.scale);
    return v === 0 ? 0 : v; // no "-0"
  };
  const avg = (a: Float64Array, b: Float64Array, i: number) => a[i]! - b[i]! / c;
  const lines: string[] = [
    `tags ${NER_TAGS.join(' ')}`,
    `scale ${o.scale}`,
    `start ${Array.from(start, (_, t) => q(avg(start, startAcc, t))).join(' ')}`,
    // Forbidden transitions are never taken; write them as 0 to keep the file plain numbers.
    `trans ${Array.from(trans, (_, i) => (ALLOWED[i] ? q(avg(trans, transAcc, i)) : 0)).join(' ')}`,
  ];
  for (const [phrase, types] of [...shipLexicon.gazetteer].sort(byKey)) lines.push(`g ${phrase}\t${types}`);
  for (const [word, cs] of [...shipLexicon.clusters].sort(byKey)) lines.push(`c ${word}\t${cs.join(' ')}`);
  const names = [...ids.keys()].sort();
  for (const f of names) {
    const id = ids.get(f)!;
    const pairs: string[] = [];
    for (let t = 0; t < T; t++) {
      const v = q(avg(w, acc, id * T + t));
      if (v !== 0) pairs.push(`${t}:${v}`);
    }
    if (pairs.length > 0) lines.push(`f ${f}\t${pairs.join(' ')}`);
  }
  return lines.join('\n') + '\n';
}

const byKey = (a: readonly [string, unknown], b: readonly [string, unknown]) =>
  a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0;
