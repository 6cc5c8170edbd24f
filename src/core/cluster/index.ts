/** Online clustering of articles into stories. */
export type {
  ClusterDecision,
  ClusterOptions,
  ClusterSnapshotState,
  ClusterStory,
  ClustererFactory,
  MatchedTerm,
  OnlineClusterer,
} from './clusterer.js';
export { CHORUS_CLUSTER_DEFAULTS, type ChorusClusterOptions } from './chorus.js';
export { TFIDF_DEFAULTS } from './tfidf.js';
export { clustererNames, createClusterer, getClusterer, restoreClusterer } from './registry.js';
export { clusterStream, type StreamOptions } from './stream.js';
