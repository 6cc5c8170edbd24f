/**
 * Capitalised word runs in a sentence, the raw material of rule-based name finding: "Fire Chief Harriet
 * Vossberg", "Tarrow County Health Department", "University of Calder". A run breaks at punctuation, at
 * a lowercase word (except name particles such as "of", "de", "van" between two capitalised words), at
 * a number and after a possessive ("Millbrook's Quarry Road" is two runs).
 */

import { isCapitalized, letterOrDigitLength } from '../text/letters.js';

export interface CapitalizedRun {
  /** The words of the run, possessive "'s" and final periods removed ("St." stays as "St"). */
  readonly words: readonly string[];
  /** Character offset of the run in the sentence. */
  readonly start: number;
  /** True when the run opens the sentence or a quotation, where every word is capitalised anyway. */
  readonly initial: boolean;
  /** The lowercased word just before the run (no punctuation between), or "". */
  readonly before: string;
  /** The two words before the run when both are joined to it by spaces ("council member"), else `before`. */
  readonly beforeTwo: string;
  /** The lowercased word just after the run (no punctuation between), or "". */
  readonly after: string;
  /**
   * For a run set off by commas, the lowercased word before the first comma ("the plant's general
   * manager, René Dufauret, said" → "manager"), or "".
   */
  readonly apposition: string;
}

const PARTICLES: ReadonlySet<string> = new Set([
  'of',
  'de',
  'del',
  'della',
  'da',
  'van',
  'von',
  'der',
  'den',
  'du',
  'la',
  'le',
  'al',
  'bin',
  'el',
  '&',
]);

interface Word {
  text: string;
  start: number;
  end: number;
  possessive: boolean;
  /** The word ended in a period that is not an initial or an abbreviation: a sentence ends after it. */
  ends: boolean;
}

// Abbreviations a capitalised name continues after ("Sen. John McCain", "Martin Luther King Jr. Day").
const ABBREVIATIONS: ReadonlySet<string> = new Set(
  'mr mrs ms dr sen rep gov lt gen col sgt capt cmdr adm det prof rev st jr sr mt ft pres supt insp del'.split(
    ' ',
  ),
);

/** Titles only when written with their stop (classify-run.ts reads "Del." as a title, "Del" as a name). */
const DOTTED_TITLES: ReadonlySet<string> = new Set(['del']);

/** Length of the code point at `i` when it can go on a word (`[\p{L}\p{M}\p{N}'’.&-]`), else 0. */
function partLength(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c < 128)
    return (c >= 97 && c <= 122) ||
      (c >= 65 && c <= 90) ||
      (c >= 48 && c <= 57) ||
      c === 39 ||
      c === 46 ||
      c === 38 ||
      c === 45
      ? 1
      : 0;
  const ch = String.fromCodePoint(s.codePointAt(i)!);
  return WORD_PART.test(ch) ? ch.length : 0;
}
const WORD_PART = /^[\p{L}\p{M}\p{N}'’.&-]$/u;

/**
 * The words of `sentence`: the matches of `/[\p{L}\p{N}][\p{L}\p{M}\p{N}'’.&-]*|&/gu`, found by
 * character code (a regex match object per word cost more than the rest of the run finding; ASCII is
 * decided by its code, other characters by the same classes), each made into a `Word` at once. A lone
 * "&" is a word too, so "Halvorsen & Pike" stays one run (& is a particle below).
 */
function words(sentence: string): Word[] {
  const out: Word[] = [];
  let i = 0;
  while (i < sentence.length) {
    const len = letterOrDigitLength(sentence, i);
    if (len === 0) {
      if (sentence.charCodeAt(i) === 38) pushWord(out, '&', i);
      i++;
      continue;
    }
    let j = i + len;
    while (j < sentence.length) {
      const l = partLength(sentence, j);
      if (l === 0) break;
      j += l;
    }
    pushWord(out, sentence.slice(i, j), i);
    i = j;
  }
  return out;
}

/** Adds the word matched as `match` at `index`, trimmed (plain string tests: this runs on every word). */
function pushWord(out: Word[], match: string, index: number): void {
  let text = match;
  const n = text.length;
  const possessive =
    n > 2 && (text[n - 1] === 's' || text[n - 1] === 'S') && (text[n - 2] === "'" || text[n - 2] === '’');
  if (possessive) text = text.slice(0, -2);
  while (text.endsWith("'") || text.endsWith('’') || text.endsWith('-')) text = text.slice(0, -1);
  // A final period is the sentence's or an abbreviation's; "D.C." keeps its inner ones.
  let ends = false;
  if (text.endsWith('.') && text.indexOf('.') === text.length - 1) {
    text = text.slice(0, -1);
    // "Clinton. In Ohio…" is two runs; "J. Edgar" and "Sen. Kaine" are one.
    ends = text.length > 1 && !ABBREVIATIONS.has(text.toLowerCase());
    // "Del." (a delegate) keeps its stop: without it "Del" is a first name or a particle ("Del Rio").
    if (DOTTED_TITLES.has(text.toLowerCase())) text += '.';
  }
  if (text) out.push({ text, start: index, end: index + n, possessive, ends });
}

/** Word `i` follows word `i - 1` with nothing but spaces between, and no possessive or full stop ends that one. */
function joinedAt(sentence: string, ws: readonly Word[], i: number): boolean {
  if (i === 0) return false;
  const from = ws[i - 1]!.end;
  const to = ws[i]!.start;
  // Most gaps are one plain space: no slice or regex for those.
  const spaced = to - from === 1 && sentence.charCodeAt(from) === 32;
  return (spaced || /^\s+$/.test(sentence.slice(from, to))) && !ws[i - 1]!.possessive && !ws[i - 1]!.ends;
}

/**
 * Capitalised runs of `sentence`.
 * @example capitalizedRuns("Fire Chief Harriet Vossberg said.")[0].words // → ["Fire","Chief","Harriet","Vossberg"]
 */
export function capitalizedRuns(sentence: string): CapitalizedRun[] {
  const ws = words(sentence);
  const runs: CapitalizedRun[] = [];
  let i = 0;
  while (i < ws.length) {
    if (!isCapitalized(ws[i]!.text)) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < ws.length && joinedAt(sentence, ws, j) && !ws[j - 1]!.possessive) {
      if (isCapitalized(ws[j]!.text)) j++;
      else if (
        PARTICLES.has(ws[j]!.text) &&
        j + 1 < ws.length &&
        joinedAt(sentence, ws, j + 1) &&
        isCapitalized(ws[j + 1]!.text)
      )
        j += 2;
      else break;
    }
    const lead = sentence.slice(i > 0 ? ws[i - 1]!.end : 0, ws[i]!.start);
    const initial = i === 0 || /[“"«‘(:—–]\s*$/.test(lead) || /[.!?]\s*["”’]?\s*$/.test(lead);
    runs.push({
      words: ws.slice(i, j).map((w) => w.text),
      start: ws[i]!.start,
      initial,
      before: joinedAt(sentence, ws, i) ? ws[i - 1]!.text.toLowerCase() : '',
      beforeTwo:
        i > 1 && joinedAt(sentence, ws, i) && joinedAt(sentence, ws, i - 1)
          ? `${ws[i - 2]!.text} ${ws[i - 1]!.text}`.toLowerCase()
          : joinedAt(sentence, ws, i)
            ? ws[i - 1]!.text.toLowerCase()
            : '',
      after: j < ws.length && joinedAt(sentence, ws, j) ? ws[j]!.text.toLowerCase() : '',
      apposition:
        i > 0 && /^,\s+$/.test(lead) && j < ws.length && sentence[ws[j - 1]!.end] === ','
          ? ws[i - 1]!.text.toLowerCase()
          : '',
    });
    i = j;
  }
  return runs;
}
