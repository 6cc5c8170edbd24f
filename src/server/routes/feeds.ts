/** The feeds the server follows: list, add (through the fetch guard), pause, resume, remove, poll one now. */
import { z } from 'zod';
import { ChorusError } from '../../core/errors.js';
import type { FeedRecord, Store } from '../../storage/store.js';
import { checkUrl } from '../../feeds/fetch-guard.js';
import { PoliteFetcher } from '../../feeds/polite-fetcher.js';
import { pollFeed } from '../../service/poll-feeds.js';
import { ErrorAnswer, FeedInput, FeedSchema, IdParams, PollAnswer } from '../api-schemas.js';
import { defineRoute, type AnyRouteSpec } from '../api-route.js';
import type { AppDeps } from '../deps.js';
import { feedView } from '../feed-view.js';

/**
 * Pauses or resumes feed `id` (pausing a paused feed keeps its first pause time) and returns it.
 * Throws not-found for an unknown id.
 */
export async function setPaused(store: Store, id: string, paused: boolean): Promise<FeedRecord> {
  const feed = await store.getFeed(id);
  if (!feed) throw noFeed(id);
  if (paused !== (feed.pausedAt !== undefined))
    await store.updateFeed(id, { pausedAt: paused ? new Date().toISOString() : null });
  return (await store.getFeed(id)) ?? feed;
}

export const noFeed = (id: string) =>
  new ChorusError('not-found', `expected a feed with id "${id}", found none`);

export function feedRoutes({ store, service, config }: AppDeps): AnyRouteSpec[] {
  // One fetcher for the server's life, so that the politeness delay per host holds across requests.
  const fetcher = new PoliteFetcher({ allowPrivate: config.allowPrivateFeeds });
  const refused = { description: 'missing or wrong token', schema: ErrorAnswer };
  const view = (feed: FeedRecord) => feedView(feed, config.pollEveryMs);
  const pauseRoute = (paused: boolean) =>
    defineRoute({
      method: 'POST',
      url: `/api/feeds/:id/${paused ? 'pause' : 'resume'}`,
      tag: 'feeds',
      write: true,
      summary: paused
        ? 'Pause a feed: the worker stops polling it until it is resumed'
        : 'Resume a paused feed: the worker polls it on its schedule again',
      params: IdParams,
      responses: {
        200: { description: 'the feed', schema: FeedSchema },
        401: refused,
        404: { description: 'no such feed', schema: ErrorAnswer },
      },
      handler: async ({ params }) => {
        const feed = await setPaused(store, params.id, paused);
        return view(feed);
      },
    });
  return [
    defineRoute({
      method: 'GET',
      url: '/api/feeds',
      tag: 'feeds',
      summary: 'List followed feeds with their last poll and error',
      responses: { 200: { description: 'the feeds', schema: z.object({ items: z.array(FeedSchema) }) } },
      handler: async () => ({ items: (await store.listFeeds()).map((f) => view(f)) }),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/feeds',
      tag: 'feeds',
      write: true,
      summary: 'Follow an RSS or Atom feed (http or https; private addresses refused unless allowed)',
      body: FeedInput,
      responses: {
        201: { description: 'the feed (or the existing one with the same URL)', schema: FeedSchema },
        400: { description: 'not a URL', schema: ErrorAnswer },
        401: refused,
        403: { description: 'a private, loopback or non-http address', schema: ErrorAnswer },
      },
      handler: async ({ body, reply }) => {
        const url = checkUrl(body.url.trim(), { allowPrivate: config.allowPrivateFeeds });
        const feed = await store.addFeed(url.href, body.title?.trim() || undefined);
        reply.code(201);
        return view((await store.getFeed(feed.id)) ?? feed);
      },
    }),
    pauseRoute(true),
    pauseRoute(false),
    defineRoute({
      method: 'DELETE',
      url: '/api/feeds/:id',
      tag: 'feeds',
      write: true,
      summary: 'Stop following a feed (its articles stay)',
      params: IdParams,
      responses: {
        204: { description: 'removed' },
        401: refused,
        404: { description: 'no such feed', schema: ErrorAnswer },
      },
      handler: async ({ params, reply }) => {
        if (!(await store.removeFeed(params.id))) throw noFeed(params.id);
        return reply.code(204).send();
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/feeds/:id/poll',
      tag: 'feeds',
      write: true,
      summary: 'Poll one feed now and ingest its new items',
      description:
        'A feed that cannot be fetched answers 200 with status "failed" and the error, as a poll round would.',
      params: IdParams,
      responses: {
        200: { description: 'what the poll found', schema: PollAnswer },
        401: refused,
        404: { description: 'no such feed', schema: ErrorAnswer },
      },
      handler: async ({ params }) => {
        const feed = await store.getFeed(params.id);
        if (!feed) throw noFeed(params.id);
        return pollFeed(service, feed, fetcher);
      },
    }),
  ];
}
