/**
 * The clustering evaluation: gold-labelled article streams from Multi-News (every article of N examples,
 * shuffled with a seed, gold story = example) and DUC 2003 (gold story = cluster, in date order or
 * shuffled), run through a registered clusterer, scored with BCubed and pairwise F1, timed.
 */
import { createClusterer } from '../core/cluster/registry.js';
import type { Article } from '../core/model.js';
import { readMultiNews } from '../io/multinews.js';
import { clusterScores, type ClusterScores } from './cluster-metrics.js';
import { readDuc2003 } from './datasets/duc2003.js';
import { mulberry32 } from './datasets/sample.js';

export interface LabelledArticle {
  readonly article: Article;
  readonly gold: string;
}

/** Fisher-Yates shuffle with a seed (a new array). */
export function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  const random = mulberry32(seed);
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** Every article of the first `stories` examples of a Multi-News file, shuffled with `seed`. */
export async function multiNewsStream(
  path: string,
  stories: number | undefined,
  seed: number,
): Promise<LabelledArticle[]> {
  const items: LabelledArticle[] = [];
  for await (const ex of readMultiNews(path, stories === undefined ? {} : { limit: stories }))
    for (const article of ex.story.articles) items.push({ article, gold: ex.id });
  return shuffled(items, seed);
}

/** Every article of the DUC 2003 task 2 clusters: in date order (a real stream) or shuffled when `seed` is given. */
export async function duc2003Stream(root: string, seed?: number): Promise<LabelledArticle[]> {
  const items: LabelledArticle[] = [];
  for (const ex of await readDuc2003(root))
    for (const article of ex.story.articles)
      items.push({ article: { ...article, id: `${ex.id}/${article.id}` }, gold: ex.id });
  if (seed !== undefined) return shuffled(items, seed);
  return items
    .map((x, i) => ({ x, i }))
    .sort((a, b) => (a.x.article.date ?? '').localeCompare(b.x.article.date ?? '') || a.i - b.i)
    .map(({ x }) => x);
}

export interface ClusterRun {
  readonly method: string;
  readonly threshold: number | undefined;
  readonly scores: ClusterScores;
  readonly seconds: number;
  readonly articlesPerSecond: number;
  /** Mean candidates scored in full per article, in the first and the last tenth of the stream. */
  readonly candidatesFirstTenth: number;
  readonly candidatesLastTenth: number;
  /** Seconds per 1,000 articles, in the first and the last tenth of the stream. */
  readonly msPerArticleFirstTenth: number;
  readonly msPerArticleLastTenth: number;
  /** Size of the clusterer's JSON snapshot at the end: the state a store keeps. */
  readonly stateBytes: number;
}

/** Clusters `stream` with the registered method and scores the final stories (after merges). */
export function runClustering(
  stream: readonly LabelledArticle[],
  method: string,
  options: Record<string, unknown> = {},
  now: () => number = () => performance.now(),
): ClusterRun {
  const clusterer = createClusterer(method, options);
  const tenth = Math.max(1, Math.floor(stream.length / 10));
  const candidates: number[] = [];
  const times: number[] = [];
  const start = now();
  for (const { article } of stream) {
    const t0 = now();
    candidates.push(clusterer.add(article).candidates);
    times.push(now() - t0);
  }
  const seconds = (now() - start) / 1000;
  const predicted = stream.map(({ article }) => clusterer.storyOf(article.id) ?? `missing:${article.id}`);
  const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
  return {
    method,
    threshold: typeof options['threshold'] === 'number' ? options['threshold'] : undefined,
    scores: clusterScores(
      predicted,
      stream.map((x) => x.gold),
    ),
    seconds,
    articlesPerSecond: stream.length / Math.max(seconds, 1e-9),
    candidatesFirstTenth: mean(candidates.slice(0, tenth)),
    candidatesLastTenth: mean(candidates.slice(-tenth)),
    msPerArticleFirstTenth: mean(times.slice(0, tenth)),
    msPerArticleLastTenth: mean(times.slice(-tenth)),
    stateBytes: JSON.stringify(clusterer.snapshot()).length,
  };
}
