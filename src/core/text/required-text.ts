/**
 * Pieces of text that a regular expression cannot match without: `\bcookies? (?:policy|settings)\b`
 * matches no text that lacks "cookie". A text without any of a rule's pieces is not searched with the
 * rule; `String.prototype.includes` answers that several times faster than the expression would.
 *
 * After the "prefilter" of Cox, "Regular Expression Matching with a Trigram Index" (2012, section
 * "Transformations"): each part of the pattern gets the set of strings it matches exactly, when that set
 * is small, and sets of strings one of which every match must contain. We keep only whole pieces of
 * literal text, not trigrams, and treat as unknown what the rules do not need (classes of many
 * characters, back-references). Whitespace never goes into a piece: the rules' single spaces stand for
 * any run of spaces and line breaks once a text is split, so a piece is a run of non-space characters.
 * A positive lookaround's text must stand in the searched text too, so it counts, outside the match.
 */

/** What a part of a pattern tells: the strings it matches exactly (null: too many or unknown), and requirements. */
interface Info {
  readonly exact: readonly string[] | null;
  /** Each is a set of strings one of which every match (or the text around it, for lookarounds) holds. */
  readonly needs: readonly (readonly string[])[];
}

/** Exact sets larger than this are given up (a cross product of alternatives grows fast). */
const MAX_EXACT = 64;
const EMPTY: Info = { exact: [''], needs: [] };
const UNKNOWN: Info = { exact: null, needs: [] };

/**
 * The best set of pieces one of which every match of `pattern` holds, or undefined when no such set is
 * found (a rule that may match anything, or one we cannot read). "Best" is the least likely to occur.
 * @example requiredText('\\bcookies? (?:policy|settings)\\b') // → ['cookie']
 */
export function requiredText(pattern: string): readonly string[] | undefined {
  return best(requiredTexts(pattern));
}

/**
 * Every set of pieces found for `pattern`: a match holds a piece of each set. Rarest first, so that a
 * test that stops at the first set missing from a text stops soon. Empty when none is found.
 * @example requiredTexts('\\(\\s*@\\w+\\)') // → [['@'], ['('], [')']]
 */
export function requiredTexts(pattern: string): (readonly string[])[] {
  let info: Info;
  try {
    const parser = new Parser(pattern);
    info = parser.alternation();
    if (parser.at < pattern.length) return [];
  } catch {
    return [];
  }
  const unique = new Map(candidates(info).map((s) => [JSON.stringify(s), s]));
  return [...unique.values()].sort((a, b) => likelihood(a) - likelihood(b));
}

function candidates(info: Info): (readonly string[])[] {
  return info.exact && !info.exact.includes('') ? [info.exact, ...info.needs] : [...info.needs];
}

/** How likely a set of pieces is to occur at a given place of a text, roughly: letters are common, "@" is not. */
function likelihood(set: readonly string[]): number {
  let sum = 0;
  for (const s of set) {
    let p = 1;
    for (const c of s)
      p *= /[a-z]/.test(c) ? 1 / 20 : /\d/.test(c) ? 1 / 30 : COMMON_MARKS.includes(c) ? 1 / 100 : 1 / 1000;
    sum += p;
  }
  return sum;
}
const COMMON_MARKS = `.,;:'"()/-`;

function best(sets: readonly (readonly string[])[]): readonly string[] | undefined {
  let out: readonly string[] | undefined;
  for (const s of sets) if (!out || likelihood(s) < likelihood(out)) out = s;
  return out;
}

/** A set without the strings that hold another of its strings: finding the shorter one is enough. */
function minimal(set: readonly string[]): string[] {
  const unique = [...new Set(set)];
  return unique.filter((s) => !unique.some((t) => t !== s && s.includes(t)));
}

function cross(a: readonly string[], b: readonly string[]): string[] | null {
  if (a.length * b.length > MAX_EXACT) return null;
  return a.flatMap((x) => b.map((y) => x + y));
}

/** Characters that never go into a piece: whitespace, and the Greek sigma, whose lower case depends on its place. */
const NOT_IN_PIECE = /[\s\u03a3\u03c2\u03c3]/u;

class Parser {
  at = 0;
  constructor(private readonly p: string) {}

  alternation(): Info {
    const branches = [this.sequence()];
    while (this.p[this.at] === '|') {
      this.at++;
      branches.push(this.sequence());
    }
    if (branches.length === 1) return branches[0]!;
    const exact = branches.every((b) => b.exact) ? [...new Set(branches.flatMap((b) => b.exact!))] : null;
    const each = branches.map((b) => best(candidates(b)));
    const needs = each.every((s) => s !== undefined) ? [minimal(each.flatMap((s) => s!))] : [];
    return { exact: exact && exact.length <= MAX_EXACT ? exact : null, needs };
  }

  /** A concatenation: runs of exactly known parts are multiplied out; each other part adds what it needs. */
  private sequence(): Info {
    const needs: (readonly string[])[] = [];
    let run: string[] | null = [''];
    let whole = true;
    const flush = () => {
      if (run && !run.includes('')) needs.push(minimal(run));
      run = [''];
    };
    while (this.at < this.p.length && this.p[this.at] !== '|' && this.p[this.at] !== ')') {
      const item = this.quantified();
      needs.push(...item.needs);
      const joined: string[] | null = item.exact && run ? cross(run, item.exact) : null;
      if (joined) {
        run = joined;
        continue;
      }
      // Too many strings: what came before is a requirement of its own, and the whole is not known.
      whole = false;
      flush();
      if (item.exact) run = [...item.exact];
    }
    const exact = whole ? run : null;
    flush();
    return { exact, needs };
  }

  private quantified(): Info {
    const atom = this.atom();
    const q = /^(?:[*+?]|\{(\d+)(,(\d*))?\})\??/.exec(this.p.slice(this.at));
    if (!q) return atom;
    this.at += q[0].length;
    const min = q[0][0] === '+' ? 1 : q[0][0] === '{' ? Number(q[1]) : 0;
    const max = q[0][0] === '?' ? 1 : q[0][0] === '{' ? (q[2] ? Number(q[3] || Infinity) : min) : Infinity;
    if (min === 0) return max === 1 && atom.exact ? { exact: [...atom.exact, ''], needs: [] } : UNKNOWN;
    if (min === 1 && max === 1) return atom;
    return { exact: null, needs: candidates(atom) };
  }

  private atom(): Info {
    const c = String.fromCodePoint(this.p.codePointAt(this.at)!);
    this.at += c.length;
    if (c === '(') return this.group();
    if (c === '[') return this.charClass();
    if (c === '\\') return this.escape();
    if (c === '^' || c === '$') return EMPTY;
    if (c === '.') return UNKNOWN;
    return literal(c);
  }

  private group(): Info {
    const opening = /^\?(?:[:=!]|<[=!]|<[A-Za-z_$][\w$]*>)?/.exec(this.p.slice(this.at))?.[0] ?? '';
    this.at += opening.length;
    const inner = this.alternation();
    if (this.p[this.at] !== ')') throw new Error('unbalanced group');
    this.at++;
    if (opening === '?=' || opening === '?<=') return { exact: [''], needs: candidates(inner) };
    if (opening === '?!' || opening === '?<!') return EMPTY;
    return inner;
  }

  private charClass(): Info {
    const chars: string[] = [];
    let plain = this.p[this.at] !== '^';
    for (;;) {
      const c = this.p[this.at++];
      if (c === undefined) throw new Error('unclosed class');
      if (c === ']') break;
      if (c === '\\') {
        const e = this.p[this.at++]!;
        if (/[dDwWsSpPbB\d]/.test(e) || e === 'u' || e === 'x' || e === 'c') plain = false;
        chars.push(e);
        if (e === 'p' || e === 'P') this.at = this.p.indexOf('}', this.at) + 1;
      } else if (c === '-' && chars.length > 0 && this.p[this.at] !== ']') plain = false;
      else chars.push(c);
    }
    if (!plain || chars.some((c) => NOT_IN_PIECE.test(c))) return UNKNOWN;
    return { exact: [...new Set(chars)], needs: [] };
  }

  private escape(): Info {
    const e = this.p[this.at++];
    if (e === undefined) throw new Error('trailing backslash');
    if (e === 'b' || e === 'B') return EMPTY;
    if (e === 'p' || e === 'P') {
      this.at = this.p.indexOf('}', this.at) + 1;
      return UNKNOWN;
    }
    if (e === 'k') {
      this.at = this.p.indexOf('>', this.at) + 1;
      return UNKNOWN;
    }
    // Classes, back-references, control and code-point escapes: not read as text.
    if (/[dDwWsS0-9nrtfvuxc]/.test(e)) {
      if (e === 'u' && this.p[this.at] === '{') this.at = this.p.indexOf('}', this.at) + 1;
      else if (e === 'u') this.at += 4;
      else if (e === 'x') this.at += 2;
      else if (e === 'c') this.at += 1;
      return UNKNOWN;
    }
    return literal(e);
  }
}

function literal(c: string): Info {
  return NOT_IN_PIECE.test(c) ? UNKNOWN : { exact: [c], needs: [] };
}
