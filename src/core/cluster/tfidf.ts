/**
 * The baseline: single-pass clustering with TF-IDF cosine against story centroids (Allan, Papka and
 * Lavrenko, "On-line new event detection and tracking", SIGIR 1998, without their time window). Each
 * article is compared with every story's centroid, the best one taken if its cosine passes the
 * threshold. Stems of content words, raw term frequency, IDF counted online. No titles, no entities, no
 * time, no merges. The comparison with every story is done exactly through an inverted index over
 * centroid terms, which gives the same answer as a loop over all stories, and whose cost still grows
 * with the number of stories: that growth is what `chorus` avoids.
 */
import { ChorusError } from '../errors.js';
import type { Article } from '../model.js';
import { isStopWord } from '../text/stopwords.js';
import { stem } from '../text/stem.js';
import { tokenize } from '../text/tokens.js';
import type {
  ClusterDecision,
  ClustererFactory,
  ClusterSnapshotState,
  OnlineClusterer,
} from './clusterer.js';
import { DocumentFrequency } from './document-frequency.js';
import { round, topContributions, type TermWeight } from './sparse.js';
import { StoryBook, type StoryBookState } from './story-book.js';

export interface TfidfOptions {
  readonly threshold: number;
}

/** Best threshold on the 1,000-story Multi-News validation stream (see README, `bench/cluster.ts`). */
export const TFIDF_DEFAULTS: TfidfOptions = Object.freeze({ threshold: 0.25 });

interface Centroid {
  readonly weights: Map<string, number>;
  norm: number;
}

class TfidfClusterer implements OnlineClusterer {
  readonly method = 'tfidf';
  private readonly book: StoryBook;
  private readonly df: DocumentFrequency;
  private readonly centroids = new Map<string, Centroid>();
  private readonly postings = new Map<string, Set<string>>();

  constructor(
    readonly options: TfidfOptions,
    state?: TfidfState,
  ) {
    this.book = state ? StoryBook.fromJSON(state.book) : new StoryBook();
    this.df = state ? DocumentFrequency.fromJSON(state.df) : new DocumentFrequency();
    for (const [id, entries] of state?.centroids ?? []) {
      const c: Centroid = { weights: new Map(entries), norm: 0 };
      c.norm = Math.sqrt([...c.weights.values()].reduce((s, w) => s + w * w, 0));
      this.centroids.set(id, c);
      for (const t of c.weights.keys()) this.post(t, id);
    }
  }

  private post(term: string, storyId: string): void {
    const p = this.postings.get(term);
    if (p) p.add(storyId);
    else this.postings.set(term, new Set([storyId]));
  }

  add(article: Article): ClusterDecision {
    const known = this.book.storyOf(article.id);
    if (known !== undefined)
      return {
        articleId: article.id,
        storyId: known,
        score: 1,
        newStory: false,
        terms: [],
        merges: [],
        candidates: 0,
      };
    const tf = new Map<string, number>();
    for (const token of tokenize(`${article.title ?? ''}\n${article.text}`)) {
      if (token.length < 2 || isStopWord(token)) continue;
      const s = stem(token);
      tf.set(s, (tf.get(s) ?? 0) + 1);
    }
    this.df.add(tf.keys());
    const vector: TermWeight[] = [...tf].map(([t, c]) => [t, c * this.df.idf(t)] as const);
    const norm = Math.sqrt(vector.reduce((s, [, w]) => s + w * w, 0));
    const scores = new Map<string, number>();
    for (const [t, w] of vector) {
      for (const id of this.postings.get(t) ?? []) {
        const c = this.centroids.get(id);
        if (c) scores.set(id, (scores.get(id) ?? 0) + w * (c.weights.get(t) ?? 0));
      }
    }
    let best: string | undefined;
    let bestScore = 0;
    for (const [id, s] of scores) {
      const c = this.centroids.get(id);
      const cos = c && norm > 0 && c.norm > 0 ? s / (norm * c.norm) : 0;
      if (cos > bestScore) {
        best = id;
        bestScore = cos;
      }
    }
    const joins = best !== undefined && bestScore >= this.options.threshold;
    const storyId = joins && best !== undefined ? best : this.book.open(article.id);
    if (joins) this.book.join(storyId, article.id);
    const terms =
      best !== undefined && norm > 0
        ? topContributions(
            vector,
            this.centroids.get(best)?.weights ?? new Map(),
            norm * (this.centroids.get(best)?.norm ?? 1),
            5,
          )
        : [];
    this.absorb(storyId, vector);
    return {
      articleId: article.id,
      storyId,
      score: round(bestScore),
      newStory: !joins,
      terms: terms.map(([term, weight]) => ({ term, weight: round(weight) })),
      merges: [],
      candidates: scores.size,
    };
  }

  /** Adds the article's vector to the centroid (the centroid is the sum of its articles' vectors). */
  private absorb(storyId: string, vector: readonly TermWeight[]): void {
    let c = this.centroids.get(storyId);
    if (!c) {
      c = { weights: new Map(), norm: 0 };
      this.centroids.set(storyId, c);
    }
    for (const [t, w] of vector) {
      if (!c.weights.has(t)) this.post(t, storyId);
      c.weights.set(t, (c.weights.get(t) ?? 0) + w);
    }
    let n = 0;
    for (const w of c.weights.values()) n += w * w;
    c.norm = Math.sqrt(n);
  }

  storyOf(articleId: string): string | undefined {
    return this.book.storyOf(articleId);
  }

  stories() {
    return this.book.stories();
  }

  snapshot(): ClusterSnapshotState {
    const state: TfidfState = {
      book: this.book.toJSON(),
      df: this.df.toJSON(),
      centroids: [...this.centroids].map(([id, c]) => [id, [...c.weights].map(([t, w]) => [t, w])]),
    };
    return { method: this.method, version: 1, options: { ...this.options }, state };
  }
}

interface TfidfState {
  readonly book: StoryBookState;
  readonly df: { documents: number; counts: [string, number][] };
  readonly centroids: readonly (readonly [string, readonly (readonly [string, number])[]])[];
}

export const tfidf: ClustererFactory = {
  name: 'tfidf',
  description: 'baseline: single-pass TF-IDF cosine against every story centroid, one threshold',
  defaultThreshold: TFIDF_DEFAULTS.threshold,
  create(options = {}) {
    const threshold = options.threshold ?? TFIDF_DEFAULTS.threshold;
    return new TfidfClusterer({ threshold });
  },
  restore(snapshot) {
    if (snapshot?.method !== 'tfidf' || snapshot.version !== 1)
      throw new ChorusError(
        'invalid-input',
        `expected a tfidf clusterer snapshot (version 1), found ${snapshot?.method ?? 'nothing'}`,
      );
    const threshold = Number(snapshot.options['threshold'] ?? TFIDF_DEFAULTS.threshold);
    return new TfidfClusterer({ threshold }, snapshot.state as TfidfState);
  },
};
