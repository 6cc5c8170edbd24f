/**
 * A standfirst (dek, summary line) that the body repeats: pages and crawls put the summary above the
 * article and the article opens with the same sentence, or nearly ("Harbor council votes to close the
 * pier." above "The harbor council voted on Tuesday to close the pier…"). Crawls of wire pages do the
 * same with a photo caption, which the page shows again after the teaser. One copy is kept: the body's,
 * since the standfirst stands outside the article's flow.
 *
 * A head sentence goes when a later sentence near it holds nearly all its content words and every
 * number it gives: "sold for $1.84 million" is not repeated by "sold for $1.6 million".
 */
import { splitSentences } from './sentences.js';
import { isStopWord, STOP_WORDS } from './stopwords.js';
import { StringTable } from './string-table.js';
import { tidySpaces } from './tidy-spaces.js';
import { isPlainMark, tokenize } from './tokens.js';

/** Only the first sentences can be a standfirst … */
const HEAD_SENTENCES = 3;
/** … repeated within this many sentences after it. */
const WINDOW = 6;
/** Share of the standfirst's content words that the repeating sentence must hold. */
const MIN_CONTAINED = 0.8;
/** … and leave out at most this many of them: a list's rows differ only in their names. */
const MAX_MISSING = 3;
/** Shorter sentences ("Watch the video.") say too little to be told apart. */
const MIN_CONTENT_WORDS = 6;
/** The head and its window lie in the text's first characters; the rest is not split. */
const HEAD_CHARS = 2000;

interface Words {
  readonly content: ReadonlySet<string>;
  readonly numbers: ReadonlySet<string>;
  readonly tokens: ReadonlySet<string>;
}

/**
 * A word without a plural or third-person "s" ("votes" → "vote"): enough to match a standfirst to its
 * body sentence, and much cheaper than stemming, which ran on every article's head at ingest.
 */
function fold(token: string): string {
  return token.length > 3 && token.endsWith('s') && !token.endsWith('ss') ? token.slice(0, -1) : token;
}

function wordsOf(text: string): Words {
  const tokens = tokenize(text);
  const content = new Set<string>();
  const numbers = new Set<string>();
  for (const t of tokens) {
    if (/^\d/.test(t)) numbers.add(t);
    else if (!isStopWord(t)) content.add(fold(t));
  }
  return { content, numbers, tokens: new Set(tokens) };
}

/** Pairs of neighbouring content words from the head's first words … */
const HEAD_PAIRS = 60;
/** … at least this many of which must come again before the head is split into sentences. */
const MIN_REPEATED_PAIRS = 4;

/**
 * A cheap test that lets most texts through unsplit: a sentence said twice repeats some pairs of
 * neighbouring content words ("world record", "lake elsinore"). Ingest runs on every article, and
 * splitting and stemming the head of each made it nearly twice as slow.
 */
export function mayRepeat(head: string): boolean {
  const lower = head.toLowerCase();
  const inPlace = lower.length <= MAX_IN_PLACE ? mayRepeatInPlace(lower) : undefined;
  return inPlace ?? mayRepeatByTokens(tokenize(head));
}

/**
 * `mayRepeat` over `tokenize`'s words as strings: for heads with a character past ASCII other than a
 * plain mark (`isPlainMark`), where `tokenize` runs its expressions, and for overlong heads.
 */
export function mayRepeatByTokens(tokens: readonly string[]): boolean {
  // A pair is the numbers of its two words in this head (numbers, not "a b" strings: no string is
  // built or hashed per word; tokens hold no spaces, so the pairs are told apart as the strings were).
  const ids = new Map<string, number>();
  const pairs = new RepeatedPairs();
  for (const t of tokens) {
    if (isStopWord(t)) continue;
    let id = ids.get(t);
    if (id === undefined) {
      id = ids.size + 1;
      ids.set(t, id);
    }
    if (pairs.add(id)) return true;
  }
  return false;
}

/** The pairs of neighbouring content words seen so far, fed one word number at a time. */
class RepeatedPairs {
  private readonly early = new Set<number | string>();
  private readonly counted = new Set<number | string>();
  private n = 0;
  private previous = 0;

  /** Adds the next content word; true once `MIN_REPEATED_PAIRS` early pairs have come again. */
  add(id: number): boolean {
    const previous = this.previous;
    const pair = id < PAIR_BASE && previous < PAIR_BASE ? previous * PAIR_BASE + id : `${previous} ${id}`;
    this.previous = id;
    if (this.n++ < HEAD_PAIRS && !this.early.has(pair)) {
      this.early.add(pair);
      return false;
    }
    if (this.early.has(pair) && !this.counted.has(pair)) {
      this.counted.add(pair);
      if (this.counted.size >= MIN_REPEATED_PAIRS) return true;
    }
    return false;
  }
}

/**
 * Heads longer than this go by strings (a text with no space near `HEAD_CHARS` is its own head): the
 * table below holds at most half this many words.
 */
const MAX_IN_PLACE = 4096;
const STOP_WORD_TABLE = new StringTable([...STOP_WORDS].map((w, k) => [w, k] as const));
const LONGEST_STOP_WORD = Math.max(...[...STOP_WORDS].map((w) => w.length));
/** The head's words, by where they stand in it: open addressing over `MAX_IN_PLACE` slots, reused. */
const SLOTS = MAX_IN_PLACE;
const slotHead = new Int32Array(SLOTS);
const slotStart = new Int32Array(SLOTS);
const slotLength = new Int32Array(SLOTS);
const slotHash = new Int32Array(SLOTS);
const slotId = new Int32Array(SLOTS);
/** Which head a slot was filled for: slots of earlier heads count as empty, so none is cleared. */
let headNumber = 0;

/**
 * `mayRepeatByTokens(tokenize(lower))` without a string per word, for a lowercased head of ASCII and
 * plain marks (`tokenize`'s own fast case: its words are the runs of ASCII letters and digits): each
 * run is looked up where it stands, among the stop words and in a table of this head's words. Undefined
 * when the head has any other character past ASCII.
 */
function mayRepeatInPlace(lower: string): boolean | undefined {
  if (++headNumber === 0x7fffffff) {
    slotHead.fill(0);
    headNumber = 1;
  }
  const pairs = new RepeatedPairs();
  let words = 0;
  let start = -1;
  let hash = 0;
  for (let i = 0; i <= lower.length; i++) {
    const c = i < lower.length ? lower.charCodeAt(i) : 32;
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) {
      if (start < 0) {
        start = i;
        hash = 0x811c9dc5;
      }
      hash = Math.imul(hash ^ c, 0x01000193);
      continue;
    }
    if (c >= 128 && !isPlainMark(c)) return undefined;
    if (start < 0) continue;
    const length = i - start;
    const from = start;
    start = -1;
    if (length <= LONGEST_STOP_WORD && STOP_WORD_TABLE.get(lower, from, i) >= 0) continue;
    let slot = hash & (SLOTS - 1);
    let id = 0;
    while (slotHead[slot] === headNumber) {
      if (
        slotHash[slot] === hash &&
        slotLength[slot] === length &&
        sameRun(lower, slotStart[slot]!, from, length)
      ) {
        id = slotId[slot]!;
        break;
      }
      slot = (slot + 1) & (SLOTS - 1);
    }
    if (id === 0) {
      id = ++words;
      slotHead[slot] = headNumber;
      slotStart[slot] = from;
      slotLength[slot] = length;
      slotHash[slot] = hash;
      slotId[slot] = id;
    }
    if (pairs.add(id)) return true;
  }
  return false;
}

function sameRun(text: string, a: number, b: number, length: number): boolean {
  for (let k = 0; k < length; k++) if (text.charCodeAt(a + k) !== text.charCodeAt(b + k)) return false;
  return true;
}

/**
 * Word numbers below this make `a * PAIR_BASE + b` one pair's own number, exact in a double. A head
 * has far fewer words (`HEAD_CHARS`), unless a long text has no space to cut at: past it, pairs are strings.
 */
const PAIR_BASE = 2 ** 26;

/** Whether `later` says all that `head` says: its content words nearly all, its numbers all. */
function repeats(head: Words, later: Words): boolean {
  let shared = 0;
  for (const w of head.content) if (later.content.has(w)) shared++;
  const missing = head.content.size - shared;
  if (missing > MAX_MISSING || shared < head.content.size * MIN_CONTAINED) return false;
  for (const n of head.numbers) if (!later.tokens.has(n)) return false;
  return true;
}

/**
 * The text without head sentences that a nearby later sentence repeats; `onRemove` sees each one.
 * @example withoutRepeatedStandfirst('Pier to close for good.\n\nThe pier will close for good, the council said on Tuesday.')
 *   → 'The pier will close for good, the council said on Tuesday.'
 */
export function withoutRepeatedStandfirst(text: string, onRemove?: (sentence: string) => void): string {
  const head = text.length > HEAD_CHARS ? text.slice(0, text.lastIndexOf(' ', HEAD_CHARS)) : text;
  if (!mayRepeat(head)) return text;
  const sentences = splitSentences(head).slice(0, HEAD_SENTENCES + WINDOW);
  if (sentences.length < 2) return text;
  const words = sentences.map((s) => wordsOf(s.text));
  const dropped = new Set<number>();
  for (let i = 0; i < Math.min(HEAD_SENTENCES, sentences.length - 1); i++) {
    const a = words[i]!;
    if (a.content.size < MIN_CONTENT_WORDS) continue;
    for (let j = i + 1; j <= i + WINDOW && j < sentences.length; j++) {
      if (dropped.has(j) || !repeats(a, words[j]!)) continue;
      dropped.add(i);
      break;
    }
  }
  if (dropped.size === 0) return text;
  for (const i of dropped) onRemove?.(sentences[i]!.text);
  return tidySpaces(rebuild(text, sentences, dropped));
}

/** The text with the dropped sentences cut out where they stand (sentences are pieces of it, in order). */
function rebuild(text: string, sentences: readonly { text: string }[], dropped: ReadonlySet<number>): string {
  let out = '';
  let from = 0;
  for (const [i, s] of sentences.entries()) {
    const at = text.indexOf(s.text, from);
    if (at < 0) continue;
    if (dropped.has(i)) {
      out += text.slice(from, at);
      from = at + s.text.length;
    }
  }
  return out + text.slice(from);
}
