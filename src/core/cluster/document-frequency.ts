/**
 * Document frequencies counted online, as articles arrive, optionally on top of a prior table counted on
 * a background collection (`cluster-idf.json`, built on Multi-News train by `lab/cluster-idf.ts`). The
 * prior makes the first articles of a stream weigh words sensibly; the online counts adapt it to the
 * stream's own vocabulary.
 */

import { StringTable } from '../text/string-table.js';
import type { TermNumbering } from './term-space.js';

export interface PriorFrequencies {
  /** Number of documents the prior was counted on. */
  readonly documents: number;
  /** Term → number of those documents containing it. */
  readonly df: Readonly<Record<string, number>>;
}

export class DocumentFrequency implements TermNumbering {
  /**
   * Term → its number in the arrays below, which hold its online count, its prior count (looked up
   * once, when the term was first counted) and the term. One entry holds both counts: counting and
   * weighing each looked a term up in two tables, twice per term of every article (docs/clustering.md,
   * sixth round); a flat table (`StringTable`) reads one slot and the key's characters from one array
   * where a `Map` read a bucket, an entry and two objects (eighth round).
   */
  private readonly numbers = new StringTable();
  private online = new Int32Array(1024);
  private priors = new Float64Array(1024);
  private readonly terms: string[] = [];
  private documents = 0;

  constructor(private readonly prior?: PriorFrequencies) {}

  private priorDf(term: string): number {
    // Own keys only: the table is a plain object, and "constructor" or "toString" would read its
    // prototype's function, whose weight came out NaN and dropped the word from every vector.
    return this.prior && Object.hasOwn(this.prior.df, term) ? (this.prior.df[term] ?? 0) : 0;
  }

  /** Counts one more document holding `term`, and gives its number. */
  private count(term: string): number {
    let n = this.numbers.get(term);
    if (n >= 0) this.online[n]!++;
    else n = this.insert(term, 1);
    return n;
  }

  /** Numbers a new term with its online count. */
  private insert(term: string, online: number): number {
    const n = this.terms.length;
    if (n === this.online.length) {
      const grown = new Int32Array(2 * n);
      grown.set(this.online);
      this.online = grown;
      const priors = new Float64Array(2 * n);
      priors.set(this.priors);
      this.priors = priors;
    }
    this.terms.push(term);
    this.numbers.set(term, n);
    this.online[n] = online;
    this.priors[n] = this.priorDf(term);
    return n;
  }

  /** Counts one document's distinct terms. */
  add(terms: Iterable<string>): void {
    this.documents++;
    for (const t of terms) this.count(t);
  }

  /**
   * Counts one document's distinct terms, as `add` does, and gives each its `idf` as it is once the
   * document is counted, in the order given: one lookup per term where `add` then `idf` took two
   * (each term's idf depends only on its own count and the number of documents). Each term's number
   * goes into `numbers`, when given; the idfs into `out` (at least as long as `terms`), when given.
   */
  addWithIdf(
    terms: readonly string[],
    numbers?: Int32Array,
    out: Float64Array = new Float64Array(terms.length),
  ): Float64Array {
    this.documents++;
    const n = this.documents + (this.prior?.documents ?? 0);
    for (let i = 0; i < terms.length; i++) {
      const c = this.count(terms[i]!);
      out[i] = Math.log((n + 1) / (this.online[c]! + this.priors[c]! + 0.5));
      if (numbers) numbers[i] = c;
    }
    return out;
  }

  /**
   * The term's number (`TermNumbering`), the one `addWithIdf` gives it; a term never counted is
   * numbered with no documents, which leaves its `idf` as it was.
   */
  numberOf(term: string): number {
    const c = this.numbers.get(term);
    return c >= 0 ? c : this.insert(term, 0);
  }

  /** The term numbered `n` (`TermNumbering`). */
  termOf(n: number): string {
    return this.terms[n]!;
  }

  /** Terms numbered so far. */
  get vocabulary(): number {
    return this.terms.length;
  }

  /** Smoothed inverse document frequency, ln((N + 1) / (df + 0.5)): never negative, highest for unseen terms. */
  idf(term: string): number {
    const c = this.numbers.get(term);
    const n = this.documents + (this.prior?.documents ?? 0);
    const df = c >= 0 ? this.online[c]! + this.priors[c]! : this.priorDf(term);
    return Math.log((n + 1) / (df + 0.5));
  }

  get size(): number {
    return this.documents;
  }

  toJSON(): { documents: number; counts: [string, number][] } {
    return { documents: this.documents, counts: this.terms.map((t, n) => [t, this.online[n]!]) };
  }

  static fromJSON(
    state: { documents: number; counts: readonly (readonly [string, number])[] },
    prior?: PriorFrequencies,
  ): DocumentFrequency {
    const df = new DocumentFrequency(prior);
    df.documents = state.documents;
    for (const [t, c] of state.counts) {
      const n = df.numbers.get(t);
      if (n >= 0) df.online[n] = c;
      else df.insert(t, c);
    }
    return df;
  }
}
