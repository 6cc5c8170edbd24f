/**
 * Which sentences become graph vertices. Graph methods cost n² in time and memory, so a hostile story
 * (one article of thousands of sentences, or hundreds of articles) is cut to the first
 * `MAX_GRAPH_SENTENCES` sentences taken round robin across articles: news puts what matters first, so
 * the cut drops the least likely summary material and keeps every article represented.
 */
import type { AnalyzedStory } from '../model.js';
import { roundRobin } from './lead.js';

export const MAX_GRAPH_SENTENCES = 600;

/** Sentence indices of `doc` to build the graph over (all of them for an ordinary story). */
export function graphCandidates(doc: AnalyzedStory, max = MAX_GRAPH_SENTENCES): number[] {
  if (doc.sentences.length <= max) return doc.sentences.map((_, i) => i);
  return roundRobin(doc).slice(0, max);
}
