import { describe, expect, it } from 'vitest';
import { lcsIndices, lcsLength, scoreSummaryLcs } from '../../src/eval/rouge/lcs.js';
import { rougeTokens } from '../../src/eval/rouge/tokenize.js';
import { rougeScores, rougeScoresMulti, type RougeType } from '../../src/eval/rouge.js';
import { PREDICTION_LINES, PREDICTION_MULTI, TARGET_LINES, TARGET_MULTI } from './rouge-score-texts.js';

/*
 * Expected values from Google's rouge-score test suite (rouge/rouge_scorer_test.py, tokenize_test.py),
 * transcribed in ../shared/data/rouge-score-testdata/rouge_score_test_vectors.json. The texts below are
 * rouge-score's own synthetic pseudo-words (testdata/target.txt, prediction.txt, pyrouge_files/*.0.txt),
 * whose expected scores rouge-score checked against the Perl ROUGE-1.5.5.
 * Not covered: `split_summaries=True` (NLTK sentence splitting; we split on newlines only, as rouge-score
 * does by default) and the cases whose large input files are not in the test data.
 */

/** Compares like Python's assertAlmostEqual(places=n): round(a - b, n) == 0. */
function expectClose(actual: number, expected: number | undefined, places: number): void {
  if (expected === undefined) return;
  expect(Math.abs(actual - expected)).toBeLessThan(0.5 * 10 ** -places + 1e-12);
}

type Maybe = number | undefined;

describe('rougeScores (rouge-score string cases)', () => {
  // name, target, prediction, use_stemmer, type, expected P, R, F (undefined: not checked), places
  type Row = [string, string, string, boolean, RougeType, Maybe, Maybe, Maybe, number];
  // prettier-ignore
  const rows: Row[] = [
    ['testRouge1', 'testing one two', 'testing', false, 'rouge1', 1, 0.3333333333333333, 0.5, 7],
    ['testRougeEmpty', 'testing one two', '', false, 'rouge1', 0, 0, 0, 7],
    ['testRougeEmpty', 'testing one two', '', false, 'rouge2', 0, 0, 0, 7],
    ['testRougeEmpty', 'testing one two', '', false, 'rougeL', 0, 0, 0, 7],
    ['testRougeEmpty', 'testing one two', '', false, 'rougeLsum', 0, 0, 0, 7],
    ['testRouge2', 'testing one two', 'testing one', false, 'rouge2', 1, 0.5, 0.6666666666666666, 7],
    ['testRougeLConsecutive', 'testing one two', 'testing one', false, 'rougeL', 1, 0.6666666666666666, 0.8, 7],
    ['testRougeLNonConsecutive', 'testing one two', 'testing two', false, 'rougeL', 1, 0.6666666666666666, 0.8, 7],
    ['testMultipleRougeTypes', 'testing one two', 'testing one', false, 'rouge1', 1, 0.6666666666666666, 0.8, 7],
    ['testMultipleRougeTypes', 'testing one two', 'testing one', false, 'rougeL', 1, 0.6666666666666666, 0.8, 7],
    ['testRougeLsum', 'w1 w2 w3 w4 w5', 'w1 w2 w6 w7 w8\nw1 w3 w8 w9 w5', false, 'rougeLsum', 0.4, 0.8, 0.5333, 3],
    ['testRougeLsum_empty_prediction', 'w1 w2 w3 w4 w5', '', false, 'rougeLsum', 0, 0, 0, 3],
    ['testRougeLsum_empty_target', '', 'w1', false, 'rougeLsum', 0, 0, 0, 3],
    ['testRougeLsum_nonword_prediction', 'w1 w2 w3 w4 w5', '/', false, 'rougeLsum', 0, 0, 0, 3],
    ['testRougeLSumSentenceSplitting_newlines', 'First sentence.\nSecond Sentence.', 'Second sentence.\nFirst Sentence.', true, 'rougeLsum', undefined, undefined, 1.0, 5],
    ['testRougeLSumSentenceSplitting_no_newlines', 'First sentence. Second Sentence.', 'Second sentence. First Sentence.', true, 'rougeLsum', undefined, undefined, 0.5, 5],
    ['testRougeTokenizerInit', 'this is a test', 'this is a test', false, 'rouge1', undefined, undefined, 1.0, 7],
  ];
  it.each(rows)('%s: %j vs %j (stem %s) %s', (_name, target, prediction, stem, type, p, r, f, places) => {
    const s = rougeScores(prediction, target, { stem })[type];
    expectClose(s.precision, p, places);
    expectClose(s.recall, r, places);
    expectClose(s.f, f, places);
  });
});

describe('rougeScoresMulti (score_multi)', () => {
  // name, targets, prediction, type, expected P, R, F
  type Row = [string, string[], string, RougeType, Maybe, Maybe, Maybe];
  // prettier-ignore
  const rows: Row[] = [
    ['testRouge1Multi', ['testing one two'], 'testing', 'rouge1', 1, 0.3333333333333333, 0.5],
    ['testRougeAllMulti', ['first text', 'first something'], 'text first', 'rouge1', undefined, undefined, 1],
    ['testRougeAllMulti', ['first text', 'first something'], 'text first', 'rouge2', undefined, undefined, 0],
    ['testRougeAllMulti', ['first text', 'first something'], 'text first', 'rougeL', undefined, undefined, 0.5],
  ];
  it.each(rows)('%s %j vs %j: %s', (_name, targets, prediction, type, p, r, f) => {
    const s = rougeScoresMulti(prediction, targets, { stem: false })[type];
    expectClose(s.precision, p, 7);
    expectClose(s.recall, r, 7);
    expectClose(s.f, f, 7);
  });
});

describe('rougeScores against ROUGE-1.5.5 on rouge-score test files (places=5)', () => {
  // name, line, use_stemmer, type, expected P, R, F
  // prettier-ignore
  const rows: [string, number, boolean, RougeType, number, number, number][] = [
    ['testRouge1AgainstRouge155', 0, false, 'rouge1', 0.6875, 0.40741, 0.51163],
    ['testRouge1AgainstRouge155', 1, false, 'rouge1', 0.65385, 0.40476, 0.5],
    ['testRouge1AgainstRouge155WithStemming', 0, true, 'rouge1', 0.6875, 0.40741, 0.51163],
    ['testRouge1AgainstRouge155WithStemming', 1, true, 'rouge1', 0.69231, 0.42857, 0.52941],
    ['testRouge2AgainstRouge155', 0, false, 'rouge2', 0.53333, 0.30769, 0.39024],
    ['testRouge2AgainstRouge155', 1, false, 'rouge2', 0.48, 0.29268, 0.36364],
    ['testRouge2AgainstRouge155WithStemming', 0, true, 'rouge2', 0.53333, 0.30769, 0.39024],
    ['testRouge2AgainstRouge155WithStemming', 1, true, 'rouge2', 0.48, 0.29268, 0.36364],
    ['testRougeLAgainstRouge155', 0, false, 'rougeL', 0.6875, 0.40741, 0.51163],
    ['testRougeLAgainstRouge155', 1, false, 'rougeL', 0.65385, 0.40476, 0.5],
  ];
  it.each(rows)('%s line %i (stem %s) %s', (_name, line, stem, type, p, r, f) => {
    const s = rougeScores(PREDICTION_LINES[line] ?? '', TARGET_LINES[line] ?? '', { stem })[type];
    expectClose(s.precision, p, 5);
    expectClose(s.recall, r, 5);
    expectClose(s.f, f, 5);
  });

  it('testRougeLSumAgainstRouge155WithStemming: multi-line files', () => {
    const s = rougeScores(PREDICTION_MULTI, TARGET_MULTI, { stem: true }).rougeLsum;
    expectClose(s.precision, 0.66667, 5);
    expectClose(s.recall, 0.36538, 5);
    expectClose(s.f, 0.47205, 5);
  });
});

describe('LCS internals (rouge-score _lcs_table, _backtrack_norec, _union_lcs, _summary_level_lcs)', () => {
  const ids = (xs: number[]) => Int32Array.from(xs);
  it('testLcsTable', () => {
    expect(lcsLength(ids([1, 2, 3, 4, 5]), ids([2, 5, 3, 4]))).toBe(3);
    expect(lcsIndices(ids([1, 2, 3, 4, 5]), ids([2, 5, 3, 4]))).toEqual([1, 2, 3]);
  });
  it('testLcsTable_none', () => {
    expect(lcsLength(ids([1, 2, 3, 4, 5]), ids([8, 9]))).toBe(0);
    expect(lcsIndices(ids([1, 2, 3, 4, 5]), ids([8, 9]))).toEqual([]);
  });
  it('testUnionLcs', () => {
    const ref = ids([1, 2, 3, 4, 5]);
    const union = new Set(
      [
        [1, 2, 6, 7, 8],
        [1, 3, 8, 9, 5],
      ].flatMap((can) => lcsIndices(ref, ids(can))),
    );
    expect([...union].sort((a, b) => a - b).map((i) => ref[i])).toEqual([1, 2, 3, 5]);
  });
  it('testSummaryLevelLcs', () => {
    const s = scoreSummaryLcs(
      [[1, 2, 3, 4, 5]].map(ids),
      [
        [1, 2, 6, 7, 8],
        [1, 3, 8, 9, 5],
      ].map(ids),
    );
    expectClose(s.recall, 0.8, 7);
    expectClose(s.precision, 0.4, 7);
    expectClose(s.f, 0.5333, 3);
  });
  it('testSummaryLevelLcs_empty_candidate', () => {
    expect(scoreSummaryLcs([ids([1])], [ids([])]).recall).toBe(0.0);
  });
});

describe('rougeTokens (rouge-score tokenize)', () => {
  it.each([
    ['one Two three', ['one', 'two', 'three']],
    ['one\n Two \nthree', ['one', 'two', 'three']],
  ])('%j', (text, tokens) => {
    expect(rougeTokens(text, false)).toEqual(tokens);
  });
});

describe('rougeScores: our own cases', () => {
  it('stems like NLTK: "news" stays "news", "says" meets "say"', () => {
    expect(rougeScores('news', 'new').rouge1.recall).toBe(0);
    expect(rougeScores('the mayor says', 'the mayor say').rouge1.f).toBe(1);
    expect(rougeScores('reported', 'reporting', { stem: false }).rouge1.f).toBe(0);
    expect(rougeScores('reported', 'reporting').rouge1.f).toBe(1);
  });

  it('stems only tokens longer than 3 characters', () => {
    // "dies" → "die" would meet "die" if stemmed; it is 4 long so it is; "ties"→"tie" too, "pies" too.
    expect(rougeScores('dies', 'die').rouge1.f).toBe(1);
    // "was" (3 long) is not stemmed to "wa".
    expect(rougeScores('was', 'wa').rouge1.f).toBe(0);
  });

  it('treats punctuation, accents and other scripts as separators', () => {
    expect(rougeTokens('Café-owner’s 3.5% rise — 東京', false)).toEqual([
      'caf',
      'owner',
      's',
      '3',
      '5',
      'rise',
    ]);
    expect(rougeScores('!!!', '???')).toEqual({
      rouge1: { precision: 0, recall: 0, f: 0 },
      rouge2: { precision: 0, recall: 0, f: 0 },
      rougeL: { precision: 0, recall: 0, f: 0 },
      rougeLsum: { precision: 0, recall: 0, f: 0 },
    });
  });

  it('ROUGE-Lsum uses lines as sentences, ROUGE-L ignores them', () => {
    const reference = 'the bridge closed\nferries run';
    const candidate = 'ferries run\nthe bridge closed';
    expect(rougeScores(candidate, reference).rougeLsum.f).toBe(1);
    expect(rougeScores(candidate, reference).rougeL.f).toBeCloseTo(0.6, 10);
  });

  it('scores the best reference per measure, the first on ties, and zeros without references', () => {
    const multi = rougeScoresMulti('a b c d', ['a b x x', 'c d a b', 'a b c d']);
    expect(multi.rouge1.f).toBe(1);
    expect(multi.rouge2.f).toBe(1);
    expect(rougeScoresMulti('a b', []).rouge1).toEqual({ precision: 0, recall: 0, f: 0 });
    // Both references give F 0.5 (P .5 R .5, and P 1 R 1/3): the first one wins.
    const tie = rougeScoresMulti('a b', ['a x', 'a b x x x x']);
    expect(tie.rouge1.recall).toBe(0.5);
    expect(rougeScoresMulti('a b', ['a b x x x x', 'a x']).rouge1.recall).toBeCloseTo(1 / 3, 12);
  });

  it('handles long texts (a 2,000-word summary against itself)', () => {
    const words = Array.from({ length: 2000 }, (_, i) => `w${i % 301}`).join(' ');
    const s = rougeScores(words, words);
    expect([s.rouge1.f, s.rouge2.f, s.rougeL.f, s.rougeLsum.f]).toEqual([1, 1, 1, 1]);
  });
});
