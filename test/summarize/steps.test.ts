import { describe, expect, it } from 'vitest';
import { citeSentence, CITATION_THRESHOLD, stemSetCosine } from '../../src/core/summarize/cite.js';
import { readingOrder } from '../../src/core/summarize/order.js';
import { pageRank, rankByScore } from '../../src/core/summarize/pagerank.js';
import { cosineCeiling, trigramBlocking } from '../../src/core/summarize/redundancy.js';
import { selectGreedy, selectMmr } from '../../src/core/summarize/select.js';
import { centroidOf } from '../../src/core/summarize/centroid.js';
import { cosine, storyVectors, sumVectors, type SparseVector } from '../../src/core/summarize/vectors.js';
import { countWords, wordForms } from '../../src/core/text/index.js';
import pairsFile from './fixtures/citation-pairs.json' with { type: 'json' };
import { analyzed, BRIDGE } from './story.js';

const words = (i: number): number => countWords(BRIDGE.sentences[i]!.text);
const all = BRIDGE.sentences.map((_, i) => i);

describe('selectGreedy', () => {
  it.each([0, 5, 12, 30, 60, 100, 1000])('never exceeds a budget of %i words', (budget) => {
    const chosen = selectGreedy(BRIDGE, all, { words: budget });
    expect(chosen.reduce((n, i) => n + words(i), 0)).toBeLessThanOrEqual(budget);
  });

  it.each([
    // [ranked, options, expected]
    [[0, 1, 2], { words: 1000 }, [0, 1, 2]],
    [[0, 1, 2], { words: 1000, target: 1 }, [0]],
    [[2, 0], { words: 1000, target: 1 }, [2]],
    [[0, 0, 1], { words: 1000 }, [0, 1]],
    [[99, 1], { words: 1000 }, [1]],
  ] as const)('picks %j with %j → %j', (ranked, options, expected) => {
    expect(selectGreedy(BRIDGE, ranked, options)).toEqual(expected);
  });

  it('skips a sentence too long for what is left and takes a shorter one', () => {
    const [long, short] = [0, 1].sort((a, b) => words(b) - words(a)) as [number, number];
    const budget = words(short) + 1;
    expect(selectGreedy(BRIDGE, [long, short], { words: budget })).toEqual([short]);
  });

  it('filters by length, and falls back to the best sentence that fits when the filter leaves nothing', () => {
    expect(selectGreedy(BRIDGE, [0, 1], { words: 1000, minWords: 1000 })).toEqual([0]);
    expect(selectGreedy(BRIDGE, [0, 1], { words: 1000, maxWords: 5 })).toEqual([0]);
  });

  it('asks the redundancy test about every candidate after the first', () => {
    const chosen = selectGreedy(BRIDGE, all, { words: 1000, redundant: () => true });
    expect(chosen).toEqual([0]);
  });

  it('returns nothing when no sentence fits the budget', () => {
    expect(selectGreedy(BRIDGE, all, { words: 2 })).toEqual([]);
  });
});

describe('selectMmr', () => {
  it('takes the most relevant sentence first and respects the budget', () => {
    const relevance = all.map((i) => (i === 3 ? 1 : 0.1));
    const chosen = selectMmr(BRIDGE, relevance, () => 0, 0.7, { words: 60 });
    expect(chosen[0]).toBe(3);
    expect(chosen.reduce((n, i) => n + words(i), 0)).toBeLessThanOrEqual(60);
  });

  it('passes over a near copy of a chosen sentence', () => {
    const { vectors } = storyVectors(BRIDGE);
    // Sentence 0 of the Riverside Wire copies the Harbor Gazette lead word for word.
    const copy = BRIDGE.spans[3]![0];
    const relevance = all.map((i) => (i === 0 ? 1 : i === copy ? 0.99 : 0.5));
    const chosen = selectMmr(BRIDGE, relevance, (a, b) => cosine(vectors[a]!, vectors[b]!), 0.5, {
      words: 60,
    });
    expect(chosen[0]).toBe(0);
    expect(chosen).not.toContain(copy);
  });
});

describe('redundancy', () => {
  const sentence = (tokens: string[]) => ({
    article: 0,
    index: 0,
    paragraph: 0,
    text: '',
    tokens,
    stems: [],
  });
  const pair = (chosen: string[], candidate: string[]) => ({
    ...BRIDGE,
    sentences: [sentence(chosen), sentence(candidate)],
  });

  it.each([
    [[], ['a', 'b', 'c'], 0, false],
    [['a', 'b'], ['a', 'b'], 0, false],
    [['a', 'b', 'c'], ['a', 'b', 'c'], 0, true],
    [['x', 'a', 'b', 'c', 'y'], ['a', 'b', 'c'], 0, true],
    [['a', 'b', 'c'], ['c', 'b', 'a'], 0, false],
    [['a', 'b', 'c', 'd'], ['a', 'b', 'c', 'd'], 1, true],
    [['a', 'b', 'c', 'd'], ['a', 'b', 'c', 'x'], 1, false],
    [['a', 'b', 'c', 'a', 'b', 'c'], ['a', 'b', 'c'], 0, true],
  ])('chosen %j, candidate %j, %i shared allowed: blocked %s', (chosen, candidate, maxShared, blocked) => {
    expect(trigramBlocking(pair(chosen, candidate), maxShared)(1, [0])).toBe(blocked);
  });

  it('blocks a candidate sharing a trigram, and allows a budget of shared trigrams', () => {
    const copy = BRIDGE.spans[3]![0];
    expect(trigramBlocking(BRIDGE)(copy, [0])).toBe(true);
    expect(trigramBlocking(BRIDGE)(BRIDGE.spans[2]![0] + 3, [0])).toBe(false);
    expect(trigramBlocking(BRIDGE, 1000)(copy, [0])).toBe(false);
  });

  it('blocks the same way past 2^17 distinct words in a story', () => {
    const many = Array.from({ length: 140_000 }, (_, i) => `w${i}`);
    const doc = {
      ...BRIDGE,
      sentences: [
        sentence(many),
        sentence(['new', 'ferry', 'dock', 'opens']),
        sentence(['the', 'new', 'ferry', 'dock']),
        sentence(['ferry', 'new', 'dock']),
        sentence(['w5', 'w6', 'w7', 'pier']),
        sentence(['w6', 'w7', 'pier', 'w8']),
      ],
    };
    const test = trigramBlocking(doc);
    expect(test(0, [1])).toBe(false);
    expect(test(2, [1])).toBe(true);
    expect(test(3, [1, 2])).toBe(false);
    // Words numbered below and past 2^17 in one trigram ("w6 w7 pier"), and only below ("w5 w6 w7").
    expect(test(5, [4])).toBe(true);
    expect(test(5, [1, 2, 3])).toBe(false);
    expect(test(4, [0])).toBe(true);
  });

  it('cosine ceiling flags a copy and lets a different sentence through', () => {
    const { vectors } = storyVectors(BRIDGE);
    const test = cosineCeiling(vectors, 0.5);
    expect(test(BRIDGE.spans[3]![0], [0])).toBe(true);
    expect(test(BRIDGE.spans[2]![0] + 2, [0])).toBe(false);
  });
});

describe('readingOrder', () => {
  it.each([
    [[], []],
    [
      [2, 0, 1],
      [0, 1, 2],
    ],
  ])('orders %j as %j within one article', (chosen, expected) => {
    expect(readingOrder(BRIDGE, chosen)).toEqual(expected);
  });

  it('puts leads of every article before later sentences, leads in article order', () => {
    const lead2 = BRIDGE.spans[1]![0];
    const lead3 = BRIDGE.spans[2]![0];
    expect(readingOrder(BRIDGE, [4, lead3, lead2, 0])).toEqual([0, lead2, lead3, 4]);
  });
});

describe('stemSetCosine and citations', () => {
  it.each([
    ['', 'anything at all', 0],
    ['bridge closed', 'bridge closed', 1],
    ['bridge closed monday', 'the bridge closed', 2 / Math.sqrt(6)],
    ['cats sleep', 'trains run', 0],
  ])('stemSetCosine(%j, %j) = %f', (a, b, expected) => {
    expect(stemSetCosine(wordForms(a).stems, wordForms(b).stems)).toBeCloseTo(expected, 6);
  });

  it('separates the hand-labelled pairs at CITATION_THRESHOLD with F1 ≥ 0.9', () => {
    const pairs = pairsFile.pairs as [string, string, boolean][];
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const [a, b, same] of pairs) {
      const hit = stemSetCosine(wordForms(a).stems, wordForms(b).stems) >= CITATION_THRESHOLD;
      if (hit && same) tp++;
      else if (hit) fp++;
      else if (same) fn++;
    }
    expect((2 * tp) / (2 * tp + fp + fn)).toBeGreaterThanOrEqual(0.9);
  });

  it('cites the origin first, then every other article carrying the same fact, by article order', () => {
    const citations = citeSentence(BRIDGE, 0);
    expect(citations[0]).toMatchObject({ article: 0, sentence: 0, similarity: 1, origin: true });
    expect(citations.map((c) => c.article)).toEqual([0, 1, 3]);
    expect(citations.slice(1).every((c) => !c.origin && c.similarity >= CITATION_THRESHOLD)).toBe(true);
    expect(citations[1]).toMatchObject({ articleId: 'story-2', source: 'Valley Courier' });
  });

  it('cites only the origin for a fact no other article reports', () => {
    const shopOwners = BRIDGE.sentences.findIndex((s) => s.text.startsWith('Local shop owners'));
    expect(citeSentence(BRIDGE, shopOwners).map((c) => c.article)).toEqual([0]);
  });

  it('cites a syndicated copy like any other article', () => {
    const copy = BRIDGE.spans[3]![0];
    expect(citeSentence(BRIDGE, copy).map((c) => c.article)).toContain(0);
  });

  it('returns no citation for a sentence index out of range', () => {
    expect(citeSentence(BRIDGE, 10_000)).toEqual([]);
  });
});

describe('pageRank', () => {
  it('gives every vertex of a complete graph the same score', () => {
    const n = 4;
    const w = new Float64Array(n * n).fill(1);
    for (const p of pageRank(w, n)) expect(p).toBeCloseTo(1 / n, 6);
  });

  it('ranks the centre of a star first, and copes with no edges and no vertices', () => {
    const n = 5;
    const w = new Float64Array(n * n);
    for (let i = 1; i < n; i++) w[i] = w[i * n] = 1;
    expect(rankByScore(pageRank(w, n))[0]).toBe(0);
    const none = pageRank(new Float64Array(9), 3);
    expect(Array.from(none).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
    expect(pageRank(new Float64Array(0), 0)).toHaveLength(0);
  });
});

describe('storyVectors', () => {
  it('gives a one-sentence story a usable vector and an empty story none', () => {
    const one = analyzed([['Solo Times', 'The ferry to Lark Island resumed service on Friday.']]);
    const v = storyVectors(one).vectors;
    expect(v).toHaveLength(1);
    expect(cosine(v[0]!, v[0]!)).toBeCloseTo(1, 9);
    expect(storyVectors(analyzed([])).vectors).toEqual([]);
  });
});

describe('centroidOf', () => {
  // The centroid as first written: every term sorted by weight (stably), the first `size` kept, back
  // in term order.
  const sortedCentroid = (vectors: readonly SparseVector[], size: number) => {
    const sum = sumVectors(vectors);
    const keep = [...sum.terms.keys()].sort((a, b) => sum.weights[b]! - sum.weights[a]!).slice(0, size);
    keep.sort((a, b) => sum.terms[a]! - sum.terms[b]!);
    return { terms: keep.map((k) => sum.terms[k]!), weights: keep.map((k) => sum.weights[k]!) };
  };
  let seed = 11;
  const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
  // Weights from a few values, so that many terms tie at the cut.
  const vector = (): SparseVector => {
    const terms = Int32Array.from(
      new Set(Array.from({ length: 1 + Math.floor(next() * 30) }, () => Math.floor(next() * 80))),
    ).sort();
    const weights = Float64Array.from(terms, () => 1 + Math.floor(next() * 4) / 2);
    return { terms, weights, norm: Math.hypot(...weights) };
  };

  it.each([1, 5, 50, 500])('keeps the %i heaviest terms, ties to the lower term, in term order', (size) => {
    for (let t = 0; t < 40; t++) {
      const vectors = Array.from({ length: 1 + (t % 9) }, vector);
      const c = centroidOf(vectors, size);
      const expected = sortedCentroid(vectors, size);
      expect([...c.terms]).toEqual(expected.terms);
      expect([...c.weights]).toEqual(expected.weights);
      expect(c.norm).toBe(Math.sqrt(expected.weights.reduce((s, w) => s + w * w, 0)));
    }
  });

  it('is empty for no vectors', () => {
    expect(centroidOf([]).terms.length).toBe(0);
  });
});
