/**
 * Which article is in which story, with merges: the bookkeeping every clusterer shares. Story ids are
 * `s1`, `s2`, … in order of creation, so a given order of articles always yields the same ids.
 */
import type { ClusterStory } from './clusterer.js';

export interface StoryBookState {
  readonly next: number;
  /** [story id, article ids, their arrival numbers] of live stories, in order of creation. */
  readonly stories: readonly (readonly [string, readonly string[], readonly number[]])[];
  readonly arrivals: number;
  /** [merged story id, story it went into]. */
  readonly merged: readonly (readonly [string, string])[];
}

export class StoryBook {
  private next = 1;
  private readonly members = new Map<string, string[]>();
  private readonly articleStory = new Map<string, string>();
  private readonly mergedInto = new Map<string, string>();
  /** Arrival number of each article, so that merged stories keep their articles in order of arrival. */
  private readonly arrival = new Map<string, number>();
  private arrivals = 0;

  /** Opens a story holding `articleId` and returns its id. */
  open(articleId: string): string {
    const id = `s${this.next++}`;
    this.members.set(id, [articleId]);
    this.arrival.set(articleId, this.arrivals++);
    this.articleStory.set(articleId, id);
    return id;
  }

  join(storyId: string, articleId: string): void {
    this.members.get(storyId)?.push(articleId);
    this.articleStory.set(articleId, storyId);
    this.arrival.set(articleId, this.arrivals++);
  }

  /** Moves every article of `from` into `into`. */
  merge(from: string, into: string): void {
    const moving = this.members.get(from) ?? [];
    const target = this.members.get(into);
    if (!target || from === into) return;
    target.push(...moving);
    target.sort((a, b) => (this.arrival.get(a) ?? 0) - (this.arrival.get(b) ?? 0));
    this.members.delete(from);
    this.mergedInto.set(from, into);
  }

  /** Live story id for a story id that may since have been merged away. */
  resolve(storyId: string): string {
    let id = storyId;
    for (let next = this.mergedInto.get(id); next !== undefined; next = this.mergedInto.get(id)) id = next;
    return id;
  }

  storyOf(articleId: string): string | undefined {
    const id = this.articleStory.get(articleId);
    return id === undefined ? undefined : this.resolve(id);
  }

  has(articleId: string): boolean {
    return this.articleStory.has(articleId);
  }

  size(storyId: string): number {
    return this.members.get(storyId)?.length ?? 0;
  }

  stories(): ClusterStory[] {
    return [...this.members].map(([id, articles]) => ({ id, articles: [...articles] }));
  }

  toJSON(): StoryBookState {
    return {
      next: this.next,
      arrivals: this.arrivals,
      stories: [...this.members].map(([id, articles]) => [
        id,
        articles,
        articles.map((a) => this.arrival.get(a) ?? 0),
      ]),
      merged: [...this.mergedInto],
    };
  }

  static fromJSON(state: StoryBookState): StoryBook {
    const book = new StoryBook();
    book.next = state.next;
    book.arrivals = state.arrivals;
    for (const [id, articles, arrivals] of state.stories) {
      book.members.set(id, [...articles]);
      articles.forEach((a, i) => {
        book.articleStory.set(a, id);
        book.arrival.set(a, arrivals[i] ?? 0);
      });
    }
    for (const [from, into] of state.merged) book.mergedInto.set(from, into);
    return book;
  }
}
