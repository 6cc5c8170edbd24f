/**
 * Citations: each summary sentence names the article it was taken from and every other article that
 * carries the same content. "Same content" is the learned decision of core/match (same-content.ts): the
 * stem-set cosine picks candidates, a logistic regression over the pair's features scores them, and a
 * pair that states other figures or dates, denies what the other states or quotes another speaker is
 * never a citation, however many words the two share. The operating point favours precision: a wrong
 * citation tells a reader a source says what it does not, a missed one only under-counts (figures in
 * docs/citations.md). Each citation carries its evidence: the cosine, the model's score and the passage.
 * Syndicated copies are cited like any other article: telling copies from independent reports is the
 * comparison's job (DuplicateLink), not the summary's.
 */
import type { AnalyzedStory, Citation } from '../model.js';
import { bestMatchIn } from '../match/index.js';
import { setCosine, storyVectors } from './vectors.js';

/**
 * Set cosine of content stems that once was the whole citation decision. Still the threshold of
 * "talking about the same thing" for the disagreement finders (name- and figure-disagreements.ts), which
 * look for pairs that share a subject, not for corroboration.
 */
export const CITATION_THRESHOLD = 0.4;

export { stemSetCosine } from '../match/index.js';

/**
 * Citations of sentence `i` of `doc`: its origin first (score 1), then, in article order, the sentence
 * of every other article that the same-content decision accepts, the best scored when several are.
 */
export function citeSentence(doc: AnalyzedStory, i: number): Citation[] {
  const s = doc.sentences[i];
  if (!s) return [];
  const articles = doc.story.articles;
  const cite = (article: number, sentence: number, similarity: number, score: number, passage: string) => ({
    article,
    articleId: articles[article]?.id ?? '',
    source: articles[article]?.source ?? '',
    sentence,
    similarity,
    score,
    passage,
    origin: article === s.article,
  });
  const out: Citation[] = [cite(s.article, s.index, 1, 1, s.text)];
  // The candidates' set cosines read off the story's stem vectors, which the summarizer has built.
  const { vectors } = storyVectors(doc);
  const similarity = (j: number) => setCosine(vectors[i]!, vectors[j]!);
  doc.spans.forEach(([start, end], a) => {
    if (a === s.article) return;
    const best = bestMatchIn(s, doc.sentences, start, end, 'citation', similarity);
    if (best) {
      const other = doc.sentences[best.sentence]!;
      out.push(cite(a, other.index, best.similarity, best.score, other.text));
    }
  });
  return out;
}
