/**
 * Text analysis of a story: every article split into sentences, each with tokens and content stems.
 * Clutter sentences (cookie notices, credits, tweet signatures…) are left out here, so no summarizer,
 * matcher or comparison ever sees them.
 */
import type { AnalyzedStory, Sentence, Story } from '../model.js';
import { cleanSentence, isBoilerplateSentence } from './boilerplate.js';
import { splitSentences } from './sentences.js';
import { americanStem } from './spelling.js';
import { stem } from './stem.js';
import { isStopWord } from './stopwords.js';
import { tokenize } from './tokens.js';

/** Tokens and content stems of one sentence's text. */
export function wordForms(text: string): { tokens: string[]; stems: string[] } {
  const tokens = tokenize(text);
  const stems: string[] = [];
  for (const t of tokens) if (!isStopWord(t)) stems.push(americanStem(stem(t)));
  return { tokens, stems };
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
  for (const s of splitSentences(text)) {
    if (isBoilerplateSentence(s.text)) continue;
    const clean = cleanSentence(s.text);
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
