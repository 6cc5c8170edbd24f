import { describe, expect, it } from 'vitest';
import { editArticle, EDITS } from '../../bench/dedupe-edits.js';
import { makeArticle } from '../../src/core/article.js';
import { DuplicateIndex, findDuplicates } from '../../src/core/dedupe/index.js';
import { copySimilarity } from '../../src/core/dedupe/similarity.js';
import { MAX_SHINGLED_WORDS, SHINGLE_WORDS, shingleHashes } from '../../src/core/dedupe/shingles.js';
import { tokenize } from '../../src/core/text/tokens.js';
import { STORIES } from '../cluster/fixture.js';

const all = STORIES.flatMap((s) => s.articles);
const [wire, other] = STORIES[0]!.articles;

describe('findDuplicates', () => {
  it.each(EDITS)('finds the %s copy of every fictional article', (edit) => {
    for (const [i, a] of all.entries()) {
      const copy = editArticle(a, edit, all[(i + 1) % all.length]);
      const links = findDuplicates([a, copy]);
      expect(links).toHaveLength(1);
      expect(links[0]).toMatchObject({ article: 1, original: 0 });
    }
  });

  it('links no two different reports of one event', () => {
    for (const s of STORIES) expect(findDuplicates(s.articles)).toEqual([]);
  });

  it('takes the earlier-dated article as the original, else the earlier given', () => {
    const copy = { ...editArticle(wire!, 'append', other), date: '2031-04-01T00:00:00Z' };
    expect(findDuplicates([wire!, copy])).toEqual([
      { article: 0, original: 1, similarity: expect.any(Number) },
    ]);
    const undated = [
      { ...wire!, date: undefined },
      { ...copy, date: undefined },
    ];
    expect(findDuplicates(undated)[0]).toMatchObject({ article: 1, original: 0 });
  });

  it('links a copy of a copy to the first original', () => {
    const a = wire!;
    const b = editArticle(a, 'wording');
    const c = editArticle(b, 'trim');
    const links = findDuplicates([a, b, c]);
    expect(links.map((l) => [l.article, l.original])).toEqual([
      [1, 0],
      [2, 0],
    ]);
  });

  it.each([
    ['no articles', []],
    ['one article', [wire!]],
    ['empty texts', [makeArticle({ id: 'a', text: '' }), makeArticle({ id: 'b', text: '' })]],
  ])('copes with %s', (_name, articles) => {
    expect(findDuplicates(articles)).toEqual([]);
  });

  it('finds exact repeats of very short texts', () => {
    const a = makeArticle({ id: 'a', text: 'Bridge shut.' });
    const b = makeArticle({ id: 'b', text: 'Bridge shut!' });
    expect(findDuplicates([a, b])).toEqual([{ article: 1, original: 0, similarity: 1 }]);
  });
  it('links as comparing every pair would, in a story of many copies and edits', () => {
    // Every fictional article, and each kind of edit of each: copies of copies, near-ties, unrelated pairs.
    const articles = all.flatMap((a, i) => [
      a,
      ...EDITS.map((e) => editArticle(a, e, all[(i + 1) % all.length])),
    ]);
    const ids = articles.map((a, i) => ({ ...a, id: `${a.id}-${i}` }));
    const shingles = ids.map((a) => shingleHashes(a.text));
    const shared = (x: Uint32Array, y: Uint32Array) => x.filter((h) => y.includes(h)).length;
    // Reference: for each article in given order (none is dated), the best earlier one pair by pair.
    const rootOf = new Map<number, number>();
    const expected = [];
    for (let i = 0; i < ids.length; i++) {
      let best = -1;
      let bestSimilarity = 0;
      for (let j = 0; j < i; j++) {
        const sim = copySimilarity(
          shingles[i]!.length,
          shingles[j]!.length,
          shared(shingles[i]!, shingles[j]!),
        );
        if (sim >= 0.4 && sim > bestSimilarity) [best, bestSimilarity] = [j, sim];
      }
      if (best < 0) continue;
      rootOf.set(i, rootOf.get(best) ?? best);
      expected.push({
        article: i,
        original: rootOf.get(i),
        similarity: Math.round(bestSimilarity * 1000) / 1000,
      });
    }
    expect(expected.length).toBeGreaterThan(all.length);
    expect(findDuplicates(ids.map(({ date: _, ...a }) => a))).toEqual(expected);
  });
});

describe('copySimilarity', () => {
  it.each([
    [100, 100, 100, 1],
    [100, 50, 50, 0.75],
    [100, 100, 0, 0],
    [0, 10, 0, 0],
  ])('sizes %i and %i sharing %i → %f', (a, b, shared, want) => {
    expect(copySimilarity(a, b, shared)).toBeCloseTo(want, 10);
  });

  it('ignores case and punctuation in shingles', () => {
    expect(shingleHashes('The Harbor Bridge, closed today!')).toEqual(
      shingleHashes('the harbor bridge closed today'),
    );
  });
});

describe('DuplicateIndex', () => {
  it('returns the original each copy copies, and nothing for independent reports', () => {
    const index = new DuplicateIndex();
    for (const a of all) expect(index.add(a)).toBeUndefined();
    for (const edit of EDITS) {
      const copy = editArticle(wire!, edit, other);
      expect(index.add(copy)).toMatchObject({ articleId: copy.id, original: wire!.id });
    }
    expect(index.size).toBe(all.length + EDITS.length);
  });

  it('answers the same after a JSON snapshot round trip', () => {
    const index = new DuplicateIndex();
    for (const a of all) index.add(a);
    const restored = DuplicateIndex.restore(JSON.parse(JSON.stringify(index.snapshot())));
    const copy = editArticle(all[3]!, 'trim');
    expect(restored.add(copy)).toEqual(index.add(copy));
  });

  it('changes nothing when an id is added again, and copes with empty text', () => {
    const index = new DuplicateIndex();
    index.add(wire!);
    expect(index.add(wire!)).toBeUndefined();
    expect(index.add(makeArticle({ id: 'e', text: '' }))).toBeUndefined();
    expect(index.size).toBe(2);
  });

  it('refuses a malformed snapshot', () => {
    expect(() => DuplicateIndex.restore({} as never)).toThrow(/duplicate index snapshot/);
  });
});

describe('shingleHashes against a plain reference', () => {
  // The hashes as first written: every token of `tokenize`, FNV-1a over its characters, the shingle
  // hash over five of them, sorted and distinct.
  const reference = (text: string): number[] => {
    const words = tokenize(text)
      .slice(0, MAX_SHINGLED_WORDS)
      .map((w) => {
        let h = 0x811c9dc5;
        for (let i = 0; i < w.length; i++) h = Math.imul(h ^ w.charCodeAt(i), 0x01000193);
        return h >>> 0;
      });
    if (words.length === 0) return [];
    const out = new Set<number>();
    for (let i = 0; i < Math.max(1, words.length - SHINGLE_WORDS + 1); i++) {
      let h = 0x9e3779b9;
      for (let k = i; k < Math.min(words.length, i + SHINGLE_WORDS); k++)
        h = Math.imul(h ^ words[k]!, 0x85ebca6b) ^ (h >>> 13);
      out.add(h >>> 0);
    }
    return [...out].sort((a, b) => a - b);
  };
  const words = ['Pier', 'closed', 'the', '42', 'café', '大桥关闭', 'didn’t', 'vote', 'x', '—'];
  let seed = 5;
  const next = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  it.each([0, 1, 4, 5, 6, 40, 5000, 25000])('on texts of %i words', (n) => {
    for (let trial = 0; trial < 3; trial++) {
      const text = Array.from({ length: n }, () => words[next(trial === 0 ? 4 : words.length)]).join(' ');
      expect([...shingleHashes(text)]).toEqual(reference(text));
    }
  });
});
