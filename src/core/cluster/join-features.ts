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
  /**
   * The article's unit vector, and the story's centroid's terms when `shared` is not given (the
   * clusterer gives `shared`: its centroids are kept by term id).
   */
  readonly vector: readonly TermWeight[];
  readonly centroidTerms?: ReadonlyMap<string, number>;
  /**
   * Mean cosine between the story's own recent members (0 for a story of one article): a story whose
   * sources agree closely expects a newcomer to agree as closely; one that barely holds together does not.
   */
  readonly cohesion: number;
  readonly idf: (term: string) => number;
  /**
   * What is known of the article's terms by place, shared by all its candidates (`TermFacts`), and
   * 1 at each place whose term the centroid holds: when given, they stand for `idf` and
   * `centroidTerms` (the same values, looked up once per article instead of once per candidate).
   */
  readonly terms?: TermFacts;
  readonly shared?: ArrayLike<number>;
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

/** A number other than a year: it names one event (a toll, a score, a sum). */
function isEventNumber(term: string): boolean {
  return NUMBER.test(term) && !YEAR.test(term);
}

/**
 * The idf of each term of an article's vector and whether it is an event number, each found the
 * first time a candidate asks: an article's candidates share many of its terms.
 */
export class TermFacts {
  private readonly idfs: Float64Array;
  /** 0: not known yet, 1: an event number, 2: not one. */
  private readonly numbers: Uint8Array;

  constructor(
    private readonly vector: readonly TermWeight[],
    private readonly idfOf: (term: string) => number,
  ) {
    this.idfs = new Float64Array(vector.length).fill(NaN);
    this.numbers = new Uint8Array(vector.length);
  }

  idf(place: number): number {
    let v = this.idfs[place]!;
    if (Number.isNaN(v)) this.idfs[place] = v = this.idfOf(this.vector[place]![0]);
    return v;
  }

  isEventNumber(place: number): boolean {
    if (this.numbers[place] === 0) this.numbers[place] = isEventNumber(this.vector[place]![0]) ? 1 : 2;
    return this.numbers[place] === 1;
  }
}

/** Feature vector of one pair, in the order of `JOIN_FEATURES`. */
export function joinFeatures(e: JoinEvidence): number[] {
  let shared = 0;
  let weight = 0;
  let idf = 0;
  let maxIdf = 0;
  let numbers = 0;
  const { terms, shared: holds } = e;
  for (let p = 0; p < e.vector.length; p++) {
    const [t, w] = e.vector[p]!;
    if (holds ? holds[p] !== 1 : !e.centroidTerms?.has(t)) continue;
    shared++;
    weight += w * w;
    const i = terms ? terms.idf(p) : e.idf(t);
    idf += i;
    maxIdf = Math.max(maxIdf, i);
    if (terms ? terms.isEventNumber(p) : isEventNumber(t)) numbers++;
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
