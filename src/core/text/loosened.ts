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

import { parseRegex, type RegexNode } from './regex-tree.js';

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
  const tree = parseRegex(pattern);
  if (!tree || hasBackReference(tree)) return undefined;
  return render(tree);
}

function hasBackReference(node: RegexNode): boolean {
  switch (node.kind) {
    case 'alternation':
      return node.branches.some(hasBackReference);
    case 'sequence':
      return node.items.some(hasBackReference);
    case 'repeat':
      return hasBackReference(node.atom);
    case 'group':
      return hasBackReference(node.inner);
    case 'escape':
      return /^[1-9k]/.test(node.source);
    default:
      return false;
  }
}

/** The loosened source of an alternation or sequence. */
function render(node: RegexNode): string {
  if (node.kind === 'alternation') return node.branches.map(render).join('|');
  const items = node.kind === 'sequence' ? node.items : [node];
  let out = '';
  for (const item of items) {
    const q = item.kind === 'repeat' ? item.quantifier : '';
    const part = partOf(item.kind === 'repeat' ? item.atom : item);
    if (part === undefined) continue;
    if (!part.spaces) out += part.source + q;
    // A run of whitespace where the sentence had one space: as many as there are, or none.
    else out += part.source + (q === '' || q[0] === '+' || /^\{[1-9]/.test(q) ? '+' : '*');
  }
  return out;
}

/** One atom, loosened; undefined for an assertion, which is dropped. */
function partOf(node: RegexNode): Part | undefined {
  switch (node.kind) {
    case 'group':
      if (
        node.opening.startsWith('?=') ||
        node.opening.startsWith('?!') ||
        node.opening.startsWith('?<=') ||
        node.opening.startsWith('?<!')
      )
        return undefined;
      // A group counts its repeats, which the sentence and the text share: its own parts took the runs.
      return { source: `(?:${render(node.inner)})`, spaces: false };
    case 'class':
      return charClass(node.body);
    case 'escape':
      return escape(node.source);
    case 'anchor':
      return undefined;
    case 'dot':
      return { source: '[^]', spaces: true };
    case 'char':
      return /\s/u.test(node.char) ? { source: '\\s', spaces: true } : { source: node.char, spaces: false };
    default:
      return { source: `(?:${render(node)})`, spaces: false };
  }
}

function charClass(body: string): Part {
  let hasSpace = false;
  let loose = false;
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c === '\\') {
      const e = body[++i]!;
      if (e === 's') hasSpace = true;
      // Escapes of a character, or of classes that hold whitespace (\W, \D, \P{…}): may be a space.
      if (/[WDPuxc]/.test(e)) loose = true;
    } else if (/\s/u.test(c)) hasSpace = true;
  }
  if (body.startsWith('^')) return { source: `[${body}]`, spaces: !/\\s/.test(body) };
  return { source: hasSpace ? `[\\s${body}]` : `[${body}]`, spaces: hasSpace || loose };
}

function escape(source: string): Part | undefined {
  const e = source[0]!;
  if (e === 'b' || e === 'B') return undefined;
  if (e === 's') return { source: '\\s', spaces: true };
  if (e === 'p' || e === 'P') return { source: `\\${source}`, spaces: e === 'P' };
  if (e === 'u' || e === 'x' || e === 'c') return { source: `\\${source}`, spaces: true };
  return { source: `\\${source}`, spaces: /[WDnrtfv0]/.test(e) };
}
