import { describe, expect, it } from 'vitest';
import { Centroid } from '../../src/core/cluster/centroid.js';

const quantize = (x: number) => Math.round(x * 1e6) / 1e6;

/** A generator of the same numbers on every run (a linear congruential one, high bits). */
function numbers(seed: number): () => number {
  let s = seed;
  return () => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return s / 2 ** 32;
  };
}

/** The centroid's entries in its order, as a map's iteration gives them. */
const entries = (c: Centroid) => Array.from({ length: c.size }, (_, p) => [c.idAt(p), c.weightAt(p)]);

describe('centroid by term id', () => {
  // It stands for a Map<string, number>: same entries, same order, so sums in its order are the same.
  it('answers as a map of the same additions, sets and trims would', () => {
    const next = numbers(7);
    const c = new Centroid();
    let map = new Map<number, number>();
    for (let step = 0; step < 3000; step++) {
      const id = Math.floor(next() * 400) * 37;
      const w = next();
      const op = next();
      if (op < 0.7) {
        c.add(id, w, quantize);
        map.set(id, quantize((map.get(id) ?? 0) + w));
      } else if (op < 0.95) {
        c.set(id, w);
        map.set(id, w);
      } else {
        // Keep every other entry, last first: the kept order is the one given.
        const places = Array.from({ length: c.size }, (_, p) => p)
          .filter((p) => p % 2 === 0)
          .reverse();
        const kept = [...map].filter((_, p) => p % 2 === 0).reverse();
        c.keep(places);
        map = new Map(kept);
      }
      expect(c.size).toBe(map.size);
    }
    expect(entries(c)).toEqual([...map]);
    for (let id = -5; id < 400 * 37; id += 1) expect(c.get(id)).toBe(map.get(id));
    let n = 0;
    for (const w of map.values()) n += w * w;
    expect(c.norm()).toBe(Math.sqrt(n));
    const { ids, weights } = c.byId();
    expect([...ids]).toEqual([...map.keys()]);
    expect([...weights]).toEqual([...map.values()]);
  });

  it('is empty when new, and gives the entries it was made of in their order', () => {
    expect(new Centroid().size).toBe(0);
    expect(new Centroid().get(0)).toBeUndefined();
    expect(new Centroid().norm()).toBe(0);
    const c = Centroid.of([
      [9, 0.5],
      [2, 0.25],
      [1 << 30, 1],
    ]);
    expect(entries(c)).toEqual([
      [9, 0.5],
      [2, 0.25],
      [1 << 30, 1],
    ]);
    expect(c.placeOf(1 << 30)).toBe(2);
  });

  it('lays itself out anew after a change', () => {
    const c = Centroid.of([[3, 0.5]]);
    expect([...c.byId().ids]).toEqual([3]);
    c.add(4, 0.25, quantize);
    expect([...c.byId().ids]).toEqual([3, 4]);
    c.set(3, 0.125);
    expect([...c.byId().weights]).toEqual([0.125, 0.25]);
  });
});

describe('centroid made with room', () => {
  it('answers alike whatever room it was made with', () => {
    const small = new Centroid();
    const roomy = new Centroid(100);
    for (let i = 0; i < 300; i++) {
      small.add((i * 7919) % 1000, i / 300, quantize);
      roomy.add((i * 7919) % 1000, i / 300, quantize);
    }
    expect(entries(roomy)).toEqual(entries(small));
    expect(roomy.get(7919 % 1000)).toBe(small.get(7919 % 1000));
  });
});
