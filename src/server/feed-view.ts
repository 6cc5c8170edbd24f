/**
 * A feed as the API and the feeds page show it: the stored record, whether it is paused, and when the
 * server's worker polls it next. The worker polls a feed once `pollEveryMs` has passed since its last
 * poll (src/service/background-worker.ts), a never-polled one at once, and a paused one never.
 */
import type { FeedRecord } from '../storage/store.js';

export interface FeedAnswer extends FeedRecord {
  readonly paused: boolean;
  readonly articleCount: number;
  /** ISO time of the next scheduled poll; absent when paused or when this server runs no worker. */
  readonly nextPollAt?: string;
}

/** @example feedView(feed, 900_000).nextPollAt // lastPolledAt + 15 minutes */
export function feedView(feed: FeedRecord, pollEveryMs: number | undefined, now = Date.now()): FeedAnswer {
  const next =
    feed.pausedAt || pollEveryMs === undefined
      ? undefined
      : feed.lastPolledAt
        ? Math.max(Date.parse(feed.lastPolledAt) + pollEveryMs, now)
        : now;
  return {
    ...feed,
    paused: feed.pausedAt !== undefined,
    articleCount: feed.articleCount ?? 0,
    ...(next !== undefined && Number.isFinite(next) && { nextPollAt: new Date(next).toISOString() }),
  };
}
