/**
 * One expression that matches where any of several patterns matches, for a yes/no test.
 *
 * Joining patterns as `(?:a)|(?:b)|…` makes the engine try every branch at every position of the text;
 * most of the clutter rules' 130 branches open with `\b` or `^`, and the engine does not factor them
 * out. Grouped as `\b(?:a|b|…)|^(?:c|…)|…`, a position inside a word or past the start fails at one
 * check: on Multi-News sentences the clutter test runs in less than half the time. `\bx|\by` and
 * `\b(?:x|y)` match the same texts, as do `^x|^y` and `^(?:x|y)` (no `m` flag), and the order of
 * branches does not change whether some branch matches, so `test` answers as before; the positions and
 * groups of a match may differ, so use it only to test.
 */

/** Top-level branches of a pattern: split at `|` outside groups, classes and escapes. */
export function branchesOf(pattern: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let inClass = false;
  let start = 0;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) {
      out.push(pattern.slice(start, i));
      start = i + 1;
    }
  }
  out.push(pattern.slice(start));
  return out;
}

/**
 * An expression whose `test` is true exactly when some pattern's is.
 * @example anyOf(['\\bcookies\\b', '^error\\b|\\bnot found\\b'], 'u').source // → "\\b(?:cookies\\b|not found\\b)|^(?:error\\b)"
 */
export function anyOf(patterns: readonly string[], flags: string): RegExp {
  // A back-reference counts groups, and `m` lets `^` match after each line break: join them as they are.
  if (flags.includes('m') || patterns.some((p) => /\\[1-9k]/.test(p)))
    return new RegExp(patterns.map((p) => `(?:${p})`).join('|'), flags);
  const atWord: string[] = [];
  const atStart: string[] = [];
  const other: string[] = [];
  for (const branch of patterns.flatMap(branchesOf)) {
    if (branch.startsWith('\\b')) atWord.push(branch.slice(2));
    else if (branch.startsWith('^')) atStart.push(branch.slice(1));
    else other.push(`(?:${branch})`);
  }
  const parts = [
    ...(atWord.length > 0 ? [`\\b(?:${atWord.join('|')})`] : []),
    ...(atStart.length > 0 ? [`^(?:${atStart.join('|')})`] : []),
    ...other,
  ];
  return new RegExp(parts.join('|'), flags);
}
