/**
 * What the learned join decision (`join-model.ts`) reads of one (article, candidate story) pair: the
 * rule's own scores, the story's size and days, how the candidate stands against the others, and which
 * of the article's words the story's centroid holds (how many, how rare, and numbers other than years,
 * which name one event: a toll, a score, a sum), and how closely the story's own members agree, so a
 * newcomer's links are read against what this story's sources share with each other rather than
 * against one fixed bar. The order of `JOIN_FEATURES` is the model's input order.
 */
import type { TermWeight } from './sparse.js';

export const JOIN_FEATURES = [
  'score',
  'centroid',
  'link',
  'meanLink',
  'decay',
  'logSize',
  'daysSinceLast',
  'daysSinceFirst',
  'spanDays',
  'rank',
  'lead',
  'linkLead',
  'centroidLead',
  'articleTerms',
  'sharedTerms',
  'sharedWeight',
  'sharedIdf',
  'maxSharedIdf',
  'sharedNumbers',
  'cohesion',
  'linkOverCohesion',
  'dense',
  'denseLink',
  'denseLead',
] as const;

/** The evidence of one pair, as the clusterer has it at the time of the decision. */
export interface JoinEvidence {
  /** The rule's score (decayed, size-penalised), its centroid cosine and best member cosine. */
  readonly score: number;
  readonly centroid: number;
  readonly link: number;
  /** Mean cosine with the story's recent members. */
  readonly meanLink: number;
  readonly decay: number;
  /** Articles in the story. */
  readonly size: number;
  /** Days from the story's newest and oldest article to the article (negative when it is older). */
  readonly daysSinceLast: number;
  readonly daysSinceFirst: number;
  /** Days the story would span with the article in it. */
  readonly spanDays: number;
  /** Place among the candidates by score (0: best). */
  readonly rank: number;
  /** Score minus the best other candidate's score (the best's margin; negative for the others). */
  readonly lead: number;
  /** The same for the best member cosine and the centroid cosine: which story holds the nearest article. */
  readonly linkLead: number;
  readonly centroidLead: number;
  /** The article's unit vector and the story's centroid (unnormalised weights). */
  readonly vector: readonly TermWeight[];
  readonly centroidTerms: ReadonlyMap<string, number>;
  /**
   * Mean cosine between the story's own recent members (0 for a story of one article): a story whose
   * sources agree closely expects a newcomer to agree as closely; one that barely holds together does not.
   */
  readonly cohesion: number;
  readonly idf: (term: string) => number;
  /**
   * Cosines of the article's dense vector (`term-vectors.ts`) with the sum of the story's recent members'
   * and with its nearest member, and the first minus the best other candidate's: evidence of one event
   * told in other words. 0 when the clusterer has no term vectors.
   */
  readonly dense: number;
  readonly denseLink: number;
  readonly denseLead: number;
}

const NUMBER = /^\d+$/;
const YEAR = /^(1[89]|20)\d\d$/;

/** Feature vector of one pair, in the order of `JOIN_FEATURES`. */
export function joinFeatures(e: JoinEvidence): number[] {
  let shared = 0;
  let weight = 0;
  let idf = 0;
  let maxIdf = 0;
  let numbers = 0;
  for (const [t, w] of e.vector) {
    if (!e.centroidTerms.has(t)) continue;
    shared++;
    weight += w * w;
    const i = e.idf(t);
    idf += i;
    maxIdf = Math.max(maxIdf, i);
    if (NUMBER.test(t) && !YEAR.test(t)) numbers++;
  }
  return [
    e.score,
    e.centroid,
    e.link,
    e.meanLink,
    e.decay,
    Math.log(Math.max(1, e.size)),
    e.daysSinceLast,
    e.daysSinceFirst,
    e.spanDays,
    e.rank,
    e.lead,
    e.linkLead,
    e.centroidLead,
    e.vector.length,
    shared,
    weight,
    idf,
    maxIdf,
    numbers,
    e.cohesion,
    e.cohesion > 0 ? e.meanLink / e.cohesion : 0,
    e.dense,
    e.denseLink,
    e.denseLead,
  ];
}
