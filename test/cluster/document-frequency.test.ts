import { describe, expect, it } from 'vitest';
import { DocumentFrequency } from '../../src/core/cluster/document-frequency.js';

describe('DocumentFrequency', () => {
  const prior = { documents: 100, df: { bridge: 9, council: 30 } };

  it.each(['bridge', 'council', 'ferry', 'constructor', 'toString', '__proto__', 'hasOwnProperty'])(
    'weighs %s with a finite idf, a word the prior lacks as if counted nowhere',
    (word) => {
      const df = new DocumentFrequency(prior);
      df.add(new Set(['quay', word]));
      const idf = df.idf(word);
      expect(Number.isFinite(idf)).toBe(true);
      const inPrior = Object.hasOwn(prior.df, word) ? prior.df[word as 'bridge'] : 0;
      expect(idf).toBeCloseTo(Math.log(102 / (1 + inPrior + 0.5)));
    },
  );

  it('counts and weighs in one pass exactly as add then idf do', () => {
    const docs = [
      ['bridge', 'quay', 'constructor'],
      ['quay', 'ferry'],
      ['bridge', 'council', 'quay', 'toString'],
    ];
    const apart = new DocumentFrequency(prior);
    const together = new DocumentFrequency(prior);
    for (const terms of docs) {
      apart.add(terms);
      const numbers = new Int32Array(terms.length);
      const idf = together.addWithIdf(terms, numbers);
      expect([...idf]).toEqual(terms.map((t) => apart.idf(t)));
      // The numbers the term space reads as ids: one per term, the same each time it is asked.
      expect([...numbers]).toEqual(terms.map((t) => together.numberOf(t)));
    }
    expect(together.toJSON()).toEqual(apart.toJSON());
    expect(together.vocabulary).toBe(new Set(docs.flat()).size);
    // A term never counted gets the next number and keeps its idf.
    const unseen = together.idf('pier');
    expect(together.numberOf('pier')).toBe(together.vocabulary - 1);
    expect(together.idf('pier')).toBe(unseen);
  });
});
