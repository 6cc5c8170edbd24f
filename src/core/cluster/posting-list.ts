/**
 * One term's postings in an index: keys (the clusterer's members, the tf-idf baseline's stories) and
 * weights, oldest first, in two typed arrays. Reading a list while finding candidates then walks contiguous memory; as an array of
 * `{ member, weight }` objects each posting was a pointer to chase (docs/clustering.md, sixth round).
 */
export class PostingList {
  private keys = new Int32Array(4);
  private weights = new Float64Array(4);
  /** Postings held; entries past it are unused. */
  length = 0;

  /** Length at which postings of forgotten members are swept out (see `ChorusClusterer.post`). */
  constructor(public sweepAt = Infinity) {}

  push(key: number, weight: number): void {
    if (this.length === this.keys.length) {
      const keys = new Int32Array(this.length * 2);
      const weights = new Float64Array(this.length * 2);
      keys.set(this.keys);
      weights.set(this.weights);
      this.keys = keys;
      this.weights = weights;
    }
    this.keys[this.length] = key;
    this.weights[this.length] = weight;
    this.length++;
  }

  key(i: number): number {
    return this.keys[i]!;
  }

  weight(i: number): number {
    return this.weights[i]!;
  }

  setWeight(i: number, weight: number): void {
    this.weights[i] = weight;
  }

  /** Keeps the postings whose member `held` says is still held, in their order. */
  keep(held: (key: number) => boolean): void {
    let n = 0;
    for (let i = 0; i < this.length; i++) {
      if (!held(this.keys[i]!)) continue;
      this.keys[n] = this.keys[i]!;
      this.weights[n] = this.weights[i]!;
      n++;
    }
    this.length = n;
  }
}
