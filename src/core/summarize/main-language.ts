/**
 * A summary reads in one language. When a story mixes languages (an English story with one Spanish
 * report), the summarizers choose only among the sentences of the language most of the text is in;
 * the other articles stay in the story, the sources list and the comparison.
 */
import type { AnalyzedStory } from '../model.js';

/** The language most sentences of `doc` are in, among articles that state one; undefined if none do. */
export function mainLanguage(doc: AnalyzedStory): string | undefined {
  const sentencesIn = new Map<string, number>();
  doc.story.articles.forEach((a, i) => {
    const [start, end] = doc.spans[i] ?? [0, 0];
    if (a.language) sentencesIn.set(a.language, (sentencesIn.get(a.language) ?? 0) + end - start);
  });
  let best: string | undefined;
  let most = -1;
  for (const [language, n] of sentencesIn)
    if (n > most || (n === most && language < best!)) [best, most] = [language, n];
  return best;
}

/**
 * `doc` without the sentences of articles in another language than the main one (their spans become
 * empty, so they are neither chosen nor cited). Articles of unknown language are kept. Returns `doc`
 * itself when nothing would be left out or everything would.
 */
export function inMainLanguage(doc: AnalyzedStory): AnalyzedStory {
  const main = mainLanguage(doc);
  const foreign = (i: number) => {
    const language = doc.story.articles[i]?.language;
    return main !== undefined && language !== undefined && language !== main;
  };
  if (!doc.story.articles.some((_, i) => foreign(i))) return doc;
  const sentences = doc.sentences.filter((s) => !foreign(s.article));
  if (sentences.length === 0) return doc;
  const spans: [number, number][] = [];
  let at = 0;
  doc.spans.forEach(([start, end], i) => {
    const n = foreign(i) ? 0 : end - start;
    spans.push([at, at + n]);
    at += n;
  });
  return { story: doc.story, sentences, spans };
}
