/**
 * What makes an extracted sentence read badly out of its place, shared by selection (which avoids it)
 * and the evaluation lint (which counts it), so that what is measured is what selection aims at:
 *  - unbalanced quotation marks (an opening quote whose close is in the next sentence, or the reverse);
 *  - no final punctuation, or an ending that is cut off ("…", ":", ",");
 *  - an opening that points back ("He said…", "But…") without the sentence it points to right before it;
 *  - no statement at all: a subheading or a question (`isSubheading`), which selection leaves out.
 * Quotes are counted as the sentence splitter sees them: straight " by parity (Multi-News spaces them:
 * ` " `), curly “ ” by depth; single quotes are left alone, being apostrophes far more often.
 */
import type { AnalyzedStory, Sentence, Summary } from '../model.js';
import pointingBack from './pointing-back.json' with { type: 'json' };
import { isAsciiLetter } from '../text/letters.js';

const PERSONS: ReadonlySet<string> = new Set(pointingBack.persons);
const PREVIOUS: ReadonlySet<string> = new Set([...pointingBack.referring, ...pointingBack.connectives]);
/** Subjects that point back after a short opening phrase or a quotation (not "his", "its"…). */
const SUBJECTS: ReadonlySet<string> = new Set(['he', 'she', 'it', 'they', 'this', 'that', 'these', 'those']);

// Module constants: tsx (esbuild) writes a `\p{…}` literal as `new RegExp(…)`, built again on every call.
const FIRST_WORD = /^[\s"“‘'(—–-]*(\p{L}+)/u;

/*
 * A sentence's end is read backwards: past its closing quotes and brackets, each perhaps after spaces
 * (spaced in Multi-News: `no. "`), to the mark before them. As expressions these were
 * `/[.!?…。！？](?:\s*["'”’)\]])*$/` (final punctuation) and `/(?:\.\.\.|…|[:,;—–-])(?:\s*["'”’)\]])*$/`
 * (cut off: an ellipsis, a colon, a comma, a semicolon or a dash, the source sentence went on), which
 * tried every stop and comma of a sentence for an end.
 */
const CLOSERS = `"'”’)]`;
const STOPS = '.!?…。！？';
const CUT_MARKS = ':,;—–-…';
const SPACE = /\s/;

/** The index of the last character before `t`'s closing quotes and brackets (-1 when there is none). */
function beforeClosers(t: string): number {
  let i = t.length - 1;
  while (i >= 0 && CLOSERS.includes(t.charAt(i))) {
    i--;
    while (i >= 0 && SPACE.test(t.charAt(i))) i--;
  }
  return i;
}

/** Whether `t` ends with final punctuation (before closing marks), `t` already trimmed. */
function endsWithStop(t: string, i = beforeClosers(t)): boolean {
  return i >= 0 && STOPS.includes(t.charAt(i));
}

/** Whether `t` trails off (before closing marks): an ellipsis, a colon, a comma, a semicolon or a dash. */
function trailsOff(t: string, i: number): boolean {
  return i >= 0 && (CUT_MARKS.includes(t.charAt(i)) || (i >= 2 && t.slice(i - 2, i + 1) === '...'));
}

/** Net quote state of a text: straight quotes modulo 2 and curly opens minus closes. */
export interface QuoteBalance {
  readonly straight: number;
  readonly curly: number;
  /** Whether a closing curly mark came while no curly one was open (counting from the start state). */
  readonly unopened?: boolean;
}

/**
 * The quote state after `text`, read on from `from` (a quotation open before it): what a run of
 * sentences read one by one adds up to.
 */
export function quoteBalance(text: string, from: QuoteBalance = { straight: 0, curly: 0 }): QuoteBalance {
  let straight = from.straight;
  let curly = from.curly;
  let unopened = from.unopened ?? false;
  // By code unit: the marks are single units, and iterating code points cost most of the selection's
  // quote units.
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) straight ^= 1;
    else if (c === 0x201c) curly++;
    else if (c === 0x201d) {
      if (curly <= 0) unopened = true;
      curly--;
    }
  }
  return { straight, curly, unopened };
}

/** Whether the quotation marks of `text` pair up. Example: `'He said "no.'` → false. */
export function hasBalancedQuotes(text: string): boolean {
  const b = quoteBalance(text);
  return b.straight === 0 && b.curly === 0;
}

/** Whether `text` ends with final punctuation (". ! ? …", then perhaps a closing quote or bracket). */
export function hasFinalPunctuation(text: string): boolean {
  return endsWithStop(text.trimEnd());
}

/** Whether `text` reads as complete: final punctuation, and not trailing off in an ellipsis or a colon. */
export function endsComplete(text: string): boolean {
  const t = text.trimEnd();
  const i = beforeClosers(t);
  return endsWithStop(t, i) && !trailsOff(t, i);
}

/**
 * A dateline that opens a paragraph: a place of up to five words, then a station or agency in brackets
 * and perhaps a dash ("Salt Lake City (KXYZ)", "Dover, Del. (WXYZ) —"), or a dash alone ("Dover —").
 * What follows it is the sentence's true opening: "Dover (KXYZ) she said…" still points back.
 */
const DATELINE =
  /^\p{L}[\p{L}.'’-]*(?:,? \p{L}[\p{L}.'’-]*){0,4} ?(?:\( ?[\p{L}\d.&' -]{1,24} ?\) ?(?:[—–]|--?)?|[—–]|--) ?/u;
/** Opening words that may go on from a name in brackets as well as point back: not read after a dateline. */
const JOINING: ReadonlySet<string> = new Set([
  'and',
  'but',
  'yet',
  'nor',
  'also',
  'still',
  'instead',
  'besides',
]);
/** A sentence that is one quotation and nothing else: who said it is in another sentence. */
const WHOLE_QUOTE = /^\s*(?:"[^"“”]+"|“[^"“”]+”)\s*$/;

/** A short opening phrase before a comma ("For two years,", "Now,"), then the next word. */
const AFTER_OPENING_PHRASE = /^[^,"“”]{1,40}, (\p{L}+)/u;
/** One opening word, then "he", "she", "it" or "they" ("Now it runs…", "When he left…"). */
const SECOND_WORD_PRONOUN = /^\p{L}+ (he|she|it|they)\b/iu;
/** A quotation opening the sentence, then the first word after it ('"…," she said'). */
const AFTER_QUOTATION = /^\s*(?:"[^"“”]+"|“[^"“”]+”)\s*(\p{L}+)/u;
/** A connective of several words, opening the sentence or after a short opening phrase. */
const CONNECTIVE_PHRASE = new RegExp(`^(?:[^,"“”]{1,40}, )?(?:${pointingBack.phrases.join('|')})\\b`, 'i');
/**
 * "those" or "these" before a noun, anywhere ("…blamed for those delays"): what they point to is in
 * an earlier sentence. Not before a relative or a preposition ("those who", "these days"), nor a
 * participle ("those injured"), which name people by what befell them.
 */
const DEMONSTRATIVE_NOUN =
  /\b(?:those|these) (?!(?:who|whom|whose|of|in|at|on|with|from|for|by|are|were|days|that|which)\b|\p{L}+ed\b)\p{Ll}/iu;

/**
 * The kind of back-pointing opening of `text`, if any: "He…" points to a person (named in the sentence
 * before it), "It…", "They…", "That…", "But…" to the sentence right before, as does a sentence
 * that is one bare quotation (its speaker is named around it). When the sentence opens a paragraph
 * (`opensParagraph`), the first word after a dateline counts too. So does a subject pronoun or
 * demonstrative after a short opening phrase ("For two years, he…", "Now, that pier…"), after one
 * opening word ("Now it runs…") or after a quotation ('"We sail at noon," she said'); so do a
 * connective of several words ("In 1990, for example, …") and "those" or "these" before a noun
 * anywhere ("…blamed for those delays").
 */
export function pointsBack(text: string, opensParagraph = false): 'person' | 'previous' | undefined {
  const kind = openingKind(text);
  if (kind) return kind;
  if (opensParagraph) {
    const dateline = DATELINE.exec(text)?.[0];
    const rest = dateline ? text.slice(dateline.length) : '';
    // "Ann Lee (left) and her son…" is a caption's name, not a dateline: a conjunction goes on from it.
    const after = JOINING.has(FIRST_WORD.exec(rest)?.[1]?.toLowerCase() ?? '')
      ? undefined
      : openingKind(rest);
    if (after) return after;
  }
  const late =
    AFTER_OPENING_PHRASE.exec(text)?.[1] ??
    AFTER_QUOTATION.exec(text)?.[1] ??
    SECOND_WORD_PRONOUN.exec(text)?.[1];
  const subject = late?.toLowerCase() ?? '';
  if (SUBJECTS.has(subject)) return PERSONS.has(subject) ? 'person' : 'previous';
  const previous =
    WHOLE_QUOTE.test(text) ||
    (mayHoldDemonstrative(text) && DEMONSTRATIVE_NOUN.test(text)) ||
    CONNECTIVE_PHRASE.test(text);
  return previous ? 'previous' : undefined;
}

/** Whether `text` is one quotation and nothing else, whose speaker another sentence names. */
export function isBareQuotation(text: string): boolean {
  return WHOLE_QUOTE.test(text);
}

/** `pointsBack` of sentence `i` of `sentences`, which knows whether it opens its paragraph. */
export function pointsBackAt(sentences: readonly Sentence[], i: number): 'person' | 'previous' | undefined {
  const s = sentences[i];
  if (!s) return undefined;
  const before = sentences[i - 1];
  const opensParagraph = before?.article !== s.article || before.paragraph !== s.paragraph;
  return pointsBack(s.text, opensParagraph);
}

/** The kind of the first word of `text` (pointing-back.json). */
function openingKind(text: string): 'person' | 'previous' | undefined {
  const first = FIRST_WORD.exec(text)?.[1]?.toLowerCase() ?? '';
  // "It's", "he'd": the letters before the apostrophe are the word.
  if (PERSONS.has(first)) return 'person';
  if (PREVIOUS.has(first)) return 'previous';
  return undefined;
}

/** Short words a title-cased line leaves in lowercase ("Crane Street, Dock Road and the Mole"). */
const MINOR_WORDS: ReadonlySet<string> = new Set(
  'a an and as at by for from in into of on or the to vs with'.split(' '),
);
const LETTER_WORDS = /\p{L}[\p{L}'’.-]*/gu;
const CAPITALISED = /^\p{Lu}/u;
const QUOTE_MARK = /["“”]/;
const QUESTION = /\?[)\]]*$/;
/** Most words (of letters: numbers aside) a paragraph of one sentence may have and be a subheading. */
const SUBHEADING_WORDS = 5;

/**
 * How many words `LETTER_WORDS` finds in `text`, and whether every one is capitalised or a minor word.
 * Plain ASCII text (most sentences) is read by character code, where the letters are A-Z and a-z and a
 * capital is A-Z; the expression reads the rest.
 */
function letterWords(text: string): { count: number; titled: boolean } {
  let count = 0;
  let titled = true;
  for (let i = 0; i < text.length;) {
    const c = text.charCodeAt(i);
    if (c >= 128) return letterWordsOf(text);
    if (!isAsciiLetter(c)) {
      i++;
      continue;
    }
    let j = i + 1;
    for (; j < text.length; j++) {
      const d = text.charCodeAt(j);
      if (d >= 128) return letterWordsOf(text);
      if (!isAsciiLetter(d) && d !== 39 && d !== 46 && d !== 45) break;
    }
    count++;
    if (titled && !(c >= 65 && c <= 90)) titled = MINOR_WORDS.has(text.slice(i, j));
    i = j;
  }
  return { count, titled };
}

function letterWordsOf(text: string): { count: number; titled: boolean } {
  const words = text.match(LETTER_WORDS) ?? [];
  return { count: words.length, titled: words.every((w) => CAPITALISED.test(w) || MINOR_WORDS.has(w)) };
}

/**
 * Whether `text` holds "those" or "these" in any case, a cheap test before `DEMONSTRATIVE_NOUN`, a
 * case-insensitive Unicode expression tried at every word. Its `iu` flags also read "ſ" (long s) as "s";
 * no other character folds to these letters.
 */
function mayHoldDemonstrative(text: string): boolean {
  const lower = text.toLowerCase();
  return lower.includes('thos') || lower.includes('thes') || lower.includes('thoſ') || lower.includes('theſ');
}

/**
 * Whether sentence `i` of `sentences` is a subheading or a question, not a statement a summary can
 * show. Steps, none of which looks inside a quotation (a speaker may ask, a sign may shout):
 *  1. a question: rhetorical, or one of a list the article goes on to answer ("Who paid for the
 *     work?");
 *  2. a title-cased line, every word capitalised but short function words (a list of places, a
 *     heading: "Crane Street, Dock Road and the Mole, Westhaven.");
 *  3. a paragraph of one short sentence with another paragraph of its article after it ("Anglers
 *     return." between two paragraphs about the pier).
 */
export function isSubheading(sentences: readonly Sentence[], i: number): boolean {
  const s = sentences[i];
  if (!s || QUOTE_MARK.test(s.text)) return false;
  const text = s.text.trim();
  if (QUESTION.test(text)) return true;
  const { count, titled } = letterWords(text);
  if (count >= 2 && titled) return true;
  if (count > SUBHEADING_WORDS) return false;
  const before = sentences[i - 1];
  const next = sentences[i + 1];
  const opens = before?.article !== s.article || before.paragraph !== s.paragraph;
  return opens && next?.article === s.article && next.paragraph !== s.paragraph;
}

/** Whether sentence `b` comes right after sentence `a` in the same article. */
export function follows(a: Sentence | undefined, b: Sentence | undefined): boolean {
  return a !== undefined && b !== undefined && a.article === b.article && a.index + 1 === b.index;
}

/**
 * Whether sentence `i`, placed right after sentence `previous` (−1: it opens the summary), reads
 * without a missing antecedent: it does not point back, or `previous` is the sentence before it in its
 * article. For "he" or "she" too: an earlier sentence of the article often names someone else
 * ("Officials said…" before "He said…"), so only the sentence right before is taken to name the person.
 */
export function hasAntecedent(doc: AnalyzedStory, i: number, previous: number): boolean {
  const s = doc.sentences[i];
  if (!s || !pointsBackAt(doc.sentences, i)) return true;
  return follows(previous >= 0 ? doc.sentences[previous] : undefined, s);
}

/** Counts of summary sentences that read badly, for the evaluation lint. */
export interface SummaryLint {
  readonly sentences: number;
  /** Sentences whose quotation marks do not pair up. */
  readonly unbalancedQuotes: number;
  /** Sentences without final punctuation. */
  readonly noFinalPunctuation: number;
  /** Sentences opening with a word that points back, without what it points to right before them. */
  readonly danglingOpenings: number;
}

/**
 * The readability lint of `summary` (built from `doc`): each sentence is found in `doc` through its
 * origin citation (or its text), so that "He said…" right after the sentence before it in its article
 * is not counted.
 */
export function lintSummary(doc: AnalyzedStory, summary: Summary): SummaryLint {
  const byText = new Map<string, number>();
  doc.sentences.forEach((s, i) => {
    if (!byText.has(s.text)) byText.set(s.text, i);
  });
  const indices = summary.sentences.map((sentence) => {
    const origin = sentence.citations.find((c) => c.origin);
    const start = origin ? doc.spans[origin.article]?.[0] : undefined;
    const atOrigin = start !== undefined && origin ? start + origin.sentence : -1;
    return doc.sentences[atOrigin]?.text === sentence.text ? atOrigin : (byText.get(sentence.text) ?? -1);
  });
  let unbalancedQuotes = 0;
  let noFinalPunctuation = 0;
  let danglingOpenings = 0;
  // Quotes are balanced over a run of summary sentences that follow each other in their article (a
  // quotation over two sentences, both chosen, reads whole).
  let run: string[] = [];
  const closeRun = () => {
    if (run.length > 0 && !hasBalancedQuotes(run.join(' ')))
      unbalancedQuotes += run.filter((t) => !hasBalancedQuotes(t)).length || run.length;
    run = [];
  };
  summary.sentences.forEach((sentence, k) => {
    const i = indices[k]!;
    const previous = k > 0 ? indices[k - 1]! : -1;
    if (!(i >= 0 && previous >= 0 && follows(doc.sentences[previous], doc.sentences[i]))) closeRun();
    run.push(sentence.text);
    if (!hasFinalPunctuation(sentence.text)) noFinalPunctuation++;
    const dangling = i >= 0 ? !hasAntecedent(doc, i, previous) : pointsBack(sentence.text) !== undefined;
    if (dangling) danglingOpenings++;
  });
  closeRun();
  return { sentences: summary.sentences.length, unbalancedQuotes, noFinalPunctuation, danglingOpenings };
}
