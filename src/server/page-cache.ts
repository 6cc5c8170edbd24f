/**
 * Story answers cached by story version. Rendering a story page costs far more than reading the story
 * (measured by bench/serve.ts), and a story only changes when a batch touches it, which bumps its
 * `version` (and a rebuilt report its `reportVersion`). So GET answers for a story are kept under a key
 * of URL + version + report version + update time: a new article or report makes a new key, and the
 * old entry simply ages out of the LRU. Reading the story's stamp (`storyStamp`: versions and update time) is most of the cost of a
 * cached answer, so a URL's version check is trusted for `checkTtlMs` (1 s): any write request to this
 * server forgets all checks at once, and a change made by another process (`chorus ingest`, `chorus
 * feeds poll` on the same database) shows within that second.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Store, StoryStamp } from '../storage/store.js';

export interface PageCacheOptions {
  /** Total size of cached bodies, in bytes (UTF-16 string length × 2, an upper bound). */
  readonly maxBytes: number;
  /** Route patterns whose GET answers are cached; each has an `:id` story parameter. */
  readonly routes: readonly string[];
  /**
   * How long a version check of a URL is trusted before the story is read again, in ms (0: read on
   * every request). Any write request to this server forgets every check at once, so this only delays
   * seeing changes made by other processes (`chorus ingest` on the same database).
   */
  readonly checkTtlMs: number;
}

export const PAGE_CACHE_DEFAULTS: PageCacheOptions = Object.freeze({
  maxBytes: 64 * 1024 * 1024,
  routes: ['/stories/:id', '/stories/:id/sources', '/api/stories/:id'],
  checkTtlMs: 1000,
});

interface Entry {
  readonly body: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly bytes: number;
}

/** A least-recently-used map bounded by the total size of its bodies. */
export class PageCache {
  private readonly entries = new Map<string, Entry>();
  private bytes = 0;
  hits = 0;
  misses = 0;

  constructor(readonly maxBytes: number) {}

  get(key: string): Entry | undefined {
    const entry = this.entries.get(key);
    if (entry) {
      // Re-insert: Map keeps insertion order, so the first key is always the least recently used.
      this.entries.delete(key);
      this.entries.set(key, entry);
    }
    return entry;
  }

  set(key: string, body: string, headers: Record<string, string>): void {
    const bytes = body.length * 2;
    if (bytes > this.maxBytes) return;
    const old = this.entries.get(key);
    if (old) {
      this.bytes -= old.bytes;
      this.entries.delete(key);
    }
    this.entries.set(key, { body, headers, bytes });
    this.bytes += bytes;
    for (const [k, e] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(k);
      this.bytes -= e.bytes;
    }
  }

  get size(): number {
    return this.entries.size;
  }
}

/** The cache key of a request for this story as it is now. */
export function pageKey(url: string, story: StoryStamp): string {
  return `${url}\n${story.version}\n${story.reportVersion ?? '-'}\n${story.updatedAt}`;
}

/** Headers not replayed from the cache: Fastify sets them for each answer. */
const SKIPPED = new Set(['content-length', 'date', 'connection', 'keep-alive', 'transfer-encoding']);

/**
 * Serves cached story answers before their handlers run, and keeps fresh 200 answers. Install before
 * the routes are registered, so the hooks cover the page plugin too.
 */
export function installPageCache(
  app: FastifyInstance,
  store: Store,
  options: Partial<PageCacheOptions> & { cache?: PageCache } = {},
): PageCache {
  const o = { ...PAGE_CACHE_DEFAULTS, ...options };
  const cache = options.cache ?? new PageCache(o.maxBytes);
  const routes = new Set(o.routes);
  const pending = new WeakMap<FastifyRequest, string>();
  /** Per URL, the key its story had when last read, when, and in which write generation. */
  const checked = new Map<string, { key: string; at: number; generation: number }>();
  let generation = 0;
  // One read per story at a time: when a URL's check expires under load, every request for it would
  // otherwise read the whole story at once (on PostgreSQL that herd set the p99 at 200 connections).
  const reading = new Map<string, Promise<StoryStamp | undefined>>();
  // Keyed by write generation too, so a request after a write never shares a read begun before it.
  const readStory = (id: string) => {
    const key = `${generation}\n${id}`;
    let read = reading.get(key);
    if (!read) {
      read = store.storyStamp(id).finally(() => reading.delete(key));
      reading.set(key, read);
    }
    return read;
  };

  // A write through this server (ingest, upload, feed poll) may change any story: forget every check.
  // Before the answer is sent, so a client that reads after its write sees the change.
  app.addHook('onSend', async (request, _reply, payload) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      generation++;
      checked.clear();
    }
    return payload;
  });

  app.addHook('preHandler', async (request, reply) => {
    if (request.method !== 'GET' || !routes.has(request.routeOptions.url ?? '')) return;
    const id = (request.params as { id?: unknown }).id;
    if (typeof id !== 'string') return;
    const now = Date.now();
    const recent = checked.get(request.url);
    const trusted = recent && recent.generation === generation && now - recent.at < o.checkTtlMs;
    const trustedHit = trusted ? cache.get(recent.key) : undefined;
    if (trustedHit) {
      cache.hits++;
      return reply.code(200).headers(trustedHit.headers).send(trustedHit.body);
    }
    const started = generation;
    const story = await readStory(id);
    if (!story) return; // the handler answers the 404
    const key = pageKey(request.url, story);
    // A write that finished while the story was read may have changed it: do not trust this read later.
    if (started === generation) {
      if (checked.size >= 100_000) checked.clear();
      checked.set(request.url, { key, at: now, generation });
    }
    const hit = cache.get(key);
    if (!hit) {
      cache.misses++;
      pending.set(request, key);
      return;
    }
    cache.hits++;
    return reply.code(200).headers(hit.headers).send(hit.body);
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const key = pending.get(request);
    if (key === undefined || reply.statusCode !== 200 || typeof payload !== 'string') return payload;
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(reply.getHeaders())) {
      if (!SKIPPED.has(name) && value !== undefined) headers[name] = String(value);
    }
    cache.set(key, payload, headers);
    return payload;
  });
  return cache;
}
