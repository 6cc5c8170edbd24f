/**
 * The terms an article is clustered by: content stems of the body and the title (title words count
 * more: a headline names the event), plus entity terms for capitalised words and runs of them found
 * inside sentences ("Port Alder", "Mayor Ortiz"), which tell two floods or two elections apart better
 * than any common word. Lowercased input (Multi-News) simply yields no entity terms.
 */
import { isHeadlineOnly } from '../article.js';
import { americanStem } from '../text/spelling.js';
import { stem } from '../text/stem.js';
import { isStopWord } from '../text/stopwords.js';
import { isCapitalized, letterOrDigitLength } from '../text/letters.js';
import { StringTable } from '../text/string-table.js';
import { hasSpacelessScript, splitWordRun } from '../text/tokens.js';

// Module constants: tsx (esbuild) writes a `\p{…}` literal as `new RegExp(…)`, built again on every call.
const NOT_WORD_CHARS = /[^\p{L}\p{N}]+/gu;

export interface FeatureOptions {
  /** Weight of one title word against one body word. */
  readonly titleWeight: number;
  /** Weight of an entity term occurrence (added beside the word's stem, which is counted too). */
  readonly entityWeight: number;
  /** Weight of a pair of adjacent content stems ("cabl anchor"): phrases tell events apart where words name topics. */
  readonly bigramWeight: number;
  /** Only this many words of the body are read: the lead carries the event, and hostile inputs stay cheap. */
  readonly maxWords: number;
}

export const FEATURE_DEFAULTS: FeatureOptions = Object.freeze({
  titleWeight: 3,
  entityWeight: 1,
  bigramWeight: 0,
  maxWords: 1500,
});

/**
 * Term counts of one article and, for explanations, a readable word for each term: `terms[i]` was
 * counted `weights[i]` times (weighted) and first read as `words[i]`, in the order the terms were first
 * read. Arrays, not a map: counting by term number (below) made a map for each article the larger cost.
 */
export class ArticleTerms {
  readonly terms: string[] = [];
  readonly weights: number[] = [];
  readonly words: string[] = [];

  /** The counts as a map, in the terms' order. */
  get counts(): Map<string, number> {
    return new Map(this.terms.map((t, i) => [t, this.weights[i]!]));
  }
}

/** Entity terms start with this mark, so they never collide with stems. */
export const ENTITY_MARK = '@';

const SENTENCE_END = /[.!?:;"“”'‘’(\n]\s*$/;
/** Characters from here on may belong to a space-less script (Thai starts the range at U+0E01). */
const SPACELESS_FROM = 0x0e00;

/**
 * The term of each lowercased word, or none for a stop word or a stray letter: a word form recurs
 * across articles, and looking it up once beats the stop-word test, the stem and the spelling map for
 * every token (half of this file's cost on a Multi-News stream). Stop words are kept here too (as
 * `NOT_A_TERM`), so a token costs one lookup whatever it is. The words are keys of a `StringTable`
 * whose values number them in `WORD_TERMS` and `CACHED_WORDS`: a word of lowercase ASCII letters and
 * digits (nearly every token of a news text) is then looked up where it stands in the text, with no
 * string made, hashed and compared for it (`addTerms`). Bounded: cleared when full.
 */
const WORD_NUMBERS = new StringTable();
/** The term number (`TERM_NUMBERS`) of each cached word, or `NOT_A_TERM`. */
const WORD_TERMS: number[] = [];
const CACHED_WORDS: string[] = [];
const MAX_CACHED_WORDS = 200_000;
const NOT_A_TERM = -1;

/**
 * Every term (stems, entity terms, pairs) by number, so an article's counts are kept in arrays by term
 * number rather than looked up in a map per token. Cleared, with the word cache, between articles once
 * it holds `MAX_TERMS`.
 */
const TERM_NUMBERS = new StringTable();
const TERMS: string[] = [];
const MAX_TERMS = 500_000;
/** Per term number: the article (`counting`) that last counted it, and its place in that article's arrays. */
let countedIn = new Int32Array(1 << 14);
let placeOf = new Int32Array(1 << 14);
/** Number of the article being counted. */
let counting = 0;

function termNumber(term: string): number {
  let n = TERM_NUMBERS.get(term);
  if (n < 0) {
    n = TERMS.length;
    TERMS.push(term);
    TERM_NUMBERS.set(term, n);
    if (n >= countedIn.length) {
      const grownIn = new Int32Array(countedIn.length * 2);
      const grownPlace = new Int32Array(countedIn.length * 2);
      grownIn.set(countedIn);
      grownPlace.set(placeOf);
      countedIn = grownIn;
      placeOf = grownPlace;
    }
  }
  return n;
}

/** Starts counting a new article: the counts of earlier ones are told apart by their number. */
function startCounting(): void {
  if (TERMS.length >= MAX_TERMS) {
    TERM_NUMBERS.clear();
    TERMS.length = 0;
    WORD_NUMBERS.clear();
    WORD_TERMS.length = 0;
    CACHED_WORDS.length = 0;
    countedIn.fill(0);
    counting = 0;
  }
  counting++;
}

/** The number of `word` in `WORD_TERMS`, computing its term the first time. */
function wordNumber(word: string): number {
  let n = WORD_NUMBERS.get(word);
  if (n < 0) {
    const term = word.length < 2 || isStopWord(word) ? NOT_A_TERM : termNumber(americanStem(stem(word)));
    if (WORD_NUMBERS.size >= MAX_CACHED_WORDS) {
      WORD_NUMBERS.clear();
      WORD_TERMS.length = 0;
      CACHED_WORDS.length = 0;
    }
    n = WORD_TERMS.length;
    WORD_TERMS.push(term);
    CACHED_WORDS.push(word);
    WORD_NUMBERS.set(word, n);
  }
  return n;
}

/** Whether `text` from `start` to `end` holds only ASCII lowercase letters and digits. */
function lowercaseAscii(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (!((c >= 97 && c <= 122) || (c >= 48 && c <= 57))) return false;
  }
  return true;
}

/** Where the next run of letters and digits (`[\p{L}\p{N}]+`) starts at or after `from`, or the text's length. */
function nextWord(text: string, from: number): number {
  let i = from;
  while (i < text.length && letterOrDigitLength(text, i) === 0) i++;
  return i;
}

/** Where the run of letters and digits starting at `start` ends. */
function wordEnd(text: string, start: number): number {
  let i = start;
  while (i < text.length) {
    const n = letterOrDigitLength(text, i);
    if (n === 0) break;
    i += n;
  }
  return i;
}

/** Whether `lower` may hold a space-less script: only then is the script test worth running. */
function maySpaceless(lower: string): boolean {
  for (let i = 0; i < lower.length; i++) if (lower.charCodeAt(i) >= SPACELESS_FROM) return true;
  return false;
}

/**
 * Adds the terms of `text`. Entities are looked for only where capitals mean names (`entities`): a
 * headline in title case capitalises every word.
 */
function addTerms(
  text: string,
  weight: number,
  options: FeatureOptions,
  out: ArticleTerms,
  entities: boolean,
): void {
  let words = 0;
  let run: string[] = [];
  let runWords: string[] = [];
  let lastEnd = 0;
  let previous: number | undefined;
  let previousWord = '';
  const flushRun = () => {
    // Called before nearly every token, with no run to end: new arrays only when there was one.
    if (run.length === 0) return;
    if (run.length > 1)
      count(
        out,
        termNumber(ENTITY_MARK + run.join(' ')),
        options.entityWeight * weight,
        ENTITY_MARK + runWords.join(' '),
      );
    run = [];
    runWords = [];
  };
  const addWord = (word: string, s: number) => {
    count(out, s, weight, word);
    if (options.bigramWeight > 0 && previous !== undefined)
      count(
        out,
        termNumber(`${TERMS[previous]!} ${TERMS[s]!}`),
        options.bigramWeight * weight,
        `${previousWord} ${word}`,
      );
    previous = s;
    previousWord = word;
  };
  for (let start = nextWord(text, 0); start < text.length; start = nextWord(text, lastEnd)) {
    if (++words > options.maxWords) break;
    const tokenEnd = wordEnd(text, start);
    const end = lastEnd;
    lastEnd = tokenEnd;
    // A known word in lowercase ASCII, looked up where it stands: no capital, so no name run goes on,
    // and no space-less script; the rest of the loop would do just this with it.
    const known = lowercaseAscii(text, start, tokenEnd) ? WORD_NUMBERS.get(text, start, tokenEnd) : -1;
    if (known >= 0) {
      flushRun();
      const term = WORD_TERMS[known]!;
      if (term !== NOT_A_TERM) addWord(CACHED_WORDS[known]!, term);
      continue;
    }
    const token = text.slice(start, tokenEnd);
    const lower = token.toLowerCase();
    // Cheapest tests first: most tokens are lowercase, and a sentence start matters only for a capital.
    const capitalised =
      entities &&
      isCapitalized(token) &&
      !(start === 0 || SENTENCE_END.test(text.slice(Math.max(0, start - 3), start))) &&
      !isStopWord(lower);
    if (!capitalised || /[^\s-]/.test(text.slice(end, start).replace(/^\s+|\s+$/g, ''))) flushRun();
    if (capitalised) {
      count(out, termNumber(ENTITY_MARK + lower), options.entityWeight * weight, ENTITY_MARK + token);
      run.push(lower);
      runWords.push(token);
    }
    // A run of a space-less script (Chinese, Japanese, Thai) holds several words, and one of its
    // characters can be a word (桥, bridge); a lone Latin letter is a stray initial.
    if (maySpaceless(lower) && hasSpacelessScript(lower)) {
      for (const word of splitWordRun(lower))
        if (!isStopWord(word)) addWord(word, termNumber(americanStem(stem(word))));
      continue;
    }
    const s = WORD_TERMS[wordNumber(lower)]!;
    if (s !== NOT_A_TERM) addWord(lower, s);
  }
  flushRun();
}

/** Counts term number `n` once more with `weight`; a term new to the article is read as `word`. */
function count(out: ArticleTerms, n: number, weight: number, word: string): void {
  if (countedIn[n] === counting) {
    const i = placeOf[n]!;
    out.weights[i] = out.weights[i]! + weight;
    return;
  }
  countedIn[n] = counting;
  placeOf[n] = out.terms.length;
  out.terms.push(TERMS[n]!);
  out.weights.push(weight);
  out.words.push(word);
}

/**
 * Weighted term counts of an article's title and body.
 * @example articleTerms({ title: "Bridge closed", text: "The Harbor Bridge closed." }).counts.get("bridg") → 4
 */
export function articleTerms(
  article: { readonly title?: string; readonly text: string; readonly warnings?: readonly string[] },
  options: FeatureOptions = FEATURE_DEFAULTS,
): ArticleTerms {
  const out = new ArticleTerms();
  startCounting();
  // A headline-only item's text is its headline again: read once, its words would count four times and
  // its title-case capitals would all pass for names.
  const headlineAsText =
    isHeadlineOnly(article) && article.title !== undefined && sameWords(article.title, article.text);
  if (article.title) addTerms(article.title, options.titleWeight, options, out, false);
  if (!headlineAsText) addTerms(article.text, 1, options, out, true);
  return out;
}

/** The same letters and digits, ignoring case, spacing and punctuation (entities decoded or not). */
function sameWords(a: string, b: string): boolean {
  const key = (s: string) => s.toLowerCase().replace(NOT_WORD_CHARS, '');
  return key(a) === key(b);
}
