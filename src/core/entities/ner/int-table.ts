/**
 * A read-only table from non-negative int32 keys to int32 values in one typed array, for the tagger's
 * word-pair and shape-triple features, looked up for most tokens: a slot holds key and value side by
 * side, where a `Map` reads a bucket and then an entry elsewhere in memory.
 *
 * Open addressing with linear probing (Knuth, TAOCP vol. 3, 6.4, algorithm L) and a multiplicative
 * hash (6.4, Fibonacci hashing); at most half the slots are used. Answers exactly as a `Map` would.
 */
import { ChorusError } from '../../errors.js';

const EMPTY = -1;

export class IntTable {
  private readonly slots: Int32Array;
  private readonly shift: number;
  private readonly mask: number;

  /** A table of `entries` ([key, value] pairs, distinct keys in 0 .. 2^31 - 1, int32 values). */
  constructor(entries: Iterable<readonly [number, number]>) {
    const list = [...entries];
    let bits = 4;
    while (1 << bits < list.length * 2) bits++;
    this.shift = 32 - bits;
    this.mask = (1 << bits) - 1;
    this.slots = new Int32Array(2 << bits).fill(EMPTY);
    for (const [key, value] of list) {
      // A model with many more words or shapes could number its pairs past int32.
      if (!(key >= 0 && key <= 0x7fffffff && Number.isInteger(key)))
        throw new ChorusError('invalid-input', `expected a key in 0 .. 2^31 - 1, found ${key}`);
      let i = this.home(key);
      while (this.slots[2 * i] !== EMPTY) i = (i + 1) & this.mask;
      this.slots[2 * i] = key;
      this.slots[2 * i + 1] = value;
    }
  }

  private home(key: number): number {
    return Math.imul(key, 0x9e3779b1) >>> this.shift;
  }

  /**
   * The value of `key`, or -1 when there is none.
   * @example new IntTable([[42, 7]]).get(42) // → 7
   */
  get(key: number): number {
    const slots = this.slots;
    for (let i = this.home(key); ; i = (i + 1) & this.mask) {
      const k = slots[2 * i]!;
      if (k === key) return slots[2 * i + 1]!;
      if (k === EMPTY) return -1;
    }
  }
}
