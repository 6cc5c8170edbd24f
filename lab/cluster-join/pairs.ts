/**
 * Training pairs for the learned join decision: a gold-labelled dated stream is clustered in order, and
 * for every dated article the best `joinCandidates` stories the clusterer weighs are taken with their
 * `joinFeatures`, labelled 1 when the story is the article's own: the one holding most of the earlier
 * articles of its gold story (as BCubed sees it, joining there is right; anywhere else is wrong).
 */
import {
  CHORUS_CLUSTER_DEFAULTS,
  chorusFactory,
  type JoinObservation,
} from '../../src/core/cluster/chorus.js';
import prior from '../../src/core/cluster/cluster-idf.json' with { type: 'json' };
import { JOIN_FEATURES } from '../../src/core/cluster/join-features.js';
import { joinProbability, type JoinModel } from '../../src/core/cluster/join-model.js';
import type { TermVectors } from '../../src/core/cluster/term-vectors.js';
import type { LabelledArticle } from '../../src/eval/cluster-eval.js';
import { clusterScores, type ClusterScores } from '../../src/eval/cluster-metrics.js';
import type { Example } from '../same-content/logistic.js';

export interface Pair extends Example {
  /** Index of the article in the stream: its candidates form one decision. */
  readonly article: number;
}

export interface PairRun {
  readonly pairs: Pair[];
  /** Labelled candidates of the second chance's decisions (lone dated articles decided again). */
  readonly latePairs: Pair[];
  readonly scores: ClusterScores;
  /** Dated articles whose gold story was held, and of those, how many had it among their candidates. */
  readonly ownHeld: number;
  readonly ownCandidate: number;
}

/** How the second chance decides in a lab run: its own model, or a never-wrong oracle. */
export interface LateSetup {
  readonly model?: JoinModel;
  readonly oracle?: boolean;
  /**
   * With `oracle`, the least cosine of the article with its own story's nearest member for the oracle
   * to join it (0: always): the ceiling of a decision that needs some shared words to go on.
   */
  readonly oracleLink?: number;
  /**
   * With `oracle` and `oracleLink`, the late model's choice where the oracle would not join (own story
   * not a candidate, or too far): what a perfect decision above the link adds to the model.
   */
  readonly below?: JoinModel;
  /** With the arrival oracle (`oracle` of `collectPairs`), the least link for it to join (0: always). */
  readonly arrivalLink?: number;
}

/**
 * Clusters `stream` (with `model` deciding dated joins when given, else the rule; with `oracle`, a
 * never-wrong choice among the candidates: the own story when it is one of them, else a new story) and
 * collects the labelled candidates of every dated decision, and of every late decision (`late`: the
 * second chance's model or oracle; the arrival model decides late joins otherwise). A late candidate is
 * labelled 1 when it holds most of the lone article's gold story's other articles. `vectors` feed the
 * dense features.
 */
export function collectPairs(
  stream: readonly LabelledArticle[],
  options: Record<string, number> = {},
  model?: JoinModel,
  oracle = false,
  vectors?: TermVectors,
  late: LateSetup = {},
): PairRun {
  const pairs: Pair[] = [];
  const latePairs: Pair[] = [];
  const goldOf = new Map(stream.map((x) => [x.article.id, x.gold]));
  /** One article of each story, to find the story it is part of now. */
  const memberOf = new Map<string, string>();
  // gold → story → articles of that gold in the story (after merges).
  const goldStories = new Map<string, Map<string, number>>();
  let current = -1;
  let ownHeld = 0;
  let ownCandidate = 0;
  const observe = (o: JoinObservation) => {
    const gold = stream[current]?.gold ?? '';
    const own = ownStory(goldStories.get(gold));
    if (own !== undefined) ownHeld++;
    if (own !== undefined && o.stories.includes(own)) ownCandidate++;
    o.stories.forEach((story, i) => {
      const x = o.features[i];
      if (x) pairs.push({ x, y: story === own ? 1 : 0, weight: 1, article: current });
    });
  };
  const LINK = JOIN_FEATURES.indexOf('link');
  const decide = (o: JoinObservation) => {
    const own = o.stories.indexOf(ownStory(goldStories.get(stream[current]?.gold ?? '')) ?? '');
    return own >= 0 && (o.features[own]?.[LINK] ?? 0) >= (late.arrivalLink ?? 0) ? own : -1;
  };
  // The lone article's own story: the one holding most of its gold story's articles but its own.
  // Stories merged earlier in the same pass are not yet renamed in `goldStories`: each is read through
  // one of its articles, whose story the clusterer knows now.
  const lateOwn = (articleId: string) => {
    const mine = clusterer.storyOf(articleId);
    const others = new Map<string, number>();
    for (const [story, n] of goldStories.get(goldOf.get(articleId) ?? '') ?? []) {
      const now = clusterer.storyOf(memberOf.get(story) ?? '') ?? story;
      if (now !== mine) others.set(now, (others.get(now) ?? 0) + n);
    }
    return ownStory(others);
  };
  let lateDecisions = 0;
  const observeLate = (o: JoinObservation) => {
    const own = lateOwn(o.articleId);
    const id = lateDecisions++;
    o.stories.forEach((story, i) => {
      const x = o.features[i];
      if (x) latePairs.push({ x, y: story === own ? 1 : 0, weight: 1, article: id });
    });
  };
  const lateThreshold = options['lateJoinThreshold'] ?? CHORUS_CLUSTER_DEFAULTS.lateJoinThreshold;
  const decideLate = (o: JoinObservation) => {
    const own = o.stories.indexOf(lateOwn(o.articleId) ?? '');
    if (own >= 0 && (o.features[own]?.[LINK] ?? 0) >= (late.oracleLink ?? 0)) return own;
    if (!late.below) return -1;
    const ps = o.features.map((x) => joinProbability(late.below!, x));
    const best = ps.indexOf(Math.max(...ps));
    return best >= 0 && (ps[best] ?? 0) >= lateThreshold ? best : -1;
  };
  const clusterer = chorusFactory(prior, {
    ...(model && { model }),
    ...(vectors && { vectors }),
    observe,
    ...(oracle && { decide }),
    ...(late.model && { lateModel: late.model }),
    observeLate,
    ...(late.oracle && { decideLate }),
  }).create({
    ...options,
    datedJoinModel: model ? 1 : 0,
  });
  stream.forEach(({ article, gold }, i) => {
    current = i;
    const decision = clusterer.add(article);
    for (const { from, into } of decision.merges)
      for (const stories of goldStories.values()) {
        const n = stories.get(from);
        if (n === undefined) continue;
        stories.delete(from);
        stories.set(into, (stories.get(into) ?? 0) + n);
      }
    if (!memberOf.has(decision.storyId)) memberOf.set(decision.storyId, article.id);
    let stories = goldStories.get(gold);
    if (!stories) goldStories.set(gold, (stories = new Map()));
    stories.set(decision.storyId, (stories.get(decision.storyId) ?? 0) + 1);
  });
  const predicted = stream.map(({ article }) => clusterer.storyOf(article.id) ?? `missing:${article.id}`);
  const scores = clusterScores(
    predicted,
    stream.map((x) => x.gold),
  );
  return { pairs, latePairs, scores, ownHeld, ownCandidate };
}

/** The story holding most articles of a gold story so far (ties: the first seen). */
function ownStory(stories: ReadonlyMap<string, number> | undefined): string | undefined {
  let best: string | undefined;
  let most = 0;
  for (const [story, n] of stories ?? []) if (n > most) [best, most] = [story, n];
  return best;
}
