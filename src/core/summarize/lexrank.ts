/**
 * `lexrank`: continuous LexRank. G. Erkan, D. R. Radev, "LexRank: Graph-based Lexical Centrality as
 * Salience in Text Summarization", JAIR 22, 2004, §3.3: the graph's edges are the idf-modified cosines
 * between sentences (no threshold), and salience is the stationary distribution of a random walk with
 * damping (PageRank), found by power iteration. Where we depart: IDF comes from the story itself (no
 * background corpus in the core), and redundancy is removed at selection by a cosine ceiling, the
 * re-ranker's job in the paper (§5, which used MEAD's reranker).
 */
import type { AnalyzedStory, Summary } from '../model.js';
import { rankByScore, pageRank } from './pagerank.js';
import { cosineCeiling } from './redundancy.js';
import { selectGreedy } from './select.js';
import { budgetOf, buildSummary } from './summary.js';
import type { SummarizeOptions, Summarizer } from './summarizer.js';
import { cosine, storyVectors } from './vectors.js';
import { graphCandidates } from './graph-candidates.js';

const REDUNDANCY_CEILING = 0.5;
const MIN_WORDS = 6;

export const lexrank: Summarizer = {
  name: 'lexrank',
  description: 'continuous LexRank: centrality in the sentence similarity graph (Erkan & Radev 2004)',
  summarize(doc: AnalyzedStory, options: SummarizeOptions): Summary {
    const words = budgetOf(options);
    const { vectors } = storyVectors(doc);
    const nodes = graphCandidates(doc);
    const n = nodes.length;
    const w = new Float64Array(n * n);
    for (let a = 0; a < n; a++) {
      for (let b = a + 1; b < n; b++) {
        const sim = cosine(vectors[nodes[a]!]!, vectors[nodes[b]!]!);
        w[a * n + b] = sim;
        w[b * n + a] = sim;
      }
      w[a * n + a] = 1;
    }
    const scores = pageRank(w, n);
    const ranked = rankByScore(scores).map((k) => nodes[k]!);
    const chosen = selectGreedy(doc, ranked, {
      words,
      minWords: MIN_WORDS,
      redundant: cosineCeiling(vectors, REDUNDANCY_CEILING),
    });
    return buildSummary('lexrank', doc, chosen, { words });
  },
};
