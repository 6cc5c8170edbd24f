/**
 * A story's centroid by term id: its terms' ids and weights in two typed arrays, in the order they were
 * first added, and an open-addressing index from id to place (Knuth, TAOCP vol. 3, 6.4, algorithm L,
 * with a multiplicative hash). It answers as the `Map<string, number>` it replaces did, order included:
 * the norm and the centroid cosines add their products in that order, so every sum is the same, bit
 * for bit. A map boxed every weight it was given (some 71 MB allocated over the dated Multi-News
 * stream: docs/clustering.md, tenth round) and was read by string lookups; here a centroid is three
 * arrays of numbers, and its layout by id is the arrays themselves, so the dot products of
 * `TermSpace` read it without a lookup per term (eleventh round).
 */
import type { IdVector } from './term-space.js';

/** At most this share of the index's slots is used (a power of two's fraction). */
const MAX_LOAD = 0.5;

export class Centroid {
  private ids: Int32Array;
  private weights: Float64Array;
  /** 1 + the place of the id hashed to each slot; 0: empty. */
  private slots: Int32Array;
  private shift: number;
  /** Terms held. */
  size = 0;
  /** `ids` and `weights` cut to `size`, made when first asked for after a change. */
  private view: IdVector | undefined;

  /**
   * An empty centroid with room for `expected` terms before it grows: a new story's centroid takes
   * its first member's terms at once, and growing by doubling allocated a dozen arrays on the way.
   */
  constructor(expected = 8) {
    let room = 8;
    while (room < expected) room *= 2;
    this.ids = new Int32Array(room);
    this.weights = new Float64Array(room);
    this.slots = new Int32Array(room * 2);
    this.shift = 32 - Math.log2(room * 2);
  }

  /** A centroid of the given [id, weight] entries, in their order (ids distinct). */
  static of(entries: Iterable<readonly [number, number]>): Centroid {
    const all = [...entries];
    const c = new Centroid(all.length);
    for (const [id, w] of all) c.set(id, w);
    return c;
  }

  /** Place of `id` among the terms, or -1. */
  placeOf(id: number): number {
    const mask = this.slots.length - 1;
    for (let h = Math.imul(id, 0x9e3779b1) >>> this.shift; ; h = (h + 1) & mask) {
      const p = this.slots[h]! - 1;
      if (p < 0) return -1;
      if (this.ids[p] === id) return p;
    }
  }

  /** Weight of `id`, or undefined when the centroid lacks it. */
  get(id: number): number | undefined {
    const p = this.placeOf(id);
    return p < 0 ? undefined : this.weights[p]!;
  }

  /** Sets the weight of `id`, adding it last when new. */
  set(id: number, weight: number): void {
    const p = this.placeOf(id);
    if (p >= 0) this.weights[p] = weight;
    else this.append(id, weight);
    this.view = undefined;
  }

  /** Adds `weight` to `id`'s weight (0 when new), the sum rounded by `round`. */
  add(id: number, weight: number, round: (x: number) => number): void {
    const p = this.placeOf(id);
    if (p >= 0) this.weights[p] = round(this.weights[p]! + weight);
    else this.append(id, round(0 + weight));
    this.view = undefined;
  }

  /** Id and weight at each place, in order. */
  idAt(place: number): number {
    return this.ids[place]!;
  }

  weightAt(place: number): number {
    return this.weights[place]!;
  }

  /** Keeps only the terms at `places`, in that order. */
  keep(places: readonly number[]): void {
    const ids = places.map((p) => this.ids[p]!);
    const weights = places.map((p) => this.weights[p]!);
    this.slots.fill(0);
    this.size = 0;
    for (let i = 0; i < ids.length; i++) this.append(ids[i]!, weights[i]!);
    this.view = undefined;
  }

  /** Square root of the sum of squared weights, added in order. */
  norm(): number {
    let n = 0;
    for (let p = 0; p < this.size; p++) n += this.weights[p]! * this.weights[p]!;
    return Math.sqrt(n);
  }

  /** The terms by id, for `TermSpace`'s dot products (valid until the next change). */
  byId(): IdVector {
    return (this.view ??= {
      ids: this.ids.subarray(0, this.size),
      weights: this.weights.subarray(0, this.size),
    });
  }

  private append(id: number, weight: number): void {
    if (this.size === this.ids.length) {
      const ids = new Int32Array(this.size * 2);
      const weights = new Float64Array(this.size * 2);
      ids.set(this.ids);
      weights.set(this.weights);
      this.ids = ids;
      this.weights = weights;
    }
    const p = this.size++;
    this.ids[p] = id;
    this.weights[p] = weight;
    if (this.size > this.slots.length * MAX_LOAD) this.rehash(this.slots.length * 2);
    else this.index(p);
  }

  private index(place: number): void {
    const mask = this.slots.length - 1;
    let h = Math.imul(this.ids[place]!, 0x9e3779b1) >>> this.shift;
    while (this.slots[h] !== 0) h = (h + 1) & mask;
    this.slots[h] = place + 1;
  }

  private rehash(length: number): void {
    this.slots = new Int32Array(length);
    this.shift = 32 - Math.log2(length);
    for (let p = 0; p < this.size; p++) this.index(p);
  }
}
