import { describe, expect, it } from 'vitest';
import { PieceFinder } from '../../src/core/text/piece-finder.js';

/** A small generator (mulberry32), so that a failure can be replayed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('PieceFinder (Aho–Corasick)', () => {
  it.each<[string[], string, string[]]>([
    [['—', 'a—b', '©'], 'x a—b ©', ['a—b', '©', '—']],
    [['❮ prev', 'prev'], 'next ❮ prev', ['prev', '❮ prev']],
    // A unit past ASCII that no piece holds sends the scan back to the start.
    [['ab'], 'aéb ab', ['ab']],
    [['ab'], 'aéb', []],
    [['he', 'she', 'his', 'hers'], 'ushers', ['he', 'hers', 'she']],
    [['a', 'a'], 'a', ['a']],
  ])('%j in %j', (pieces, text, expected) => {
    expect([...new PieceFinder(pieces).find(text)].sort()).toEqual(expected);
  });

  it('reports places in the order of its unique pieces', () => {
    const finder = new PieceFinder(['in', 'sign', 'in', '']);
    expect(finder.pieces).toEqual(['in', 'sign']);
    expect([...finder.findIndexes('signing')]).toEqual([1, 1]);
    expect([...finder.findIndexes('sig')]).toEqual([0, 0]);
  });

  it('finds what includes finds, on random pieces and texts of a small alphabet', () => {
    const next = random(7);
    const alphabet = ['a', 'b', 'c', '—', '–', '©', ' ', '.'];
    const word = (max: number) =>
      Array.from(
        { length: 1 + Math.floor(next() * max) },
        () => alphabet[Math.floor(next() * alphabet.length)],
      ).join('');
    for (let round = 0; round < 300; round++) {
      const pieces = Array.from({ length: 1 + Math.floor(next() * 12) }, () => word(4));
      const finder = new PieceFinder(pieces);
      for (let t = 0; t < 10; t++) {
        const text = word(40);
        const expected = [...new Set(pieces)].filter((p) => text.includes(p)).sort();
        expect([...finder.find(text)].sort(), `${JSON.stringify(pieces)} in ${JSON.stringify(text)}`).toEqual(
          expected,
        );
      }
    }
  });
});
