/**
 * Text analysis of a story: every article split into sentences, each with tokens and content stems.
 */
import type { AnalyzedStory, Sentence, Story } from '../model.js';
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

/** Splits every article of `story` into analysed sentences. */
export function analyzeStory(story: Story): AnalyzedStory {
  const sentences: Sentence[] = [];
  const spans: [number, number][] = [];
  story.articles.forEach((article, a) => {
    const start = sentences.length;
    splitSentences(article.text).forEach((s, index) => {
      const { tokens, stems } = wordForms(s.text);
      if (tokens.length === 0) return;
      sentences.push({ article: a, index, paragraph: s.paragraph, text: s.text, tokens, stems });
    });
    spans.push([start, sentences.length]);
  });
  return { story, sentences, spans };
}
