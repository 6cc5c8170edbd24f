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

/** Term counts of one article and, for explanations, a readable word for each term. */
export interface ArticleTerms {
  readonly counts: Map<string, number>;
  readonly display: Map<string, string>;
}

/** Entity terms start with this mark, so they never collide with stems. */
export const ENTITY_MARK = '@';

const WORD = /[\p{L}\p{N}]+/gu;
const SENTENCE_END = /[.!?:;"“”'‘’(\n]\s*$/;
const UPPER = /^\p{Lu}/u;

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
  let previous: string | undefined;
  let previousWord = '';
  const flushRun = () => {
    if (run.length > 1)
      bump(out, ENTITY_MARK + run.join(' '), options.entityWeight * weight, ENTITY_MARK + runWords.join(' '));
    run = [];
    runWords = [];
  };
  for (const match of text.matchAll(WORD)) {
    if (++words > options.maxWords) break;
    const token = match[0];
    const start = match.index ?? 0;
    const gap = text.slice(lastEnd, start);
    lastEnd = start + token.length;
    const lower = token.toLowerCase();
    const sentenceStart = start === 0 || SENTENCE_END.test(text.slice(Math.max(0, start - 3), start));
    const capitalised = entities && UPPER.test(token) && !sentenceStart && !isStopWord(lower);
    if (!capitalised || /[^\s-]/.test(gap.replace(/^\s+|\s+$/g, ''))) flushRun();
    if (capitalised) {
      bump(out, ENTITY_MARK + lower, options.entityWeight * weight, ENTITY_MARK + token);
      run.push(lower);
      runWords.push(token);
    }
    // A run of a space-less script (Chinese, Japanese, Thai) holds several words, and one of its
    // characters can be a word (桥, bridge); a lone Latin letter is a stray initial.
    const spaceless = hasSpacelessScript(lower);
    for (const word of spaceless ? splitWordRun(lower) : [lower]) {
      if ((word.length < 2 && !spaceless) || isStopWord(word)) continue;
      const s = americanStem(stem(word));
      bump(out, s, weight, word);
      if (options.bigramWeight > 0 && previous !== undefined)
        bump(out, `${previous} ${s}`, options.bigramWeight * weight, `${previousWord} ${word}`);
      previous = s;
      previousWord = word;
    }
  }
  flushRun();
}

function bump(out: ArticleTerms, term: string, weight: number, word: string): void {
  out.counts.set(term, (out.counts.get(term) ?? 0) + weight);
  if (!out.display.has(term)) out.display.set(term, word);
}

/**
 * Weighted term counts of an article's title and body.
 * @example articleTerms({ title: "Bridge closed", text: "The Harbor Bridge closed." }).counts.get("bridg") → 4
 */
export function articleTerms(
  article: { readonly title?: string; readonly text: string; readonly warnings?: readonly string[] },
  options: FeatureOptions = FEATURE_DEFAULTS,
): ArticleTerms {
  const out: ArticleTerms = { counts: new Map(), display: new Map() };
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
