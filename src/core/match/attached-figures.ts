/**
 * Figures read by every word they attach to, for the same-content decision's contradiction rule
 * (same-content.ts): "five bronze medals" and "three gold medals" count medals; "Oct. 25" is a day of
 * October. The model's features read figures by the word right after a number (`figuresByWord` in
 * features.ts), as trained; this wider reading only refuses pairs (docs/citations.md, twelfth round).
 */
import { americanStem, americanWord } from '../text/spelling.js';
import { stem } from '../text/stem.js';
import { isStopWord } from '../text/stopwords.js';
import numberWords from '../text/number-words.json' with { type: 'json' };
import cues from './cue-words.json' with { type: 'json' };

const MONTHS: ReadonlySet<string> = new Set(cues.months);
const WEEKDAYS: ReadonlySet<string> = new Set(cues.weekdays);

const isLetterCode = (c: number) => (c >= 97 && c <= 122) || c > 191;
const NUMBER_VALUES: ReadonlyMap<string, number> = new Map(Object.entries(numberWords));
/** Characters trimmed off a word's ends; a word ending in one of `CLOSES` (or opening with `OPENS`) ends a phrase. */
const EDGES = '"\'“”‘’()[],;:.!?$%—–-';
const CLOSES = ',;:)]!?.—–';
const OPENS = '([';
/** "48,000", "1998", "5.5": a figure written in digits. */
const DIGIT_FIGURE = /^\d{1,3}(?:,\d{3})+$|^\d+(?:\.\d+)?$/;

/** A word a number can count or complete: a content word of letters, no number, date or weekday. */
function attachable(word: string): boolean {
  return (
    word.length >= 2 &&
    isLetterCode(word.charCodeAt(0)) &&
    !isStopWord(word) &&
    !NUMBER_VALUES.has(word) &&
    !MONTHS.has(word) &&
    !WEEKDAYS.has(word)
  );
}

/**
 * The words of a sentence as written, read lazily: a sentence is split once, and a word is trimmed of
 * its edge punctuation and lowercased only when a number stands next to it (most words never are).
 */
class RawWords {
  readonly length: number;
  private readonly raws: string[];
  private readonly trimmed: (string | undefined)[];

  constructor(text: string) {
    this.raws = text.split(' ');
    this.length = this.raws.length;
    this.trimmed = new Array<string | undefined>(this.length);
  }

  /** Lowercased, its edge punctuation trimmed ('' out of range). */
  word(k: number): string {
    if (k < 0 || k >= this.length) return '';
    return (this.trimmed[k] ??= trimEdges(this.raws[k]!));
  }

  /** A phrase ends after word `k` ("83," "miles)"). */
  closes(k: number): boolean {
    const raw = this.raws[k] ?? '';
    return CLOSES.includes(raw[raw.length - 1] ?? ' ');
  }

  /** A phrase starts with word `k` ("(500"). */
  opens(k: number): boolean {
    return OPENS.includes(this.raws[k]?.[0] ?? ' ');
  }

  /** The number word `k` states ("48,000" → 48000, "seventy-one" → 71), if any; number words only when `words`. */
  value(k: number, words: boolean): number | undefined {
    const raw = this.raws[k];
    if (raw === undefined) return undefined;
    let i = 0;
    while (i < raw.length && EDGES.includes(raw[i]!)) i++; // "$100", "(500", '"Three'
    const c = raw.charCodeAt(i);
    if (c >= 48 && c <= 57) return valueOf(this.word(k));
    // Number words all open with one of a few letters ("two", "forty", "hundred", "dozen"…).
    return words && raw.length - i >= 3 && NUMBER_INITIALS.includes(raw[i]!.toLowerCase())
      ? valueOf(this.word(k))
      : undefined;
  }
}

function trimEdges(raw: string): string {
  let from = 0;
  let to = raw.length;
  while (from < to && EDGES.includes(raw[from]!)) from++;
  while (to > from && EDGES.includes(raw[to - 1]!)) to--;
  return raw.slice(from, to).toLowerCase();
}

function valueOf(word: string): number | undefined {
  const first = word.charCodeAt(0);
  if (first >= 48 && first <= 57)
    return DIGIT_FIGURE.test(word) ? Number(word.replaceAll(',', '')) : undefined;
  const n = NUMBER_VALUES.get(word);
  if (n !== undefined) return n;
  // "seventy-one": tens and units joined ("one" alone is mostly a pronoun, so numberValues leaves it out).
  const dash = word.indexOf('-');
  if (dash < 0) return undefined;
  const t = NUMBER_VALUES.get(word.slice(0, dash)) ?? 0;
  const unit = word.slice(dash + 1);
  const units = unit === 'one' ? 1 : (NUMBER_VALUES.get(unit) ?? 0);
  return t >= 20 && t < 100 && t % 10 === 0 && units > 0 && units < 10 ? t + units : undefined;
}

/** Whether a token is a number word ("twelve", "dozen"): only then are number words looked for. */
export const isNumberWord = (token: string): boolean => NUMBER_VALUES.has(token);
const NUMBER_INITIALS = [...new Set(Object.keys(numberWords).map((w) => w[0]!))].join('');
const VAGUE: ReadonlySet<string> = new Set(cues.vagueCounts);
const COMPARATIVES: ReadonlySet<string> = new Set(cues.comparatives);
/** What a sentence without a number attaches: nothing. */
export const NO_FIGURES: ReadonlyMap<string, ReadonlySet<number>> = new Map();

const keyStem = (word: string) => americanStem(stem(americanWord(word)));

/**
 * Numbers keyed by every word they attach to, stemmed ("medals" meets "medal"), within a phrase (no
 * comma or bracket between). `figuresByWord` reads only the token right after a number; on cased
 * newswire (twelfth round) wrong citations and agreed facts stated other figures it did not see:
 * - the counted word after an adjective: "five bronze medals" / "three gold medals" → medal;
 * - a day of a month: "released Oct. 25" / "the first installment Oct. 23" (or "23 October") → day of
 *   oct; a year after a month states no day and is left out ("January 1996" / "Jan. 12, 1996");
 * - the word a number completes when nothing counted follows it: "the toll has reached 83, after…" /
 *   "reached 85 on Saturday" → reach;
 * - tens joined with "one", which `numberValues` leaves out as a pronoun: "Seventy-one percent" → 71.
 * - "more", "fewer" or "less" after a number, stop words otherwise: "29 more than last winter" / "20
 *   more lives than last winter" → more.
 * Any other number followed by a stop word ("three other provinces") counts nothing here, nor does a
 * vague one ("several hundred dollars").
 * @example attachedFigures('It won five bronze medals.') → bronze: {5}, medal: {5}
 */
export function attachedFigures(text: string, numberWords = true): Map<string, Set<number>> {
  const out = new Map<string, Set<number>>();
  const add = (key: string, value: number) => {
    const set = out.get(key);
    if (set) set.add(value);
    else out.set(key, new Set([value]));
  };
  const words = new RawWords(text);
  for (let k = 0; k < words.length; k++) {
    const first = words.value(k, numberWords);
    if (first === undefined) continue;
    let value = first;
    let end = k;
    // "seventy one", "thirty eight": tens then units, one phrase.
    if (!words.closes(k) && value >= 20 && value < 100 && value % 10 === 0) {
      const units = words.word(k + 1) === 'one' ? 1 : words.value(k + 1, numberWords);
      if (units && units < 10) {
        value += units;
        end = k + 1;
      }
    }
    const before = words.word(k - 1);
    const counted = words.closes(end) ? '' : words.word(end + 1);
    // "Oct. 25" and "25 October" give a day of October; "January 1996" a year (which "Jan. 12, 1996"
    // does not contradict).
    const month = MONTHS.has(before) ? before : MONTHS.has(counted) ? counted : undefined;
    if (month) {
      if (value >= 1 && value <= 31 && Number.isInteger(value)) add(`day of ${month.slice(0, 3)}`, value);
      k = end;
      continue;
    }
    // "several hundred dollars" states no figure; "29 more than…" / "20 more lives than…" count more
    // of one thing.
    if (VAGUE.has(before)) continue;
    if (COMPARATIVES.has(counted)) add(counted, value);
    else if (!words.opens(end + 1) && attachable(counted)) {
      add(keyStem(counted), value);
      const after = words.closes(end + 1) ? '' : words.word(end + 2);
      if (!words.opens(end + 2) && attachable(after)) add(keyStem(after), value);
    } else if (
      !words.closes(k - 1) &&
      !words.opens(k) &&
      attachable(before) &&
      (counted === '' || isStopWord(counted))
    ) {
      add(`completes ${keyStem(before)}`, value);
    }
    k = end;
  }
  return out;
}
