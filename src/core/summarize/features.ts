/**
 * Sentence features for the learned `chorus` scorer. Each row describes one sentence of a story by what
 * news summaries are known to favour: the lead and early position (Multi-News references retell the
 * leads), centrality in the story, corroboration by other articles, overlap with the other articles'
 * leads, length, numbers and names, quotes and attribution, the marks of clutter that survived the
 * boilerplate filter, and how often summaries say the sentence's words at all (a word prior learnt on
 * Multi-News train, `lab/summarize/word-prior.ts`: +0.15 R-1 / +0.13 R-2 on validation). `FEATURE_NAMES` fixes the order; the model file stores the names it was trained
 * with and the scorer refuses a mismatch, so features and weights cannot drift apart silently.
 *
 * Every feature reads the lowercased tokens or casing-free marks only: the training data (Multi-News) is
 * lowercased, so a feature that saw capitals (we tried the share of capitalised words) would meet values
 * in real articles it never saw in training, and it ranked cased leads last.
 */
import type { AnalyzedStory } from '../model.js';
import { countWords } from '../text/index.js';
import { centroidOf } from './centroid.js';
import { cosine, storyVectors, type StoryVectors } from './vectors.js';
import speechVerbs from '../text/speech-verbs.json' with { type: 'json' };
import cues from './feature-cues.json' with { type: 'json' };
import wordPrior from './word-prior.json' with { type: 'json' };

export const FEATURE_NAMES = [
  'pos0',
  'pos1',
  'pos2',
  'pos3to4',
  'pos5to9',
  'pos10plus',
  'relPos',
  'logPos',
  'firstParagraph',
  'words',
  'short',
  'long',
  'centroidCos',
  'meanCos',
  'supportShare',
  'supportAny',
  'maxOtherCos',
  'leadOverlap',
  'numberShare',
  'hasNumber',
  'hasQuote',
  'speechVerb',
  'firstPerson',
  'secondPerson',
  'question',
  'noEndPunct',
  'clutterCue',
  'articleIndex0',
  'logArticles',
  'articleShare',
  'logArticleSentences',
  'stemShare',
  'stemSupport',
  'bigramSupport',
  'stemArticleShare',
  'priorMean',
  'priorTop3',
  'priorLowShare',
] as const;

export type FeatureName = (typeof FEATURE_NAMES)[number];

const SPEECH = 1;
const FIRST_PERSON = 2;
const SECOND_PERSON = 4;
const CLUTTER = 8;

/** Each cue word's lists as bits: one look-up per token, where a set per list took four. */
const CUES: ReadonlyMap<string, number> = (() => {
  const bits = new Map<string, number>();
  const add = (words: readonly string[], bit: number) => {
    for (const w of words) bits.set(w, (bits.get(w) ?? 0) | bit);
  };
  add(speechVerbs, SPEECH);
  add(cues.firstPerson, FIRST_PERSON);
  add(cues.secondPerson, SECOND_PERSON);
  add(cues.clutter, CLUTTER);
  return bits;
})();

/** `/\d/.test(t)` by character code. */
function hasDigit(t: string): boolean {
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c >= 48 && c <= 57) return true;
  }
  return false;
}

/** P(stem said in the summary | stem in the articles), learnt on Multi-News train (lab/summarize/word-prior.ts). */
const PRIOR: ReadonlyMap<string, number> = new Map(Object.entries(wordPrior.prior));
const PRIOR_BASE = wordPrior.base;

/** Mean prior of the stems, mean of the top three, and the share of stems a summary rarely says. */
function priorFeatures(values: Float64Array): [number, number, number] {
  if (values.length === 0) return [PRIOR_BASE, PRIOR_BASE, 0];
  // Summed from 0 in order and counted in one loop, as `reduce` and `filter` did.
  let sum = 0;
  let rare = 0;
  for (const v of values) {
    sum += v;
    if (v < PRIOR_BASE / 3) rare++;
  }
  const mean = sum / values.length;
  // The three largest, largest first (summed in that order, as sorting them did).
  let first = -Infinity;
  let second = -Infinity;
  let third = -Infinity;
  for (const v of values) {
    if (v > first) {
      third = second;
      second = first;
      first = v;
    } else if (v > second) {
      third = second;
      second = v;
    } else if (v > third) third = v;
  }
  const top = values.length >= 3 ? first + second + third : values.length === 2 ? first + second : first;
  return [mean, top / Math.min(3, values.length), rare / values.length];
}

/**
 * For each sentence, how many other articles use each of its stems (in order), and each of its word
 * bigrams. Counted once per story by number rather than by string: writing "<word> <word>" for every
 * bigram, twice, and a set of articles per stem and bigram cost more than the rest of the features.
 * Sentences are visited article by article, so an article is counted once per key when it differs from
 * the last one that used the key.
 */
function articlesElsewhere(
  doc: AnalyzedStory,
  { termIds: stemSlots, vocabulary: stemIds, wordIds: tokenSlots }: StoryVectors,
): {
  stemOthers: Int32Array[];
  bigramOthers: Int32Array[];
  stemPriors: Float64Array[];
} {
  const { sentences } = doc;
  const order = sentences.map((_, i) => i).sort((a, b) => sentences[a]!.article - sentences[b]!.article);
  // Stems and words as the vectors number them: in sentence order, as first seen.
  const { pairSlots: bigramSlots, pairs } = numberedPairs(tokenSlots);
  const stemCount = articleCounts(order, sentences, stemSlots, stemIds.size);
  const bigramCount = articleCounts(order, sentences, bigramSlots, pairs);
  // Each distinct stem's prior looked up once (stems come from `wordForms`, which already spells them
  // the American way: text/spelling.ts), then read by number for each of its uses.
  const priorOf = new Float64Array(stemIds.size);
  for (const [st, id] of stemIds) priorOf[id] = PRIOR.get(st) ?? PRIOR_BASE;
  return {
    stemOthers: othersOf(stemSlots, stemCount),
    bigramOthers: othersOf(bigramSlots, bigramCount),
    stemPriors: byNumber(stemSlots, priorOf),
  };
}

/*
 * Per-sentence arrays below are views of one buffer per story: an array past 64 bytes gets a buffer of
 * its own outside the engine's heap, which costs ten times as much to make as a small one.
 */

/** The value of each of each sentence's keys. */
function byNumber(slots: readonly Int32Array[], values: Float64Array): Float64Array[] {
  const all = new Float64Array(total(slots));
  let at = 0;
  return slots.map((keys) => {
    const out = all.subarray(at, (at += keys.length));
    for (let k = 0; k < keys.length; k++) out[k] = values[keys[k]!]!;
    return out;
  });
}

/** Every key of a sentence is used by its own article: the other articles are the count less one. */
function othersOf(slots: readonly Int32Array[], count: Int32Array): Int32Array[] {
  const all = new Int32Array(total(slots));
  let at = 0;
  return slots.map((keys) => {
    const out = all.subarray(at, (at += keys.length));
    for (let k = 0; k < keys.length; k++) out[k] = count[keys[k]!]! - 1;
    return out;
  });
}

function total(slots: readonly Int32Array[]): number {
  let n = 0;
  for (const keys of slots) n += keys.length;
  return n;
}

/**
 * Each sentence's word bigrams as numbers, a bigram being the pair of its words' numbers, numbered in
 * the order first seen. One open-addressing table of (first, second, number) triples
 * (Knuth, TAOCP vol. 3, 6.4, algorithm L) instead of a `Map` from first × words + second, which grew
 * and rehashed its entries as the story's thousands of bigrams came in.
 */
function numberedPairs(slots: readonly Int32Array[]): { pairSlots: Int32Array[]; pairs: number } {
  let most = 0;
  for (const ids of slots) most += Math.max(0, ids.length - 1);
  let bits = 4;
  while (1 << bits < most * 2) bits++;
  const mask = (1 << bits) - 1;
  const table = new Int32Array(3 << bits).fill(-1);
  let pairs = 0;
  const all = new Int32Array(most);
  let at = 0;
  const pairSlots = slots.map((ids) => {
    const out = all.subarray(at, (at += Math.max(0, ids.length - 1)));
    for (let t = 0; t + 1 < ids.length; t++) {
      const a = ids[t]!;
      const b = ids[t + 1]!;
      let i = Math.imul(Math.imul(a, 0x9e3779b1) ^ b, 0x85ebca6b) >>> (32 - bits);
      for (; ; i = (i + 1) & mask) {
        const at = 3 * i;
        if (table[at] === -1) {
          table[at] = a;
          table[at + 1] = b;
          table[at + 2] = out[t] = pairs++;
          break;
        }
        if (table[at] === a && table[at + 1] === b) {
          out[t] = table[at + 2]!;
          break;
        }
      }
    }
    return out;
  });
  return { pairSlots, pairs };
}

/** The number of distinct articles that use each key, visiting sentences in `order` (by article). */
function articleCounts(
  order: readonly number[],
  sentences: AnalyzedStory['sentences'],
  slots: readonly Int32Array[],
  keys: number,
): Int32Array {
  const count = new Int32Array(keys);
  const last = new Int32Array(keys).fill(-1);
  for (const i of order) {
    const a = sentences[i]!.article;
    for (const id of slots[i]!) {
      if (last[id] === a) continue;
      last[id] = a;
      count[id]!++;
    }
  }
  return count;
}

/** Cosine at which another article's sentence counts as carrying the same content (support). */
const SUPPORT_COSINE = 0.3;
/** Sentences paired for the cross-article features before the per-article cut. */
const MAX_PAIRED = 800;
/** Leading sentences of each article compared for `leadOverlap`. */
const LEAD_SENTENCES = 2;

/** One feature row per sentence of `doc`, in `FEATURE_NAMES` order, from the story's stem vectors. */
export function sentenceFeatures(
  doc: AnalyzedStory,
  story: StoryVectors = storyVectors(doc),
): Float64Array[] {
  const { vectors } = story;
  const n = doc.sentences.length;
  const k = doc.spans.length;
  const centroid = centroidOf(vectors);
  const totalWords = doc.sentences.reduce((t, s) => t + s.tokens.length, 0) || 1;
  const articleWords = doc.spans.map(([s, e]) => {
    let w = 0;
    for (let i = s; i < e; i++) w += doc.sentences[i]!.tokens.length;
    return w;
  });

  // Pairwise cosines: all pairs for meanCos, pairs across articles for the rest. Pairs cost n², so a
  // story of more than MAX_PAIRED sentences (hundreds of articles, or one endless page) pairs only the
  // first MAX_PAIRED / k sentences of each article, its lead alone past MAX_PAIRED / 2 articles (two
  // each made a 3,000-article story 18 million pairs); the others get 0 here. Multi-News and DUC
  // stories stay far under it, so the model never met the cut.
  const sumCos = new Float64Array(n);
  const maxOther = new Float64Array(n);
  const supportArticles = doc.sentences.map(() => new Set<number>());
  const leadOverlap = new Float64Array(n);
  const limit = n > MAX_PAIRED ? Math.max(1, Math.floor(MAX_PAIRED / k)) : Infinity;
  for (let i = 0; i < n; i++) {
    const si = doc.sentences[i]!;
    if (si.index >= limit) continue;
    for (let j = i + 1; j < n; j++) {
      const sj = doc.sentences[j]!;
      if (sj.index >= limit) continue;
      const c = cosine(vectors[i]!, vectors[j]!);
      sumCos[i]! += c;
      sumCos[j]! += c;
      if (si.article === sj.article) continue;
      if (c > maxOther[i]!) maxOther[i] = c;
      if (c > maxOther[j]!) maxOther[j] = c;
      if (c >= SUPPORT_COSINE) {
        supportArticles[i]!.add(sj.article);
        supportArticles[j]!.add(si.article);
      }
      if (sj.index < LEAD_SENTENCES && c > leadOverlap[i]!) leadOverlap[i] = c;
      if (si.index < LEAD_SENTENCES && c > leadOverlap[j]!) leadOverlap[j] = c;
    }
  }

  // Which articles use each stem and each word bigram: content the other outlets repeat word for word is
  // what summaries (and references) keep.
  const { stemOthers, bigramOthers, stemPriors } = articlesElsewhere(doc, story);

  // Rows are views of one buffer, as the per-sentence arrays above.
  const F = FEATURE_NAMES.length;
  const rows = new Float64Array(n * F);
  return doc.sentences.map((s, i) => {
    let stemHits = 0;
    let stemShare = 0;
    for (const other of stemOthers[i]!) {
      if (other > 0) stemHits++;
      stemShare += k > 1 ? other / (k - 1) : 0;
    }
    let bigramHits = 0;
    for (const other of bigramOthers[i]!) if (other > 0) bigramHits++;
    const [start, end] = doc.spans[s.article] ?? [0, 1];
    const len = end - start;
    const words = countWords(s.text);
    let numbers = 0;
    let speech = 0;
    let first = 0;
    let second = 0;
    let clutter = 0;
    for (const t of s.tokens) {
      if (hasDigit(t)) numbers++;
      const cue = CUES.get(t);
      if (cue === undefined) continue;
      if (cue & SPEECH) speech = 1;
      if (cue & FIRST_PERSON) first++;
      if (cue & SECOND_PERSON) second++;
      if (cue & CLUTTER) clutter = 1;
    }
    const tokens = Math.max(1, s.tokens.length);
    const trimmed = s.text.trimEnd();
    const row: number[] = [
      s.index === 0 ? 1 : 0,
      s.index === 1 ? 1 : 0,
      s.index === 2 ? 1 : 0,
      s.index >= 3 && s.index <= 4 ? 1 : 0,
      s.index >= 5 && s.index <= 9 ? 1 : 0,
      s.index >= 10 ? 1 : 0,
      len > 1 ? s.index / (len - 1) : 0,
      Math.log1p(s.index),
      s.paragraph === 0 ? 1 : 0,
      Math.min(words, 80) / 30,
      words < 8 ? 1 : 0,
      words > 45 ? 1 : 0,
      cosine(vectors[i]!, centroid),
      n > 1 ? sumCos[i]! / (n - 1) : 0,
      k > 1 ? supportArticles[i]!.size / (k - 1) : 0,
      supportArticles[i]!.size > 0 ? 1 : 0,
      maxOther[i]!,
      leadOverlap[i]!,
      numbers / tokens,
      numbers > 0 ? 1 : 0,
      /["“”]/.test(s.text) ? 1 : 0,
      speech,
      first / tokens,
      second / tokens,
      trimmed.endsWith('?') ? 1 : 0,
      /[.!?"'”’)]$/.test(trimmed) ? 0 : 1,
      clutter,
      s.article === 0 ? 1 : 0,
      Math.log(k),
      (articleWords[s.article] ?? 0) / totalWords,
      Math.log1p(len),
      s.stems.length / tokens,
      s.stems.length > 0 ? stemHits / s.stems.length : 0,
      s.tokens.length > 1 ? bigramHits / (s.tokens.length - 1) : 0,
      s.stems.length > 0 ? stemShare / s.stems.length : 0,
      ...priorFeatures(stemPriors[i]!),
    ];
    const out = rows.subarray(i * F, (i + 1) * F);
    out.set(row);
    return out;
  });
}
