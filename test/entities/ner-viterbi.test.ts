import { describe, expect, it } from 'vitest';
import { ALLOWED, NER_TAGS, viterbi } from '../../src/core/entities/ner/index.js';

const T = NER_TAGS.length;

/** Textbook Viterbi over every (previous, next) pair, ALLOWED read per pair, ties to the lowest tag. */
function reference(n: number, emit: Float64Array, trans: Float64Array, start: Float64Array): number[] {
  const score: number[][] = [];
  const back: number[][] = [];
  score.push(NER_TAGS.map((_, t) => (ALLOWED[T * T + t] ? start[t]! + emit[t]! : -Infinity)));
  for (let i = 1; i < n; i++) {
    const row: number[] = [];
    const arg: number[] = [];
    for (let t = 0; t < T; t++) {
      let best = -Infinity;
      let from = 0;
      for (let p = 0; p < T; p++) {
        if (!ALLOWED[p * T + t]) continue;
        const s = score[i - 1]![p]! + trans[p * T + t]!;
        if (s > best) {
          best = s;
          from = p;
        }
      }
      row.push(best + emit[i * T + t]!);
      arg.push(from);
    }
    score.push(row);
    back.push(arg);
  }
  const last = score[n - 1]!;
  const out = new Array<number>(n);
  out[n - 1] = last.indexOf(Math.max(...last));
  for (let i = n - 1; i > 0; i--) out[i - 1] = back[i - 1]![out[i]!]!;
  return out;
}

/** A small deterministic generator (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

describe('viterbi', () => {
  it('returns nothing for no token', () => {
    expect([...viterbi(0, new Float64Array(0), new Float64Array(T * T), new Float64Array(T))]).toEqual([]);
  });

  // Small integer scores make ties common; -Infinity scores stand for forbidden moves in a model.
  it.each([
    ['fractions', 1, false],
    ['integers (ties)', 2, true],
    ['integers with -Infinity', 3, true],
  ])('agrees with the textbook decoder on random %s', (_, seed, integers) => {
    const next = random(seed);
    const value = () => {
      if (seed === 3 && next() < 0.1) return -Infinity;
      return integers ? Math.floor(next() * 3) : next() * 4 - 2;
    };
    for (let run = 0; run < 300; run++) {
      const n = 1 + Math.floor(next() * 12);
      const emit = Float64Array.from({ length: n * T }, value);
      const trans = Float64Array.from({ length: T * T }, value);
      const start = Float64Array.from({ length: T }, value);
      expect([...viterbi(n, emit, trans, start)]).toEqual(reference(n, emit, trans, start));
    }
  });
});
