/**
 * The ingest service: articles in, stored stories out. For each batch it drops exact repeats (content
 * hash + URL already stored), links near-duplicates to their original (MinHash index), assigns every
 * article to a story (online clusterer), writes all of it in one store transaction, then rebuilds the
 * report of every story the batch touched.
 *
 * Clusterer and duplicate index live in memory. They survive restarts because a snapshot of both is
 * saved inside a batch transaction every `snapshotEvery` articles, and on open the articles stored after
 * the snapshot are replayed through them in arrival order (both are deterministic for a given order), so
 * the state always matches what the store holds, even after a SIGKILL between two batches.
 */
import { isHeadlineOnly } from '../core/article.js';
import { ChorusError } from '../core/errors.js';
import { contentHash } from '../core/ids.js';
import type { Article } from '../core/model.js';
import { createClusterer, restoreClusterer, type OnlineClusterer } from '../core/cluster/index.js';
import type { ClusterSnapshotState } from '../core/cluster/index.js';
import { DuplicateIndex, type DuplicateIndexSnapshot } from '../core/dedupe/index.js';
import {
  articleIdCandidate,
  articleKey,
  WriteConflict,
  type ArticleWrite,
  type Store,
  type StoredArticle,
  type StoryWrite,
} from '../storage/store.js';
import { refreshReports, type RefreshOptions } from './refresh-reports.js';

/** Waits after a refused batch: full jitter over a doubling window (AWS architecture blog, 2015). */
export interface BackoffOptions {
  /** Window after the first refusal, in ms. */
  readonly baseMs: number;
  /** Largest window, in ms. */
  readonly maxMs: number;
}

/** A random wait in [0, min(maxMs, baseMs · 2^(n-1))) after the n-th refusal in a row. */
export function backoffMs(
  conflicts: number,
  options: BackoffOptions,
  random: () => number = Math.random,
): number {
  const window = Math.min(options.maxMs, options.baseMs * 2 ** Math.max(0, conflicts - 1));
  return Math.floor(random() * window);
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export interface IngestServiceOptions extends RefreshOptions {
  /** Clusterer from the registry, for a store that has no saved state yet. */
  readonly clusterMethod: string;
  /**
   * Articles between two saved snapshots of the clusterer (replay covers the rest on open), at least;
   * a store holding more waits for `snapshotShare` of what it holds.
   */
  readonly snapshotEvery: number;
  /**
   * A snapshot serialises the whole clusterer, so one every 2,000 articles made a 266,665-headline
   * ingest quadratic; waiting for a share of what is stored keeps its cost per article flat, and replay
   * on open reads at most that share.
   */
  readonly snapshotShare: number;
  /** Rebuild touched stories' reports right after each batch (else call `refreshStale`). */
  readonly refresh: boolean;
  /**
   * Rebuild a story's report at most once in this many ms (0: after every batch that touches it). A
   * story whose report is younger is left stale by the batch; a worker's sweep (`startWorker`) rebuilds
   * it once the interval has passed, and `flush` before shutdown. Only a process with a worker (or one
   * that calls `flush`) should set it: a one-off ingest ends with every report current.
   */
  readonly reportEveryMs: number;
  /** Waiting after a batch another writer got in before (see `ingestFresh`). */
  readonly backoff: BackoffOptions;
}

export const INGEST_DEFAULTS: IngestServiceOptions = Object.freeze({
  clusterMethod: 'chorus',
  snapshotEvery: 2000,
  snapshotShare: 0.1,
  refresh: true,
  reportEveryMs: 0,
  backoff: { baseMs: 20, maxMs: 1000 },
  method: 'chorus',
  words: 250,
});

/** What happened to one input article, in input order. */
export type IngestOutcome =
  | {
      readonly status: 'ingested';
      readonly id: string;
      readonly storyId: string;
      readonly newStory: boolean;
      /** The stored article this one copies, when it is a near-duplicate. */
      readonly duplicateOf?: string;
      readonly similarity?: number;
      readonly warnings: readonly string[];
      /** The stored headline-only article `id` gained this article's body (same row, same story). */
      readonly gainedBody?: true;
    }
  | { readonly status: 'duplicate'; readonly id: string; readonly storyId: string | null }
  | { readonly status: 'rejected'; readonly reason: string };

export interface IngestResult {
  readonly outcomes: readonly IngestOutcome[];
  /** Stories whose articles changed in this batch. */
  readonly stories: readonly string[];
  /** Reports rebuilt after the batch. */
  readonly reports: number;
  /** Touched stories whose report waits for its rebuild interval (`reportEveryMs`); absent when none. */
  readonly deferred?: readonly string[];
  /** Problems rebuilding reports (the articles are stored all the same). */
  readonly warnings: readonly string[];
}

interface SavedState {
  readonly version: 1;
  readonly cluster: ClusterSnapshotState;
  readonly duplicates: DuplicateIndexSnapshot;
}

const STATE_NAME = 'ingest';
const REPLAY_PAGE = 500;

/** Why an article cannot be stored, or undefined when it can. */
function rejection(article: Article): string | undefined {
  if (article.text.length === 0) return article.warnings.join('; ') || 'no article text';
  return undefined;
}

export class IngestService {
  readonly store: Store;
  readonly options: IngestServiceOptions;
  private clusterer!: OnlineClusterer;
  private duplicates!: DuplicateIndex;
  private sinceSnapshot = 0;
  /** The last stored article the clusterer has seen: a store holding a later one was written by another process. */
  private lastSeq = 0;
  /** Batches refused because another process wrote first, since open (each one was replayed). */
  conflicts = 0;
  /** Calls run one after another: the in-memory state must follow the store's order exactly. */
  private queue: Promise<unknown> = Promise.resolve();
  /** Stories whose rebuild a batch put off (`reportEveryMs`), until `flush` or a rebuild. */
  private readonly deferred = new Set<string>();
  /** Reports this service rebuilt since open (batches, jobs, flushes), for the benchmarks. */
  reportsBuilt = 0;

  private constructor(store: Store, options: IngestServiceOptions) {
    this.store = store;
    this.options = options;
  }

  /** Opens the service on `store`, restoring the clusterer from its snapshot and replaying what followed. */
  static async open(store: Store, options: Partial<IngestServiceOptions> = {}): Promise<IngestService> {
    const service = new IngestService(store, { ...INGEST_DEFAULTS, ...options });
    await service.load();
    return service;
  }

  private async load(): Promise<void> {
    const saved = await this.store.loadClusterState(STATE_NAME);
    let seq = 0;
    if (saved) {
      let state: SavedState;
      try {
        state = JSON.parse(saved.state) as SavedState;
      } catch (error) {
        throw new ChorusError('storage', 'expected a saved clusterer state in JSON, found unreadable text', {
          cause: error,
        });
      }
      this.clusterer = restoreClusterer(state.cluster);
      this.duplicates = DuplicateIndex.restore(state.duplicates);
      seq = saved.seq;
    } else {
      this.clusterer = createClusterer(this.options.clusterMethod);
      this.duplicates = new DuplicateIndex();
    }
    this.sinceSnapshot = 0;
    for (;;) {
      const page = await this.store.articlesAfter(seq, REPLAY_PAGE);
      for (const a of page) {
        this.findCopy(a);
        this.clusterer.add(a);
        seq = a.seq;
        this.sinceSnapshot++;
      }
      if (page.length < REPLAY_PAGE) break;
    }
    this.lastSeq = seq;
  }

  /**
   * What `article` copies, adding it to the duplicate index. A headline-only article is neither checked
   * nor indexed: eight words say nothing of the page (a daily column's headline "copied" yesterday's),
   * and its 64 LSH buckets cost 8 KB of memory (2 GB over the 266,665 UCI headlines) and the snapshot
   * 0.9 KB. Replay skips it alike, since it still has no body there (a body gained is always before the
   * snapshot; see `ingestNow`).
   */
  private findCopy(article: Article) {
    return isHeadlineOnly(article) ? undefined : this.duplicates.add(article);
  }

  private snapshot(): string {
    const state: SavedState = {
      version: 1,
      cluster: this.clusterer.snapshot(),
      duplicates: this.duplicates.snapshot(),
    };
    return JSON.stringify(state);
  }

  /** Ingests a batch; every article gets an outcome, in input order. */
  ingest(articles: readonly Article[], options: { feedId?: string } = {}): Promise<IngestResult> {
    return this.inTurn(() => this.ingestFresh(articles, options));
  }

  /** Runs `task` after every call queued before it; a failed call does not stop the ones after it. */
  private inTurn<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /**
   * Ingests a batch on a clusterer that has seen every stored article. Another process (`chorus ingest`
   * beside `chorus serve`, two ingests of one file) may store articles while this one groups its batch;
   * the store then refuses the batch (`WriteConflict`). The batch is never given up: it is replayed until
   * it lands. Before each attempt the clusterer catches up with what others stored; after a refusal it is
   * rebuilt from the store, waits a random back-off (so two writers stop colliding in step), and tries a
   * smaller part of the batch, since a part groups faster and so leaves others less time to get in
   * first. A writer beside a stream of small API posts therefore shrinks to parts that fit between
   * them instead of being refused forever; the part size grows back after each success.
   */
  private async ingestFresh(
    articles: readonly Article[],
    options: { feedId?: string },
  ): Promise<IngestResult> {
    const parts: IngestResult[] = [];
    let at = 0;
    let conflicts = 0;
    let size = Math.max(1, articles.length);
    do {
      const part = articles.slice(at, at + size);
      try {
        await this.catchUp();
        parts.push(await this.ingestNow(part, options));
        at += part.length;
        conflicts = 0;
        size = Math.min(Math.max(1, articles.length), size * 2);
      } catch (error) {
        if (!(error instanceof WriteConflict)) throw error;
        conflicts++;
        this.conflicts++;
        size = Math.max(1, Math.floor(part.length / 2));
        await sleep(backoffMs(conflicts, this.options.backoff));
      }
    } while (at < articles.length);
    return await this.finish(parts);
  }

  /** Replays articles other processes stored since this clusterer last looked (cheap when none). */
  private async catchUp(): Promise<void> {
    for (;;) {
      const page = await this.store.articlesAfter(this.lastSeq, REPLAY_PAGE);
      for (const a of page) {
        this.findCopy(a);
        this.clusterer.add(a);
        this.lastSeq = a.seq;
        this.sinceSnapshot++;
      }
      if (page.length < REPLAY_PAGE) return;
    }
  }

  /**
   * One result for the parts a batch was written in: story ids as the clusterer has them after the last
   * part (a later part may merge stories), and the touched reports rebuilt once.
   */
  private async finish(parts: readonly IngestResult[]): Promise<IngestResult> {
    const touched = new Set<string>();
    const outcomes = parts
      .flatMap((p) => p.outcomes)
      .map((o): IngestOutcome => {
        if (o.status !== 'ingested') return o;
        const storyId = this.clusterer.storyOf(o.id) ?? o.storyId;
        touched.add(storyId);
        return storyId === o.storyId ? o : { ...o, storyId };
      });
    if (!this.options.refresh) return { outcomes, stories: [...touched], reports: 0, warnings: [] };
    const refreshed = await this.refresh([...touched], undefined, this.builtBefore());
    return {
      outcomes,
      stories: [...touched],
      reports: refreshed.reports,
      warnings: refreshed.warnings,
      ...(refreshed.deferred.length > 0 && { deferred: refreshed.deferred }),
    };
  }

  /** Reports saved after this time are too young to rebuild (undefined: no interval). */
  builtBefore(now = Date.now()): string | undefined {
    const every = this.options.reportEveryMs;
    return every > 0 ? new Date(now - every).toISOString() : undefined;
  }

  /** `refreshReports`, keeping count of what was rebuilt and what is put off. */
  private async refresh(storyIds: readonly string[], onStory?: () => void, builtBefore?: string) {
    const refreshed = await refreshReports(this.store, storyIds, this.options, onStory, builtBefore);
    const put = new Set(refreshed.deferred);
    for (const id of storyIds) if (!put.has(id)) this.deferred.delete(id);
    for (const id of put) this.deferred.add(id);
    this.reportsBuilt += refreshed.reports;
    return refreshed;
  }

  private async ingestNow(articles: readonly Article[], options: { feedId?: string }): Promise<IngestResult> {
    const hashes = articles.map((a) => contentHash(a.text));
    const existing = await this.store.findExisting(
      articles.map((a, i) => ({ contentHash: hashes[i] ?? '', ...(a.url && { url: a.url }) })),
    );
    const outcomes: (IngestOutcome | undefined)[] = [];
    const writes: ArticleWrite[] = [];
    const writeIndex: number[] = [];
    const stories: StoryWrite[] = [];
    const merges: { from: string; into: string }[] = [];
    const inBatch = new Map<string, number>();
    const usedIds = new Set<string>();
    const waiting = await this.awaitingBody(articles);
    const taken = await this.store.takenIds(articles.map((a) => a.id));

    for (const [i, article] of articles.entries()) {
      const hash = hashes[i] ?? contentHash(article.text);
      const key = articleKey(hash, article.url);
      const reason = rejection(article);
      if (reason) {
        outcomes.push({ status: 'rejected', reason });
        continue;
      }
      const stored = existing.get(key);
      if (stored !== undefined) {
        outcomes.push({ status: 'duplicate', id: stored, storyId: this.clusterer.storyOf(stored) ?? null });
        continue;
      }
      const earlier = inBatch.get(key);
      if (earlier !== undefined) {
        const first = outcomes[earlier];
        outcomes.push(
          first?.status === 'ingested'
            ? { status: 'duplicate', id: first.id, storyId: first.storyId }
            : { status: 'duplicate', id: article.id, storyId: null },
        );
        continue;
      }
      inBatch.set(key, i);
      const headline = waiting(article);
      if (headline) {
        // The clusterer keeps the headline's story and never reads the body (see `awaitingBody`).
        const storyId = this.clusterer.storyOf(headline.id) ?? headline.storyId ?? '';
        writes.push({
          article: { ...article, id: headline.id },
          contentHash: hash,
          storyId,
          bodyFor: headline.id,
        });
        writeIndex.push(i);
        const warnings = article.warnings;
        outcomes.push({
          status: 'ingested',
          id: headline.id,
          storyId,
          newStory: false,
          warnings,
          gainedBody: true,
        });
        continue;
      }
      const id = await this.freeId(article.id, hash, usedIds, taken);
      usedIds.add(id);
      const a: Article = id === article.id ? article : { ...article, id };
      const copy = this.findCopy(a);
      const decision = this.clusterer.add(a);
      if (decision.newStory) stories.push({ id: decision.storyId, ...(a.title && { title: a.title }) });
      merges.push(...decision.merges);
      writes.push({
        article: a,
        contentHash: hash,
        storyId: decision.storyId,
        ...(copy && { duplicateOf: copy.original, duplicateSimilarity: copy.similarity }),
        ...(options.feedId && { feedId: options.feedId }),
      });
      writeIndex.push(i);
      outcomes.push({
        status: 'ingested',
        id,
        storyId: decision.storyId,
        newStory: decision.newStory,
        ...(copy && { duplicateOf: copy.original, similarity: copy.similarity }),
        warnings: a.warnings,
      });
    }

    this.sinceSnapshot += writes.length;
    // A batch that gives bodies saves the snapshot too: replay must never read a body the clusterer
    // did not see (it would place the article anew), so those articles stay before the snapshot.
    const saveState =
      writes.length > 0 &&
      (this.sinceSnapshot >=
        Math.max(this.options.snapshotEvery, this.lastSeq * this.options.snapshotShare) ||
        writes.some((w) => w.bodyFor !== undefined));
    let written;
    try {
      written = await this.store.writeBatch({
        articles: writes,
        stories,
        merges,
        ...(saveState && { clusterState: { name: STATE_NAME, state: this.snapshot() } }),
        lastSeq: this.lastSeq,
      });
    } catch (error) {
      // The clusterer has seen articles the store refused: rebuild it from what the store holds.
      await this.load();
      throw error;
    }
    if (saveState) this.sinceSnapshot = 0;
    for (const w of written) if (w.status === 'inserted') this.lastSeq = Math.max(this.lastSeq, w.seq);

    // Final story ids come from the clusterer after the whole batch (later articles may merge stories).
    const touched = new Set<string>();
    for (const [n, result] of written.entries()) {
      const i = writeIndex[n] ?? -1;
      const outcome = outcomes[i];
      if (result.status !== 'inserted') {
        if (result.status === 'duplicate') outcomes[i] = result;
        continue;
      }
      const storyId = this.clusterer.storyOf(result.id) ?? result.storyId;
      touched.add(storyId);
      if (outcome?.status === 'ingested') outcomes[i] = { ...outcome, id: result.id, storyId };
    }
    return {
      outcomes: outcomes.filter((o): o is IngestOutcome => o !== undefined),
      stories: [...touched],
      reports: 0,
      warnings: [],
    };
  }

  /**
   * Finds, for an article with a body, the stored headline-only article it is the body of: the same URL,
   * or the same id when one of the two has no URL (a URL that differs says they are different pages).
   * Each headline gains one body; a later one is an article of its own.
   */
  private async awaitingBody(
    articles: readonly Article[],
  ): Promise<(a: Article) => StoredArticle | undefined> {
    const bodies = articles.filter((a) => !isHeadlineOnly(a) && a.text.length > 0);
    const keys = bodies.flatMap((a) => (a.url ? [a.url, a.id] : [a.id]));
    const waiting = keys.length > 0 ? await this.store.awaitingBody(keys) : [];
    return (a) => {
      if (isHeadlineOnly(a)) return undefined;
      const at = waiting.findIndex((h) => (a.url && h.url === a.url) || (h.id === a.id && !(a.url && h.url)));
      return at < 0 ? undefined : waiting.splice(at, 1)[0];
    };
  }

  /**
   * An id no stored or batch article has: the given one, else one suffixed with the content hash. The
   * given ids were looked up for the whole batch (`taken`); a suffixed one, rarely needed, alone.
   */
  private async freeId(
    id: string,
    hash: string,
    used: ReadonlySet<string>,
    taken: ReadonlySet<string>,
  ): Promise<string> {
    let candidate = id;
    const stored = async (c: string) =>
      c === id ? taken.has(c) : (await this.store.getArticle(c)) !== undefined;
    for (let n = 2; used.has(candidate) || (await stored(candidate)); n++)
      candidate = articleIdCandidate(id, hash, n);
    return candidate;
  }

  /**
   * Rebuilds the reports of `storyIds` (after batches ingested with `refresh: false`); a story merged away
   * or emptied meanwhile is passed over. `onStory` is called as each story is taken up (progress).
   */
  refreshStories(
    storyIds: readonly string[],
    onStory?: () => void,
  ): Promise<{ reports: number; warnings: string[] }> {
    return this.inTurn(() => this.refresh(storyIds, onStory));
  }

  /** Rebuilds reports of stories whose articles changed since their report (after a crash, or refresh: false). */
  refreshStale(limit = 1000): Promise<{ reports: number; warnings: string[] }> {
    return this.inTurn(async () => this.refresh(await this.store.staleStories(limit)));
  }

  /**
   * Rebuilds now, whatever their age, the reports batches put off (`reportEveryMs`) that are still
   * stale, so that a server or worker stopping leaves none behind.
   */
  flush(): Promise<{ reports: number; warnings: string[] }> {
    return this.inTurn(() => this.refresh([...this.deferred]));
  }

  /** Stories whose rebuild a batch put off and no rebuild has taken up since. */
  get waiting(): number {
    return this.deferred.size;
  }

  /** Saves a snapshot now, so that the next open replays nothing. */
  checkpoint(): Promise<void> {
    return this.inTurn(async () => {
      // The clusterer's own last article, not the store's: another process may have stored more since.
      await this.store.saveClusterState({ name: STATE_NAME, seq: this.lastSeq, state: this.snapshot() });
      this.sinceSnapshot = 0;
    });
  }
}

const services = new WeakMap<Store, Promise<IngestService>>();

/**
 * Ingests `articles` into `store` with the service kept for that store (opened on first use).
 * @example const { outcomes } = await ingestArticles(store, articles); outcomes[0]?.status === 'ingested'
 */
export async function ingestArticles(
  store: Store,
  articles: readonly Article[],
  options: { feedId?: string } = {},
): Promise<IngestResult> {
  let service = services.get(store);
  if (!service) {
    service = IngestService.open(store);
    services.set(store, service);
    service.catch(() => services.delete(store));
  }
  return (await service).ingest(articles, options);
}

/** The service `ingestArticles` uses for `store` (for `refreshStale` and `checkpoint`). */
export function ingestServiceFor(store: Store): Promise<IngestService> {
  let service = services.get(store);
  if (!service) {
    service = IngestService.open(store);
    services.set(store, service);
  }
  return service;
}
