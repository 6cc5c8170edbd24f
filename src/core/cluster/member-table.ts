/**
 * The clusterer's held members by key. Keys are handed out in increasing order and never reused, so an
 * array indexed by key holds them: looking one up is an array read, where a `Map` cost a hash lookup
 * for every posting read while finding candidates (docs/clustering.md, sixth round). Iteration goes by
 * increasing key, which is the order the members were added in, as a `Map`'s would be.
 */
export class MemberTable<T> {
  /** Value of each key; undefined once deleted (never with `delete`, so the array stays a plain one). */
  private readonly byKey: (T | undefined)[] = [];
  private count = 0;

  get(key: number): T | undefined {
    return key >= 0 ? this.byKey[key] : undefined;
  }

  has(key: number): boolean {
    return this.get(key) !== undefined;
  }

  set(key: number, value: T): void {
    while (this.byKey.length < key) this.byKey.push(undefined);
    if (this.byKey[key] === undefined) this.count++;
    this.byKey[key] = value;
  }

  delete(key: number): void {
    if (this.get(key) === undefined) return;
    this.byKey[key] = undefined;
    this.count--;
  }

  get size(): number {
    return this.count;
  }

  /** Held members, by increasing key. */
  *entries(): IterableIterator<[number, T]> {
    for (let key = 0; key < this.byKey.length; key++) {
      const value = this.byKey[key];
      if (value !== undefined) yield [key, value];
    }
  }

  [Symbol.iterator](): IterableIterator<[number, T]> {
    return this.entries();
  }
}
