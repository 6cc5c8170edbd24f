import { describe, expect, it } from 'vitest';
import { heaviestParts, sortHeaviestFirst } from '../../src/core/cluster/heaviest-first.js';

describe('sortHeaviestFirst', () => {
  it.each([
    ['nothing', [], []],
    ['one place', [0.5], ['a']],
    ['ties broken by term', [0.5, 0.5, 0.5, 0.1], ['c', 'a', 'b', 'a0']],
    ['already sorted', [0.9, 0.5, 0.1], ['x', 'y', 'z']],
  ])('%s', (_name, weights, terms) => {
    const places = terms.map((_, i) => i);
    const expected = [...places].sort(
      (a, b) => weights[b]! - weights[a]! || (terms[a]! < terms[b]! ? -1 : 1),
    );
    expect(sortHeaviestFirst(places, weights, terms)).toEqual(expected);
  });

  // The clusterer's vectors were sorted by the built-in sort with this comparator: any order it gives
  // must come out the same, ties (equal rounded weights) included, at every length up to two runs of 64.
  it('orders as the comparator sort did, on many lengths and ties', () => {
    let s = 11;
    const next = () => (s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32;
    for (let n = 0; n < 140; n++) {
      const weights = Array.from({ length: n }, () => Math.round(next() * 8) / 8);
      const terms = Array.from({ length: n }, (_, i) => `t${Math.floor(next() * 1e6)}_${i}`);
      const places = Array.from({ length: n }, (_, i) => i).sort(() => next() - 0.5);
      const expected = [...places].sort(
        (a, b) => weights[b]! - weights[a]! || (terms[a]! < terms[b]! ? -1 : terms[a]! > terms[b]! ? 1 : 0),
      );
      expect(sortHeaviestFirst(places, weights, terms)).toEqual(expected);
    }
  });
});

describe('heaviestParts', () => {
  it('gives the first of a full sort, ties by term, for every count', () => {
    let s = 5;
    const next = () => (s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32;
    for (let n = 0; n < 60; n++) {
      const parts = Array.from(
        { length: n },
        (_, i) => [`t${Math.floor(next() * 1e6)}_${i}`, Math.round(next() * 6) / 6] as const,
      );
      const sorted = [...parts].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1));
      for (const count of [0, 1, 5, n]) expect(heaviestParts(parts, count)).toEqual(sorted.slice(0, count));
    }
  });
});
