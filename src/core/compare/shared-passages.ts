/**
 * Which sentences two articles share: each sentence of one is paired with its most similar sentence
 * of the other when their content stems reach the citation threshold (the set cosine of
 * `core/summarize/cite.ts`, so "shared" here means what a citation means in the summary).
 */
import type { Article, Sentence } from '../model.js';
import { CITATION_THRESHOLD, stemSetCosine } from '../summarize/cite.js';
import { analyzeStory } from '../text/index.js';

export interface SharedSentence {
  readonly sentence: Sentence;
  /** Index (within the other article's sentences) of its best match at or above the threshold. */
  readonly match?: number;
  readonly similarity: number;
}

export interface SharedPassages {
  readonly left: readonly SharedSentence[];
  readonly right: readonly SharedSentence[];
}

function pairUp(from: readonly Sentence[], to: readonly Sentence[], threshold: number): SharedSentence[] {
  return from.map((sentence) => {
    let best = -1;
    let bestSim = 0;
    to.forEach((other, j) => {
      const sim = stemSetCosine(sentence.stems, other.stems);
      if (sim > bestSim) {
        bestSim = sim;
        best = j;
      }
    });
    return best >= 0 && bestSim >= threshold
      ? { sentence, match: best, similarity: bestSim }
      : { sentence, similarity: bestSim };
  });
}

/**
 * Sentences of `a` and `b`, each with its best match in the other article when they share content.
 * @example sharedPassages(gazette, courier).left.filter((s) => s.match !== undefined).length
 */
export function sharedPassages(a: Article, b: Article, threshold = CITATION_THRESHOLD): SharedPassages {
  const doc = analyzeStory({ id: 'pair', articles: [a, b] });
  const [sa, sb] = doc.spans;
  const left = doc.sentences.slice(sa?.[0] ?? 0, sa?.[1] ?? 0);
  const right = doc.sentences.slice(sb?.[0] ?? 0, sb?.[1] ?? 0);
  return { left: pairUp(left, right, threshold), right: pairUp(right, left, threshold) };
}
