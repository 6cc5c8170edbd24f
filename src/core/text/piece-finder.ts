/**
 * Which of many pieces of text a text holds, in one scan: calling `includes` once per piece cost
 * more than what the pieces were meant to save (about 70 pieces on every article).
 *
 * An Aho–Corasick automaton (Aho and Corasick, "Efficient string matching: an aid to bibliographic
 * search", CACM 1975): a trie of the pieces whose failure links are folded into a full table of moves
 * for the ASCII units, so that each unit of the text costs one array read. Units past ASCII move by a
 * map per state, filled only where a piece has such a unit (dashes, "©", "❮"); any other unit sends the
 * scan back to the root, which no piece is the worse for, since no piece holds it. A piece that ends
 * where a longer one ends (a suffix of it) is reported with it, through each state's list of outputs.
 * The first version ran one expression of all the pieces from each place a piece was found plus one:
 * about 6 % of reading the dated Multi-News stream (docs/clustering.md, eleventh round).
 */

const ASCII = 128;

export class PieceFinder {
  /** The pieces, each once, in the order given; `findIndexes` reports their places in it. */
  readonly pieces: readonly string[];
  /** `moves[state * ASCII + unit]`: the next state for an ASCII unit. */
  private readonly moves: Int32Array;
  /** Moves on units past ASCII, where some piece has one (`goto` and failure links resolved). */
  private readonly wide: readonly (ReadonlyMap<number, number> | undefined)[];
  /** The pieces (places in `pieces`) that end at each state, those of its failure chain included. */
  private readonly outputs: readonly (readonly number[])[];

  constructor(pieces: Iterable<string>) {
    this.pieces = [...new Set(pieces)].filter((p) => p.length > 0);
    // The trie: children by unit, and the pieces that end at each node.
    const children: Map<number, number>[] = [new Map()];
    const ends: number[][] = [[]];
    this.pieces.forEach((piece, k) => {
      let state = 0;
      for (let i = 0; i < piece.length; i++) {
        const c = piece.charCodeAt(i);
        let next = children[state]!.get(c);
        if (next === undefined) {
          next = children.length;
          children.push(new Map());
          ends.push([]);
          children[state]!.set(c, next);
        }
        state = next;
      }
      ends[state]!.push(k);
    });
    // Breadth first: a state's failure link is known before its children's.
    const n = children.length;
    const fail = new Int32Array(n);
    const moves = new Int32Array(n * ASCII);
    const wide: (Map<number, number> | undefined)[] = new Array<Map<number, number> | undefined>(n);
    const outputs: number[][] = ends.map((e) => [...e]);
    const order: number[] = [0];
    for (let q = 0; q < order.length; q++) {
      const state = order[q]!;
      const f = fail[state]!;
      if (state !== 0) outputs[state]!.push(...outputs[f]!);
      for (let c = 0; c < ASCII; c++) {
        const child = children[state]!.get(c);
        if (child !== undefined) {
          fail[child] = state === 0 ? 0 : moves[f * ASCII + c]!;
          order.push(child);
          moves[state * ASCII + c] = child;
        } else moves[state * ASCII + c] = state === 0 ? 0 : moves[f * ASCII + c]!;
      }
      // Units past ASCII: the state's own children, then what its failure link moves on.
      const own = [...children[state]!].filter(([c]) => c >= ASCII);
      for (const [c, child] of own) {
        fail[child] = state === 0 ? 0 : (wide[f]?.get(c) ?? 0);
        order.push(child);
      }
      const inherited = state === 0 ? undefined : wide[f];
      if (own.length > 0 || inherited) {
        const map = new Map(inherited);
        for (const [c, child] of own) map.set(c, child);
        wide[state] = map;
      }
    }
    this.moves = moves;
    this.wide = wide;
    this.outputs = outputs;
  }

  /**
   * For each piece (by its place in `pieces`), whether `text` holds it: 1 or 0.
   * @example new PieceFinder(['sign', 'in']).findIndexes('signing') // → Uint8Array [1, 1]
   */
  findIndexes(text: string): Uint8Array {
    const found = new Uint8Array(this.pieces.length);
    const { moves, wide, outputs } = this;
    let state = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      state = c < ASCII ? moves[state * ASCII + c]! : (wide[state]?.get(c) ?? 0);
      const out = outputs[state]!;
      for (let k = 0; k < out.length; k++) found[out[k]!] = 1;
    }
    return found;
  }

  /**
   * The pieces that `text` holds.
   * @example new PieceFinder(['sign', 'signing', 'in']).find('signing in') // → Set {'signing', 'sign', 'in'}
   */
  find(text: string): Set<string> {
    const flags = this.findIndexes(text);
    const found = new Set<string>();
    flags.forEach((f, k) => {
      if (f) found.add(this.pieces[k]!);
    });
    return found;
  }
}
