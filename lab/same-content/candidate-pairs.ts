/**
 * The pairs both labelling scripts list: sentences of different articles of one story, each with at
 * least three distinct content stems, whose stem-set cosine reaches `min` (the candidate filter).
 */
import type { AnalyzedStory, Sentence } from '../../src/core/model.js';
import { stemSetCosine } from '../../src/core/match/index.js';

export interface CandidatePair {
  readonly a: Sentence;
  readonly b: Sentence;
  readonly similarity: number;
}

/** Every candidate pair of `doc`, in sentence order. */
export function candidatePairs(doc: AnalyzedStory, min = 0.2): CandidatePair[] {
  const out: CandidatePair[] = [];
  for (let i = 0; i < doc.sentences.length; i++) {
    for (let j = i + 1; j < doc.sentences.length; j++) {
      const a = doc.sentences[i]!;
      const b = doc.sentences[j]!;
      if (a.article === b.article || new Set(a.stems).size < 3 || new Set(b.stems).size < 3) continue;
      const similarity = stemSetCosine(a.stems, b.stems);
      if (similarity >= min) out.push({ a, b, similarity });
    }
  }
  return out;
}

/** A labelling line: story, article and sentence offsets of both sides, and the cosine. */
export function candidateLine(story: string, { a, b, similarity }: CandidatePair): string {
  return `${story}\t${a.article}\t${a.index}\t${b.article}\t${b.index}\t${similarity.toFixed(2)}\n  A: ${a.text}\n  B: ${b.text}`;
}
