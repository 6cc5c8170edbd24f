/**
 * Tagging with the shipped model: `tagTokens` for a tokenised sentence (CoNLL files), `tagText` for raw
 * text, which tokenises itself and returns spans with UTF-16 offsets into the text.
 */
import { contextFeatures, neighbour, neighbourFeatures, NEIGHBOURS, wordFeatures } from './features.js';
import { shippedModel, type NerModel } from './model.js';
import { tokenizeNer } from './tokenize.js';
import { NER_TAGS, viterbi, type NerType } from './viterbi.js';

/** One name found in text: `text === input.slice(start, end)`. */
export interface NerSpan {
  readonly start: number;
  readonly end: number;
  readonly type: NerType;
  readonly text: string;
}

// Summed weights of the features that depend on one word only: its own (slot 0) and those it gives a
// token as a neighbour (slots 1-4, NEIGHBOURS order). Words recur; their features need not be rebuilt.
const wordCache = new WeakMap<NerModel, Map<string, Float64Array>>();
const WORD_CACHE_SIZE = 100_000;
const SLOTS = 1 + NEIGHBOURS.length;

function addWeights(into: Float64Array, at: number, feats: readonly string[], model: NerModel): void {
  const T = NER_TAGS.length;
  for (const f of feats) {
    const w = model.index.get(f);
    if (w === undefined) continue;
    for (let t = 0; t < T; t++) into[at + t]! += model.weights[w + t]!;
  }
}

function wordWeights(word: string, model: NerModel, cache: Map<string, Float64Array>): Float64Array {
  let v = cache.get(word);
  if (v) return v;
  const T = NER_TAGS.length;
  v = new Float64Array(SLOTS * T);
  if (word !== '<s>' && word !== '</s>') addWeights(v, 0, wordFeatures(word, model.lexicon), model);
  NEIGHBOURS.forEach((o, k) => addWeights(v, (k + 1) * T, neighbourFeatures(word, o, model.lexicon), model));
  if (cache.size >= WORD_CACHE_SIZE) cache.clear();
  cache.set(word, v);
  return v;
}

/** Per-token emission scores of one sentence under `model`. */
export function emissions(words: readonly string[], model: NerModel): Float64Array {
  const T = NER_TAGS.length;
  const emit = new Float64Array(words.length * T);
  let cache = wordCache.get(model);
  if (!cache) wordCache.set(model, (cache = new Map()));
  const context = contextFeatures(words, model.lexicon);
  for (let i = 0; i < words.length; i++) {
    const own = wordWeights(words[i]!, model, cache);
    for (let t = 0; t < T; t++) emit[i * T + t] = own[t]!;
    for (let k = 0; k < NEIGHBOURS.length; k++) {
      const v = wordWeights(neighbour(words, i, NEIGHBOURS[k]!), model, cache);
      for (let t = 0; t < T; t++) emit[i * T + t]! += v[(k + 1) * T + t]!;
    }
    addWeights(emit, i * T, context[i]!, model);
  }
  return emit;
}

/**
 * BIO tags ("O", "B-PER", "I-PER", …) for one tokenised sentence.
 * @example tagTokens(["John", "Major", "spoke"]) // → ["B-PER", "I-PER", "O"]
 */
export function tagTokens(words: readonly string[], model: NerModel = shippedModel()): string[] {
  if (words.length === 0) return [];
  const best = viterbi(words.length, emissions(words, model), model.trans, model.start);
  return Array.from(best, (t) => NER_TAGS[t]!);
}

const WORDLIKE = /[\p{L}\p{N}]/u;

/**
 * Names in `text`: people, organisations, places and other names (MISC: nationalities, events, …).
 * @example tagText("Reuters said John Major flew to New York.")
 *   // → [{ start: 0, end: 7, type: "ORG", text: "Reuters" }, { …, type: "PER", text: "John Major" }, …]
 */
export function tagText(text: string, model: NerModel = shippedModel()): NerSpan[] {
  const spans: NerSpan[] = [];
  for (const sentence of tokenizeNer(text)) {
    const tags = tagTokens(
      sentence.map((t) => t.text),
      model,
    );
    let open = -1;
    const close = (i: number) => {
      if (open < 0) return;
      // A name starts and ends on a word: curly quotes never seen in training ("” Marsh") are trimmed.
      let first = open;
      let last = i - 1;
      while (first <= last && !WORDLIKE.test(sentence[first]!.text)) first++;
      while (last >= first && !WORDLIKE.test(sentence[last]!.text)) last--;
      if (first <= last) {
        const start = sentence[first]!.start;
        const end = sentence[last]!.end;
        spans.push({ start, end, type: tags[open]!.slice(2) as NerType, text: text.slice(start, end) });
      }
      open = -1;
    };
    tags.forEach((tag, i) => {
      if (tag === 'O' || tag.startsWith('B-')) close(i);
      if (tag.startsWith('B-')) open = i;
    });
    close(tags.length);
  }
  return spans;
}
