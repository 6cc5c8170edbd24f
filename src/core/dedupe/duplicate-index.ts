/**
 * The incremental duplicate finder of a stream: articles are added one by one (as a feed delivers them)
 * and each is checked against everything seen before through MinHash LSH, so the cost of an addition
 * does not grow with the number of articles held. State is plain JSON (`snapshot`/`restore`).
 */
import { ChorusError } from '../errors.js';
import type { Article } from '../model.js';
import { DUPLICATE_DEFAULTS } from './find-duplicates.js';
import { bandKeys, estimateJaccard, MINHASH_DEFAULTS, signature } from './minhash.js';
import { shingleHashes } from './shingles.js';
import { copySimilarity, sharedFromJaccard } from './similarity.js';

export interface DuplicateIndexOptions {
  readonly threshold: number;
  readonly bands: number;
  readonly rows: number;
  /** Articles sharing a band bucket beyond this many are not all checked: the newest are (boilerplate guard). */
  readonly maxBucket: number;
}

export const DUPLICATE_INDEX_DEFAULTS: DuplicateIndexOptions = Object.freeze({
  threshold: DUPLICATE_DEFAULTS.threshold,
  bands: MINHASH_DEFAULTS.bands,
  rows: MINHASH_DEFAULTS.rows,
  maxBucket: 64,
});

/** What `add` found: the new article copies `original` (the first of its chain), with this similarity. */
export interface DuplicateMatch {
  readonly articleId: string;
  /** Id of the original: the stored article it copies, or the root of that article's chain. */
  readonly original: string;
  /** Id of the stored article most similar to the new one (often `original`). */
  readonly closest: string;
  readonly similarity: number;
}

interface Entry {
  readonly id: string;
  readonly size: number;
  readonly sig: Uint32Array;
  readonly original?: string;
}

export interface DuplicateIndexSnapshot {
  readonly version: 1;
  readonly options: DuplicateIndexOptions;
  /** [id, shingle count, signature as base-36 words, original id or ''], in order of addition. */
  readonly entries: readonly (readonly [string, number, string, string])[];
}

/**
 * Incremental near-duplicate index. Arrival order decides which article is the original: a stream cannot
 * relink what it stored earlier (`findDuplicates` applies the date rule within a story).
 * @example const index = new DuplicateIndex(); index.add(wire); index.add(reprint)?.original === wire.id
 */
export class DuplicateIndex {
  readonly options: DuplicateIndexOptions;
  private readonly entries = new Map<string, Entry>();
  private readonly buckets = new Map<string, string[]>();

  constructor(options: Partial<DuplicateIndexOptions> = {}) {
    this.options = { ...DUPLICATE_INDEX_DEFAULTS, ...options };
    if (!(this.options.bands >= 1 && this.options.rows >= 1))
      throw new ChorusError(
        'usage',
        `expected bands and rows ≥ 1, found ${this.options.bands}×${this.options.rows}`,
      );
  }

  get size(): number {
    return this.entries.size;
  }

  /** Adds `article` and returns what it copies, if anything. Adding an id again changes nothing. */
  add(article: Article): DuplicateMatch | undefined {
    const known = this.entries.get(article.id);
    if (known) return known.original === undefined ? undefined : this.matchOf(known);
    const shingles = shingleHashes(article.text);
    const sig = signature(shingles, this.options.bands * this.options.rows);
    const keys = shingles.length > 0 ? bandKeys(sig, this.options) : [];
    let best: Entry | undefined;
    let bestSimilarity = 0;
    const seen = new Set<string>();
    for (const key of keys) {
      const bucket = this.buckets.get(key);
      if (!bucket) continue;
      for (let i = bucket.length - 1; i >= Math.max(0, bucket.length - this.options.maxBucket); i--) {
        const id = bucket[i] ?? '';
        if (seen.has(id)) continue;
        seen.add(id);
        const other = this.entries.get(id);
        if (!other) continue;
        const j = estimateJaccard(sig, other.sig);
        const similarity = copySimilarity(
          shingles.length,
          other.size,
          sharedFromJaccard(shingles.length, other.size, j),
        );
        if (similarity >= this.options.threshold && similarity > bestSimilarity) {
          best = other;
          bestSimilarity = similarity;
        }
      }
    }
    const entry: Entry = {
      id: article.id,
      size: shingles.length,
      sig,
      ...(best && { original: best.original ?? best.id }),
    };
    this.insert(entry, keys);
    if (!best) return undefined;
    return {
      articleId: article.id,
      original: entry.original ?? best.id,
      closest: best.id,
      similarity: round(bestSimilarity),
    };
  }

  private matchOf(entry: Entry): DuplicateMatch {
    return {
      articleId: entry.id,
      original: entry.original ?? entry.id,
      closest: entry.original ?? entry.id,
      similarity: 1,
    };
  }

  private insert(entry: Entry, keys: readonly string[]): void {
    this.entries.set(entry.id, entry);
    for (const key of keys) {
      const bucket = this.buckets.get(key);
      if (bucket) bucket.push(entry.id);
      else this.buckets.set(key, [entry.id]);
    }
  }

  /** Plain-JSON state; `DuplicateIndex.restore(JSON.parse(JSON.stringify(s)))` answers as this one does. */
  snapshot(): DuplicateIndexSnapshot {
    return {
      version: 1,
      options: this.options,
      entries: [...this.entries.values()].map((e) => [
        e.id,
        e.size,
        Array.from(e.sig, (x) => x.toString(36)).join(','),
        e.original ?? '',
      ]),
    };
  }

  static restore(state: DuplicateIndexSnapshot): DuplicateIndex {
    if (state?.version !== 1 || !Array.isArray(state.entries))
      throw new ChorusError(
        'invalid-input',
        'expected a duplicate index snapshot (version 1), found something else',
      );
    const index = new DuplicateIndex(state.options);
    for (const [id, size, sig, original] of state.entries) {
      const words = String(sig)
        .split(',')
        .map((w: string) => parseInt(w, 36));
      const entry: Entry = { id, size, sig: Uint32Array.from(words), ...(original && { original }) };
      index.insert(entry, size > 0 ? bandKeys(entry.sig, index.options) : []);
    }
    return index;
  }
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
