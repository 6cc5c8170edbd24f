/**
 * Text analysis of a story: every article split into sentences, each with tokens and content stems.
 * Clutter sentences (cookie notices, credits, tweet signatures…) are left out here, so no summarizer,
 * matcher or comparison ever sees them.
 */
import type { AnalyzedStory, Sentence, Story } from '../model.js';
import { cleanOrClutter } from './boilerplate.js';
import { splitSentences } from './sentences.js';
import { americanStem } from './spelling.js';
import { stem } from './stem.js';
import { isStopWord } from './stopwords.js';
import { tokenize } from './tokens.js';

/** Tokens and content stems of one sentence's text. */
export function wordForms(text: string): { tokens: string[]; stems: string[] } {
  const tokens = tokenize(text);
  const stems: string[] = [];
  // Stop words (about half the tokens) are told by the small stop list, which stays in the processor's
  // cache; only the others are looked up in the large cache of stems.
  for (const t of tokens) if (!isStopWord(t)) stems.push(contentStem(t));
  return { tokens, stems };
}

/**
 * Each content token's stem (American spelling): one look-up per token where the stem cache and the
 * spelling table were two.
 */
const contentStems = new Map<string, string>();

function contentStem(token: string): string {
  let st = contentStems.get(token);
  if (st === undefined) {
    st = americanStem(stem(token));
    // Bounded like the stem cache: past it, words are worked out each time.
    if (contentStems.size < 500_000) contentStems.set(token, st);
  }
  return st;
}

/**
 * Characters of one article that are analysed (about 35,000 words, several times the longest feature
 * article). A page past it is a dump, not an article (a 5 MB upload once held a server for 23 s while
 * its story's report was rebuilt, and again each time an article joined that story); its opening is
 * what a summary would use anyway. The pipeline warns when it cuts (`isCut`).
 */
export const MAX_ANALYZED_CHARS = 200_000;

/** True when `analyzeStory` reads only the start of `text`. */
export function isCut(text: string): boolean {
  return text.length > MAX_ANALYZED_CHARS;
}

/** The part of `text` that is analysed: all of it, or its start up to the last paragraph break before the cap. */
function analyzedPart(text: string): string {
  if (!isCut(text)) return text;
  const br = text.lastIndexOf('\n', MAX_ANALYZED_CHARS);
  return text.slice(0, br > MAX_ANALYZED_CHARS / 2 ? br : MAX_ANALYZED_CHARS);
}

/** The readable sentences of one article's text, before they are numbered within a story. */
type ArticleSentences = readonly Omit<Sentence, 'article'>[];

/**
 * Analyses of recent article texts. A stored story's report is rebuilt each time an article joins it,
 * and every rebuild used to split, clean, tokenize and stem all its articles again; the analysis depends
 * on the text alone, so it is kept for the most recently used texts (insertion order is recency).
 */
const recent = new Map<string, ArticleSentences>();
const RECENT_TEXTS = 1024;

function analyzeText(text: string): ArticleSentences {
  const known = recent.get(text);
  if (known) {
    recent.delete(text);
    recent.set(text, known);
    return known;
  }
  const out: Omit<Sentence, 'article'>[] = [];
  let paragraph = -1;
  for (const s of splitSentences(analyzedPart(text))) {
    const opensParagraph = s.paragraph !== paragraph;
    paragraph = s.paragraph;
    const { clean } = cleanOrClutter(s.text, opensParagraph);
    if (clean === undefined) continue;
    const { tokens, stems } = wordForms(clean);
    if (tokens.length === 0) continue;
    out.push({ index: out.length, paragraph: s.paragraph, text: clean, tokens, stems });
  }
  recent.set(text, out);
  if (recent.size > RECENT_TEXTS) recent.delete(recent.keys().next().value!);
  return out;
}

/**
 * Splits every article of `story` into analysed sentences, without clutter. `index` counts the kept
 * sentences of each article from 0, so the first readable sentence is the lead.
 */
export function analyzeStory(story: Story): AnalyzedStory {
  const sentences: Sentence[] = [];
  const spans: [number, number][] = [];
  for (const [a, article] of story.articles.entries()) {
    const start = sentences.length;
    for (const s of analyzeText(article.text)) sentences.push({ article: a, ...s });
    spans.push([start, sentences.length]);
  }
  return { story, sentences, spans };
}
