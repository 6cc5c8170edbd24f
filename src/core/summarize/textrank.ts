/**
 * `textrank`: R. Mihalcea, P. Tarau, "TextRank: Bringing Order into Texts", EMNLP 2004, §4.1. Sentences
 * are vertices; the edge between two sentences is their word overlap normalised by length,
 * |{w : w ∈ Si ∧ w ∈ Sj}| / (log|Si| + log|Sj|), and weighted PageRank (d = 0.85) ranks them. We count
 * overlap on content stems (the paper uses words), and remove redundancy at selection with a cosine
 * ceiling, which the single-document paper did not need.
 */
import type { AnalyzedStory, Summary } from '../model.js';
import { graphCandidates } from './graph-candidates.js';
import { pageRank, rankByScore } from './pagerank.js';
import { cosineCeiling } from './redundancy.js';
import { selectGreedy } from './select.js';
import { budgetOf, buildSummary } from './summary.js';
import type { SummarizeOptions, Summarizer } from './summarizer.js';
import { storyVectors } from './vectors.js';

const REDUNDANCY_CEILING = 0.5;
const MIN_WORDS = 6;

/** TextRank's sentence similarity over two stem lists (0 when either has fewer than two stems). */
export function textRankSimilarity(a: readonly string[], b: readonly string[]): number {
  if (a.length < 2 || b.length < 2) return 0;
  const sb = new Set(b);
  let shared = 0;
  for (const s of new Set(a)) if (sb.has(s)) shared++;
  return shared / (Math.log(a.length) + Math.log(b.length));
}

export const textrank: Summarizer = {
  name: 'textrank',
  description: 'TextRank: weighted PageRank over word overlap between sentences (Mihalcea & Tarau 2004)',
  summarize(doc: AnalyzedStory, options: SummarizeOptions): Summary {
    const words = budgetOf(options);
    const nodes = graphCandidates(doc);
    const n = nodes.length;
    const w = new Float64Array(n * n);
    for (let a = 0; a < n; a++) {
      const sa = doc.sentences[nodes[a]!]!.stems;
      for (let b = a + 1; b < n; b++) {
        const sim = textRankSimilarity(sa, doc.sentences[nodes[b]!]!.stems);
        w[a * n + b] = sim;
        w[b * n + a] = sim;
      }
    }
    const ranked = rankByScore(pageRank(w, n)).map((k) => nodes[k]!);
    const { vectors } = storyVectors(doc);
    const chosen = selectGreedy(doc, ranked, {
      words,
      minWords: MIN_WORDS,
      redundant: cosineCeiling(vectors, REDUNDANCY_CEILING),
    });
    return buildSummary('textrank', doc, chosen, { words });
  },
};
