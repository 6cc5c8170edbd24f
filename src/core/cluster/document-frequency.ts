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

export class DocumentFrequency {
  private readonly counts = new Map<string, number>();
  private documents = 0;

  constructor(private readonly prior?: PriorFrequencies) {}

  /** Counts one document's distinct terms. */
  add(terms: Iterable<string>): void {
    this.documents++;
    for (const t of terms) this.counts.set(t, (this.counts.get(t) ?? 0) + 1);
  }

  /** Smoothed inverse document frequency, ln((N + 1) / (df + 0.5)): never negative, highest for unseen terms. */
  idf(term: string): number {
    const priorDf = this.prior ? (this.prior.df[term] ?? 0) : 0;
    const n = this.documents + (this.prior?.documents ?? 0);
    return Math.log((n + 1) / ((this.counts.get(term) ?? 0) + priorDf + 0.5));
  }

  get size(): number {
    return this.documents;
  }

  toJSON(): { documents: number; counts: [string, number][] } {
    return { documents: this.documents, counts: [...this.counts] };
  }

  static fromJSON(
    state: { documents: number; counts: readonly (readonly [string, number])[] },
    prior?: PriorFrequencies,
  ): DocumentFrequency {
    const df = new DocumentFrequency(prior);
    df.documents = state.documents;
    for (const [t, c] of state.counts) df.counts.set(t, c);
    return df;
  }
}
