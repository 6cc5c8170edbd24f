/**
 * Polling feeds: a conditional request for the feed (ETag / Last-Modified, so an unchanged feed costs a
 * 304), then for every item not stored yet the linked page, fetched politely and reduced to its article
 * text, then one ingest batch per feed. A feed that fails keeps its error on its record and the others
 * go on.
 */
import { makeArticle } from '../core/article.js';
import { ChorusError, isChorusError } from '../core/errors.js';
import type { Article } from '../core/model.js';
import { decodeBytes } from '../io/decode.js';
import type { IngestOutcome, IngestService } from '../service/ingest-service.js';
import type { FeedRecord } from '../storage/store.js';
import { parseFeed, type FeedItem } from './parse-feed.js';
import { pageText, type PageText } from './page-text.js';
import type { PoliteFetcher } from './polite-fetcher.js';

/** Turns a fetched page into article text (src/io's `parseHtmlArticle` adapts to this). */
export type PageExtractor = (html: string, url: string) => PageText;

export interface PollOptions {
  /** Fetch each item's linked page for the full text (else the feed's own item text is used). */
  readonly fetchPages: boolean;
  /** Newest items taken per poll. */
  readonly maxItems: number;
  /** Page text shorter than this falls back to the item's own text. */
  readonly minPageChars: number;
  readonly extract: PageExtractor;
}

export const POLL_DEFAULTS: PollOptions = Object.freeze({
  fetchPages: true,
  maxItems: 50,
  minPageChars: 200,
  extract: (html: string) => pageText(html),
});

export interface PollResult {
  readonly feedId: string;
  readonly url: string;
  readonly status: 'updated' | 'not-modified' | 'failed';
  /** Items in the feed document. */
  readonly items: number;
  /** Outcomes of the items that were new. */
  readonly outcomes: readonly IngestOutcome[];
  readonly error?: string;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function hostOf(url: string | undefined): string | undefined {
  try {
    return url ? new URL(url).hostname : undefined;
  } catch {
    return undefined;
  }
}

async function itemArticle(
  item: FeedItem,
  source: string,
  fetcher: PoliteFetcher,
  options: PollOptions,
): Promise<Article> {
  const warnings: string[] = [];
  let page: PageText | undefined;
  if (options.fetchPages && item.link) {
    try {
      const res = await fetcher.fetch(item.link, { accept: 'text/html,application/xhtml+xml' });
      if (res.status >= 400) warnings.push(`page not fetched: HTTP ${res.status}`);
      else page = options.extract(decodeBytes(res.body).text, res.url);
    } catch (error) {
      warnings.push(`page not fetched: ${message(error)}`);
    }
  }
  const own = item.html ? pageText(item.html).text : '';
  const usePage = page !== undefined && page.text.length >= Math.min(options.minPageChars, own.length + 1);
  if (page && !usePage) warnings.push('page text too short: used the feed item text');
  const title = item.title ?? page?.title;
  return makeArticle({
    text: usePage ? (page?.text ?? '') : own,
    source,
    ...(item.link && { url: item.link }),
    ...(title && { title }),
    ...(item.author && { byline: item.author }),
    ...(item.date && { date: item.date }),
    warnings,
  });
}

/**
 * Polls one feed into the service's store.
 * @example const r = await pollFeed(service, feed, new PoliteFetcher()); r.outcomes.length
 */
export async function pollFeed(
  service: IngestService,
  feed: FeedRecord,
  fetcher: PoliteFetcher,
  options: Partial<PollOptions> = {},
): Promise<PollResult> {
  const o = { ...POLL_DEFAULTS, ...options };
  const store = service.store;
  const polledAt = new Date().toISOString();
  try {
    const res = await fetcher.fetch(feed.url, {
      accept: 'application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.8',
      ...(feed.etag && { etag: feed.etag }),
      ...(feed.lastModified && { lastModified: feed.lastModified }),
    });
    if (res.notModified) {
      await store.updateFeed(feed.id, { lastPolledAt: polledAt, lastError: null });
      return { feedId: feed.id, url: feed.url, status: 'not-modified', items: 0, outcomes: [] };
    }
    if (res.status >= 400)
      throw new ChorusError('fetch-failed', `expected the feed, found HTTP ${res.status} (${feed.url})`);
    const parsed = parseFeed(res.body, feed.url);
    const items = parsed.items.slice(0, o.maxItems);
    const known = await store.knownUrls(items.flatMap((i) => (i.link ? [i.link] : [])));
    const fresh = items.filter((i) => !i.link || !known.has(i.link));
    const source = feed.title ?? parsed.title ?? hostOf(parsed.link) ?? hostOf(feed.url) ?? feed.url;
    const articles: Article[] = [];
    for (const item of fresh) articles.push(await itemArticle(item, source, fetcher, o));
    const result = articles.length > 0 ? await service.ingest(articles, { feedId: feed.id }) : undefined;
    await store.updateFeed(feed.id, {
      lastPolledAt: polledAt,
      lastError: null,
      etag: res.etag ?? null,
      lastModified: res.lastModified ?? null,
      ...(!feed.title && parsed.title && { title: parsed.title }),
    });
    return {
      feedId: feed.id,
      url: feed.url,
      status: 'updated',
      items: parsed.items.length,
      outcomes: result?.outcomes ?? [],
    };
  } catch (error) {
    if (isChorusError(error) && error.code === 'storage') throw error;
    await store.updateFeed(feed.id, { lastPolledAt: polledAt, lastError: message(error) });
    return {
      feedId: feed.id,
      url: feed.url,
      status: 'failed',
      items: 0,
      outcomes: [],
      error: message(error),
    };
  }
}

/** Polls every stored feed, one after another (politeness is per host inside the fetcher). */
export async function pollAllFeeds(
  service: IngestService,
  fetcher: PoliteFetcher,
  options: Partial<PollOptions> = {},
): Promise<PollResult[]> {
  const results: PollResult[] = [];
  for (const feed of await service.store.listFeeds())
    results.push(await pollFeed(service, feed, fetcher, options));
  return results;
}

export interface Poller {
  /** Stops after the current round; resolves when it has. */
  stop(): Promise<void>;
}

/**
 * Polls all feeds now and then every `intervalMs`, until stopped.
 * @example const poller = startPolling(service, fetcher, { intervalMs: 15 * 60_000, onRound: console.log })
 */
export function startPolling(
  service: IngestService,
  fetcher: PoliteFetcher,
  options: Partial<PollOptions> & {
    intervalMs: number;
    onRound?: (results: PollResult[]) => void;
    onError?: (error: unknown) => void;
  },
): Poller {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<void> = Promise.resolve();
  const round = async () => {
    try {
      const results = await pollAllFeeds(service, fetcher, options);
      options.onRound?.(results);
    } catch (error) {
      options.onError?.(error);
    }
    if (!stopped) timer = setTimeout(() => void (current = round()), options.intervalMs);
  };
  current = round();
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await current;
    },
  };
}
