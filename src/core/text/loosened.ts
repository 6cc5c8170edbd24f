/**
 * A sentence rule loosened to run on the whole text the sentence came from: it matches the text
 * wherever the rule matches one of its sentences, so a text it misses needs no split for that rule.
 *
 * A sentence is a piece of its text with each run of whitespace made one space (and, when clutter
 * such as a tweet link was cut out of it, joined across the cut: callers rule that case out first).
 * So the loosened pattern drops what looks around a match (`^`, `$`, `\b`, lookarounds: a sentence's
 * edges are not the text's), lets every part that can match whitespace take a run of it (`\s+`, `*`),
 * lets `.` match a line break, and puts `\s` into a class that holds a space. What it matches is a
 * superset; it is only used to tell that a rule cannot match, never where.
 */

/** What a part of the pattern became, and whether it can match a whitespace character. */
interface Part {
  readonly source: string;
  readonly spaces: boolean;
}

/**
 * The loosened form of `pattern`, or undefined when it cannot be made (a back-reference, a pattern
 * this reader does not know).
 * @example loosened('^we use cookies\\b') // → 'we\\s+use\\s+cookies'
 */
export function loosened(pattern: string): string | undefined {
  try {
    const reader = new Reader(pattern);
    const out = reader.alternation();
    return reader.at === pattern.length ? out : undefined;
  } catch {
    return undefined;
  }
}

class Reader {
  at = 0;
  constructor(private readonly p: string) {}

  alternation(): string {
    const branches = [this.sequence()];
    while (this.p[this.at] === '|') {
      this.at++;
      branches.push(this.sequence());
    }
    return branches.join('|');
  }

  private sequence(): string {
    let out = '';
    while (this.at < this.p.length && this.p[this.at] !== '|' && this.p[this.at] !== ')') {
      const part = this.atom();
      const q = /^(?:[*+?]|\{(\d+)(?:,\d*)?\})\??/.exec(this.p.slice(this.at))?.[0] ?? '';
      this.at += q.length;
      if (part === undefined) continue;
      if (!part.spaces) out += part.source + q;
      // A run of whitespace where the sentence had one space: as many as there are, or none.
      else out += part.source + (q === '' || q[0] === '+' || /^\{[1-9]/.test(q) ? '+' : '*');
    }
    return out;
  }

  /** One atom, loosened; undefined for an assertion, which is dropped. */
  private atom(): Part | undefined {
    const c = String.fromCodePoint(this.p.codePointAt(this.at)!);
    this.at += c.length;
    if (c === '(') return this.group();
    if (c === '[') return this.charClass();
    if (c === '\\') return this.escape();
    if (c === '^' || c === '$') return undefined;
    if (c === '.') return { source: '[^]', spaces: true };
    if (/\s/u.test(c)) return { source: '\\s', spaces: true };
    return { source: c, spaces: false };
  }

  private group(): Part | undefined {
    const opening = /^\?(?:[:=!]|<[=!]|<[A-Za-z_$][\w$]*>)?/.exec(this.p.slice(this.at))?.[0] ?? '';
    this.at += opening.length;
    const inner = this.alternation();
    if (this.p[this.at] !== ')') throw new Error('unbalanced group');
    this.at++;
    if (opening === '?=' || opening === '?!' || opening === '?<=' || opening === '?<!') return undefined;
    // A group counts its repeats, which the sentence and the text share: its own parts took the runs.
    return { source: `(?:${inner})`, spaces: false };
  }

  private charClass(): Part {
    const start = this.at;
    let hasSpace = false;
    let loose = false;
    for (;;) {
      const c = this.p[this.at++];
      if (c === undefined) throw new Error('unclosed class');
      if (c === ']') break;
      if (c === '\\') {
        const e = this.p[this.at++]!;
        if (e === 's') hasSpace = true;
        // Escapes of a character, or of classes that hold whitespace (\W, \D, \P{…}): may be a space.
        if (/[WDPuxc]/.test(e)) loose = true;
      } else if (/\s/u.test(c)) hasSpace = true;
    }
    const body = this.p.slice(start, this.at - 1);
    if (body.startsWith('^')) return { source: `[${body}]`, spaces: !/\\s/.test(body) };
    return { source: hasSpace ? `[\\s${body}]` : `[${body}]`, spaces: hasSpace || loose };
  }

  private escape(): Part | undefined {
    const e = this.p[this.at++];
    if (e === undefined) throw new Error('trailing backslash');
    if (e === 'b' || e === 'B') return undefined;
    if (/[1-9k]/.test(e)) throw new Error('back-reference');
    if (e === 's') return { source: '\\s', spaces: true };
    if (e === 'p' || e === 'P') {
      const end = this.p.indexOf('}', this.at) + 1;
      const source = `\\${e}${this.p.slice(this.at, end)}`;
      this.at = end;
      return { source, spaces: e === 'P' };
    }
    if (e === 'u' || e === 'x' || e === 'c') {
      const length =
        e === 'x'
          ? 2
          : e === 'c'
            ? 1
            : this.p[this.at] === '{'
              ? this.p.indexOf('}', this.at) + 1 - this.at
              : 4;
      const source = `\\${e}${this.p.slice(this.at, this.at + length)}`;
      this.at += length;
      return { source, spaces: true };
    }
    return { source: `\\${e}`, spaces: /[WDnrtfv0]/.test(e) };
  }
}
