/**
 * The parts of a JavaScript regular expression (with the `u` flag), as a tree: what required-text.ts
 * reads for the pieces of text a rule needs, and loosened.ts rewrites to run on whole texts. Only the
 * syntax the clutter rules use is told apart; the rest stays as its source text (a class's body, an
 * escape), and a pattern that does not parse gives undefined.
 */
export type RegexNode =
  | { readonly kind: 'alternation'; readonly branches: readonly RegexNode[] }
  | { readonly kind: 'sequence'; readonly items: readonly RegexNode[] }
  /** `quantifier` as written: "*", "+?", "{1,40}"… */
  | { readonly kind: 'repeat'; readonly atom: RegexNode; readonly quantifier: string }
  /** `opening` as written after "(": "", "?:", "?=", "?!", "?<=", "?<!" or "?<name>". */
  | { readonly kind: 'group'; readonly opening: string; readonly inner: RegexNode }
  /** What stands between "[" and "]". */
  | { readonly kind: 'class'; readonly body: string }
  /** What follows the backslash: "b", "s", "p{L}", "1", "k<name>", "u00a0", ".". */
  | { readonly kind: 'escape'; readonly source: string }
  | { readonly kind: 'char'; readonly char: string }
  | { readonly kind: 'dot' }
  | { readonly kind: 'anchor' };

/**
 * The tree of `pattern`, or undefined when it does not parse here.
 * @example parseRegex('a|b') // → { kind: 'alternation', branches: [sequence a, sequence b] }
 */
export function parseRegex(pattern: string): RegexNode | undefined {
  try {
    const reader = new Reader(pattern);
    const tree = reader.alternation();
    return reader.at === pattern.length ? tree : undefined;
  } catch {
    return undefined;
  }
}

/** The `{min, max}` of a quantifier as written. */
export function quantifierBounds(quantifier: string): { min: number; max: number } {
  const braces = /^\{(\d+)(,(\d*))?\}/.exec(quantifier);
  if (braces) {
    const min = Number(braces[1]);
    return { min, max: braces[2] ? (braces[3] ? Number(braces[3]) : Infinity) : min };
  }
  if (quantifier[0] === '+') return { min: 1, max: Infinity };
  if (quantifier[0] === '?') return { min: 0, max: 1 };
  return { min: 0, max: Infinity };
}

class Reader {
  at = 0;
  constructor(private readonly p: string) {}

  alternation(): RegexNode {
    const branches = [this.sequence()];
    while (this.p[this.at] === '|') {
      this.at++;
      branches.push(this.sequence());
    }
    return branches.length === 1 ? branches[0]! : { kind: 'alternation', branches };
  }

  private sequence(): RegexNode {
    const items: RegexNode[] = [];
    while (this.at < this.p.length && this.p[this.at] !== '|' && this.p[this.at] !== ')') {
      const atom = this.atom();
      const q = /^(?:[*+?]|\{\d+(?:,\d*)?\})\??/.exec(this.p.slice(this.at))?.[0];
      if (q === undefined) items.push(atom);
      else {
        this.at += q.length;
        items.push({ kind: 'repeat', atom, quantifier: q });
      }
    }
    return { kind: 'sequence', items };
  }

  private atom(): RegexNode {
    const c = String.fromCodePoint(this.p.codePointAt(this.at)!);
    this.at += c.length;
    if (c === '(') return this.group();
    if (c === '[') return this.charClass();
    if (c === '\\') return { kind: 'escape', source: this.escape() };
    if (c === '^' || c === '$') return { kind: 'anchor' };
    if (c === '.') return { kind: 'dot' };
    return { kind: 'char', char: c };
  }

  private group(): RegexNode {
    const opening = /^\?(?:[:=!]|<[=!]|<[A-Za-z_$][\w$]*>)?/.exec(this.p.slice(this.at))?.[0] ?? '';
    this.at += opening.length;
    const inner = this.alternation();
    if (this.p[this.at] !== ')') throw new Error('unbalanced group');
    this.at++;
    return { kind: 'group', opening, inner };
  }

  private charClass(): RegexNode {
    const start = this.at;
    for (;;) {
      const c = this.p[this.at++];
      if (c === undefined) throw new Error('unclosed class');
      if (c === ']') break;
      if (c === '\\') this.escape();
    }
    return { kind: 'class', body: this.p.slice(start, this.at - 1) };
  }

  /** Reads an escape after its backslash and gives its source. */
  private escape(): string {
    const start = this.at;
    const e = this.p[this.at++];
    if (e === undefined) throw new Error('trailing backslash');
    const close = (end: string) => {
      const at = this.p.indexOf(end, this.at);
      if (at < 0) throw new Error('unclosed escape');
      this.at = at + 1;
    };
    if (e === 'p' || e === 'P' || (e === 'u' && this.p[this.at] === '{')) close('}');
    else if (e === 'k') close('>');
    else if (e === 'u') this.at += 4;
    else if (e === 'x') this.at += 2;
    else if (e === 'c') this.at += 1;
    return this.p.slice(start, this.at);
  }
}
