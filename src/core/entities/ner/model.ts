/**
 * The shipped tagger model: an averaged structured perceptron (Collins, "Discriminative training methods
 * for hidden Markov models", EMNLP 2002; averaging after Freund & Schapire 1999) over BIO tags.
 * Chosen over a CRF or a neural tagger because it trains in a minute on one core with no library,
 * is exactly reproducible (fixed order, no floating-point sums that depend on threads) and, pruned,
 * ships as a few megabytes of text. The model file is built by lab/ner/train.ts.
 *
 * File format (model.json, one JSON string `data` of lines, so it loads as a module like our word lists):
 *   tags O B-PER …            the tag set, checked against NER_TAGS
 *   start w…                  start scores, integers (weight × scale)
 *   trans w…                  transition scores, T × T, integers
 *   scale N
 *   g <phrase>\t<types>       gazetteer entries
 *   c <word>\t<id> <id>…      word clusters
 *   f <feature>\t<tag>:<w>…   non-zero feature weights, integers
 */
import { ChorusError } from '../../errors.js';
import type { NerLexicon } from './features.js';
import { NER_TAGS } from './viterbi.js';
// One JSON string: importing it costs a few milliseconds; building the tables waits for first use.
import modelFile from './model.json' with { type: 'json' };

export interface NerModel {
  readonly lexicon: NerLexicon;
  /** Feature → offset of its T weights in `weights`. */
  readonly index: ReadonlyMap<string, number>;
  readonly weights: Float32Array;
  readonly trans: Float64Array;
  readonly start: Float64Array;
}

/** Parses the packed text of a model (see the file header). */
export function parseModel(data: string): NerModel {
  const T = NER_TAGS.length;
  const lines = data.split('\n');
  const header = new Map<string, string>();
  const gazetteer = new Map<string, string>();
  const clusters = new Map<string, string[]>();
  const index = new Map<string, number>();
  const rows: [number, string][] = [];
  for (const line of lines) {
    if (!line) continue;
    const kind = line.slice(0, 2);
    const tab = line.indexOf('\t');
    if (kind === 'f ') {
      index.set(line.slice(2, tab), rows.length * T);
      rows.push([tab, line]);
    } else if (kind === 'g ') gazetteer.set(line.slice(2, tab), line.slice(tab + 1));
    else if (kind === 'c ') clusters.set(line.slice(2, tab), line.slice(tab + 1).split(' '));
    else {
      const sp = line.indexOf(' ');
      header.set(line.slice(0, sp), line.slice(sp + 1));
    }
  }
  if (header.get('tags') !== NER_TAGS.join(' '))
    throw new ChorusError(
      'invalid-input',
      `expected an NER model with tags ${NER_TAGS.join(' ')}, found ${header.get('tags') ?? 'none'}`,
    );
  const scale = Number(header.get('scale') ?? '1');
  const ints = (key: string, n: number) => {
    const v = (header.get(key) ?? '').split(' ').map((x) => Number(x) / scale);
    if (v.length !== n || v.some((x) => !Number.isFinite(x)))
      throw new ChorusError('invalid-input', `expected ${n} numbers for "${key}" in the NER model`);
    return Float64Array.from(v);
  };
  const weights = new Float32Array(rows.length * T);
  rows.forEach(([tab, line], r) => {
    for (const pair of line.slice(tab + 1).split(' ')) {
      const colon = pair.indexOf(':');
      weights[r * T + Number(pair.slice(0, colon))] = Number(pair.slice(colon + 1)) / scale;
    }
  });
  let maxGazetteerLength = 1;
  for (const k of gazetteer.keys()) maxGazetteerLength = Math.max(maxGazetteerLength, k.split(' ').length);
  return {
    lexicon: { gazetteer, clusters, maxGazetteerLength },
    index,
    weights,
    trans: ints('trans', T * T),
    start: ints('start', T),
  };
}

let shipped: NerModel | undefined;

/** The model shipped in this folder, built into tables on first use (not every command needs it). */
export function shippedModel(): NerModel {
  shipped ??= parseModel((modelFile as { data: string }).data);
  return shipped;
}
