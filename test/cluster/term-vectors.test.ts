/** Dense term vectors: decoding the shipped form, embedding an article, cosines, and bad files. */
import { describe, expect, it } from 'vitest';
import { denseCosine, termVectors, type TermVectorsFile } from '../../src/core/cluster/term-vectors.js';
import { vectorsFile } from '../../lab/cluster-join/vectors.js';

// Three terms in two dimensions: "quake" and "tremor" point one way, "ferry" another.
const TABLE = Float64Array.from([0.5, 0.1, 0.45, 0.12, -0.05, 0.6]);
const FILE = vectorsFile(['quake', 'tremor', 'ferry'], TABLE, 2);

describe('termVectors', () => {
  it('decodes what the lab writes to within a byte of each value', () => {
    const v = termVectors(FILE);
    const e = v.embed([['tremor', 1]]);
    expect(e[0]).toBeCloseTo(0.45, 2);
    expect(e[1]).toBeCloseTo(0.12, 2);
  });

  it.each([
    ['one event in other words', [['quake', 1]], [['tremor', 1]], 0.99],
    ['another event', [['quake', 1]], [['ferry', 1]], 0.2],
  ] as const)('%s', (_name, a, b, bound) => {
    const v = termVectors(FILE);
    const cos = denseCosine(v.embed(a), v.embed(b));
    if (bound > 0.5) expect(cos).toBeGreaterThan(bound);
    else expect(cos).toBeLessThan(bound);
  });

  it('gives nothing for terms it has no vector for, and a zero cosine for nothing', () => {
    const v = termVectors(FILE);
    const none = v.embed([['unheard', 1]]);
    expect([...none]).toEqual([0, 0]);
    expect(denseCosine(none, v.embed([['quake', 1]]))).toBe(0);
    expect([...v.embed([])]).toEqual([0, 0]);
  });

  it('refuses a file whose sizes disagree, on first use', () => {
    const bad: TermVectorsFile = { ...FILE, scales: [1] };
    const v = termVectors(bad);
    expect(() => v.embed([['quake', 1]])).toThrow(/expected 3 term vectors of 2 bytes/);
  });
});
