/**
 * `chorus`, the online story clusterer. Each arriving article becomes a unit TF-IDF vector over its
 * content stems, title words (weighted up) and capitalised entity terms (`features.ts`), each term
 * weighted by its BM25-saturated count times its IDF, and joins the story it scores best against, or
 * opens a new one.
 *
 * Score of a story = (1 − linkWeight) · cosine with the story centroid + linkWeight · best cosine with
 * one of its recent articles, times a time decay when both sides are dated. The centroid alone drifts
 * for stories whose articles each tell a different part; the best single link alone chains unrelated
 * stories; the mix is measured to beat both (README, `bench/cluster.ts`).
 *
 * A dated article (not a headline) decides by a learned model instead when the clusterer has one
 * (`join-model.ts`): boosted trees over `joinFeatures` of its best few candidates, trained on a dated
 * train stream, pick the story and say whether to join it (docs/clustering.md, fourth round). When a
 * dated article opens a new day, the dated articles of the last days still alone in their stories are
 * decided again against the stories as they are now, and may merge into one (a second chance once
 * their siblings have arrived: docs/clustering.md, sixth round), by a model trained on such late
 * decisions, which also reads which members came after the article (`late-features.ts`, seventh round);
 * stories of two or three can get the same second chance (`lateJoinSize`, off by default: eighth round).
 *
 * Cost per article does not grow with the number of stories: candidates come from an inverted index
 * over the top terms of the recent articles of every story, each posting list capped to its newest
 * entries (a term with thousands of postings is too common to find a story anyway), and only the best
 * few candidates are scored in full. Stories merge when an article scores above the merge threshold
 * with two stories whose centroids agree. Everything is deterministic for a given order of articles:
 * ties go to the older story and terms sort by name.
 *
 * Source: the single-pass clustering of Allan, Papka and Lavrenko (SIGIR 1998) and Yang, Pierce and
 * Carbonell (SIGIR 1998), with their time decay; we depart by scoring against recent members as well as
 * the centroid, by candidate retrieval through capped postings, and by merging stories.
 */
import { isHeadlineOnly } from '../article.js';
import { ChorusError } from '../errors.js';
import type { Article } from '../model.js';
import type {
  ClusterDecision,
  ClustererFactory,
  ClusterSnapshotState,
  OnlineClusterer,
} from './clusterer.js';
import { DocumentFrequency, type PriorFrequencies } from './document-frequency.js';
import { articleTerms, FEATURE_DEFAULTS, type FeatureOptions } from './features.js';
import { TermFacts, joinFeatures } from './join-features.js';
import { joinProbability, type JoinModel } from './join-model.js';
import { lateFeatures } from './late-features.js';
import { denseCosine, type TermVectors } from './term-vectors.js';
import { round, type TermWeight } from './sparse.js';
import { Centroid } from './centroid.js';
import { heaviestParts, sortHeaviestFirst } from './heaviest-first.js';
import { StoryBook, type StoryBookState } from './story-book.js';
import { MemberTable } from './member-table.js';
import { PostingList } from './posting-list.js';
import { TermSpace, type IdVector } from './term-space.js';

export interface ChorusClusterOptions extends FeatureOptions {
  /** Least score to join a story. */
  readonly threshold: number;
  /** Share of the best-member cosine in the score (the rest is the centroid cosine). */
  readonly linkWeight: number;
  /**
   * BM25's k1: a term said c times weighs (k1 + 1)·c / (k1 + c) times its IDF, so the tenth mention adds
   * almost nothing while a second mention still counts. 0 keeps the older 1 + ln c (snapshots taken before
   * this option existed restore with 0, so they go on weighing terms as they did).
   */
  readonly saturation: number;
  /** IDF is raised to this power: above 1, rare words (the names of a story) count for more. */
  readonly idfPower: number;
  /**
   * Score taken off per natural log of the story's size. Big stories drift toward their topic ("North
   * Korea", "the 2016 campaign"), so joining one takes more specific evidence: this keeps events apart.
   */
  readonly sizePenalty: number;
  /** The best story must beat the second best by this much, else the article is ambiguous and starts a story. */
  readonly margin: number;
  /** Terms kept per article vector. */
  readonly articleTerms: number;
  /** Terms kept per story centroid. */
  readonly centroidTerms: number;
  /** Top terms of an article that are posted in the index and used to query it. */
  readonly indexTerms: number;
  /** Newest postings (of members still held) read per term when looking for candidates. */
  readonly postingCap: number;
  /** Candidate articles (by partial score) scored in full. */
  readonly candidates: number;
  /** Newest articles per story kept for member links and postings. */
  readonly recentMembers: number;
  /** Score with a second story above which the two stories may merge. */
  readonly mergeThreshold: number;
  /** Least centroid cosine of two stories for them to merge. */
  readonly mergeCentroid: number;
  /** Days apart that cost nothing (same news cycle). */
  readonly graceDays: number;
  /** Beyond the grace, the score halves every this many days. */
  readonly halfLifeDays: number;
  /**
   * Stories whose newest article is this many days older than the newest article seen are retired:
   * their vectors are forgotten (their articles keep their story), so a dated stream's state stays bounded.
   */
  readonly retireDays: number;
  /** At most this many stories are held for matching; beyond it the least recently joined are retired. */
  readonly maxStories: number;
  /**
   * A dated article is compared with stories of its own days only (the decay sees to it), so the
   * confusions that `margin` and `sizePenalty` guard against in an undated stream (one topic told as
   * several stories months apart) mostly cannot happen: dated articles decide with these instead.
   */
  readonly datedThreshold: number;
  readonly datedMargin: number;
  readonly datedSizePenalty: number;
  /**
   * A headline-only item (no body) is a handful of words: same-story headlines share fewer of them than
   * articles do, and aggregators group headlines by the day, so these decide for headline-only items.
   */
  readonly headlineThreshold: number;
  readonly headlineMargin: number;
  readonly headlineSizePenalty: number;
  readonly headlineGraceDays: number;
  readonly headlineHalfLifeDays: number;
  /**
   * A dated article (not a headline) is scored against every held story within reach of its date, not
   * only the candidates its top terms find, while at most this many stories are held (0: never). Same-story
   * articles of the dated Multi-News stream often share none of their top terms (short sources, each
   * telling another part), yet a dated stream holds only a few days of stories, so scanning them is cheap.
   */
  readonly scanStories: number;
  /**
   * 1: a dated article (not a headline) joins by the learned join model (`join-model.ts`) when the
   * clusterer has one, choosing among its best `joinCandidates` stories by the rule's score; 0: by the
   * threshold and margin rule, as undated articles and headlines always do.
   */
  readonly datedJoinModel: number;
  readonly joinCandidates: number;
  /** Least join probability; 0 takes the model's own threshold (chosen on the train folds). */
  readonly joinThreshold: number;
  /**
   * A second chance for dated articles left alone: when a dated article opens a new day, every story of
   * one dated article (not a headline) from the last `lateJoinDays` days is decided again by the model
   * against the stories as they are now, and merged into the most probable one when its probability
   * reaches this (0: never). Siblings that arrived after it may have made its own story recognisable.
   */
  readonly lateJoinThreshold: number;
  /** Lone articles dated this many days before the newest article seen, or less, get the second chance. */
  readonly lateJoinDays: number;
  /**
   * Stories of up to this many dated articles get the second chance (1: lone articles only). A story of
   * several is decided by its newest `lateStoryMembers` members in turn, and merges by the most probable
   * of their choices.
   */
  readonly lateJoinSize: number;
  /** Least probability for a story of several articles to merge late (0: `lateJoinThreshold`). */
  readonly lateStoryThreshold: number;
  /** How many of a story's newest members decide for it late (each costs an arrival's decision). */
  readonly lateStoryMembers: number;
}

/** What the join decision saw for one dated article: its best candidates and their `joinFeatures`. */
export interface JoinObservation {
  readonly articleId: string;
  readonly stories: readonly string[];
  readonly features: readonly (readonly number[])[];
}

/** The learned decision's parts: the model, and for the lab an observer of every dated decision. */
export interface JoinSetup {
  readonly model?: JoinModel;
  /** Dense term vectors for the model's `dense` features (0 without them). */
  readonly vectors?: TermVectors;
  readonly observe?: (observation: JoinObservation) => void;
  /**
   * For the lab's oracles: the index of the candidate to join (−1: open a story) in place of the
   * model's choice, so the ceiling of a candidate set is measured by the clusterer's own run.
   */
  readonly decide?: (observation: JoinObservation) => number;
  /**
   * The second chance's own model (`late-join-model.json`), trained on late decisions: a lone article a
   * day on meets stories its siblings have since joined, evidence the arrival model never saw. Without
   * it the arrival model decides late joins too.
   */
  readonly lateModel?: JoinModel;
  /** For the lab: an observer of every late decision, and an oracle choosing in place of the model. */
  readonly observeLate?: (observation: JoinObservation) => void;
  readonly decideLate?: (observation: JoinObservation) => number;
}

/** The options one decision uses, chosen by what is known of the item (`decisionOptions`). */
interface Decide {
  readonly threshold: number;
  readonly margin: number;
  readonly sizePenalty: number;
  readonly graceDays: number;
  readonly halfLifeDays: number;
}

/**
 * Undated options tuned on Multi-News validation (`docs/clustering.md`); dated options on a dated train
 * stream and headline options on the first three days of the UCI stream (`docs/clustering.md`,
 * `lab/tune-cluster.ts`).
 */
export const CHORUS_CLUSTER_DEFAULTS: ChorusClusterOptions = Object.freeze({
  ...FEATURE_DEFAULTS,
  threshold: 0.17,
  linkWeight: 0.5,
  saturation: 1.5,
  idfPower: 1,
  sizePenalty: 0.04,
  margin: 0.07,
  articleTerms: 80,
  centroidTerms: 150,
  indexTerms: 15,
  postingCap: 100,
  candidates: 20,
  recentMembers: 40,
  mergeThreshold: 0.35,
  mergeCentroid: 0.25,
  graceDays: 2,
  halfLifeDays: 0.5,
  retireDays: 90,
  maxStories: 20_000,
  datedThreshold: 0.06,
  datedMargin: 0,
  datedSizePenalty: 0.04,
  headlineThreshold: 0.15,
  headlineMargin: 0,
  headlineSizePenalty: 0,
  headlineGraceDays: 0,
  headlineHalfLifeDays: 0.1,
  scanStories: 1000,
  datedJoinModel: 1,
  joinCandidates: 5,
  joinThreshold: 0,
  lateJoinThreshold: 0.65,
  lateJoinDays: 2,
  // Off by default: stories of two or three deciding late gained +0.0009 on the dated train folds and
  // +0.0002 on dated validation for +12–13 % of the clusterer's CPU (docs/clustering.md, eighth round).
  lateJoinSize: 1,
  lateStoryThreshold: 0,
  lateStoryMembers: 1,
});

const DAY = 86_400_000;
const NO_DENSE = { dense: 0, denseLink: 0, denseLead: 0 } as const;
/** Newest members of a story whose pairwise cosines give its cohesion (a join feature). */
const COHESION_MEMBERS = 8;

interface Member {
  readonly id: string;
  /** Story at the time of posting; resolved through the book since stories merge. */
  story: string;
  /**
   * The article's unit vector by term id, in its order (heaviest first), for the dot products with
   * each arriving article (`TermSpace`). Its terms are not kept as strings: a member's `[term, weight]`
   * pairs were some 96 MB of what the clusterer allocated on the dated stream (docs/clustering.md, tenth
   * and eleventh rounds), and the rare readers that need the terms (late decisions, snapshots) get them
   * by id (`TermSpace.pairs`).
   */
  readonly byId: IdVector;
  /** Dense vector (`term-vectors.ts`), computed when a join decision first needs it; never saved. */
  dense?: Float64Array;
  /** A dated article, not a headline: alone in its story, it may join one late (`lateJoinThreshold`). */
  readonly dated: boolean;
}

interface StoryState {
  /** The story's id (the key it is held under). */
  readonly id: string;
  /** Sum of the members' unit vectors, by term id (quantized, trimmed to the heaviest terms). */
  readonly centroid: Centroid;
  norm: number;
  /** Keys of the recent members, oldest first. */
  readonly recent: number[];
  first?: number;
  last?: number;
  /** Cohesion of the members whose keys are given (a join feature), kept until they change. */
  cohesion?: { readonly keys: readonly number[]; readonly value: number };
  /**
   * Scratch of `score`: the number of the scoring that last found the story, the best member cosine
   * it found and that member's key, and the story's decay (NaN until computed).
   */
  foundIn: number;
  link: number;
  linkMember: number;
  decayNow: number;
}

/** `ChorusClusterer.scratchFor`: term numbers, idfs, weights and sorted weights by place. */
interface Scratch {
  readonly numbers: Int32Array;
  readonly idf: Float64Array;
  readonly weights: Float64Array;
  readonly sorted: Float64Array;
}

/** A candidate story with its score and the parts of it. */
interface Scored {
  readonly story: string;
  readonly score: number;
  /** Score before decay and size penalty. */
  readonly raw: number;
  /** Key of the member the best link is with. */
  readonly link: number;
  readonly centroid: number;
  readonly linkCosine: number;
  readonly decay: number;
}

class ChorusClusterer implements OnlineClusterer {
  readonly method = 'chorus';
  private readonly book: StoryBook;
  private readonly df: DocumentFrequency;
  private readonly members = new MemberTable<Member>();
  /**
   * Partial scores by member key while `score` sums them, and the number of the `score` call each is
   * from: a map from key to score cost a lookup and a store per posting read.
   */
  private partialOf = new Float64Array(1024);
  private scoredIn = new Int32Array(1024);
  private scorings = 0;
  private readonly storyState = new Map<string, StoryState>();
  /** Posting lists by term id (undefined: no posting yet). */
  private readonly postings: (PostingList | undefined)[] = [];
  /** Term ids are the document frequencies' numbers (`TermNumbering`). */
  private readonly space: TermSpace;
  private nextMember = 0;
  private scratch: Scratch = {
    numbers: new Int32Array(1024),
    idf: new Float64Array(1024),
    weights: new Float64Array(1024),
    sorted: new Float64Array(1024),
  };
  /** Newest article date seen (ms), for retiring old stories. */
  private newest = -Infinity;

  constructor(
    readonly options: ChorusClusterOptions,
    private readonly prior?: PriorFrequencies,
    state?: ChorusState,
    private readonly join: JoinSetup = {},
  ) {
    this.book = state ? StoryBook.fromJSON(state.book) : new StoryBook();
    this.df = state ? DocumentFrequency.fromJSON(state.df, prior) : new DocumentFrequency(prior);
    this.space = new TermSpace(this.df);
    if (state) this.load(state);
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
    const { terms, weights: counts, words } = articleTerms(article, this.options);
    const scratch = this.scratchFor(terms.length);
    const idf = this.df.addWithIdf(terms, scratch.numbers, scratch.idf);
    const { vector, byId } = this.unitVector(terms, scratch, counts, idf);
    const time = article.date === undefined ? NaN : Date.parse(article.date);
    const headline = isHeadlineOnly(article);
    const decide = this.decisionOptions(headline, Number.isFinite(time));
    const scan = !headline && Number.isFinite(time) && this.storyState.size <= this.options.scanStories;

    // A new day: the articles of the days before that were left alone get their second chance first.
    // Each is loaded into the term space in turn, so the arriving article is loaded after them.
    const late =
      !headline && Number.isFinite(time) && Math.floor(time / DAY) > Math.floor(this.newest / DAY)
        ? this.lateJoins()
        : [];
    this.space.load(byId);
    const scored = this.score(byId, time, decide, scan);
    const learned =
      !headline && Number.isFinite(time) ? this.learnedChoice(article.id, scored, vector, time) : undefined;
    const best = learned ? learned.story : scored[0];
    const second = scored[1]?.score ?? 0;
    const joins =
      best !== undefined &&
      (learned
        ? learned.joins
        : best.score >= decide.threshold &&
          (best.score - second >= decide.margin || second >= this.options.mergeThreshold));
    const storyId = joins && best ? best.story : this.book.open(article.id);
    if (joins) this.book.join(storyId, article.id);
    const merges: { from: string; into: string }[] = [...late];
    if (joins) {
      for (const other of scored) {
        if (other.score < this.options.mergeThreshold) break;
        if (other === best) continue;
        const into = this.book.resolve(storyId);
        const from = this.book.resolve(other.story);
        if (from === into || this.centroidCosine(into, from) < this.options.mergeCentroid) continue;
        const [keep, drop] = olderFirst(into, from);
        this.mergeStories(drop, keep);
        merges.push({ from: drop, into: keep });
      }
    }
    const finalStory = this.book.resolve(storyId);
    this.remember(finalStory, article.id, byId, time, !headline && Number.isFinite(time));
    if (Number.isFinite(time)) this.newest = Math.max(this.newest, time);
    if (this.nextMember % RETIRE_EVERY === 0) this.retire();
    const explained = best
      ? this.explain(vector, byId, best.story, best.link)
          .map(([t, w]) => ({
            term: words[terms.indexOf(t)] ?? t,
            weight: round(w * (best.score / Math.max(best.raw, 1e-9))),
          }))
          .filter((t) => t.weight > 0)
      : [];
    return {
      articleId: article.id,
      storyId: finalStory,
      score: round(best?.score ?? 0),
      newStory: !joins,
      terms: explained,
      merges,
      candidates: scored.length,
    };
  }

  /**
   * The learned decision for a dated article: the most probable of the best `joinCandidates` stories,
   * joined when its probability reaches the threshold. Undefined when the rule decides (no model, or
   * the option is off); the features are still handed to the observer, which is how the lab collects
   * its training pairs from the rule's own runs.
   */
  private learnedChoice(
    articleId: string,
    scored: readonly Scored[],
    vector: readonly TermWeight[],
    time: number,
  ): { story: Scored | undefined; joins: boolean } | undefined {
    const model = this.options.datedJoinModel > 0 ? this.join.model : undefined;
    if (!model && !this.join.observe && !this.join.decide) return undefined;
    const { top, features } = this.candidateFeatures(scored, vector, time);
    const oracle = labChoice(this.join.observe, this.join.decide, articleId, top, features);
    if (oracle) return { story: oracle.story, joins: oracle.story !== undefined };
    if (!model) return undefined;
    const { story, p } = mostProbable(model, top, features);
    const threshold = this.options.joinThreshold > 0 ? this.options.joinThreshold : model.threshold;
    return { story, joins: story !== undefined && p >= threshold };
  }

  /** The best `joinCandidates` of `scored` and their `joinFeatures`. */
  private candidateFeatures(scored: readonly Scored[], vector: readonly TermWeight[], time: number) {
    const top = scored.slice(0, this.options.joinCandidates);
    const link = bestTwo(scored, (c) => c.linkCosine);
    const centroid = bestTwo(scored, (c) => c.centroid);
    const dense = this.denseEvidence(top, vector);
    const terms = new TermFacts(vector, (t) => this.df.idf(t));
    const features = top.map((c, rank) =>
      this.joinEvidence(c, rank, scored, vector, terms, time, {
        link: c.linkCosine - (c === link.first ? link.second : link.best),
        centroid: c.centroid - (c === centroid.first ? centroid.second : centroid.best),
        dense: dense[rank] ?? NO_DENSE,
      }),
    );
    return { top, features };
  }

  /**
   * The second chance (`lateJoinThreshold`): each story of up to `lateJoinSize` dated articles from the
   * last `lateJoinDays` days is scored again, its newest `lateStoryMembers` articles each as if it
   * arrived now with the story's newest date, against the other held stories; it merges into the
   * model's most probable one when that reaches the threshold (`lateStoryThreshold` for a story of
   * several).
   * Skipped on busy feeds (more stories held than `scanStories`), where it would cost an article's
   * decision per lone article each day.
   */
  private lateJoins(): { from: string; into: string }[] {
    const model = this.options.datedJoinModel > 0 ? this.join.model : undefined;
    const threshold = this.options.lateJoinThreshold;
    if (!model || threshold <= 0 || this.storyState.size > this.options.scanStories) return [];
    const since = this.newest - this.options.lateJoinDays * DAY;
    const most = Math.max(1, this.options.lateJoinSize);
    const small = [...this.storyState].filter(
      ([id, s]) =>
        s.recent.length <= most &&
        s.last !== undefined &&
        s.last >= since &&
        this.book.size(id) === s.recent.length,
    );
    const decide = this.decisionOptions(false, true);
    const merges: { from: string; into: string }[] = [];
    for (const [id, s] of small) {
      const time = s.last;
      const keys = [...s.recent];
      // A story changed by an earlier merge of this pass is decided at the next day's start; a story
      // holding a headline or an undated article is never decided again.
      if (time === undefined || this.book.size(id) !== keys.length) continue;
      if (!keys.every((k) => this.members.get(k)?.dated)) continue;
      // A story of several is decided by its newest members in turn; it merges into the most probable
      // of their choices (the older member's on a tie).
      let choice: { story: Scored | undefined; p: number } = { story: undefined, p: -1 };
      for (const key of keys.slice(-Math.max(1, this.options.lateStoryMembers))) {
        const mine = this.lateChoice(this.members.get(key)!, id, key, time, decide);
        if (mine.story && mine.p > choice.p) choice = mine;
      }
      const { story, p } = choice;
      const least =
        keys.length > 1 && this.options.lateStoryThreshold > 0 ? this.options.lateStoryThreshold : threshold;
      if (!story || p < least) continue;
      const [keep, drop] = olderFirst(story.story, id);
      this.mergeStories(drop, keep);
      merges.push({ from: drop, into: keep });
    }
    return merges;
  }

  /** One member's late decision: the most probable other story for member `m` of story `id`. */
  private lateChoice(
    m: Member,
    id: string,
    key: number,
    time: number,
    decide: Decide,
  ): { story: Scored | undefined; p: number } {
    const model = this.join.lateModel ?? this.join.model;
    this.space.load(m.byId);
    const scored = this.score(m.byId, time, decide, true).filter((c) => c.story !== id);
    const { top, features } = this.candidateFeatures(scored, this.space.pairs(m.byId), time);
    const late = features.map((x, i) => [...x, ...this.lateEvidence(top[i]?.story ?? '', id, key, time)]);
    const oracle = labChoice(this.join.observeLate, this.join.decideLate, m.id, top, late);
    if (oracle) return { story: oracle.story, p: oracle.story ? 1 : 0 };
    return model ? mostProbable(model, top, late) : { story: undefined, p: -1 };
  }

  /**
   * `lateFeatures` of candidate `story` for the lone article of story `lone` (member `key`, dated `time`):
   * the members that joined the candidate after the lone article arrived (keys grow with arrival).
   */
  private lateEvidence(story: string, lone: string, key: number, time: number): number[] {
    let newer = 0;
    let link = 0;
    for (const k of this.storyState.get(story)?.recent ?? []) {
      const m = k > key ? this.members.get(k) : undefined;
      if (!m) continue;
      newer++;
      link = Math.max(link, this.space.memberOrderDot(m.byId));
    }
    return lateFeatures({
      newerMembers: newer,
      newerLink: link,
      newerStory: storyOrder(story, lone) > 0,
      daysAlone: (this.newest - time) / DAY,
      storyOthers: this.book.size(lone) - 1,
    });
  }

  /** `joinFeatures` of one candidate, from the story's state now. */
  private joinEvidence(
    c: Scored,
    rank: number,
    scored: readonly Scored[],
    vector: readonly TermWeight[],
    terms: TermFacts,
    time: number,
    leads: {
      link: number;
      centroid: number;
      dense: { readonly dense: number; readonly denseLink: number; readonly denseLead: number };
    },
  ): number[] {
    const s = this.storyState.get(c.story);
    let links = 0;
    let n = 0;
    for (const key of s?.recent ?? []) {
      const m = this.members.get(key);
      if (!m) continue;
      links += this.space.articleOrderDot(m.byId);
      n++;
    }
    // Cohesion over the newest few members only: stories of the dated stream hold 2–3 articles, and a
    // big story's newest members are what a newcomer is compared with.
    const recent = (s?.recent ?? []).slice(-COHESION_MEMBERS);
    const cohesion = s ? this.cohesion(s, recent) : 0;
    const other = (rank === 0 ? scored[1] : scored[0])?.score ?? 0;
    const first = s?.first ?? time;
    const last = s?.last ?? time;
    return joinFeatures({
      score: c.score,
      centroid: c.centroid,
      link: c.linkCosine,
      meanLink: n > 0 ? links / n : 0,
      decay: c.decay,
      size: this.book.size(c.story),
      daysSinceLast: (time - last) / DAY,
      daysSinceFirst: (time - first) / DAY,
      spanDays: (Math.max(last, time) - Math.min(first, time)) / DAY,
      rank,
      lead: c.score - other,
      linkLead: leads.link,
      centroidLead: leads.centroid,
      vector,
      cohesion,
      idf: (t) => this.df.idf(t),
      terms,
      // The centroid by id tells the article's places it holds by array reads, not a lookup per term.
      shared: s ? this.space.placesHeld(s.centroid.byId()) : new Uint8Array(vector.length),
      ...leads.dense,
    });
  }

  /**
   * Mean cosine between the members `recent` of story `s`, or 0 for fewer than two. Kept on the story
   * until its newest members change: a story is a candidate for many articles in between.
   */
  private cohesion(s: StoryState, recent: readonly number[]): number {
    const had = s.cohesion;
    if (had && had.keys.length === recent.length && had.keys.every((k, i) => k === recent[i]))
      return had.value;
    let pairs = 0;
    let agree = 0;
    for (let i = 0; i < recent.length; i++)
      for (let j = i + 1; j < recent.length; j++) {
        const a = this.members.get(recent[i] ?? -1);
        const b = this.members.get(recent[j] ?? -1);
        if (!a || !b) continue;
        agree += this.space.pairDot(a.byId, b.byId);
        pairs++;
      }
    const value = pairs > 0 ? agree / pairs : 0;
    s.cohesion = { keys: recent, value };
    return value;
  }

  /**
   * The dense features of each candidate: cosine of the article's dense vector with the sum of the
   * story's recent members' and with its nearest member's, and the lead of the first over the best
   * other candidate. Member vectors are computed once, when first needed (64 numbers each).
   */
  private denseEvidence(top: readonly Scored[], vector: readonly TermWeight[]) {
    const vectors = this.join.vectors;
    if (!vectors || top.length === 0) return top.map(() => NO_DENSE);
    const article = vectors.embed(vector);
    const found = top.map((c) => {
      const sum = new Float64Array(vectors.dimensions);
      let best = 0;
      for (const key of this.storyState.get(c.story)?.recent ?? []) {
        const m = this.members.get(key);
        if (!m) continue;
        m.dense ??= vectors.embed(this.space.pairs(m.byId));
        for (let d = 0; d < sum.length; d++) sum[d] = (sum[d] ?? 0) + (m.dense[d] ?? 0);
        best = Math.max(best, denseCosine(article, m.dense));
      }
      return { dense: denseCosine(article, sum), denseLink: best };
    });
    const lead = bestTwo(found, (f) => f.dense);
    return found.map((f) => ({
      ...f,
      denseLead: f.dense - (f === lead.first ? lead.second : lead.best),
    }));
  }

  /** Thresholds of one decision: a headline-only item's, a dated article's, or the undated default. */
  private decisionOptions(headline: boolean, dated: boolean): Decide {
    const o = this.options;
    if (headline)
      return {
        threshold: o.headlineThreshold,
        margin: o.headlineMargin,
        sizePenalty: o.headlineSizePenalty,
        graceDays: o.headlineGraceDays,
        halfLifeDays: o.headlineHalfLifeDays,
      };
    if (dated)
      return {
        threshold: o.datedThreshold,
        margin: o.datedMargin,
        sizePenalty: o.datedSizePenalty,
        graceDays: o.graceDays,
        halfLifeDays: o.halfLifeDays,
      };
    return {
      threshold: o.threshold,
      margin: o.margin,
      sizePenalty: o.sizePenalty,
      graceDays: o.graceDays,
      halfLifeDays: o.halfLifeDays,
    };
  }

  /**
   * The article's unit vector of its heaviest `articleTerms` terms, each weighed by its count and idf
   * (as `unitEntries` makes it: sorted by weight, ties by term, weights rounded to six decimals), and
   * the same by term id, from the numbers the document frequencies gave the terms. Places are sorted,
   * not [term, weight] pairs, so only the kept terms become pairs.
   */
  private unitVector(
    terms: readonly string[],
    { numbers, weights, sorted: sortedRoom }: Scratch,
    counts: readonly number[],
    idf: Float64Array,
  ): { vector: TermWeight[]; byId: IdVector } {
    const places: number[] = [];
    for (let i = 0; i < terms.length; i++) {
      const w = this.termWeight(counts[i]!) * idf[i]! ** this.options.idfPower;
      if (w > 0) {
        weights[i] = w;
        places.push(i);
      }
    }
    const most = this.options.articleTerms;
    // Only the heaviest `most` are kept: all of them weigh at least the `most`-th largest weight, so
    // the lighter places are left out before the sort by weight and term (a sort of plain numbers
    // finds that weight).
    let kept = places;
    if (places.length > most && most > 0) {
      const sorted = sortedRoom.subarray(0, places.length);
      for (let k = 0; k < places.length; k++) sorted[k] = weights[places[k]!]!;
      sorted.sort();
      const least = sorted[places.length - most]!;
      kept = places.filter((p) => weights[p]! >= least);
    }
    sortHeaviestFirst(kept, weights, terms);
    if (kept.length > most) kept.length = most;
    let norm = 0;
    for (const p of kept) norm += weights[p]! * weights[p]!;
    norm = Math.sqrt(norm);
    if (!(norm > 0)) return { vector: [], byId: this.space.known(new Int32Array(0), new Float64Array(0)) };
    const vector: TermWeight[] = [];
    const ids = new Int32Array(kept.length);
    const unit = new Float64Array(kept.length);
    for (let k = 0; k < kept.length; k++) {
      const p = kept[k]!;
      const w = quantize(weights[p]! / norm);
      vector.push([terms[p]!, w]);
      ids[k] = numbers[p]!;
      unit[k] = w;
    }
    return { vector, byId: this.space.known(ids, unit) };
  }

  /**
   * Arrays by place in the arriving article's terms, reused from one article to the next: each was a
   * new array of a few hundred numbers per article, and a typed array that large is allocated outside
   * the heap at a cost of about a microsecond.
   */
  private scratchFor(length: number): Scratch {
    if (this.scratch.numbers.length < length) {
      let room = this.scratch.numbers.length;
      while (room < length) room *= 2;
      this.scratch = {
        numbers: new Int32Array(room),
        idf: new Float64Array(room),
        weights: new Float64Array(room),
        sorted: new Float64Array(room),
      };
    }
    return this.scratch;
  }

  /** Weight of a term said `count` times (weighted by title and entity weights), before IDF. */
  private termWeight(count: number): number {
    const k1 = this.options.saturation;
    return k1 > 0 ? ((k1 + 1) * count) / (k1 + count) : 1 + Math.log(count);
  }

  /** Candidate stories with their scores, best first (ties: older story first). */
  private score(article: IdVector, time: number, decide: Decide, scan: boolean): Scored[] {
    // The additions are made in the same order as into the map this replaced, so the sums are the same.
    const scoring = ++this.scorings;
    if (this.partialOf.length < this.nextMember) this.growPartials();
    const { partialOf, scoredIn } = this;
    const touched: number[] = [];
    for (let n = 0; n < Math.min(article.ids.length, this.options.indexTerms); n++) {
      const w = article.weights[n]!;
      const list = this.postings[article.ids[n]!];
      if (!list) continue;
      // The newest `postingCap` postings of members still held, newest first. Postings of forgotten
      // members are skipped, not counted against the cap: a restored clusterer holds no such postings,
      // and must pick the same candidates as the live one.
      let live = 0;
      let stale = 0;
      for (let i = list.length - 1; i >= 0 && live < this.options.postingCap; i--) {
        const key = list.key(i);
        if (!this.members.has(key)) {
          stale++;
          continue;
        }
        live++;
        if (scoredIn[key] !== scoring) {
          scoredIn[key] = scoring;
          partialOf[key] = 0;
          touched.push(key);
        }
        partialOf[key] = partialOf[key]! + w * list.weight(i);
      }
      // Forgotten members never come back, so their postings can go whenever: a list read with more
      // of them than held ones is swept now (on the dated stream nine postings read in ten were stale).
      if (stale > live) this.sweep(list);
    }
    const top = topKeys(touched, partialOf, this.options.candidates);
    // The stories found, each with its best link marked on its state for this scoring (no map of
    // links, no object per story), and its decay once it is known.
    const found: StoryState[] = [];
    for (const key of top) {
      const m = this.members.get(key);
      if (!m) continue;
      const s = this.storyState.get(this.book.resolve(m.story));
      if (!s) continue;
      const link = this.space.memberOrderDot(m.byId);
      if (s.foundIn !== scoring) {
        s.foundIn = scoring;
        s.link = link;
        s.linkMember = key;
        s.decayNow = NaN;
        found.push(s);
      } else if (link > s.link) {
        s.link = link;
        s.linkMember = key;
      }
    }
    if (scan)
      for (const s of this.storyState.values()) {
        if (s.foundIn === scoring) continue;
        const decay = this.decay(s, time, decide);
        if (decay < decide.threshold) continue;
        let link = -1;
        let member = -1;
        for (const key of s.recent) {
          const m = this.members.get(key);
          const l = m ? this.space.memberOrderDot(m.byId) : -1;
          if (l > link) {
            link = l;
            member = key;
          }
        }
        if (member < 0) continue;
        s.foundIn = scoring;
        s.link = link;
        s.linkMember = member;
        s.decayNow = decay;
        found.push(s);
      }
    const out: Scored[] = [];
    for (const s of found) {
      const { id: story, link } = s;
      const centroid = s.norm > 0 ? this.centroidDot(article, s.centroid) / s.norm : 0;
      const raw = (1 - this.options.linkWeight) * centroid + this.options.linkWeight * link;
      const penalty = decide.sizePenalty * Math.log(Math.max(1, this.book.size(story)));
      const decay = Number.isNaN(s.decayNow) ? this.decay(s, time, decide) : s.decayNow;
      out.push({
        story,
        score: Math.max(0, raw * decay - penalty),
        raw,
        link: s.linkMember,
        centroid,
        linkCosine: link,
        decay,
      });
    }
    // Stories sort by score, then by age, so the order they were found in does not matter.
    return out.sort((a, b) => b.score - a.score || storyOrder(a.story, b.story));
  }

  /**
   * `dot(vector, centroid)` of the article loaded in the term space (see `add` and `lateJoins`), the
   * products added in the article's order whichever way it is read, so the sum is the same, bit for bit.
   */
  private centroidDot(article: IdVector, centroid: Centroid): number {
    // Read by id, the centroid costs one array read per centroid term: a short vector (a headline's few
    // terms) is cheaper to look up term by term in the centroid's index (the UCI stream ran 40 % slower
    // when every centroid was read by id).
    if (article.ids.length * ARRAY_READS_PER_LOOKUP >= centroid.size)
      return this.space.articleOrderDot(centroid.byId());
    let s = 0;
    for (let i = 0; i < article.ids.length; i++) {
      const p = centroid.placeOf(article.ids[i]!);
      if (p >= 0) s += article.weights[i]! * centroid.weightAt(p);
    }
    return s;
  }

  private growPartials(): void {
    let length = this.partialOf.length;
    while (length < this.nextMember) length *= 2;
    const partialOf = new Float64Array(length);
    const scoredIn = new Int32Array(length);
    scoredIn.set(this.scoredIn);
    this.partialOf = partialOf;
    this.scoredIn = scoredIn;
  }

  /**
   * The five terms of the article adding most to its raw score with `story` through `member` (the
   * weight each term has in the blend of centroid and member whose dot product with the article is the
   * raw score, times its weight in the article), for explanations. The article must be the term space's
   * loaded vector: the member's weights are read by the article's places, not through a map of them.
   */
  private explain(
    vector: readonly TermWeight[],
    article: IdVector,
    story: string,
    member: number,
  ): TermWeight[] {
    const s = this.storyState.get(story);
    const m = this.members.get(member);
    const lw = this.options.linkWeight;
    const own = m ? this.space.weightsByPlace(m.byId) : undefined;
    const parts: [string, number][] = [];
    for (let i = 0; i < vector.length; i++) {
      const [t, w] = vector[i]!;
      const c = s && s.norm > 0 ? s.centroid.get(article.ids[i]!) : undefined;
      const fromCentroid = c === undefined || !s ? undefined : ((1 - lw) * c) / s.norm;
      const mine = own?.[i] ?? NaN;
      const blended = Number.isNaN(mine) ? fromCentroid : (fromCentroid ?? 0) + lw * mine;
      if (blended !== undefined) parts.push([t, w * blended]);
    }
    return heaviestParts(parts, 5);
  }

  private decay(s: StoryState, time: number, { graceDays, halfLifeDays }: Decide): number {
    if (!Number.isFinite(time) || s.first === undefined || s.last === undefined) return 1;
    const gap = time < s.first ? s.first - time : time > s.last ? time - s.last : 0;
    const days = Math.max(0, gap / DAY - graceDays);
    return days > 0 ? 0.5 ** (days / halfLifeDays) : 1;
  }

  private centroidCosine(a: string, b: string): number {
    const sa = this.storyState.get(a);
    const sb = this.storyState.get(b);
    if (!sa || !sb || sa.norm === 0 || sb.norm === 0) return 0;
    let s = 0;
    const [small, large] =
      sa.centroid.size <= sb.centroid.size ? [sa.centroid, sb.centroid] : [sb.centroid, sa.centroid];
    for (let p = 0; p < small.size; p++) s += small.weightAt(p) * (large.get(small.idAt(p)) ?? 0);
    return s / (sa.norm * sb.norm);
  }

  private mergeStories(from: string, into: string): void {
    const a = this.storyState.get(into);
    const b = this.storyState.get(from);
    this.book.merge(from, into);
    if (!a || !b) return;
    for (let p = 0; p < b.centroid.size; p++)
      a.centroid.add(b.centroid.idAt(p), b.centroid.weightAt(p), quantize);
    this.trimCentroid(a);
    const recent = [...a.recent, ...b.recent].sort((x, y) => x - y);
    a.recent.length = 0;
    a.recent.push(...recent);
    for (const key of recent) {
      const m = this.members.get(key);
      if (m) m.story = into;
    }
    this.dropOldMembers(a);
    if (b.first !== undefined) a.first = a.first === undefined ? b.first : Math.min(a.first, b.first);
    if (b.last !== undefined) a.last = a.last === undefined ? b.last : Math.max(a.last, b.last);
    this.storyState.delete(from);
  }

  private remember(story: string, id: string, byId: IdVector, time: number, dated: boolean): void {
    const key = this.nextMember++;
    this.members.set(key, { id, story, byId, dated });
    this.postTop(key, byId);
    let s = this.storyState.get(story);
    if (!s) {
      s = newStoryState(story, new Centroid(byId.ids.length), []);
      this.storyState.set(story, s);
    }
    for (let i = 0; i < byId.ids.length; i++) s.centroid.add(byId.ids[i]!, byId.weights[i]!, quantize);
    this.trimCentroid(s);
    s.recent.push(key);
    this.dropOldMembers(s);
    if (Number.isFinite(time)) {
      s.first = s.first === undefined ? time : Math.min(s.first, time);
      s.last = s.last === undefined ? time : Math.max(s.last, time);
    }
  }

  /**
   * Posts member `key` under term `t`. Postings of forgotten members are swept out once a list has
   * doubled since its last sweep (O(1) per posting on average); postings of held members stay, so the
   * list always holds every held member's posting, as a restored list does.
   */
  private post(id: number, key: number, weight: number): void {
    while (this.postings.length <= id) this.postings.push(undefined);
    let list = this.postings[id];
    if (!list) this.postings[id] = list = new PostingList(this.options.postingCap * 1.5);
    list.push(key, weight);
    if (list.length > list.sweepAt) this.sweep(list);
  }

  /** Posts member `key` under each of its `indexTerms` heaviest terms. */
  private postTop(key: number, byId: IdVector): void {
    for (let i = 0; i < Math.min(byId.ids.length, this.options.indexTerms); i++)
      this.post(byId.ids[i]!, key, byId.weights[i]!);
  }

  /** Drops the postings of forgotten members from `list`. */
  private sweep(list: PostingList): void {
    list.keep((k) => this.members.has(k));
    list.sweepAt = Math.max(this.options.postingCap * 1.5, list.length * 2);
  }

  private trimCentroid(s: StoryState): void {
    const c = s.centroid;
    if (c.size > this.options.centroidTerms * 1.5) {
      const places = Array.from({ length: c.size }, (_, p) => p);
      places.sort((a, b) => {
        const d = c.weightAt(b) - c.weightAt(a);
        if (d !== 0) return d;
        return this.df.termOf(c.idAt(a)) < this.df.termOf(c.idAt(b)) ? -1 : 1;
      });
      places.length = this.options.centroidTerms;
      c.keep(places);
    }
    // Every change to a centroid ends here.
    s.norm = c.norm();
  }

  /**
   * Retires stories too old to match (dated streams) or beyond `maxStories` (least recently joined
   * first). Run every RETIRE_EVERY articles, so its cost per article is a small share of the stories.
   */
  private retire(): void {
    const cutoff = this.newest - Math.min(this.options.retireDays, reachDays(this.options)) * DAY;
    for (const [id, s] of this.storyState) if (s.last !== undefined && s.last < cutoff) this.forget(id, s);
    const excess = this.storyState.size - this.options.maxStories;
    if (excess > 0) {
      const byRecency = [...this.storyState].sort(
        (a, b) => (a[1].recent.at(-1) ?? 0) - (b[1].recent.at(-1) ?? 0),
      );
      for (const [id, s] of byRecency.slice(0, excess)) this.forget(id, s);
    }
  }

  private forget(id: string, s: StoryState): void {
    for (const key of s.recent) this.members.delete(key);
    this.storyState.delete(id);
  }

  /** Forgets the vectors of all but the newest members (their postings go stale and are skipped). */
  private dropOldMembers(s: StoryState): void {
    while (s.recent.length > this.options.recentMembers) {
      const key = s.recent.shift();
      if (key !== undefined) this.members.delete(key);
    }
  }

  storyOf(articleId: string): string | undefined {
    return this.book.storyOf(articleId);
  }

  stories() {
    return this.book.stories();
  }

  snapshot(): ClusterSnapshotState {
    const state: ChorusState = {
      book: this.book.toJSON(),
      df: this.df.toJSON(),
      nextMember: this.nextMember,
      newest: Number.isFinite(this.newest) ? this.newest : null,
      members: [...this.members].map(([key, m]) => {
        const v = this.space.pairs(m.byId);
        return m.dated ? ([key, m.id, m.story, v, 1] as const) : ([key, m.id, m.story, v] as const);
      }),
      stories: [...this.storyState].map(([id, s]) => [
        id,
        Array.from({ length: s.centroid.size }, (_, p) => [
          this.df.termOf(s.centroid.idAt(p)),
          s.centroid.weightAt(p),
        ]),
        s.recent,
        s.first ?? null,
        s.last ?? null,
      ]),
    };
    return { method: this.method, version: 1, options: { ...this.options }, state };
  }

  private load(state: ChorusState): void {
    this.nextMember = state.nextMember;
    this.newest = state.newest ?? -Infinity;
    // Members saved before late joins carry no flag: they are not given a second chance.
    for (const [key, id, story, vector, dated] of state.members) {
      const byId = this.space.intern(vector);
      this.members.set(key, { id, story, byId, dated: dated === 1 });
      this.postTop(key, byId);
    }
    for (const [id, centroid, recent, first, last] of state.stories) {
      const byId = centroid.map(([t, w]) => [this.space.idOf(t), w] as const);
      const s = newStoryState(id, Centroid.of(byId), [...recent]);
      if (first !== null) s.first = first;
      if (last !== null) s.last = last;
      this.trimCentroid(s);
      this.storyState.set(id, s);
    }
  }
}

/**
 * The `k` of `keys` with the highest `value` (ties: lower key first), without sorting them all: the
 * accumulator holds thousands of members, of which a few tens are kept.
 */
function topKeys(keys: readonly number[], value: Float64Array, k: number): number[] {
  const top: number[] = [];
  const better = (a: number, b: number) => value[a]! > value[b]! || (value[a] === value[b] && a < b);
  for (const key of keys) {
    if (top.length === k && !better(key, top[k - 1] ?? key)) continue;
    let i = Math.min(top.length, k - 1);
    if (top.length < k) top.push(key);
    else top[i] = key;
    while (i > 0 && better(key, top[i - 1] ?? key)) {
      top[i] = top[i - 1] ?? key;
      i--;
    }
    top[i] = key;
  }
  return top;
}

/**
 * Shows one decision's candidates to the lab's observer, if any, and returns its oracle's choice (no
 * story: open or stay alone) when it has one; undefined leaves the decision to the model. Arrival and
 * late decisions each have their own observer and oracle (`JoinSetup`).
 */
function labChoice(
  observe: JoinSetup['observe'],
  decide: JoinSetup['decide'],
  articleId: string,
  top: readonly Scored[],
  features: readonly (readonly number[])[],
): { story: Scored | undefined } | undefined {
  if (!observe && !decide) return undefined;
  const observation = { articleId, stories: top.map((c) => c.story), features };
  observe?.(observation);
  return decide ? { story: top[decide(observation)] } : undefined;
}

/** The candidate the model finds most probable (ties: the better ranked) and its probability. */
function mostProbable(
  model: JoinModel,
  top: readonly Scored[],
  features: readonly (readonly number[])[],
): { story: Scored | undefined; p: number } {
  let story: Scored | undefined;
  let p = -1;
  top.forEach((c, i) => {
    const q = joinProbability(model, features[i] ?? []);
    if (q > p) [story, p] = [c, q];
  });
  return { story, p };
}

/** The highest value of `of` among `items`, the item holding it, and the highest among the others (0 when none). */
function bestTwo<T>(items: readonly T[], of: (item: T) => number) {
  let first: T | undefined;
  let best = 0;
  let second = 0;
  for (const item of items) {
    const v = of(item);
    if (first === undefined || v > best) [first, best, second] = [item, v, first === undefined ? 0 : best];
    else if (v > second) second = v;
  }
  return { first, best, second };
}

/**
 * Weights are kept to six decimals as they are computed, not only when saved: the JSON snapshot is then
 * a third of the size and a restored clusterer holds exactly the numbers the live one does.
 */
function quantize(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

/**
 * Days past a story's newest article after which no dated article or headline can reach its least join
 * score with the story (the score is at most 1 before the decay): such stories are retired at once, not
 * after `retireDays`. Without this the UCI stream held every story of its three months, and candidates
 * of days long past (the partial score knows no dates) took the slots of today's stories.
 */
function reachDays(o: ChorusClusterOptions): number {
  const reach = (graceDays: number, halfLifeDays: number, threshold: number) =>
    threshold > 0 && threshold < 1 ? graceDays + halfLifeDays * Math.log2(1 / threshold) : Infinity;
  return Math.max(
    reach(o.graceDays, o.halfLifeDays, o.datedThreshold),
    reach(o.headlineGraceDays, o.headlineHalfLifeDays, o.headlineThreshold),
  );
}

/** About how many array reads cost what one string lookup in a map does (`centroidDot`). */
const ARRAY_READS_PER_LOOKUP = 4;

/** Retirement runs once per this many articles. */
const RETIRE_EVERY = 256;

/** `s12` before `s103`: stories compare by creation number. */
function storyOrder(a: string, b: string): number {
  return Number(a.slice(1)) - Number(b.slice(1));
}

function newStoryState(id: string, centroid: Centroid, recent: number[]): StoryState {
  return {
    id,
    centroid,
    norm: 0,
    recent,
    foundIn: 0,
    link: 0,
    linkMember: -1,
    decayNow: NaN,
  };
}

function olderFirst(a: string, b: string): [string, string] {
  return storyOrder(a, b) <= 0 ? [a, b] : [b, a];
}

interface ChorusState {
  readonly book: StoryBookState;
  readonly df: { documents: number; counts: [string, number][] };
  readonly nextMember: number;
  readonly newest: number | null;
  /** Key, article id, story, vector, and 1 for a dated article (absent in older snapshots). */
  readonly members: readonly (readonly [
    number,
    string,
    string,
    readonly (readonly [string, number])[],
    number?,
  ])[];
  readonly stories: readonly (readonly [
    string,
    readonly (readonly [string, number])[],
    readonly number[],
    number | null,
    number | null,
  ])[];
}

/** Options from a partial set, each checked, merged with the defaults once. */
export function chorusOptions(options: Record<string, unknown> = {}): ChorusClusterOptions {
  const merged: Record<string, unknown> = { ...CHORUS_CLUSTER_DEFAULTS };
  for (const [k, v] of Object.entries(options)) {
    if (v === undefined || !(k in CHORUS_CLUSTER_DEFAULTS)) continue;
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0)
      throw new ChorusError('usage', `expected a number ≥ 0 for clustering option ${k}, found ${String(v)}`);
    merged[k] = v;
  }
  return merged as unknown as ChorusClusterOptions;
}

/**
 * The `chorus` clusterer factory, with an optional prior document-frequency table and learned join
 * decision (the lab passes an observer to collect training pairs).
 */
export function chorusFactory(prior?: PriorFrequencies, join: JoinSetup = {}): ClustererFactory {
  return {
    name: 'chorus',
    description: 'TF-IDF over stems, entities and title with time decay, indexed candidates and merges',
    defaultThreshold: CHORUS_CLUSTER_DEFAULTS.threshold,
    create(options = {}) {
      // A threshold given alone (`chorus cluster --threshold`) is the least score for every item, so
      // dated articles then decide by that rule, not by the learned model.
      const t = options.threshold;
      const all = t === undefined ? {} : { datedThreshold: t, headlineThreshold: t, datedJoinModel: 0 };
      return new ChorusClusterer(chorusOptions({ ...all, ...options }), prior, undefined, join);
    },
    restore(snapshot) {
      if (snapshot?.method !== 'chorus' || snapshot.version !== 1)
        throw new ChorusError(
          'invalid-input',
          `expected a chorus clusterer snapshot (version 1), found ${snapshot?.method ?? 'nothing'}`,
        );
      // Snapshots from before `saturation` existed weighed terms by 1 + ln c: keep doing so for them.
      const o = snapshot.options;
      const legacy = {
        ...(o['saturation'] === undefined && { saturation: 0 }),
        // Snapshots from before the scan: dated articles go on meeting only the stories the index finds.
        ...(o['scanStories'] === undefined && { scanStories: 0 }),
        // Snapshots from before the learned join decision: dated articles go on deciding by the rule.
        ...(o['datedJoinModel'] === undefined && { datedJoinModel: 0 }),
        // Snapshots from before dated and headline-only items decided apart: they decide as undated ones did.
        ...(o['datedThreshold'] === undefined && {
          datedThreshold: o['threshold'],
          datedMargin: o['margin'],
          datedSizePenalty: o['sizePenalty'],
          headlineThreshold: o['threshold'],
          headlineMargin: o['margin'],
          headlineSizePenalty: o['sizePenalty'],
          headlineGraceDays: o['graceDays'],
          headlineHalfLifeDays: o['halfLifeDays'],
        }),
      };
      return new ChorusClusterer(
        chorusOptions({ ...snapshot.options, ...legacy }),
        prior,
        snapshot.state as ChorusState,
        join,
      );
    },
  };
}
