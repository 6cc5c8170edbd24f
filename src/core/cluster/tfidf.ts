/**
 * The baseline: single-pass clustering with TF-IDF cosine against story centroids (Allan, Papka and
 * Lavrenko, "On-line new event detection and tracking", SIGIR 1998, without their time window). Each
 * article is compared with every story's centroid, the best one taken if its cosine passes the
 * threshold. Stems of content words, raw term frequency, IDF counted online. No titles, no entities, no
 * time, no merges. The comparison with every story is done exactly through an inverted index over
 * centroid terms (`weighted-postings.ts`), which gives the same answer as a loop over all stories, and
 * whose cost still grows with the number of stories: that growth is what `chorus` avoids.
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
import { WeightedPostings } from './weighted-postings.js';

export interface TfidfOptions {
  readonly threshold: number;
}

/** Best threshold on the 1,000-story Multi-News validation stream (see README, `bench/cluster.ts`). */
export const TFIDF_DEFAULTS: TfidfOptions = Object.freeze({ threshold: 0.25 });

interface Centroid {
  readonly id: string;
  readonly weights: Map<string, number>;
  /** Slot of the story in each term's posting list. */
  readonly slots: Map<string, number>;
  norm: number;
}

class TfidfClusterer implements OnlineClusterer {
  readonly method = 'tfidf';
  private readonly book: StoryBook;
  private readonly df: DocumentFrequency;
  /** Centroids by story number (the index of postings) and the number of each story id. */
  private readonly centroids: Centroid[] = [];
  private readonly numbers = new Map<string, number>();
  private readonly postings = new WeightedPostings();

  constructor(
    readonly options: TfidfOptions,
    state?: TfidfState,
  ) {
    this.book = state ? StoryBook.fromJSON(state.book) : new StoryBook();
    this.df = state ? DocumentFrequency.fromJSON(state.df) : new DocumentFrequency();
    for (const [id, entries] of state?.centroids ?? []) {
      const c = this.centroid(id);
      for (const [t, w] of entries) {
        c.weights.set(t, w);
        c.slots.set(t, this.postings.add(t, this.numbers.get(id) ?? 0, w));
      }
      c.norm = Math.sqrt([...c.weights.values()].reduce((s, w) => s + w * w, 0));
    }
  }

  private centroid(id: string): Centroid {
    const n = this.numbers.get(id);
    if (n !== undefined) return this.centroids[n]!;
    const c: Centroid = { id, weights: new Map(), slots: new Map(), norm: 0 };
    this.numbers.set(id, this.centroids.length);
    this.centroids.push(c);
    return c;
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
    let best: Centroid | undefined;
    let bestScore = 0;
    let compared = 0;
    this.postings.dots(vector, this.centroids.length, (n, s) => {
      compared++;
      const c = this.centroids[n];
      const cos = c && norm > 0 && c.norm > 0 ? s / (norm * c.norm) : 0;
      if (cos > bestScore) {
        best = c;
        bestScore = cos;
      }
    });
    const chosen = best as Centroid | undefined;
    const joins = chosen !== undefined && bestScore >= this.options.threshold;
    const storyId = joins && chosen !== undefined ? chosen.id : this.book.open(article.id);
    if (joins) this.book.join(storyId, article.id);
    const terms =
      chosen !== undefined && norm > 0 ? topContributions(vector, chosen.weights, norm * chosen.norm, 5) : [];
    this.absorb(storyId, vector);
    return {
      articleId: article.id,
      storyId,
      score: round(bestScore),
      newStory: !joins,
      terms: terms.map(([term, weight]) => ({ term, weight: round(weight) })),
      merges: [],
      candidates: compared,
    };
  }

  /** Adds the article's vector to the centroid (the centroid is the sum of its articles' vectors). */
  private absorb(storyId: string, vector: readonly TermWeight[]): void {
    const c = this.centroid(storyId);
    const story = this.numbers.get(storyId) ?? 0;
    for (const [t, w] of vector) {
      const weight = (c.weights.get(t) ?? 0) + w;
      c.weights.set(t, weight);
      const slot = c.slots.get(t);
      if (slot === undefined) c.slots.set(t, this.postings.add(t, story, weight));
      else this.postings.update(t, slot, weight);
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
      centroids: this.centroids.map((c) => [c.id, [...c.weights].map(([t, w]) => [t, w])]),
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
