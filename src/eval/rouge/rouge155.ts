/**
 * ROUGE-N the way the DUC/TAC evaluations ran the Perl ROUGE-1.5.5: `-n 2 -f A` (hits and counts summed
 * over all references: "model averaging"), `-l WORDS` (every summary cut to its first WORDS words),
 * `-m` (WordNet exceptions, then Porter stems, of tokens longer than 3 characters) and `-s` (the SMART
 * common words removed), with texts read in its SPL format (one sentence per line).
 *
 * Each step follows the script (`readText`, `createNGram`, `MorphStem`): lines are lowercased (ASCII
 * only), the word limit counts whitespace-separated words line by line ("U.S." is one word, "Pinochet ,"
 * two), and only then is the text cut into `[a-z0-9]` runs. The stemmer is the script's own (see
 * `porter155.ts`). `bench/rouge-conformance.ts` checks every topic of DUC 2003 and TAC 2011 against the
 * Perl script itself. Not carried over: `-b` byte limits, and scores rounded to 5 decimals.
 */
import { ngramCounts, overlap, total } from './ngrams.js';
import { morphStem155 } from './porter155.js';
import { score, ZERO_SCORE, type RougeScore } from './score.js';
import smartWords from './smart-stopwords.json' with { type: 'json' };
import { Vocabulary } from './tokenize.js';

export interface Rouge155Options {
  /** `-l`: only the first this many words of each summary count. */
  readonly words?: number;
  /** `-m`: stem tokens longer than 3 characters (WordNet exceptions, then ROUGE-1.5.5's Porter). */
  readonly stem?: boolean;
  /** `-s`: drop the SMART common words before counting n-grams. */
  readonly removeStopwords?: boolean;
}

const SMART_WORDS: ReadonlySet<string> = new Set(smartWords);
/** Perl's `\s` on bytes: ASCII whitespace only (a no-break space is not a word break there). */
const PERL_SPACE = /[ \t\n\v\f\r]+/;

/** Perl's `split(/\s+/, $s)`: a leading empty field is kept, trailing empty fields are dropped. */
function perlSplit(s: string): string[] {
  const fields = s.split(PERL_SPACE);
  while (fields.length > 0 && fields[fields.length - 1] === '') fields.pop();
  return fields;
}

/** `readText` for SPL input: the non-empty lines, lowercased, cut after `limit` whitespace words. */
function limitedText(text: string, limit: number | undefined): string {
  const lines = text
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => line.replace(/[A-Z]+/g, (m) => m.toLowerCase()));
  if (!limit) return lines.join(' ');
  let out = '';
  let count = 0;
  for (const line of lines) {
    const words = perlSplit(line);
    if (count + words.length < limit) {
      out += count !== 0 ? ` ${line}` : line;
      count += words.length;
    } else {
      if (count > 0) out += ' ';
      out += words.slice(0, limit - count).join(' ');
      break;
    }
  }
  return out;
}

/** ROUGE-1.5.5's tokens: `readText`'s cut, then `createNGram`'s `[a-z0-9]` runs, filtered and stemmed. */
function tokens155(text: string, options: Rouge155Options): string[] {
  let words: string[] = limitedText(text, options.words).match(/[a-z0-9]+/g) ?? [];
  if (options.removeStopwords) words = words.filter((w) => !SMART_WORDS.has(w));
  if (options.stem) words = words.map((w) => (w.length > 3 ? morphStem155(w) : w));
  return words;
}

/** `-f A` averaging: hits and n-gram counts summed over the references before dividing. */
function averaged(candidate: Map<number, number>, references: readonly Map<number, number>[]): RougeScore {
  let hits = 0;
  let referenceCount = 0;
  let candidateCount = 0;
  const own = total(candidate);
  for (const r of references) {
    hits += overlap(r, candidate);
    referenceCount += total(r);
    candidateCount += own;
  }
  if (hits === 0) return ZERO_SCORE;
  return score(hits / candidateCount, hits / referenceCount);
}

/**
 * ROUGE-1 and ROUGE-2 of `candidate` against all `references`, ROUGE-1.5.5 style (`-n 2 -f A`, plus `-l`,
 * `-m`, `-s` as given). DUC 2003/2004 report the recall with `-l 100 -m`.
 * Example: `rouge155(summary, models, { words: 100, stem: true }).rouge1.recall`.
 */
export function rouge155(
  candidate: string,
  references: readonly string[],
  options: Rouge155Options = {},
): { rouge1: RougeScore; rouge2: RougeScore } {
  const vocabulary = new Vocabulary();
  const c = vocabulary.encode(tokens155(candidate, options));
  const refs = references.map((r) => vocabulary.encode(tokens155(r, options)));
  return {
    rouge1: averaged(
      ngramCounts(c, 1),
      refs.map((r) => ngramCounts(r, 1)),
    ),
    rouge2: averaged(
      ngramCounts(c, 2),
      refs.map((r) => ngramCounts(r, 2)),
    ),
  };
}
