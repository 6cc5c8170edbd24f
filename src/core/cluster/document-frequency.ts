/**
 * Document frequencies counted online, as articles arrive, optionally on top of a prior table counted on
 * a background collection (`cluster-idf.json`, built on Multi-News train by `lab/cluster-idf.ts`). The
 * prior makes the first articles of a stream weigh words sensibly; the online counts adapt it to the
 * stream's own vocabulary.
 */

export interface PriorFrequencies {
  /** Number of documents the prior was counted on. */
  readonly documents: number;
  /** Term → number of those documents containing it. */
  readonly df: Readonly<Record<string, number>>;
}

/** One term's online count, with its prior count looked up once, when the term was first counted. */
interface Count {
  online: number;
  readonly prior: number;
}

export class DocumentFrequency {
  /**
   * Term → counts. One map entry holds both counts: counting and weighing each looked a term up in two
   * tables, twice per term of every article (docs/clustering.md, sixth round).
   */
  private readonly counts = new Map<string, Count>();
  private documents = 0;

  constructor(private readonly prior?: PriorFrequencies) {}

  private priorDf(term: string): number {
    // Own keys only: the table is a plain object, and "constructor" or "toString" would read its
    // prototype's function, whose weight came out NaN and dropped the word from every vector.
    return this.prior && Object.hasOwn(this.prior.df, term) ? (this.prior.df[term] ?? 0) : 0;
  }

  /** Counts one more document holding `term`, and gives its counts. */
  private count(term: string): Count {
    let c = this.counts.get(term);
    if (c) c.online++;
    else this.counts.set(term, (c = { online: 1, prior: this.priorDf(term) }));
    return c;
  }

  /** Counts one document's distinct terms. */
  add(terms: Iterable<string>): void {
    this.documents++;
    for (const t of terms) this.count(t);
  }

  /**
   * Counts one document's distinct terms, as `add` does, and gives each its `idf` as it is once the
   * document is counted, in the order given: one lookup per term where `add` then `idf` took two
   * (each term's idf depends only on its own count and the number of documents).
   */
  addWithIdf(terms: readonly string[]): Float64Array {
    this.documents++;
    const n = this.documents + (this.prior?.documents ?? 0);
    const out = new Float64Array(terms.length);
    terms.forEach((t, i) => {
      const c = this.count(t);
      out[i] = Math.log((n + 1) / (c.online + c.prior + 0.5));
    });
    return out;
  }

  /** Smoothed inverse document frequency, ln((N + 1) / (df + 0.5)): never negative, highest for unseen terms. */
  idf(term: string): number {
    const c = this.counts.get(term);
    const n = this.documents + (this.prior?.documents ?? 0);
    return Math.log((n + 1) / ((c?.online ?? 0) + (c ? c.prior : this.priorDf(term)) + 0.5));
  }

  get size(): number {
    return this.documents;
  }

  toJSON(): { documents: number; counts: [string, number][] } {
    return { documents: this.documents, counts: [...this.counts].map(([t, c]) => [t, c.online]) };
  }

  static fromJSON(
    state: { documents: number; counts: readonly (readonly [string, number])[] },
    prior?: PriorFrequencies,
  ): DocumentFrequency {
    const df = new DocumentFrequency(prior);
    df.documents = state.documents;
    for (const [t, c] of state.counts) df.counts.set(t, { online: c, prior: df.priorDf(t) });
    return df;
  }
}
