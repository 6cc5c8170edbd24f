import { describe, expect, it } from 'vitest';
import { HEADLINE_ONLY, makeArticle } from '../../src/core/article.js';
import { createClusterer, restoreClusterer } from '../../src/core/cluster/index.js';
import { articleTerms } from '../../src/core/cluster/features.js';
import { STORIES } from './fixture.js';

const [bridge, fire] = STORIES;
const gazette = bridge!.articles[0]!;
const coastal = bridge!.articles[1]!;

describe('chorus features', () => {
  it.each([
    [
      'title words weigh more',
      { title: 'Harbor Bridge closed', text: 'The bridge was closed.' },
      'bridg',
      3 + 1,
    ],
    [
      'capitalised words inside a sentence are entities',
      { text: 'Crews met Mayor Lena Ortiz today.' },
      '@ortiz',
      1,
    ],
    [
      'and a run of them is one entity too',
      { text: 'Crews met Mayor Lena Ortiz today.' },
      '@mayor lena ortiz',
      1,
    ],
    [
      'a capitalised sentence start is not an entity',
      { text: 'Crews met. Engineers left.' },
      '@engineers',
      undefined,
    ],
    ['stop words are left out', { text: 'the and of' }, 'the', undefined],
    ['a stray letter is left out', { text: 'Plan b was dropped.' }, 'b', undefined],
    ['letters beyond ASCII stay in their word', { text: 'The naïve café reopened.' }, 'naïv', 1],
    ['a letter outside the BMP is a letter', { text: 'Crews met 𝐀lder there.' }, '@𝐀lder'.toLowerCase(), 1],
    ['a word glued to a space-less script is split', { text: 'Crews saw 大桥关闭 today.' }, '关闭', 1],
    [
      'a run of names breaks at punctuation',
      { text: 'Crews met Lena, Ortiz today.' },
      '@lena ortiz',
      undefined,
    ],
    ['and holds across a hyphen', { text: 'Crews met Lena - Ortiz today.' }, '@lena ortiz', 1],
  ] as const)('%s', (_name, article, term, count) => {
    expect(articleTerms(article).counts.get(term)).toBe(count);
  });

  it('counts each article apart, terms in the order first read, each with its first word', () => {
    const first = { title: 'Harbor bridge closes', text: 'The Harbor Bridge closed; bridges close.' };
    const terms = articleTerms(first);
    expect(terms.terms).toEqual(['harbor', 'bridg', 'close', '@harbor', '@bridge', '@harbor bridge']);
    expect(terms.weights).toEqual([4, 5, 5, 1, 1, 1]);
    expect(terms.words).toEqual(['harbor', 'bridge', 'closes', '@Harbor', '@Bridge', '@Harbor Bridge']);
    expect(articleTerms({ text: 'bridges of the harbor' }).counts).toEqual(
      new Map([
        ['bridg', 1],
        ['harbor', 1],
      ]),
    );
    expect(articleTerms(first)).toEqual(terms);
  });
});

describe('chorus clusterer', () => {
  it('keeps a story apart from a similar one months later (time decay)', () => {
    const later = { ...coastal, id: 'later', date: '2031-09-30T10:00:00Z' };
    const c = createClusterer('chorus');
    c.add(gazette);
    expect(c.add(later).newStory).toBe(true);
    const d = createClusterer('chorus');
    d.add(gazette);
    expect(d.add(coastal).newStory).toBe(false);
  });

  it('merges two stories when an article bridges them', () => {
    const options = { threshold: 0.7, mergeThreshold: 0.3, mergeCentroid: 0.05, margin: 0, sizePenalty: 0 };
    const c = createClusterer('chorus', options);
    const a = c.add({ ...gazette, date: undefined });
    const b = c.add({ ...coastal, date: undefined });
    expect(b.newStory).toBe(true);
    const bridgeArticle = makeArticle({ id: 'both', text: `${gazette.text}\n\n${coastal.text}` });
    const d = c.add(bridgeArticle);
    expect(d.merges).toEqual([{ from: b.storyId, into: a.storyId }]);
    expect(d.storyId).toBe(a.storyId);
    expect(c.storyOf(coastal.id)).toBe(a.storyId);
    expect(c.stories()).toEqual([{ id: a.storyId, articles: [gazette.id, coastal.id, 'both'] }]);
  });

  it('names readable words, not stems, in explanations', () => {
    const c = createClusterer('chorus');
    c.add(fire!.articles[0]!);
    const d = c.add(fire!.articles[1]!);
    expect(d.newStory).toBe(false);
    expect(d.terms.map((t) => t.term)).toContain('greywater');
    expect(d.terms.every((t) => !t.term.endsWith('i') || t.term === 'reyl')).toBe(true);
  });

  it('retires stories long past the newest article, so a dated stream holds bounded state', () => {
    const filler = Array.from({ length: 255 }, (_, i) =>
      makeArticle({ id: `f${i}`, text: `Notice ${i}: word${i}a word${i}b word${i}c.`, date: '2031-12-01' }),
    );
    const run = (retireDays: number) => {
      const c = createClusterer('chorus', { retireDays, halfLifeDays: 1e6 });
      c.add({ ...gazette, date: '2031-01-01' });
      for (const f of filler) c.add(f);
      return c.add({ ...coastal, date: '2031-01-02' });
    };
    expect(run(1000).newStory).toBe(false);
    expect(run(30).newStory).toBe(true);
  });

  it('retires a story as soon as no dated article can reach it, long before retireDays', () => {
    // One fictional notice a day: with the default decay no article can join a story 3.8 days back.
    // The rule decides, so that no notice joins another: the learned model, taught on streams of
    // hundreds of stories in reach, joins a lone candidate of the day before on the one word they share.
    const c = createClusterer('chorus', { datedJoinModel: 0 });
    for (let i = 0; i < 512; i++)
      c.add(
        makeArticle({
          id: `d${i}`,
          text: `Notice ${i}: word${i}a word${i}b word${i}c.`,
          date: new Date(Date.UTC(2031, 0, 1) + i * 86_400_000).toISOString().slice(0, 10),
        }),
      );
    const state = c.snapshot().state as { stories: unknown[] };
    expect(state.stories.length).toBeLessThanOrEqual(5);
    expect(c.stories()).toHaveLength(512);
  });

  it('continues identically after a snapshot even when stories outgrow their recent members', () => {
    // Few, long-running fictional stories with small limits, so members are forgotten and their
    // postings go stale: a restored clusterer never holds those, and must still pick the same candidates.
    const towns = ['Varrow', 'Quillby', 'Ostrel'];
    const words = ['ferry', 'levy', 'orchard', 'tunnel', 'kiln', 'quarry', 'mill', 'pier'];
    const stream = Array.from({ length: 90 }, (_, i) =>
      makeArticle({
        id: `a${i}`,
        text: `${towns[i % 3]} council on the ${words[i % 8]} and the ${words[(i * 5) % 8]}: item ${i % 7}, vote ${i % 4}.`,
      }),
    );
    const options = { recentMembers: 2, postingCap: 3, candidates: 3 };
    const whole = createClusterer('chorus', options);
    const decisions = stream.map((a) => whole.add(a));
    for (const cut of [20, 45, 70]) {
      let c = createClusterer('chorus', options);
      const replayed = stream.map((a, i) => {
        if (i === cut) c = restoreClusterer(JSON.parse(JSON.stringify(c.snapshot())));
        return c.add(a);
      });
      expect(replayed).toEqual(decisions);
    }
  });

  it('saves trimmed centroids and members by term and restores them to the same state', () => {
    // Centroids of four terms are trimmed after every article, ties by term; members and centroids
    // are held by term id and saved by term: a restored clusterer saves the same snapshot and decides alike.
    const stream = Array.from({ length: 40 }, (_, i) =>
      makeArticle({
        id: `t${i}`,
        text: `Ferry ${i % 4} levy in Varrow: kiln, quarry ${i % 3}, mill and pier ${i % 5} at dusk.`,
      }),
    );
    const options = { centroidTerms: 4, recentMembers: 3 };
    const live = createClusterer('chorus', options);
    for (const a of stream.slice(0, 30)) live.add(a);
    const saved = JSON.parse(JSON.stringify(live.snapshot()));
    const state = saved.state as { stories: [string, [string, number][]][]; members: unknown[][] };
    expect(state.stories.every(([, centroid]) => centroid.length <= 6)).toBe(true);
    expect(state.stories.some(([, centroid]) => centroid.every(([t]) => typeof t === 'string'))).toBe(true);
    const restored = restoreClusterer(saved);
    expect(JSON.parse(JSON.stringify(restored.snapshot()))).toEqual(saved);
    const rest = stream.slice(30);
    expect(rest.map((a) => restored.add(a))).toEqual(rest.map((a) => live.add(a)));
  });

  it('weighs an article alike after a longer one, its arrays by place reused', () => {
    // A restored clusterer has fresh arrays by place; the live one has just filled them from a longer
    // article. Both must keep the same heaviest 80 terms of the shorter one.
    const words = (n: number, from: number) =>
      Array.from({ length: n }, (_, i) => `w${String.fromCharCode(97 + ((from + i) % 26))}${from + i}`);
    const long = makeArticle({ id: 'long', text: `${words(300, 0).join(' ')}.` });
    const short = makeArticle({
      id: 'short',
      text: `${words(120, 500).join(' ')} ${words(60, 500).join(' ')} ${words(20, 500).join(' ')}.`,
    });
    const live = createClusterer('chorus', {});
    live.add(long);
    const restored = restoreClusterer(JSON.parse(JSON.stringify(live.snapshot())));
    expect(live.add(short)).toEqual(restored.add(short));
    const vectors = (c: typeof live) =>
      (c.snapshot().state as { members: [number, string, string, [string, number][]][] }).members;
    const [, lastLive] = vectors(live);
    expect(lastLive?.[3]).toHaveLength(80);
    expect(vectors(live)).toEqual(vectors(restored));
  });

  it('restores a snapshot taken before term saturation existed with the old weighting', () => {
    const old = createClusterer('chorus', { saturation: 0 });
    old.add(gazette);
    const snapshot = JSON.parse(JSON.stringify(old.snapshot()));
    delete snapshot.options.saturation;
    const restored = restoreClusterer(snapshot);
    expect(restored.snapshot().options['saturation']).toBe(0);
    expect(restored.add(coastal)).toEqual(old.add(coastal));
  });
});

describe('chorus on dated and headline-only items', () => {
  const headline = (id: string, title: string, date: string) =>
    makeArticle({ id, title, text: title, date, warnings: [HEADLINE_ONLY] });

  it('reads a headline-only item once, and never takes its title-case words for names', () => {
    const terms = articleTerms(headline('h', 'Harbor Bridge Closes For Repairs', '2026-03-10')).counts;
    expect(terms.get('bridg')).toBe(3);
    expect([...terms.keys()].filter((t) => t.startsWith('@'))).toEqual([]);
  });

  it.each([
    ['scanning held stories, a dated article finds its story through lesser terms', 1000, true],
    ['without, its top term finds no story', 0, false],
  ] as const)('%s', (_name, scanStories, joins) => {
    const c = createClusterer('chorus', { indexTerms: 1, scanStories });
    const text = (odd: string) =>
      `${odd} ${odd} ${odd} ${odd}. Crews closed the harbor bridge for spillway repairs after the storm.`;
    const first = c.add(makeArticle({ id: 'a', text: text('quokka'), date: '2026-03-10' }));
    const second = c.add(makeArticle({ id: 'b', text: text('wombat'), date: '2026-03-11' }));
    expect(second.storyId === first.storyId).toBe(joins);
  });

  it.each([
    ['headlines of one day join', '2026-03-10', true],
    [
      'a headline of the next day starts its own story (aggregator stories are day-bound)',
      '2026-03-11',
      false,
    ],
  ] as const)('%s', (_name, date, joins) => {
    const c = createClusterer('chorus');
    const first = c.add(headline('a', 'Harbor Bridge closes for spillway repairs', '2026-03-10'));
    c.add(headline('x', 'Titan X9 phone goes on sale Tuesday', '2026-03-10'));
    const second = c.add(headline('b', 'Spillway repairs close the Harbor Bridge', date));
    expect(second.storyId === first.storyId).toBe(joins);
  });

  it.each([
    ['the same day', '2026-03-10', true],
    ['two days later, within the grace', '2026-03-12', true],
    ['two weeks later: another story', '2026-03-24', false],
  ] as const)('a dated article joins its story %s', (_name, date, joins) => {
    const c = createClusterer('chorus');
    const first = c.add({ ...gazette, id: 'g', date: '2026-03-10' });
    const second = c.add({ ...coastal, id: 'k', date });
    expect(second.storyId === first.storyId).toBe(joins);
  });
});
