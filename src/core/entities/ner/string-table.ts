/**
 * A read-only string → integer table kept in one typed array and one string, for the tagger's look-ups
 * of a word it has not seen (its form, lowercase form, shape, affixes and clusters: about twenty a word).
 * A `Map` look-up reads a bucket, an entry and the key's string object, three places in memory that a
 * report's other work has pushed out of the cache; here a slot holds the key's hash, where its characters
 * are and the value, so a look-up reads one slot (a miss stops there when the hashes differ) and, on a
 * hash match, the key's characters from one flat string. A key may also be looked up as part of a longer
 * string (`get(s, from, to)`), so affixes need no substring.
 *
 * Open addressing with linear probing (Knuth, TAOCP vol. 3, 6.4, algorithm L), FNV-1a hashes over
 * UTF-16 code units; at most half the slots are used. Keys are compared in full: the table answers
 * exactly as a `Map` of the same entries would.
 */

/** Slot layout in `slots`: hash, start of the key in `chars`, its length, the value. */
const STRIDE = 4;
/** The hash of an empty slot is never stored: hashes are forced odd. */
const EMPTY = 0;

function hashOf(s: string, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h | 1;
}

export class StringTable {
  private readonly slots: Int32Array;
  private readonly mask: number;
  private readonly chars: string;

  /** A table of `entries` ([key, value] pairs, distinct keys, values in int32 range). */
  constructor(entries: Iterable<readonly [string, number]>) {
    const list = [...entries];
    let size = 16;
    while (size < list.length * 2) size *= 2;
    this.mask = size - 1;
    this.slots = new Int32Array(size * STRIDE);
    const parts: string[] = [];
    let at = 0;
    for (const [key, value] of list) {
      const h = hashOf(key, 0, key.length);
      let i = h & this.mask;
      while (this.slots[i * STRIDE] !== EMPTY) i = (i + 1) & this.mask;
      const o = i * STRIDE;
      this.slots[o] = h;
      this.slots[o + 1] = at;
      this.slots[o + 2] = key.length;
      this.slots[o + 3] = value;
      parts.push(key);
      at += key.length;
    }
    this.chars = parts.join('');
  }

  /**
   * The value of the key `s.slice(from, to)`, or -1 when there is none.
   * @example new StringTable([["ab", 7]]).get("cab", 1, 3) // → 7
   */
  get(s: string, from = 0, to = s.length): number {
    const h = hashOf(s, from, to);
    const slots = this.slots;
    const n = to - from;
    for (let i = h & this.mask; ; i = (i + 1) & this.mask) {
      const o = i * STRIDE;
      const stored = slots[o]!;
      if (stored === EMPTY) return -1;
      if (stored === h && slots[o + 2] === n && this.sameChars(slots[o + 1]!, s, from, n))
        return slots[o + 3]!;
    }
  }

  private sameChars(at: number, s: string, from: number, n: number): boolean {
    const chars = this.chars;
    for (let k = 0; k < n; k++) if (chars.charCodeAt(at + k) !== s.charCodeAt(from + k)) return false;
    return true;
  }
}
