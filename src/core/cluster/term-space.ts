/**
 * Dot products of one arriving article with many held vectors, read from arrays instead of string maps.
 * Every term gets a small integer id; the article's weights are laid out by id, so a held vector's
 * product with the article costs one array read per term. On the dated Multi-News stream a dated
 * article is compared with every member of every story within reach, and looking terms up in maps was
 * the clusterer's largest cost (docs/clustering.md, sixth round).
 *
 * The sums are the ones `dot` in `sparse.ts` makes, term for term and in the same order, so every
 * score and decision is bit for bit what it was: `dot(member.vector, articleWeights)` adds the products
 * in the member's order (`memberOrderDot`), `dot(articleVector, member.weights)` in the article's
 * (`articleOrderDot`). Ids are never reused: like the document frequencies, they grow with the
 * vocabulary of the stream.
 */
import { StringTable } from '../text/string-table.js';
import type { TermWeight } from './sparse.js';

/**
 * Gives each term its id: small integers handed out in order and never reused, `vocabulary` of them so
 * far. The clusterer's document frequencies number every term they count, so the space reads their
 * numbers instead of keeping a table of its own (`DocumentFrequency`).
 */
export interface TermNumbering {
  numberOf(term: string): number;
  /** The term numbered `id`. */
  termOf(id: number): string;
  readonly vocabulary: number;
}

/** A numbering of the space's own, for a space used without document frequencies. */
class OwnNumbering implements TermNumbering {
  /**
   * Term → id. A flat table (`StringTable`) rather than a `Map`: a lookup reads one slot and the key's
   * characters from one array instead of a bucket, an entry and a string object elsewhere in memory.
   */
  private readonly ids = new StringTable();
  private readonly terms: string[] = [];

  numberOf(t: string): number {
    let id = this.ids.get(t);
    if (id < 0) {
      this.ids.set(t, (id = this.ids.size));
      this.terms.push(t);
    }
    return id;
  }

  termOf(id: number): string {
    return this.terms[id]!;
  }

  get vocabulary(): number {
    return this.ids.size;
  }
}

/** A held vector by term id: the terms of a `TermWeight[]` in its order, and their weights. */
export interface IdVector {
  readonly ids: Int32Array;
  readonly weights: Float64Array;
}

export class TermSpace {
  constructor(private readonly numbering: TermNumbering = new OwnNumbering()) {}

  /** The loaded article's weight of each term id (0: not in the article). */
  private weight = new Float64Array(1 << 14);
  /** 1 + the term's place in the loaded article's vector (0: not in it). */
  private place = new Int32Array(1 << 14);
  /**
   * One bit per term id, set for the loaded article's terms. A held vector's terms are mostly not the
   * article's: the bits (a kilobyte per 8,192 ids) stay in the nearest cache, where the weights by id
   * (eight bytes per id) do not, so each term is tested here before its weight is read.
   */
  private present = new Int32Array(1 << 9);
  /** Ids of the loaded article's terms, to unload them. */
  private loaded: Int32Array = new Int32Array(0);
  /** A second vector's weights by id, for `pairDot`; all 0 between calls. */
  private scratch = new Float64Array(0);
  /** Room for `placesHeld`. */
  private held = new Uint8Array(0);
  /** Products by article place, for sums in the article's order. */
  private products = new Float64Array(0);

  /** The vector by term id, giving new terms new ids. */
  intern(vector: readonly TermWeight[]): IdVector {
    const ids = new Int32Array(vector.length);
    const weights = new Float64Array(vector.length);
    for (let i = 0; i < vector.length; i++) {
      const [t, w] = vector[i]!;
      ids[i] = this.numbering.numberOf(t);
      weights[i] = w;
    }
    return this.grown({ ids, weights });
  }

  /** A vector whose terms' ids are known (`ids`, numbered by this space's numbering), as `intern` gives it. */
  known(ids: Int32Array, weights: Float64Array): IdVector {
    return this.grown({ ids, weights });
  }

  /** The id of `term`, giving a new term a new id. */
  idOf(term: string): number {
    const id = this.numbering.numberOf(term);
    this.grown(undefined);
    return id;
  }

  /** The vector's terms and weights as pairs, in its order. */
  pairs(held: IdVector): TermWeight[] {
    const out: TermWeight[] = [];
    for (let i = 0; i < held.ids.length; i++)
      out.push([this.numbering.termOf(held.ids[i]!), held.weights[i]!]);
    return out;
  }

  /** `held`, once the arrays by id are long enough for every id given so far. */
  private grown<T>(held: T): T {
    if (this.numbering.vocabulary > this.weight.length) this.grow(this.numbering.vocabulary);
    return held;
  }

  /** Makes `article` the vector the dot products below are taken with (until the next `load`). */
  load(article: IdVector): void {
    this.unload();
    const { ids, weights } = article;
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i]!;
      this.weight[id] = weights[i]!;
      this.place[id] = i + 1;
      this.present[id >>> 5] = this.present[id >>> 5]! | (1 << (id & 31));
    }
    this.loaded = ids;
    if (this.products.length < ids.length) this.products = new Float64Array(ids.length);
  }

  /** Clears the loaded article's weights. */
  unload(): void {
    for (const id of this.loaded) {
      this.weight[id] = 0;
      this.place[id] = 0;
      this.present[id >>> 5] = 0;
    }
    this.loaded = new Int32Array(0);
  }

  /**
   * The weight `held` gives each term of the loaded article, in the article's order (NaN where `held`
   * lacks the term).
   */
  weightsByPlace(held: IdVector): Float64Array {
    const out = new Float64Array(this.loaded.length).fill(NaN);
    const { ids, weights } = held;
    for (let i = 0; i < ids.length; i++) {
      const place = this.place[ids[i]!]!;
      if (place > 0) out[place - 1] = weights[i]!;
    }
    return out;
  }

  /**
   * 1 at each place of the loaded article whose term `held` holds, else 0: a view of one array reused
   * by every call (valid until the next), as a new array each time cost more than filling it.
   */
  placesHeld(held: IdVector): Uint8Array {
    if (this.held.length < this.loaded.length) this.held = new Uint8Array(2 * this.loaded.length);
    const out = this.held.subarray(0, this.loaded.length).fill(0);
    const { ids } = held;
    const present = this.present;
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i]!;
      if ((present[id >>> 5]! & (1 << (id & 31))) !== 0) out[this.place[id]! - 1] = 1;
    }
    return out;
  }

  /** `dot(held, articleWeights)`: the products of shared terms added in the held vector's order. */
  memberOrderDot(held: IdVector): number {
    const { ids, weights } = held;
    let s = 0;
    const present = this.present;
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i]!;
      if ((present[id >>> 5]! & (1 << (id & 31))) === 0) continue;
      const v = this.weight[id]!;
      // A term the article lacks reads 0 here; adding its zero product would change nothing either.
      if (v !== 0) s += weights[i]! * v;
    }
    return s;
  }

  /**
   * `dot(a, bWeights)` of two held vectors, neither of them the loaded article: the products of shared
   * terms added in `a`'s order, `b` spread by id on a scratch array for the while.
   */
  pairDot(a: IdVector, b: IdVector): number {
    if (this.scratch.length < this.weight.length) this.scratch = new Float64Array(this.weight.length);
    const scratch = this.scratch;
    for (let i = 0; i < b.ids.length; i++) scratch[b.ids[i]!] = b.weights[i]!;
    let s = 0;
    for (let i = 0; i < a.ids.length; i++) {
      const v = scratch[a.ids[i]!]!;
      if (v !== 0) s += a.weights[i]! * v;
    }
    for (let i = 0; i < b.ids.length; i++) scratch[b.ids[i]!] = 0;
    return s;
  }

  /** `dot(articleVector, heldWeights)`: the products of shared terms added in the article's order. */
  articleOrderDot(held: IdVector): number {
    const { ids, weights } = held;
    const products = this.products;
    let first = products.length;
    let last = -1;
    const present = this.present;
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i]!;
      if ((present[id >>> 5]! & (1 << (id & 31))) === 0) continue;
      const place = this.place[id]!;
      if (place === 0) continue;
      products[place - 1] = this.weight[id]! * weights[i]!;
      first = Math.min(first, place - 1);
      last = Math.max(last, place - 1);
    }
    let s = 0;
    for (let p = first; p <= last; p++) {
      const x = products[p]!;
      if (x !== 0) {
        s += x;
        products[p] = 0;
      }
    }
    return s;
  }

  private grow(size: number): void {
    let length = this.weight.length;
    while (length < size) length *= 2;
    const weight = new Float64Array(length);
    const place = new Int32Array(length);
    const present = new Int32Array(length >>> 5);
    weight.set(this.weight);
    place.set(this.place);
    present.set(this.present);
    this.weight = weight;
    this.place = place;
    this.present = present;
  }
}
