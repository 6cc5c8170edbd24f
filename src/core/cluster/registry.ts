/**
 * The one registry of clusterers. The CLI (`--method`), the store's ingest, the evaluation harness and
 * the benchmarks look clusterers up here and nowhere else, so what is measured is what users run.
 */
import { ChorusError } from '../errors.js';
import { chorusFactory } from './chorus.js';
import type { ClustererFactory, ClusterOptions, ClusterSnapshotState, OnlineClusterer } from './clusterer.js';
import prior from './cluster-idf.json' with { type: 'json' };
import joinModel from './join-model.json' with { type: 'json' };
import { checkJoinModel, type JoinModel } from './join-model.js';
import lateJoinModel from './late-join-model.json' with { type: 'json' };
import { LATE_FEATURES } from './late-features.js';
import { tfidf } from './tfidf.js';

/**
 * `chorus` starts from document frequencies counted on Multi-News train (`lab/cluster-idf.ts`), so the
 * first articles of a stream already weigh words sensibly, and decides the joins of dated articles by
 * the model trained on the dated train stream (`lab/cluster-join/train.ts`), and their second chance by
 * the late model (`lab/cluster-join/late-model.ts`); the baseline counts online
 * only, as published.
 */
const CLUSTERERS: readonly ClustererFactory[] = [
  chorusFactory(prior, {
    model: checkJoinModel(joinModel as unknown as JoinModel),
    lateModel: checkJoinModel(lateJoinModel as unknown as JoinModel, LATE_FEATURES),
  }),
  tfidf,
];
const BY_NAME = new Map(CLUSTERERS.map((c) => [c.name, c]));

/** Names of every registered clusterer, the default (`chorus`) first. */
export function clustererNames(): string[] {
  return CLUSTERERS.map((c) => c.name);
}

/**
 * The clusterer factory called `name`.
 * @throws ChorusError 'usage' naming the valid choices when there is none by that name.
 */
export function getClusterer(name: string): ClustererFactory {
  const found = BY_NAME.get(name);
  if (!found)
    throw new ChorusError(
      'usage',
      `expected a clusterer name (${clustererNames().join(', ')}), found "${name}"`,
    );
  return found;
}

/** A new clusterer. Example: `createClusterer('chorus', { threshold: 0.25 }).add(article).storyId`. */
export function createClusterer(
  name: string,
  options: ClusterOptions & Record<string, unknown> = {},
): OnlineClusterer {
  return getClusterer(name).create(options);
}

/** A clusterer continued from `snapshot()` output (after JSON round trips). */
export function restoreClusterer(snapshot: ClusterSnapshotState): OnlineClusterer {
  if (typeof snapshot !== 'object' || snapshot === null || typeof snapshot.method !== 'string')
    throw new ChorusError(
      'invalid-input',
      'expected a clusterer snapshot object with a "method", found something else',
    );
  return getClusterer(snapshot.method).restore(snapshot);
}
