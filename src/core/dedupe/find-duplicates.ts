/**
 * Copies within one story: syndicated reprints and lightly edited versions of one text, each linked to the
 * article it copies, so that the summary and the comparison do not count them as independent sources.
 */
import type { Article, DuplicateLink } from '../model.js';
import { originalOrder } from './original-order.js';
import { shingleHashes } from './shingles.js';
import { copySimilarity } from './similarity.js';
import { sharedCount } from '../match/overlap.js';

export interface DuplicateOptions {
  /** Least `copySimilarity` for a copy (measured by `bench/dedupe.ts`, see the README). */
  readonly threshold: number;
}

export const DUPLICATE_DEFAULTS: DuplicateOptions = Object.freeze({ threshold: 0.4 });

/**
 * Links every copy to its original (the earlier-dated, else earlier-given, article). A copy of a copy is
 * linked to the first original of its chain, so each group of copies has one original. Exact shingle
 * sets are compared.
 * @example findDuplicates([wire, reprint]) → [{ article: 1, original: 0, similarity: 0.97 }]
 */
export function findDuplicates(
  articles: readonly Article[],
  options: Partial<DuplicateOptions> = {},
): DuplicateLink[] {
  const { threshold } = { ...DUPLICATE_DEFAULTS, ...options };
  // One article copies nothing: most stories of a stream hold one, and shingling it cost as much as
  // a story of two (`chorus cluster` finds the copies of every story it prints).
  if (articles.length < 2) return [];
  const shingles = articles.map((a) => shingleHashes(a.text));
  const order = originalOrder(articles);
  const rootOf = new Map<number, number>();
  const links: DuplicateLink[] = [];
  // Shared shingles are counted through postings (shingle → ranks of the earlier articles that have
  // it), so only pairs sharing a shingle are ever looked at: comparing every pair took 10 s of a
  // 3,000-article story's report. The counts are exact, so the links are the same as pair by pair.
  // A story of a few articles (most) counts them by merging the sorted sets pair by pair instead,
  // without a posting list per shingle.
  const postings = order.length > PAIRWISE_ARTICLES ? new Map<number, number[]>() : undefined;
  const shared = new Int32Array(order.length);
  order.forEach((copy, rank) => {
    const mine = shingles[copy] ?? new Uint32Array(0);
    const touched: number[] = [];
    if (postings) {
      for (const h of mine) {
        const ranks = postings.get(h);
        if (ranks) for (const r of ranks) if (shared[r]!++ === 0) touched.push(r);
        if (ranks) ranks.push(rank);
        else postings.set(h, [rank]);
      }
    } else {
      for (let r = 0; r < rank; r++) {
        shared[r] = sharedCount(mine, shingles[order[r]!] ?? new Uint32Array(0));
        if (shared[r]! > 0) touched.push(r);
      }
    }
    let best = -1;
    let bestSimilarity = 0;
    // Earlier ranks first, so ties go to the earlier original as they always have.
    for (const r of touched.sort((a, b) => a - b)) {
      const other = order[r] ?? 0;
      const theirs = shingles[other]?.length ?? 0;
      const similarity = copySimilarity(mine.length, theirs, shared[r]!);
      shared[r] = 0;
      if (similarity >= threshold && similarity > bestSimilarity) {
        best = other;
        bestSimilarity = similarity;
      }
    }
    if (best < 0) return;
    const original = rootOf.get(best) ?? best;
    rootOf.set(copy, original);
    links.push({ article: copy, original, similarity: round(bestSimilarity) });
  });
  return links.sort((a, b) => a.article - b.article);
}

/** Stories of at most this many articles compare their shingle sets pair by pair. */
const PAIRWISE_ARTICLES = 16;

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
