/**
 * The overlap measures behind the same-content features: bit-parallel LCS against the textbook table,
 * METEOR's alignment, sorted-array overlaps, and the boosted-tree scorer.
 */
import { describe, expect, it } from 'vitest';
import {
  editDistance,
  hashString,
  lcsLength,
  meteor,
  ngramHashes,
  positionMasks,
  sharedCount,
  sortedUnique,
  wordCharGramHashes,
} from '../../src/core/match/overlap.js';
import { treeLogOdds, type TreeEnsemble } from '../../src/core/match/trees.js';
import { fitBoostedTrees } from '../../lab/same-content/boosted-trees.js';

const ids = (words: string) => Uint32Array.from(words.split(' ').filter(Boolean), hashString);

/** The dynamic-programming LCS, for reference. */
function tableLcs(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const d = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++)
      d[i]![j] = a[i - 1] === b[j - 1] ? d[i - 1]![j - 1]! + 1 : Math.max(d[i - 1]![j]!, d[i]![j - 1]!);
  return d[a.length]![b.length]!;
}

describe('lcsLength', () => {
  it.each<[string, string, number]>([
    ['', '', 0],
    ['a', '', 0],
    ['a b c d e', 'b e c d', 3],
    ['the ferry runs free', 'the ferry runs free', 4],
    ['x y', 'p q r', 0],
  ])('%j / %j → %i', (a, b, expected) => {
    expect(lcsLength(ids(a), positionMasks(ids(b)), ids(b).length)).toBe(expected);
  });

  it('matches the table on sequences longer than one 32-bit word', () => {
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) % 5;
    for (let t = 0; t < 200; t++) {
      const a = Uint32Array.from({ length: (t * 7) % 90 }, next);
      const b = Uint32Array.from({ length: (t * 13) % 100 }, next);
      expect(lcsLength(a, positionMasks(b), b.length)).toBe(tableLcs(a, b));
    }
  });
});

/** The dynamic-programming edit distance (Levenshtein), for reference. */
function tableEdits(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++)
      cur[j] = Math.min(prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1), prev[j]! + 1, cur[j - 1]! + 1);
    prev = cur;
  }
  return prev[b.length]!;
}

describe('editDistance', () => {
  it.each<[string, string, number]>([
    ['', '', 0],
    ['a b', '', 2],
    ['', 'a b c', 3],
    ['prices rose 5 %', 'prices fell 5 %', 1],
    ['the ferry runs free', 'the ferry runs free', 0],
    ['a b c d e', 'b e c d', 3],
  ])('%j / %j → %i', (a, b, expected) => {
    expect(editDistance(ids(a), positionMasks(ids(b)), ids(b).length)).toBe(expected);
  });

  it('matches the table on sequences longer than one 32-bit word', () => {
    let seed = 11;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) % 6;
    for (let t = 0; t < 200; t++) {
      const a = Uint32Array.from({ length: (t * 7) % 90 }, next);
      const b = Uint32Array.from({ length: (t * 13) % 100 }, next);
      expect(editDistance(a, positionMasks(b), b.length)).toBe(tableEdits(a, b));
    }
  });
});

describe('overlaps of sorted hashes', () => {
  it('counts shared values and n-grams', () => {
    expect([...sortedUnique([3, 1, 3, 2])]).toEqual([1, 2, 3]);
    expect(sharedCount(sortedUnique([1, 2, 3, 9]), sortedUnique([2, 9, 10]))).toBe(2);
    expect(sharedCount(ngramHashes(ids('a b c d'), 2), ngramHashes(ids('x b c d'), 2))).toBe(2);
    expect(ngramHashes(ids('a b'), 3).length).toBe(0);
  });

  it('leaves the input of sortedUnique as it was', () => {
    const xs = Uint32Array.of(5, 1, 5);
    expect([...sortedUnique(xs)]).toEqual([1, 5]);
    expect([...xs]).toEqual([5, 1, 5]);
  });

  // The text the character n-grams are read from, written out, and its n-grams hashed as FNV-1a.
  const textGrams = (words: readonly string[], keep: (w: string) => boolean, n: number): number[] => {
    const text = ` ${words.filter(keep).join(' ')} `;
    const out = new Set<number>();
    for (let k = n; k <= text.length; k++) out.add(hashString(text.slice(k - n, k)));
    return [...out].sort((a, b) => a - b);
  };

  it.each([
    [[], 4],
    [[], 2],
    [['a'], 4],
    [[',', '.'], 2],
    [['the', 'mayor', ',', 'said'], 4],
    [['a', 'b', 'a', 'b', 'a', 'b'], 3],
    [['Élise', '’s', 'café', '42'], 4],
  ])('reads the character n-grams of words %j (n = %i) as of the joined text', (words, n) => {
    const keep = (w: string) => /[\p{L}\p{N}]/u.test(w);
    expect([...wordCharGramHashes(words, keep, n)]).toEqual(textGrams(words, keep, n));
  });

  it('reads long word lists (the buffer grows) as the joined text', () => {
    let seed = 7;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0);
    const words = Array.from({ length: 400 }, () =>
      'abcdefgh'.slice(0, 1 + (next() % 8)).repeat(1 + (next() % 4)),
    );
    const keep = () => true;
    expect([...wordCharGramHashes(words, keep, 4)]).toEqual(textGrams(words, keep, 4));
  });
});

describe('meteor', () => {
  const side = (words: string, stems = words) => ({
    words: ids(words),
    stems: ids(stems),
    wordMasks: positionMasks(ids(words)),
    stemMasks: positionMasks(ids(stems)),
  });

  it('is 1 less the fragmentation penalty for identical sentences', () => {
    const [ab, ba] = meteor(side('the ferry runs free'), side('the ferry runs free'));
    expect(ab).toBeCloseTo(1 - 0.5 / 64);
    expect(ba).toBeCloseTo(ab);
  });

  it('aligns stems after exact words, and scores nothing shared as 0', () => {
    const [stemmed] = meteor(side('ferries ran', 'ferry run'), side('ferry runs', 'ferry run'));
    expect(stemmed).toBeGreaterThan(0.4);
    expect(meteor(side('a b'), side('c d'))).toEqual([0, 0]);
    expect(meteor(side(''), side('c d'))).toEqual([0, 0]);
  });
});

describe('boosted trees', () => {
  it('walks splits to leaves and sums them', () => {
    const model: TreeEnsemble = {
      bias: 0.5,
      trees: [[[0, 0.5, 1, 2], [-1], [1]], [[1]]],
    };
    expect(treeLogOdds(model, [0.2])).toBeCloseTo(0.5 - 1 + 1);
    expect(treeLogOdds(model, [0.9])).toBeCloseTo(0.5 + 1 + 1);
  });

  it('learns a threshold on one feature, the same way twice', () => {
    const examples = Array.from({ length: 40 }, (_, i) => ({
      x: [i / 40, (i * 7) % 3],
      y: (i >= 20 ? 1 : 0) as 0 | 1,
      weight: 1,
    }));
    const model = fitBoostedTrees(examples, {
      trees: 20,
      depth: 2,
      rate: 0.3,
      lambda: 1,
      minChild: 1,
      bins: 16,
    });
    expect(treeLogOdds(model, [0.9, 0])).toBeGreaterThan(1);
    expect(treeLogOdds(model, [0.1, 0])).toBeLessThan(-1);
    expect(
      fitBoostedTrees(examples, { trees: 20, depth: 2, rate: 0.3, lambda: 1, minChild: 1, bins: 16 }),
    ).toEqual(model);
  });
});
