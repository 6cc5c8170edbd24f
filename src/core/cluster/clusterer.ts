/**
 * The one interface every online clusterer implements, and the records it returns. The CLI, the store's
 * ingest, the evaluation harness and the benchmarks all create clusterers through the registry
 * (`registry.ts`), so what is measured is what users run.
 */
import type { Article } from '../model.js';

/** A term that made an article match a story, with its share of the score. */
export interface MatchedTerm {
  /** A readable word for the term (the article's own spelling; entity terms are marked "@"). */
  readonly term: string;
  readonly weight: number;
}

/** Where one article went, and why. */
export interface ClusterDecision {
  readonly articleId: string;
  readonly storyId: string;
  /** Similarity to the story it joined; for a new story, to the best other candidate (0 when none). */
  readonly score: number;
  readonly newStory: boolean;
  /** The terms that contributed most to `score`, heaviest first. */
  readonly terms: readonly MatchedTerm[];
  /** Stories merged into `storyId` because this article bridged them: every article of `from` moves. */
  readonly merges: readonly { readonly from: string; readonly into: string }[];
  /** Stories compared in full for this decision (the cost of the decision, for the flat-cost check). */
  readonly candidates: number;
}

/** A story as the clusterer holds it. */
export interface ClusterStory {
  readonly id: string;
  /** Article ids, in order of arrival. */
  readonly articles: readonly string[];
}

export interface ClusterOptions {
  /** Least score for an article to join a story (each method has its own measured default). */
  readonly threshold?: number;
}

/**
 * An online clusterer: articles one at a time, each decision final except for later merges. State
 * survives a restart in one of two ways: `snapshot()` → JSON → `restoreClusterer`, or a rebuild that
 * replays the stored articles in their order of arrival through a new clusterer of the same method and
 * options, which yields the same stories with the same ids (every method is deterministic for an order).
 */
export interface OnlineClusterer {
  readonly method: string;
  /** Assigns `article` to a story. Adding an id seen before returns its story again and changes nothing. */
  add(article: Article): ClusterDecision;
  /** Story of each article seen, after merges. */
  storyOf(articleId: string): string | undefined;
  /** The current stories, in order of creation. */
  stories(): ClusterStory[];
  /** Plain-JSON state: `registry.restoreClusterer(JSON.parse(JSON.stringify(c.snapshot())))` continues alike. */
  snapshot(): ClusterSnapshotState;
}

/** A clusterer's saved state: method name, options and a method-specific body. */
export interface ClusterSnapshotState {
  readonly method: string;
  readonly version: number;
  readonly options: Record<string, unknown>;
  readonly state: unknown;
}

export interface ClustererFactory {
  readonly name: string;
  readonly description: string;
  readonly defaultThreshold: number;
  create(options?: ClusterOptions & Record<string, unknown>): OnlineClusterer;
  restore(snapshot: ClusterSnapshotState): OnlineClusterer;
}
