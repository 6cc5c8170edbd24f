/**
 * Literal words or phrases as the alternatives of one regular expression: each escaped, longest first
 * so that a phrase wins over a word it begins with ("associated press" before "ap").
 */

/** `s` with every character a pattern reads as syntax escaped (`/` too, valid in every mode). */
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/**
 * The pattern source matching any of `words` literally, longest first (ties keep their order).
 * @example alternatives(['ap', 'a.p.']) // → 'a\\.p\\.|ap'
 */
export function alternatives(words: Iterable<string>): string {
  return [...words]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join('|');
}
