/**
 * Text analysis of a story: every article split into sentences, each with tokens and content stems.
 * Clutter sentences (cookie notices, credits, tweet signatures…) are left out here, so no summarizer,
 * matcher or comparison ever sees them.
 */
import type { AnalyzedStory, Sentence, Story } from '../model.js';
import { cleanSentence, isBoilerplateSentence } from './boilerplate.js';
import { splitSentences } from './sentences.js';
import { stem } from './stem.js';
import { isStopWord } from './stopwords.js';
import { tokenize } from './tokens.js';

/** Tokens and content stems of one sentence's text. */
export function wordForms(text: string): { tokens: string[]; stems: string[] } {
  const tokens = tokenize(text);
  const stems: string[] = [];
  for (const t of tokens) if (!isStopWord(t)) stems.push(stem(t));
  return { tokens, stems };
}

/**
 * Splits every article of `story` into analysed sentences, without clutter. `index` counts the kept
 * sentences of each article from 0, so the first readable sentence is the lead.
 */
export function analyzeStory(story: Story): AnalyzedStory {
  const sentences: Sentence[] = [];
  const spans: [number, number][] = [];
  story.articles.forEach((article, a) => {
    const start = sentences.length;
    for (const s of splitSentences(article.text)) {
      if (isBoilerplateSentence(s.text)) continue;
      const text = cleanSentence(s.text);
      const { tokens, stems } = wordForms(text);
      if (tokens.length === 0) continue;
      sentences.push({
        article: a,
        index: sentences.length - start,
        paragraph: s.paragraph,
        text,
        tokens,
        stems,
      });
    }
    spans.push([start, sentences.length]);
  });
  return { story, sentences, spans };
}
