/**
 * Features of a pair of sentences for the "same content" decision (same-content.ts): does sentence B,
 * from another article of the story, say what sentence A says? Word overlap measures the shared
 * subject; the other features catch what overlap cannot: different figures, names or dates, a negation
 * on one side only ("has not said" / "does not expect… before April 4"), a plan against a fact, one
 * long sentence that merely mentions what a short one states.
 *
 * Overlap features follow the machine-translation metrics of Madnani, Tetreault & Chodorow, "Re-examining
 * machine translation metrics for paraphrase identification" (NAACL 2012): n-gram overlap both ways,
 * BLEU, METEOR (exact and stem stages; no synonyms), TER (no block shifts: word insertions and
 * deletions, and a word edit distance with substitutions),
 * character n-gram overlap and the longest common subsequence (ROUGE-L); no NIST weighting (it needs
 * corpus counts). We add the news-specific mismatch features above. The measures run on hashed words
 * (overlap.ts).
 */
import type { Sentence } from '../model.js';
import { numberValue, numberValues } from '../text/numbers.js';
import { americanStem, americanWord } from '../text/spelling.js';
import { stem } from '../text/stem.js';
import { isStopWord } from '../text/stopwords.js';
import {
  editDistance,
  hashString,
  lcsLength,
  meteor,
  ngramHashes,
  positionMasks,
  rowsIn,
  sharedCount,
  sortedUnique,
  wordCharGramHashes,
  type PositionMasks,
} from './overlap.js';
import { attachedFigures, isNumberWord, NO_FIGURES } from './attached-figures.js';
import speechVerbs from '../text/speech-verbs.json' with { type: 'json' };
import cues from './cue-words.json' with { type: 'json' };
import { hasLetterOrDigit, isAsciiLetter, isCapitalized } from '../text/letters.js';
import { stemSet } from './cosine.js';

// Module constants: tsx (esbuild) writes a `\p{…}` literal as `new RegExp(…)`, built again on every call.
const SIDE_WORD = /[\p{L}][\p{L}'’-]*/gu;
const QUOTED_WORD = /[\p{L}\p{N}]+/gu;
const AGE_AFTER_NAME = /\b\p{L}[\p{L}'’-]+,\s+(\d{1,3}),/gu;

const NEGATIONS: ReadonlySet<string> = new Set(cues.negations);
const DENIALS: ReadonlySet<string> = new Set(cues.denials);
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
  /** Hashes (overlap.ts) of the words in order, of the stems in order, and of each word's stem. */
  readonly tokenIds: Uint32Array;
  readonly stemIds: Uint32Array;
  readonly tokenStemIds: Uint32Array;
  /** Where each word, stem and word's stem stands (bit masks, overlap.ts): for LCS and METEOR. */
  readonly tokenMasks: PositionMasks;
  readonly stemMasks: PositionMasks;
  readonly tokenStemMasks: PositionMasks;
  /** Distinct hashes, sorted: words, stems, stem bigrams, word 2-, 3- and 4-grams (BLEU's orders). */
  readonly tokenBag: Uint32Array;
  readonly stemBag: Uint32Array;
  readonly bigrams: Uint32Array;
  readonly tokenBigrams: Uint32Array;
  readonly tokenTrigrams: Uint32Array;
  readonly tokenFourgrams: Uint32Array;
  /** Character 4-grams of the words joined by spaces, hashed. */
  readonly chars: Uint32Array;
  readonly numbers: ReadonlySet<number>;
  /** Figures by the word they count ("12 people" → people: {12}), for telling "12 hurt" from "15 hurt". */
  readonly figures: ReadonlyMap<string, ReadonlySet<number>>;
  /**
   * Figures by every word they attach to, for the contradiction rule only (the model's features read
   * `figures`, as trained): see `attachedFigures`.
   */
  readonly attached: ReadonlyMap<string, ReadonlySet<number>>;
  /** Capitalised words not at the sentence start, lowercased: a cheap reading of names. */
  readonly names: ReadonlySet<string>;
  /** The sentence asks ("Cashews next?"): it states nothing another sentence could corroborate. */
  readonly question: boolean;
  readonly weekdays: ReadonlySet<string>;
  readonly months: ReadonlySet<string>;
  readonly negations: number;
  /** Stem of the first content word after each negation ("found no cracks" → crack): what is denied. */
  readonly negated: ReadonlySet<string>;
  /** The first two content words after each negation ("no immediate risk" → immediate, risk). */
  readonly negatedNear: ReadonlySet<string>;
  /** The first two content words after each verb of denial ("denied it was involved" → involved). */
  readonly deniedNear: ReadonlySet<string>;
  /** Months named, as their first three letters ("October" and "Oct." alike). */
  readonly monthNames: ReadonlySet<string>;
  readonly modals: number;
  /** Tokens inside quotation marks. */
  readonly quoted: ReadonlySet<string>;
  /** The text stops mid-phrase (no closing punctuation): Multi-News cuts articles off mid-sentence. */
  readonly truncated: boolean;
  /** The text reads like a photo caption ("second from left", "file photo", "Image 3 of 29"). */
  readonly caption: boolean;
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
  'trigramMin',
  'trigramMax',
  'fourgramMin',
  'fourgramMax',
  'bleuMin',
  'bleuMax',
  'meteorMin',
  'meteorMax',
  'terMin',
  'terMax',
  'char4',
  'charMin',
  'charMax',
  'truncated',
  'caption',
  'wordEditMin',
  'wordEditMax',
] as const;

/** Reads the parts of one sentence the pair features need. */
/** A question mark closing the sentence, before any closing quotation mark or bracket. */
const QUESTION_END = /\?["”’')\]]*\s*$/;

export function pairSide(sentence: Pick<Sentence, 'text' | 'tokens' | 'stems'>): PairSide {
  const { text, stems } = sentence;
  // Word-level features read American spelling, as stems do: a British and an American outlet stating
  // one fact share their words ("defence centre" / "defense center").
  const tokens = sentence.tokens.map(americanWord);
  const tokenIds = hashAll(tokens);
  const stemIds = hashAll(stems);
  const wordStems = tokenStemIds(sentence.tokens, tokenIds, stemIds);
  const names = new Set<string>();
  const speakers = new Set<string>();
  const words = sideWords(text);
  const capital = words.map(isCapitalized);
  const lower = words.map((w) => w.toLowerCase());
  for (let k = 0; k < words.length; k++) {
    if (k > 0 && capital[k]) names.add(lower[k]!);
    if (!SPEECH.has(lower[k]!)) continue;
    for (let d = -SPEAKER_WINDOW; d <= SPEAKER_WINDOW; d++) {
      const near = lower[k + d];
      if (d === 0 || !capital[k + d] || isStopWord(near!) || TITLES.has(near!) || /['’]/.test(near!))
        continue;
      if (!WEEKDAYS.has(near!) && !MONTHS.has(near!)) speakers.add(near!);
    }
  }
  const numbers = numberValues(tokens);
  const quoted = new Set<string>();
  // Most sentences hold no quotation mark: the expression is run only where one is.
  if (hasQuoteMark(text))
    for (const m of text.matchAll(QUOTED)) {
      for (const w of m[1]!.toLowerCase().match(QUOTED_WORD) ?? []) quoted.add(w);
    }
  let negations = 0;
  let modals = 0;
  const negated = new Set<string>();
  const negatedNear = new Set<string>();
  const deniedNear = new Set<string>();
  const weekdays = new Set<string>();
  const months = new Set<string>();
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
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
    } else if (DENIALS.has(t)) {
      let found = 0;
      for (let j = k + 1; j <= k + NEGATION_REACH && j < tokens.length && found < 2; j++) {
        if (isStopWord(tokens[j]!)) continue;
        deniedNear.add(americanStem(stem(tokens[j]!)));
        found++;
      }
    }
    if (MODALS.has(t)) modals++;
    if (WEEKDAYS.has(t)) weekdays.add(t);
    if (MONTHS.has(t)) months.add(t);
  }
  return {
    tokens,
    stems,
    stemSet: stemSet(stems),
    tokenIds,
    stemIds,
    tokenStemIds: wordStems,
    tokenMasks: positionMasks(tokenIds),
    stemMasks: positionMasks(stemIds),
    tokenStemMasks: positionMasks(wordStems),
    tokenBag: sortedUnique(tokenIds),
    stemBag: sortedUnique(stemIds),
    bigrams: ngramHashes(stemIds, 2),
    tokenBigrams: ngramHashes(tokenIds, 2),
    tokenTrigrams: ngramHashes(tokenIds, 3),
    tokenFourgrams: ngramHashes(tokenIds, 4),
    chars: charGrams(tokens),
    numbers,
    figures: withAges(figuresByWord(tokens), text),
    // A sentence without a number (in digits or words) has no figure to attach: most sentences.
    attached: numbers.size ? attachedFigures(text, tokens.some(isNumberWord)) : NO_FIGURES,
    names,
    question: QUESTION_END.test(text),
    weekdays,
    months,
    negations,
    negated,
    negatedNear,
    deniedNear,
    monthNames: months.size ? new Set([...months].map((m) => m.slice(0, 3))) : months,
    modals,
    quoted,
    speakers,
    truncated: !endsPhrase(text),
    caption: hasCaptionHint(text) && CAPTION.test(text),
  };
}

/** A quoted passage of three characters or more. */
const QUOTED = /["“”]([^"“”]{3,})["“”]/g;

function hasQuoteMark(text: string): boolean {
  return text.includes('"') || text.includes('“') || text.includes('”');
}

/**
 * The words `SIDE_WORD` finds (`[\p{L}][\p{L}'’-]*`): for plain ASCII text (most sentences), by
 * character code, where the only letters are A-Z and a-z; the expression otherwise.
 */
function sideWords(text: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length;) {
    const c = text.charCodeAt(i);
    if (c >= 128) return text.match(SIDE_WORD) ?? [];
    if (!isAsciiLetter(c)) {
      i++;
      continue;
    }
    let j = i + 1;
    for (; j < text.length; j++) {
      const d = text.charCodeAt(j);
      if (d >= 128) return text.match(SIDE_WORD) ?? [];
      if (!isAsciiLetter(d) && d !== 39 && d !== 45) break;
    }
    out.push(text.slice(i, j));
    i = j;
  }
  return out;
}

/**
 * Whether `text` ends in closing punctuation, spaces aside: `/[.!?…"'”’)\]]\s*$/` without a regex, which
 * tries every position of the sentence. (trimEnd strips what `\s` matches.)
 */
function endsPhrase(text: string): boolean {
  const end = text.trimEnd();
  return end.length > 0 && CLOSING.includes(end[end.length - 1]!);
}
const CLOSING = `.!?…"'”’)]`;

/** Words that mark a photo caption: it describes a picture, not what a source reports. */
const CAPTION_HINTS = ['photo', 'Photo', 'pictur', 'Pictur', 'left', 'right', 'image', 'Image', 'PHOTO'];

/**
 * Whether `text` has one of the hints, a cheap test before the caption expression. Substring searches
 * rather than one regex: an alternation of words with no common start makes the engine try every position.
 */
function hasCaptionHint(text: string): boolean {
  for (const hint of CAPTION_HINTS) if (text.includes(hint)) return true;
  return false;
}
const CAPTION = new RegExp(`\\b(?:${cues.captions.join('|')})\\b`, 'iu');

/** The hash of each string (`Uint32Array.from(xs, hashString)`, whose mapping call per element cost more). */
function hashAll(xs: readonly string[]): Uint32Array {
  const out = new Uint32Array(xs.length);
  for (let k = 0; k < xs.length; k++) out[k] = hashString(xs[k]!);
  return out;
}

/**
 * The stem of each word for METEOR's stem stage: stems exist for content words only (stop words are
 * dropped from `stems`, in order), so a stop word stands for itself.
 */
function tokenStemIds(raw: readonly string[], tokenIds: Uint32Array, stemIds: Uint32Array): Uint32Array {
  const out = new Uint32Array(raw.length);
  let next = 0;
  raw.forEach((t, k) => {
    out[k] = isStopWord(t) || next >= stemIds.length ? tokenIds[k]! : stemIds[next++]!;
  });
  return out;
}

/**
 * Character 4-grams of the words, punctuation dropped: spelling variants and inflections share most.
 * Of 2- to 5-grams, the 4-grams alone did as well on MSRP (0.768 against 0.770) at a quarter of the cost.
 */
function charGrams(tokens: readonly string[]): Uint32Array {
  return wordCharGramHashes(tokens, hasLetterOrDigit, 4);
}

/**
 * Ages join the figures under "age": "Graswald, 35," and "the 36-year-old" state two ages of one
 * person, which the counted-word reading misses (a comma follows the first, "year" the second).
 * Multi-News lowercases names, so any word before ", 35," counts.
 */
function withAges(figures: Map<string, Set<number>>, text: string): Map<string, Set<number>> {
  const ages = new Set<number>();
  if (!/\d/.test(text)) return figures;
  // Each form needs a comma or its words: most sentences with a digit have neither word, and the
  // case-insensitive Unicode expressions are slow to run.
  const lower = text.toLowerCase();
  if (text.includes(',')) for (const m of text.matchAll(AGE_AFTER_NAME)) ages.add(Number(m[1]));
  if (lower.includes('year') && lower.includes('old'))
    for (const m of text.matchAll(/\b(\d{1,3})[-\s]years?[-\s]old\b/giu)) ages.add(Number(m[1]));
  if (lower.includes('aged'))
    for (const m of text.matchAll(/\baged\s+(\d{1,3})\b/giu)) ages.add(Number(m[1]));
  for (const a of ages) if (a > 120) ages.delete(a);
  if (ages.size) figures.set('age', ages);
  return figures;
}

/**
 * Numbers keyed by the content word right after them. Digit groups split by the tokenizer are joined
 * back ("48,000" → 48 000 → 48000); a number followed by a stop word counts nothing we can compare.
 */
function figuresByWord(tokens: readonly string[]): Map<string, Set<number>> {
  const out = new Map<string, Set<number>>();
  for (let k = 0; k < tokens.length; k++) {
    let value = numberValue(tokens[k]!);
    if (value === undefined) continue;
    // "thirty eight pupils": tens then units.
    const units = numberValue(tokens[k + 1] ?? '');
    if (value >= 20 && value < 100 && value % 10 === 0 && units !== undefined && units < 10) {
      value += units;
      k++;
    }
    while (/^\d{3}$/.test(tokens[k + 1] ?? '') && /^\d+$/.test(tokens[k]!))
      value = value * 1000 + Number(tokens[++k]);
    const word = tokens[k + 1];
    if (!word || word.length < 2 || isStopWord(word) || /^\d/.test(word) || numberValue(word) !== undefined)
      continue;
    const set = out.get(word) ?? new Set<number>();
    set.add(value);
    out.set(word, set);
  }
  return out;
}

/** True when some counted word carries different numbers on the two sides ("12 people" / "15 people"). */
export function figuresConflict(a: PairSide, b: PairSide): boolean {
  return keyedConflict(a.figures, b.figures);
}

/**
 * True when a word carries different numbers on the two sides in the wider reading of
 * `attachedFigures`: "five bronze medals" / "three gold medals", "Oct. 25" / "Oct. 23", "the toll
 * reached 83" / "reached 85".
 */
export function attachedConflict(a: PairSide, b: PairSide): boolean {
  return keyedConflict(a.attached, b.attached);
}

function keyedConflict(
  a: ReadonlyMap<string, ReadonlySet<number>>,
  b: ReadonlyMap<string, ReadonlySet<number>>,
): boolean {
  for (const [word, values] of a) {
    const other = b.get(word);
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
  return denies(a, b) || denies(b, a);
}

/** `x` negates a stem that `y` states without a negation near it (nor a verb of denial, with `denial`). */
function denies(x: PairSide, y: PairSide, denial = false): boolean {
  for (const s of x.negated)
    if (y.stemSet.has(s) && !y.negatedNear.has(s) && !(denial && y.deniedNear.has(s))) return true;
  return false;
}

/**
 * `negationConflict` for the contradiction rule: a verb of denial denies too. "Spokesman Avi Benayahu
 * denied his country was involved" and "Benayahu said Israel is not involved" say one thing (score
 * 0.94 on DUC 2003, refused by the rule). The model's feature keeps `negationConflict`, as trained.
 */
export function negationContradicts(a: PairSide, b: PairSide): boolean {
  return denies(a, b, true) || denies(b, a, true);
}

/**
 * `datesConflict` for the contradiction rule, with months compared by their first three letters:
 * "Oct. 25" and "October 25" name one month. The model's feature keeps `datesConflict`, as trained.
 */
export function datesContradict(a: PairSide, b: PairSide): boolean {
  return conflict(a.weekdays, b.weekdays) || conflict(a.monthNames, b.monthNames);
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

/** True when both sides state values of one kind and share none of them. */
function conflict<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): boolean {
  return a.size > 0 && b.size > 0 && shared(a, b) === 0;
}

/**
 * The feature vector of a pair, in `FEATURE_NAMES` order. Symmetric: features that differ by direction
 * come as min and max, so f(A, B) = f(B, A) and a citation means the same thing read either way.
 */
export function pairFeatures(a: PairSide, b: PairSide): number[] {
  const na = a.stemBag.length;
  const nb = b.stemBag.length;
  const common = sharedCount(a.stemBag, b.stemBag);
  const lo = Math.max(1, Math.min(na, nb));
  const hi = Math.max(1, na, nb);
  const bg = sharedCount(a.bigrams, b.bigrams);
  const bLo = Math.max(1, Math.min(a.bigrams.length, b.bigrams.length));
  const bHi = Math.max(1, a.bigrams.length, b.bigrams.length);
  const lcs = lcsLength(a.stemIds, b.stemMasks, b.stemIds.length);
  const sLo = Math.max(1, Math.min(a.stemIds.length, b.stemIds.length));
  const sHi = Math.max(1, a.stemIds.length, b.stemIds.length);
  const tokensShared = sharedCount(a.tokenBag, b.tokenBag);
  const tokenDice = (2 * tokensShared) / Math.max(1, a.tokenBag.length + b.tokenBag.length);
  const lenA = a.tokens.length;
  const lenB = b.tokens.length;
  const namesShared = shared(a.names, b.names);
  const namesAll = a.names.size + b.names.size - namesShared;
  const quoteShared = shared(a.quoted, b.quoted);
  const cosine = na && nb ? common / Math.sqrt(na * nb) : 0;
  const tbg = sharedCount(a.tokenBigrams, b.tokenBigrams);
  const tbLo = Math.max(1, Math.min(a.tokenBigrams.length, b.tokenBigrams.length));
  const tbHi = Math.max(1, a.tokenBigrams.length, b.tokenBigrams.length);
  // Where each word of A stands in B: looked up once for LCS, edit distance and METEOR.
  const tokenRows = rowsIn(a.tokenIds, b.tokenMasks);
  const tlcs = lcsLength(a.tokenIds, b.tokenMasks, lenB, tokenRows);
  const tLo = Math.max(1, Math.min(lenA, lenB));
  const tHi = Math.max(1, lenA, lenB);
  const tri = sharedCount(a.tokenTrigrams, b.tokenTrigrams);
  const four = sharedCount(a.tokenFourgrams, b.tokenFourgrams);
  // BLEU's n-gram precisions of each side against the other (add-one smoothed above unigrams).
  const logP = (x: PairSide) =>
    Math.log(tokensShared / Math.max(1, x.tokenBag.length)) +
    Math.log((tbg + 1) / (x.tokenBigrams.length + 1)) +
    Math.log((tri + 1) / (x.tokenTrigrams.length + 1)) +
    Math.log((four + 1) / (x.tokenFourgrams.length + 1));
  const bleu = (x: PairSide, y: PairSide) =>
    tokensShared === 0
      ? 0
      : Math.exp(Math.min(0, 1 - y.tokens.length / Math.max(1, x.tokens.length)) + logP(x) / 4);
  // TER without block shifts or substitutions: the insertions and deletions that turn one into the other.
  const edits = lenA + lenB - 2 * tlcs;
  const [meteorA, meteorB] = meteor(
    { words: a.tokenIds, stems: a.tokenStemIds, wordMasks: a.tokenMasks, stemMasks: a.tokenStemMasks },
    { words: b.tokenIds, stems: b.tokenStemIds, wordMasks: b.tokenMasks, stemMasks: b.tokenStemMasks },
    tokenRows,
  );
  const chars = sharedCount(a.chars, b.chars);
  // TER without block shifts but with substitutions: "rose 5 %" / "fell 5 %" is one edit, not two.
  const wordEdits = editDistance(a.tokenIds, b.tokenMasks, lenB, tokenRows);
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
    ...minMax(ratio(tri, a.tokenTrigrams.length), ratio(tri, b.tokenTrigrams.length)),
    ...minMax(ratio(four, a.tokenFourgrams.length), ratio(four, b.tokenFourgrams.length)),
    ...minMax(bleu(a, b), bleu(b, a)),
    ...minMax(meteorA, meteorB),
    ...minMax(edits / Math.max(1, lenA), edits / Math.max(1, lenB)),
    (2 * chars) / Math.max(1, a.chars.length + b.chars.length),
    ...minMax(ratio(chars, a.chars.length), ratio(chars, b.chars.length)),
    a.truncated || b.truncated ? 1 : 0,
    a.caption || b.caption ? 1 : 0,
    ...minMax(wordEdits / Math.max(1, lenA), wordEdits / Math.max(1, lenB)),
  ];
}

const minMax = (x: number, y: number): [number, number] => (x <= y ? [x, y] : [y, x]);
const ratio = (part: number, whole: number) => (whole ? part / whole : 0);
