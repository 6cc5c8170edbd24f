/**
 * Sentence splitting for news text. First version: split paragraphs on blank lines, then split at
 * sentence-final punctuation followed by a space and an uppercase letter, a quote or a digit, unless the
 * word before the stop is a known abbreviation or an initial.
 */
const ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'sen',
  'rep',
  'gov',
  'gen',
  'col',
  'lt',
  'sgt',
  'capt',
  'st',
  'jr',
  'sr',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'inc',
  'corp',
  'co',
  'ltd',
  'vs',
  'no',
  'u.s',
  'u.k',
  'u.n',
  'a.m',
  'p.m',
  'etc',
  'e.g',
  'i.e',
  'mt',
  'ft',
  'ave',
  'blvd',
]);

export interface SentenceSpan {
  readonly text: string;
  readonly paragraph: number;
}

/** Sentences of `text` with their paragraph numbers. Example: `splitSentences("Mr. Li won. He left.")` → 2 sentences. */
export function splitSentences(text: string): SentenceSpan[] {
  const out: SentenceSpan[] = [];
  const paragraphs = text.split(/\n\s*\n/);
  let paragraph = 0;
  for (const raw of paragraphs) {
    const para = raw.replace(/\s+/g, ' ').trim();
    if (!para) continue;
    let start = 0;
    const boundary = /[.!?]+["”’')\]]*\s+(?=["“‘(]?[\p{Lu}\p{N}])/gu;
    for (let m = boundary.exec(para); m; m = boundary.exec(para)) {
      const before = para.slice(start, m.index);
      const lastWord = (before.match(/(\S+)$/)?.[1] ?? '').toLowerCase().replace(/^["“‘(]/, '');
      if (m[0].startsWith('.') && (ABBREVIATIONS.has(lastWord) || /^\p{L}$/u.test(lastWord))) continue;
      const end = m.index + m[0].trimEnd().length;
      out.push({ text: para.slice(start, end).trim(), paragraph });
      start = m.index + m[0].length;
    }
    const rest = para.slice(start).trim();
    if (rest) out.push({ text: rest, paragraph });
    paragraph++;
  }
  return out;
}
