/** Near-duplicate detection: copies within a story, and an incremental index for streams. */
export { findDuplicates, DUPLICATE_DEFAULTS, type DuplicateOptions } from './find-duplicates.js';
export {
  DuplicateIndex,
  DUPLICATE_INDEX_DEFAULTS,
  type DuplicateIndexOptions,
  type DuplicateIndexSnapshot,
  type DuplicateMatch,
} from './duplicate-index.js';
export { copySimilarity } from './similarity.js';
export { shingleHashes } from './shingles.js';
