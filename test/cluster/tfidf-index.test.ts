import { describe, expect, it } from 'vitest';
import { makeArticle } from '../../src/core/article.js';
import { createClusterer, restoreClusterer } from '../../src/core/cluster/index.js';
import type { Article } from '../../src/core/model.js';
import { isStopWord } from '../../src/core/text/stopwords.js';
import { stem } from '../../src/core/text/stem.js';
import { tokenize } from '../../src/core/text/tokens.js';
import { interleavedStream } from './fixture.js';

/**
 * The tf-idf baseline as its doc states it, a loop over every story's centroid with maps: the indexed
 * clusterer must take the same story for every article (same sums in the same order, same ties).
 */
function reference(articles: readonly Article[], threshold = 0.25): string[] {
  const df = new Map<string, number>();
  let docs = 0;
  const centroids: { id: string; weights: Map<string, number> }[] = [];
  return articles.map((a) => {
    const tf = new Map<string, number>();
    for (const token of tokenize(`${a.title ?? ''}\n${a.text}`)) {
      if (token.length < 2 || isStopWord(token)) continue;
      const s = stem(token);
      tf.set(s, (tf.get(s) ?? 0) + 1);
    }
    docs++;
    for (const t of tf.keys()) df.set(t, (df.get(t) ?? 0) + 1);
    const v = [...tf].map(([t, c]) => [t, c * Math.log((docs + 1) / ((df.get(t) ?? 0) + 0.5))] as const);
    const norm = Math.hypot(...v.map(([, w]) => w));
    let best: (typeof centroids)[number] | undefined;
    let bestCos = 0;
    for (const c of centroids) {
      const cnorm = Math.hypot(...c.weights.values());
      let s = 0;
      for (const [t, w] of v) s += w * (c.weights.get(t) ?? 0);
      const cos = norm > 0 && cnorm > 0 ? s / (norm * cnorm) : 0;
      if (cos > bestCos + 1e-12) [best, bestCos] = [c, cos];
    }
    let story = best && bestCos >= threshold ? best : undefined;
    if (!story) centroids.push((story = { id: a.id, weights: new Map() }));
    for (const [t, w] of v) story.weights.set(t, (story.weights.get(t) ?? 0) + w);
    return story.id;
  });
}

/** Story ids renamed by order of first appearance, so two runs' partitions compare. */
function numbered(ids: readonly string[]): number[] {
  const n = new Map<string, number>();
  return ids.map((id) => n.get(id) ?? (n.set(id, n.size), n.size - 1));
}

// Short notices of three fictional events with shared filler words, so that many stories share terms.
const TOPICS = ['harbour ferry strike', 'orchard frost damage', 'museum roof repair'];
const FILLER = ['council', 'morning', 'residents', 'statement', 'weekend', 'officials'];
const notices: Article[] = Array.from({ length: 60 }, (_, i) =>
  makeArticle({
    id: `n${i}`,
    text: `${TOPICS[i % 3]} ${FILLER[i % 6]} ${FILLER[(i * 5) % 6]} update ${i % 7 === 0 ? 'lanterns' : ''}`,
  }),
);

describe('tfidf inverted index', () => {
  it.each([
    ['interleaved fictional stories', interleavedStream().map((x) => x.article)],
    ['short notices sharing filler words', notices],
  ])('takes the story a loop over every centroid takes: %s', (_, articles) => {
    const c = createClusterer('tfidf');
    const got = articles.map((a) => c.add(a).storyId);
    const want = reference(articles);
    expect(new Set(want).size).toBeGreaterThan(2);
    expect(new Set(want).size).toBeLessThan(articles.length);
    expect(numbered(got)).toEqual(numbered(want));
  });

  it('goes on alike after a snapshot is restored', () => {
    const live = createClusterer('tfidf');
    notices.slice(0, 30).forEach((a) => live.add(a));
    const restored = restoreClusterer(JSON.parse(JSON.stringify(live.snapshot())));
    for (const a of notices.slice(30)) expect(restored.add(a).storyId).toBe(live.add(a).storyId);
  });
});
