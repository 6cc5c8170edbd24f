/**
 * Features of a pair of sentences for the "same content" decision (same-content.ts): does sentence B,
 * from another article of the story, say what sentence A says? Word overlap measures the shared
 * subject; the other features catch what overlap cannot: different figures, names or dates, a negation
 * on one side only ("has not said" / "does not expect… before April 4"), a plan against a fact, one
 * long sentence that merely mentions what a short one states.
 *
 * Overlap features follow the machine-translation metrics of Madnani, Tetreault & Chodorow, "Re-examining
 * machine translation metrics for paraphrase identification" (NAACL 2012): n-gram precision and recall
 * both ways and the longest common subsequence (ROUGE-L). We use stems and stem bigrams only (no
 * TER/METEOR), and add the news-specific mismatch features above.
 */
import type { Sentence } from '../model.js';
import { numberValues } from '../text/numbers.js';
import { americanStem, americanWord } from '../text/spelling.js';
import { stem } from '../text/stem.js';
import { isStopWord } from '../text/stopwords.js';
import speechVerbs from '../text/speech-verbs.json' with { type: 'json' };
import cues from './cue-words.json' with { type: 'json' };

const NEGATIONS: ReadonlySet<string> = new Set(cues.negations);
const MODALS: ReadonlySet<string> = new Set(cues.modals);
const WEEKDAYS: ReadonlySet<string> = new Set(cues.weekdays);
const MONTHS: ReadonlySet<string> = new Set(cues.months);
const TITLES: ReadonlySet<string> = new Set(cues.titles);
const SPEECH: ReadonlySet<string> = new Set(speechVerbs);
/** Tokens after a negation searched for what it denies. */
const NEGATION_REACH = 4;
/** Words on either side of a speech verb searched for the speaker's name. */
const SPEAKER_WINDOW = 3;

/** The parts of a sentence the features read, computed once per sentence. */
export interface PairSide {
  readonly tokens: readonly string[];
  readonly stems: readonly string[];
  readonly stemSet: ReadonlySet<string>;
  readonly bigrams: ReadonlySet<string>;
  readonly tokenBigrams: ReadonlySet<string>;
  readonly numbers: ReadonlySet<number>;
  /** Figures by the word they count ("12 people" → people: {12}), for telling "12 hurt" from "15 hurt". */
  readonly figures: ReadonlyMap<string, ReadonlySet<number>>;
  /** Capitalised words not at the sentence start, lowercased: a cheap reading of names. */
  readonly names: ReadonlySet<string>;
  readonly weekdays: ReadonlySet<string>;
  readonly months: ReadonlySet<string>;
  readonly negations: number;
  /** Stem of the first content word after each negation ("found no cracks" → crack): what is denied. */
  readonly negated: ReadonlySet<string>;
  /** The first two content words after each negation ("no immediate risk" → immediate, risk). */
  readonly negatedNear: ReadonlySet<string>;
  readonly modals: number;
  /** Tokens inside quotation marks. */
  readonly quoted: ReadonlySet<string>;
  /** Capitalised words next to a speech verb ("Ortiz said", "said Mayor Lena Ortiz"): who is speaking. */
  readonly speakers: ReadonlySet<string>;
}

/** Feature names, in the order of `pairFeatures` and of the model's weights. */
export const FEATURE_NAMES = [
  'cosine',
  'containMin',
  'containMax',
  'bigramMin',
  'bigramMax',
  'lcsMin',
  'lcsMax',
  'tokenDice',
  'lengthRatio',
  'shortLog',
  'numbersShared',
  'numbersConflict',
  'numbersOneSide',
  'namesShared',
  'namesMissing',
  'datesConflict',
  'negationMismatch',
  'modalMismatch',
  'quoteOverlap',
  'unsharedMin',
  'unsharedMax',
  'tokenBigramMin',
  'tokenBigramMax',
  'tokenLcsMin',
  'tokenLcsMax',
  'lengthDiffLog',
  'cosineSquared',
] as const;

/** Reads the parts of one sentence the pair features need. */
export function pairSide(sentence: Pick<Sentence, 'text' | 'tokens' | 'stems'>): PairSide {
  const { text, stems } = sentence;
  // Word-level features read American spelling, as stems do: a British and an American outlet stating
  // one fact share their words ("defence centre" / "defense center").
  const tokens = sentence.tokens.map(americanWord);
  const bigrams = new Set<string>();
  for (let k = 1; k < stems.length; k++) bigrams.add(`${stems[k - 1]} ${stems[k]}`);
  const tokenBigrams = new Set<string>();
  for (let k = 1; k < tokens.length; k++) tokenBigrams.add(`${tokens[k - 1]} ${tokens[k]}`);
  const names = new Set<string>();
  const speakers = new Set<string>();
  const words = text.match(/[\p{L}][\p{L}'’-]*/gu) ?? [];
  const capital = words.map((w) => /^\p{Lu}/u.test(w));
  words.forEach((w, k) => {
    if (k > 0 && capital[k]) names.add(w.toLowerCase());
    if (!SPEECH.has(w.toLowerCase())) return;
    for (let d = -SPEAKER_WINDOW; d <= SPEAKER_WINDOW; d++) {
      const near = words[k + d]?.toLowerCase();
      if (d === 0 || !capital[k + d] || isStopWord(near!) || TITLES.has(near!) || /['’]/.test(near!))
        continue;
      if (!WEEKDAYS.has(near!) && !MONTHS.has(near!)) speakers.add(near!);
    }
  });
  const quoted = new Set<string>();
  for (const m of text.matchAll(/["“”]([^"“”]{3,})["“”]/g)) {
    for (const w of m[1]!.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) quoted.add(w);
  }
  let negations = 0;
  let modals = 0;
  const negated = new Set<string>();
  const negatedNear = new Set<string>();
  const weekdays = new Set<string>();
  const months = new Set<string>();
  tokens.forEach((t, k) => {
    // "no" before a hyphenated word is an adjective ("no-nonsense"), not a denial.
    if (isNegation(tokens, k, text)) {
      negations++;
      let found = 0;
      for (let j = k + 1; j <= k + NEGATION_REACH && j < tokens.length && found < 2; j++) {
        if (isStopWord(tokens[j]!)) continue;
        const st = americanStem(stem(tokens[j]!));
        if (found++ === 0) negated.add(st);
        negatedNear.add(st);
      }
    }
    if (MODALS.has(t)) modals++;
    if (WEEKDAYS.has(t)) weekdays.add(t);
    if (MONTHS.has(t)) months.add(t);
  });
  return {
    tokens,
    stems,
    stemSet: new Set(stems),
    bigrams,
    tokenBigrams,
    numbers: numberValues(tokens),
    figures: figuresByWord(tokens),
    names,
    weekdays,
    months,
    negations,
    negated,
    negatedNear,
    modals,
    quoted,
    speakers,
  };
}

/**
 * Numbers keyed by the content word right after them. Digit groups split by the tokenizer are joined
 * back ("48,000" → 48 000 → 48000); a number followed by a stop word counts nothing we can compare.
 */
function figuresByWord(tokens: readonly string[]): Map<string, Set<number>> {
  const out = new Map<string, Set<number>>();
  for (let k = 0; k < tokens.length; k++) {
    const head = numberValues([tokens[k]!]);
    if (head.size !== 1) continue;
    let value = [...head][0]!;
    // "thirty eight pupils": tens then units.
    const units = numberValues([tokens[k + 1] ?? '']);
    if (value >= 20 && value < 100 && value % 10 === 0 && units.size === 1 && [...units][0]! < 10) {
      value += [...units][0]!;
      k++;
    }
    while (/^\d{3}$/.test(tokens[k + 1] ?? '') && /^\d+$/.test(tokens[k]!))
      value = value * 1000 + Number(tokens[++k]);
    const word = tokens[k + 1];
    if (!word || word.length < 2 || isStopWord(word) || /^\d/.test(word) || numberValues([word]).size)
      continue;
    const set = out.get(word) ?? new Set<number>();
    set.add(value);
    out.set(word, set);
  }
  return out;
}

/** True when some counted word carries different numbers on the two sides ("12 people" / "15 people"). */
export function figuresConflict(a: PairSide, b: PairSide): boolean {
  for (const [word, values] of a.figures) {
    const other = b.figures.get(word);
    if (other && disjointSets(values, other)) return true;
  }
  return false;
}

function disjointSets<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): boolean {
  for (const x of a) if (b.has(x)) return false;
  return true;
}

/**
 * True when one side denies what the other states: a stem negated on one side ("found no cracks")
 * stands un-negated on the other ("found cracks"). A negation elsewhere in a sentence ("a startup that
 * never showed its product") does not count, nor do two sides that both deny.
 */
export function negationConflict(a: PairSide, b: PairSide): boolean {
  const denies = (x: PairSide, y: PairSide) => {
    for (const s of x.negated) if (y.stemSet.has(s) && !y.negatedNear.has(s)) return true;
    return false;
  };
  return denies(a, b) || denies(b, a);
}

/** True when both sides name weekdays (or months) and share none. */
export function datesConflict(a: PairSide, b: PairSide): boolean {
  return conflict(a.weekdays, b.weekdays) || conflict(a.months, b.months);
}

/** "not", "never", "no" (not "no-nonsense"), and the "t" of "don't", "isn't", "can't" (the tokenizer splits them). */
function isNegation(tokens: readonly string[], k: number, text: string): boolean {
  const t = tokens[k]!;
  if (t === 't') return /n$/.test(tokens[k - 1] ?? '');
  if (t === 'no') return !text.toLowerCase().includes(`no-${tokens[k + 1] ?? ''}`);
  return NEGATIONS.has(t) || t.endsWith("n't");
}

function shared<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let n = 0;
  for (const x of small) if (large.has(x)) n++;
  return n;
}

/** Length of the longest common subsequence of two stem sequences (ROUGE-L's numerator). */
export function lcsLength(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  let prev = new Uint16Array(b.length + 1);
  let row = new Uint16Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      row[j] = a[i - 1] === b[j - 1] ? prev[j - 1]! + 1 : Math.max(prev[j]!, row[j - 1]!);
    }
    [prev, row] = [row, prev];
  }
  return prev[b.length]!;
}

/** True when both sides state values of one kind and share none of them. */
function conflict<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): boolean {
  return a.size > 0 && b.size > 0 && shared(a, b) === 0;
}

/**
 * The feature vector of a pair, in `FEATURE_NAMES` order. Symmetric: features that differ by direction
 * come as min and max, so f(A, B) = f(B, A) and a citation means the same thing read either way.
 */
export function pairFeatures(a: PairSide, b: PairSide): number[] {
  const na = a.stemSet.size;
  const nb = b.stemSet.size;
  const common = shared(a.stemSet, b.stemSet);
  const lo = Math.max(1, Math.min(na, nb));
  const hi = Math.max(1, na, nb);
  const bg = shared(a.bigrams, b.bigrams);
  const bLo = Math.max(1, Math.min(a.bigrams.size, b.bigrams.size));
  const bHi = Math.max(1, a.bigrams.size, b.bigrams.size);
  const lcs = lcsLength(a.stems, b.stems);
  const sLo = Math.max(1, Math.min(a.stems.length, b.stems.length));
  const sHi = Math.max(1, a.stems.length, b.stems.length);
  const ta = new Set(a.tokens);
  const tb = new Set(b.tokens);
  const tokenDice = (2 * shared(ta, tb)) / Math.max(1, ta.size + tb.size);
  const lenA = a.tokens.length;
  const lenB = b.tokens.length;
  const namesShared = shared(a.names, b.names);
  const namesAll = a.names.size + b.names.size - namesShared;
  const quoteShared = shared(a.quoted, b.quoted);
  const cosine = na && nb ? common / Math.sqrt(na * nb) : 0;
  const tbg = shared(a.tokenBigrams, b.tokenBigrams);
  const tbLo = Math.max(1, Math.min(a.tokenBigrams.size, b.tokenBigrams.size));
  const tbHi = Math.max(1, a.tokenBigrams.size, b.tokenBigrams.size);
  const tlcs = lcsLength(a.tokens, b.tokens);
  const tLo = Math.max(1, Math.min(lenA, lenB));
  const tHi = Math.max(1, lenA, lenB);
  return [
    cosine,
    common / hi,
    common / lo,
    bg / bHi,
    bg / bLo,
    lcs / sHi,
    lcs / sLo,
    tokenDice,
    Math.min(lenA, lenB) / Math.max(1, lenA, lenB),
    Math.log1p(Math.min(na, nb)),
    shared(a.numbers, b.numbers) > 0 ? 1 : 0,
    figuresConflict(a, b) ? 1 : 0,
    a.numbers.size > 0 !== b.numbers.size > 0 ? 1 : 0,
    namesAll ? namesShared / namesAll : 0,
    namesAll ? (namesAll - namesShared) / namesAll : 0,
    datesConflict(a, b) ? 1 : 0,
    negationConflict(a, b) ? 1 : a.negations > 0 !== b.negations > 0 ? 0.5 : 0,
    a.modals > 0 !== b.modals > 0 ? 1 : 0,
    a.quoted.size && b.quoted.size ? quoteShared / Math.min(a.quoted.size, b.quoted.size) : 0,
    Math.log1p(Math.min(na, nb) - common),
    Math.log1p(Math.max(na, nb) - common),
    tbg / tbHi,
    tbg / tbLo,
    tlcs / tHi,
    tlcs / tLo,
    Math.log1p(Math.abs(lenA - lenB)),
    cosine * cosine,
  ];
}
