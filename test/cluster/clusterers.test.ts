import { describe, expect, it } from 'vitest';
import { makeArticle } from '../../src/core/article.js';
import {
  clusterStream,
  clustererNames,
  createClusterer,
  getClusterer,
  restoreClusterer,
} from '../../src/core/cluster/index.js';
import { isChorusError } from '../../src/core/errors.js';
import { clusterScores } from '../../src/eval/cluster-metrics.js';
import { interleavedStream, STORIES } from './fixture.js';

const stream = interleavedStream();

function run(method: string) {
  const c = createClusterer(method);
  const decisions = stream.map(({ article }) => c.add(article));
  return { c, decisions };
}

describe.each(clustererNames())('clusterer %s', (method) => {
  it('finds the fictional stories of an interleaved stream', () => {
    const { c } = run(method);
    const scores = clusterScores(
      stream.map(({ article }) => c.storyOf(article.id) ?? ''),
      stream.map((x) => x.gold),
    );
    expect(scores.bcubed.precision).toBe(1);
    expect(scores.bcubed.recall).toBe(1);
    expect(c.stories()).toHaveLength(STORIES.length);
  });

  it('is deterministic for a given order', () => {
    expect(run(method).decisions).toEqual(run(method).decisions);
  });

  it('explains each joining decision with shared terms and a score', () => {
    const { decisions } = run(method);
    const joined = decisions.filter((d) => !d.newStory);
    expect(joined.length).toBe(stream.length - STORIES.length);
    for (const d of joined) {
      expect(d.score).toBeGreaterThanOrEqual(getClusterer(method).defaultThreshold - 1e-9);
      expect(d.terms.length).toBeGreaterThan(0);
      expect(d.terms[0]?.weight).toBeGreaterThan(0);
    }
  });

  it('continues identically after a JSON snapshot round trip', () => {
    const half = Math.floor(stream.length / 2);
    const a = createClusterer(method);
    stream.slice(0, half).forEach(({ article }) => a.add(article));
    const b = restoreClusterer(JSON.parse(JSON.stringify(a.snapshot())));
    const rest = stream.slice(half);
    expect(rest.map(({ article }) => b.add(article))).toEqual(rest.map(({ article }) => a.add(article)));
    expect(b.stories()).toEqual(a.stories());
  });

  it('copes with empty, one-article and hostile input', () => {
    const c = createClusterer(method);
    const empty = c.add(makeArticle({ id: 'empty', text: '' }));
    expect(empty).toMatchObject({ newStory: true, score: 0, terms: [] });
    const hostile = makeArticle({
      id: 'hostile',
      text: `${'<script>alert(1)</script> '.repeat(2000)}${'\u0000\u200b'.repeat(100)} ${'x'.repeat(100_000)}`,
    });
    expect(c.add(hostile).newStory).toBe(true);
    const one = c.add(STORIES[0]!.articles[0]!);
    expect(one.newStory).toBe(true);
    // The same article again: same story, nothing new.
    expect(c.add(STORIES[0]!.articles[0]!)).toMatchObject({ storyId: one.storyId, newStory: false });
    expect(c.stories()).toHaveLength(3);
  });

  it('refuses a snapshot of another kind with a clear error', () => {
    const bad = { method, version: 99, options: {}, state: {} };
    try {
      restoreClusterer(bad);
      expect.unreachable();
    } catch (error) {
      expect(isChorusError(error) && error.code).toBe('invalid-input');
    }
  });
});

describe('registry and stream', () => {
  it('lists chorus first and refuses unknown names', () => {
    expect(clustererNames()).toEqual(['chorus', 'tfidf']);
    expect(() => getClusterer('kmeans')).toThrow(
      /expected a clusterer name \(chorus, tfidf\), found "kmeans"/,
    );
  });

  it('clusterStream yields one decision per article from an async iterable', async () => {
    async function* feed() {
      for (const { article } of stream) yield article;
    }
    const decisions = [];
    for await (const d of clusterStream(feed(), { method: 'chorus' })) decisions.push(d);
    expect(decisions.map((d) => d.articleId)).toEqual(stream.map((x) => x.article.id));
    expect(decisions).toEqual(run('chorus').decisions);
  });

  it('refuses a bad option value', () => {
    expect(() => createClusterer('chorus', { threshold: -1 })).toThrow(/expected a number ≥ 0/);
  });
});
