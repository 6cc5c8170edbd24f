/**
 * A string → integer table kept in two typed arrays, for look-ups made for every word of a report (the
 * tagger's word cache, the content stem cache) or for every word the tagger has not seen (its form,
 * lowercase form, shape, affixes and clusters: about twenty). A `Map` look-up reads a bucket, an entry
 * and the key's string object, three places in memory that the rest of a report has pushed out of the
 * cache; here a slot holds the key's hash, where its characters are and the value, so a look-up reads
 * one slot (a miss stops there when the hashes differ) and, on a hash match, the key's characters from
 * one flat array. A key may also be looked up as part of a longer string (`get(s, from, to)`), so
 * affixes need no substring.
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
  private slots = new Int32Array(16 * STRIDE);
  private mask = 15;
  private chars = new Uint16Array(64);
  private used = 0;
  private count = 0;

  /** A table holding `entries` ([key, value] pairs, int32 values), if given. */
  constructor(entries: Iterable<readonly [string, number]> = []) {
    for (const [key, value] of entries) this.set(key, value);
  }

  /** Number of keys. */
  get size(): number {
    return this.count;
  }

  /**
   * The value of the key `s.slice(from, to)`, or -1 when there is none.
   * @example new StringTable([["ab", 7]]).get("cab", 1, 3) // → 7
   */
  get(s: string, from = 0, to = s.length): number {
    const o = this.find(s, from, to, hashOf(s, from, to));
    return this.slots[o] === EMPTY ? -1 : this.slots[o + 3]!;
  }

  /** Sets the value of `key`. */
  set(key: string, value: number): void {
    const h = hashOf(key, 0, key.length);
    let o = this.find(key, 0, key.length, h);
    if (this.slots[o] !== EMPTY) {
      this.slots[o + 3] = value;
      return;
    }
    if ((this.count + 1) * 2 > this.mask + 1) {
      this.grow();
      o = this.find(key, 0, key.length, h);
    }
    if (this.used + key.length > this.chars.length) {
      const chars = new Uint16Array(Math.max(2 * this.chars.length, this.used + key.length));
      chars.set(this.chars);
      this.chars = chars;
    }
    for (let k = 0; k < key.length; k++) this.chars[this.used + k] = key.charCodeAt(k);
    this.slots[o] = h;
    this.slots[o + 1] = this.used;
    this.slots[o + 2] = key.length;
    this.slots[o + 3] = value;
    this.used += key.length;
    this.count++;
  }

  /** Removes every key. */
  clear(): void {
    this.slots = new Int32Array(16 * STRIDE);
    this.mask = 15;
    this.chars = new Uint16Array(64);
    this.used = 0;
    this.count = 0;
  }

  /** The slot of the key `s.slice(from, to)` (hash `h`), or the empty slot where it would go. */
  private find(s: string, from: number, to: number, h: number): number {
    const slots = this.slots;
    const n = to - from;
    for (let i = h & this.mask; ; i = (i + 1) & this.mask) {
      const o = i * STRIDE;
      const stored = slots[o]!;
      if (stored === EMPTY) return o;
      if (stored === h && slots[o + 2] === n && this.sameChars(slots[o + 1]!, s, from, n)) return o;
    }
  }

  private sameChars(at: number, s: string, from: number, n: number): boolean {
    const chars = this.chars;
    for (let k = 0; k < n; k++) if (chars[at + k] !== s.charCodeAt(from + k)) return false;
    return true;
  }

  /** Twice the slots, every key placed again (its characters stay where they are). */
  private grow(): void {
    const old = this.slots;
    const size = 2 * (this.mask + 1);
    this.slots = new Int32Array(size * STRIDE);
    this.mask = size - 1;
    for (let o = 0; o < old.length; o += STRIDE) {
      const h = old[o]!;
      if (h === EMPTY) continue;
      let i = h & this.mask;
      while (this.slots[i * STRIDE] !== EMPTY) i = (i + 1) & this.mask;
      this.slots.set(old.subarray(o, o + STRIDE), i * STRIDE);
    }
  }
}
