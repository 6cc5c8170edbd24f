/**
 * Which of many pieces of text a text holds, in one scan: calling `includes` once per piece cost
 * more than what the pieces were meant to save (about 70 pieces on every article).
 *
 * One expression of all the pieces, longest first, is run from each position where one was found plus
 * one, so overlapping pieces are all seen. At a given position the expression reports the first piece
 * that matches there; any other piece that matches there is a prefix of it, and every piece that a found
 * piece contains is counted with it.
 */
import { alternatives } from './alternatives.js';

export class PieceFinder {
  private readonly re: RegExp | undefined;
  /** For each piece, the pieces it holds (itself among them). */
  private readonly within: ReadonlyMap<string, readonly string[]>;

  constructor(pieces: Iterable<string>) {
    const unique = [...new Set(pieces)].filter((p) => p.length > 0);
    this.re = unique.length > 0 ? new RegExp(alternatives(unique), 'g') : undefined;
    this.within = new Map(unique.map((p) => [p, unique.filter((q) => p.includes(q))]));
  }

  /**
   * The pieces that `text` holds.
   * @example new PieceFinder(['sign', 'signing', 'in']).find('signing in') // → Set {'signing', 'sign', 'in'}
   */
  find(text: string): Set<string> {
    const found = new Set<string>();
    const re = this.re;
    if (!re) return found;
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      for (const p of this.within.get(m[0])!) found.add(p);
      re.lastIndex = m.index + 1;
    }
    return found;
  }
}
