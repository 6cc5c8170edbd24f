/**
 * Clustering a stream: articles arrive as an async iterable (a feed poller, a file reader) and each
 * decision is yielded as soon as it is made.
 */
import type { Article } from '../model.js';
import type { ClusterDecision, ClusterOptions, OnlineClusterer } from './clusterer.js';
import { createClusterer } from './registry.js';

export interface StreamOptions extends ClusterOptions {
  /** Registry name of the method (default `chorus`). */
  readonly method?: string;
  /** Continue with this clusterer (for example one restored from a snapshot) instead of a new one. */
  readonly clusterer?: OnlineClusterer;
}

/**
 * Yields one decision per article, in order.
 * @example for await (const d of clusterStream(articles)) console.log(d.articleId, d.storyId, d.terms)
 */
export async function* clusterStream(
  articles: AsyncIterable<Article> | Iterable<Article>,
  options: StreamOptions = {},
): AsyncGenerator<ClusterDecision> {
  const { method, clusterer, ...rest } = { method: 'chorus', ...options };
  const c = clusterer ?? createClusterer(method, rest);
  for await (const article of articles) yield c.add(article);
}
