/**
 * The content stems of a figure's clause, its own words left out: what `findFigures` compares figures
 * by. A sentence with figures asks for several clauses (one per figure and date), and tokenising and
 * stemming each clause again cost as much as analysing every sentence of the story; so a sentence is
 * read once into its letter runs and their stems, and each clause takes the runs within it.
 *
 * The stems are those of `wordForms(part.replace(/\d[\d,.:]*\/g, ' '))` for the clause's parts. For a
 * sentence of ASCII and `isPlainMark` characters alone, that tokeniser's words without digits are the
 * maximal runs of ASCII letters, lowercased; any other sentence takes the general path.
 */
import { tokenStem, wordForms } from '../text/analyze.js';
import { isPlainMark } from '../text/tokens.js';

const DIGIT_RUNS = /\d[\d,.:]*/g;

/** Content stems of `sentence.slice(from, to)` and of further such parts, in order. */
export type ClauseStems = (parts: readonly (readonly [number, number])[]) => string[];

const isLetter = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90);

function isPlain(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 128 && !isPlainMark(c)) return false;
  }
  return true;
}

/** The general reading: each part's text tokenised and stemmed anew, parts joined by a space. */
function stemsByText(sentence: string): ClauseStems {
  return (parts) => {
    const text = parts.map(([from, to]) => sentence.slice(from, to)).join(' ');
    return wordForms(text.replace(DIGIT_RUNS, ' ')).stems;
  };
}

/**
 * `ClauseStems` of one sentence. Parts are read as `String.prototype.slice` reads its bounds.
 * @example clauseStemsOf('Crews fixed 12 bridges.')([[0, 11], [14, 23]]) // → ["crew", "fix", "bridg"]
 */
export function clauseStemsOf(sentence: string): ClauseStems {
  if (!isPlain(sentence)) return stemsByText(sentence);
  let runs: Runs | undefined;
  return (parts) => stemsIn(sentence, (runs ??= letterRuns(sentence)), parts);
}

/** The letter runs of a sentence, with the stem of each (undefined for a stop word). */
interface Runs {
  readonly starts: number[];
  readonly ends: number[];
  readonly stems: (string | undefined)[];
}

function letterRuns(sentence: string): Runs {
  const runs: Runs = { starts: [], ends: [], stems: [] };
  for (let i = 0; i < sentence.length;) {
    if (!isLetter(sentence.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    while (i < sentence.length && isLetter(sentence.charCodeAt(i))) i++;
    runs.starts.push(start);
    runs.ends.push(i);
    runs.stems.push(tokenStem(sentence.slice(start, i).toLowerCase()));
  }
  return runs;
}

function stemsIn(sentence: string, runs: Runs, parts: readonly (readonly [number, number])[]): string[] {
  const { starts, ends, stems } = runs;
  const len = sentence.length;
  const bound = (x: number) => (x < 0 ? Math.max(0, len + x) : Math.min(x, len));
  const out: string[] = [];
  for (const [a, b] of parts) {
    const from = bound(a);
    const to = bound(b);
    if (to <= from) continue;
    for (let k = 0; k < starts.length && starts[k]! < to; k++) {
      if (ends[k]! <= from) continue;
      // A run cut by the part's bounds is a word of its own in the part's text.
      const whole = starts[k]! >= from && ends[k]! <= to;
      const st = whole
        ? stems[k]
        : tokenStem(sentence.slice(Math.max(starts[k]!, from), Math.min(ends[k]!, to)).toLowerCase());
      if (st !== undefined) out.push(st);
    }
  }
  return out;
}
