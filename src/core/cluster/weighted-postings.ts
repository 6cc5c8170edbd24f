/**
 * An inverted index from terms to (story number, weight) pairs kept in typed arrays, and the
 * accumulator that sums an article's dot products with every story sharing a term. The tf-idf
 * baseline compares each article with every story; done through maps of string ids that cost grew
 * with the stream until the whole UCI stream took hours. Here each term's list is two flat arrays (`PostingList`, the clusterer's own) and the
 * sums go into one reused `Float64Array`, so the same sums (same terms, same order, same arithmetic)
 * cost a few array reads each.
 */

import { PostingList } from './posting-list.js';

export class WeightedPostings {
  private readonly lists = new Map<string, PostingList>();
  private sums = new Float64Array(1024);
  private seen = new Uint8Array(1024);
  private touched = new Int32Array(1024);

  /**
   * Adds story `story` to the list of `term` with `weight`; returns its slot there, which `update`
   * takes. A story is added once per term, so lists keep the order in which stories gained the term.
   */
  add(term: string, story: number, weight: number): number {
    let p = this.lists.get(term);
    if (!p) this.lists.set(term, (p = new PostingList()));
    p.push(story, weight);
    return p.length - 1;
  }

  /** Sets the weight of the story at `slot` of `term`'s list. */
  update(term: string, slot: number, weight: number): void {
    this.lists.get(term)?.setWeight(slot, weight);
  }

  /**
   * Calls `visit(story, dot)` for every story sharing a term with `vector`, in the order stories were
   * first met walking the vector's terms and each term's list (the order a map of sums would hold).
   * Each dot product is summed in the vector's order.
   */
  dots(
    vector: readonly (readonly [string, number])[],
    stories: number,
    visit: (story: number, dot: number) => void,
  ): void {
    if (this.sums.length < stories) this.grow(stories);
    const { sums, seen } = this;
    let n = 0;
    for (const [t, w] of vector) {
      const p = this.lists.get(t);
      if (!p) continue;
      for (let i = 0; i < p.length; i++) {
        const s = p.key(i);
        if (seen[s] === 0) {
          seen[s] = 1;
          this.touched[n++] = s;
          sums[s] = 0;
        }
        sums[s]! += w * p.weight(i);
      }
    }
    for (let i = 0; i < n; i++) {
      const s = this.touched[i]!;
      seen[s] = 0;
      visit(s, sums[s]!);
    }
  }

  private grow(stories: number): void {
    const size = Math.max(stories, this.sums.length * 2);
    this.sums = new Float64Array(size);
    this.seen = new Uint8Array(size);
    this.touched = new Int32Array(size);
  }
}
