/**
 * Polling feeds: a conditional request for the feed (ETag / Last-Modified, so an unchanged feed costs a
 * 304), then for every item not stored yet the linked page, fetched politely and reduced to its article
 * text, then one ingest batch per feed. A feed that fails keeps its error on its record and the others
 * go on. An item whose page cannot be fetched and whose own text is short (a two-word description) is
 * not stored: it stays pending and is tried again at the next poll, which therefore asks for the whole
 * feed (no ETag saved) so the item is seen again.
 */
import { makeArticle } from '../core/article.js';
import { ChorusError, isChorusError } from '../core/errors.js';
import type { Article } from '../core/model.js';
import { decodeBytes } from '../io/decode.js';
import type { IngestOutcome, IngestService } from './ingest-service.js';
import type { FeedRecord } from '../storage/store.js';
import { parseFeed, type FeedItem } from '../feeds/parse-feed.js';
import { pageText, type PageText } from '../feeds/page-text.js';
import type { PoliteFetcher } from '../feeds/polite-fetcher.js';

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
  /** Items left for the next poll: their page could not be fetched and their own text is too short. */
  readonly pending: readonly { readonly link: string; readonly reason: string }[];
  readonly error?: string;
}

type ItemResult = { readonly article: Article } | { readonly pending: string };

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
): Promise<ItemResult> {
  const warnings: string[] = [];
  let page: PageText | undefined;
  let failed: string | undefined;
  if (options.fetchPages && item.link) {
    try {
      const res = await fetcher.fetch(item.link, { accept: 'text/html,application/xhtml+xml' });
      if (res.status >= 400) failed = `page not fetched: HTTP ${res.status}`;
      else page = options.extract(decodeBytes(res.body).text, res.url);
    } catch (error) {
      failed = `page not fetched: ${message(error)}`;
    }
  }
  const own = item.html ? pageText(item.html).text : '';
  // A feed's teaser stored as the article would stay a two-word article for good (its URL is then
  // known, so the page is never fetched again): wait for the page unless the item carries real text.
  if (failed && own.length < options.minPageChars) return { pending: failed };
  if (failed) warnings.push(`${failed}: used the feed item text`);
  const usePage = page !== undefined && page.text.length >= Math.min(options.minPageChars, own.length + 1);
  if (page && !usePage) warnings.push('page text too short: used the feed item text');
  const title = item.title ?? page?.title;
  const article = makeArticle({
    text: usePage ? (page?.text ?? '') : own,
    source,
    ...(item.link && { url: item.link }),
    ...(title && { title }),
    ...(item.author && { byline: item.author }),
    ...(item.date && { date: item.date }),
    warnings,
  });
  return { article };
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
      return { feedId: feed.id, url: feed.url, status: 'not-modified', items: 0, outcomes: [], pending: [] };
    }
    if (res.status >= 400)
      throw new ChorusError('fetch-failed', `expected the feed, found HTTP ${res.status} (${feed.url})`);
    const parsed = parseFeed(res.body, feed.url);
    const items = parsed.items.slice(0, o.maxItems);
    const known = await store.knownUrls(items.flatMap((i) => (i.link ? [i.link] : [])));
    const fresh = items.filter((i) => !i.link || !known.has(i.link));
    const source = feed.title ?? parsed.title ?? hostOf(parsed.link) ?? hostOf(feed.url) ?? feed.url;
    const articles: Article[] = [];
    const pending: { link: string; reason: string }[] = [];
    for (const item of fresh) {
      const got = await itemArticle(item, source, fetcher, o);
      if ('article' in got) articles.push(got.article);
      else pending.push({ link: item.link ?? '', reason: got.pending });
    }
    const result = articles.length > 0 ? await service.ingest(articles, { feedId: feed.id }) : undefined;
    // With items pending, the next poll must see the whole feed again, not a 304.
    const validators = pending.length === 0;
    await store.updateFeed(feed.id, {
      lastPolledAt: polledAt,
      lastError: pending.length ? `${pending.length} page(s) not fetched yet: ${pending[0]?.reason}` : null,
      etag: validators ? (res.etag ?? null) : null,
      lastModified: validators ? (res.lastModified ?? null) : null,
      ...(!feed.title && parsed.title && { title: parsed.title }),
    });
    return {
      feedId: feed.id,
      url: feed.url,
      status: 'updated',
      items: parsed.items.length,
      outcomes: result?.outcomes ?? [],
      pending,
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
      pending: [],
      error: message(error),
    };
  }
}

/** Polls every stored feed but paused ones, one after another (politeness is per host inside the fetcher). */
export async function pollAllFeeds(
  service: IngestService,
  fetcher: PoliteFetcher,
  options: Partial<PollOptions> = {},
): Promise<PollResult[]> {
  const results: PollResult[] = [];
  for (const feed of await service.store.listFeeds())
    if (!feed.pausedAt) results.push(await pollFeed(service, feed, fetcher, options));
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
