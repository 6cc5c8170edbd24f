/**
 * The feeds page and its forms: GET /feeds, POST /feeds (add), POST /feeds/:id/{poll,pause,resume,remove}.
 * Forms are plain URL-encoded posts answered by a redirect back to the page (so reloading does not post
 * again) carrying what was done; a refused post gets the page again with the reason and its status.
 *
 * Cross-site request forgery: a post whose `Origin` names another site is refused (browsers send it on
 * every cross-site POST), and a server with a token wants it in the form, which another site cannot
 * know. Added URLs go through the fetch guard, as the API's do.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ChorusError, isChorusError } from '../../core/errors.js';
import { checkUrl } from '../../feeds/fetch-guard.js';
import { PoliteFetcher } from '../../feeds/polite-fetcher.js';
import { pollFeed } from '../../service/poll-feeds.js';
import { FEEDS_PATH, renderFeedsPage, type FeedsPageOptions } from '../../web/feeds-page.js';
import { isCrossSite, tokenMatches } from '../auth.js';
import type { AppDeps } from '../deps.js';
import { HTTP_STATUS } from '../error-handler.js';
import { feedView } from '../feed-view.js';
import { noFeed, setPaused } from './feeds.js';

/** Largest form body, in bytes: a URL, a name and a token. */
const MAX_FORM_BYTES = 16 * 1024;

/** What a redirect after an action tells the page, by `?done=` value. */
const NOTICES: Readonly<Record<string, string>> = {
  added: 'Feed added. It is polled on the schedule below.',
  paused: 'Feed paused: it is not polled until you resume it.',
  resumed: 'Feed resumed.',
  removed: 'Feed removed. Its articles stay in their stories.',
  polled: 'Feed polled.',
  failed: 'The poll failed: see the feed’s last error.',
};

type Form = Record<string, string>;

const field = (form: Form, name: string): string | undefined =>
  typeof form[name] === 'string' ? form[name] : undefined;

/** Registers the feeds page and its form routes on `app` (the pages' scope). */
export function feedsPageRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { store, service, config } = deps;
  const fetcher = new PoliteFetcher({ allowPrivate: config.allowPrivateFeeds });

  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: MAX_FORM_BYTES },
    (_request, body, done) => done(null, Object.fromEntries(new URLSearchParams(String(body)))),
  );

  const page = async (extra: Partial<FeedsPageOptions> = {}): Promise<string> => {
    const feeds = (await store.listFeeds()).map((f) => feedView(f, config.pollEveryMs));
    return renderFeedsPage({
      feeds,
      tokenRequired: Boolean(config.token),
      polling: config.pollEveryMs !== undefined,
      ...extra,
    });
  };
  const send = (reply: FastifyReply, status: number, body: string) =>
    reply.code(status).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(body);

  app.get(FEEDS_PATH, async (request, reply) => {
    const done = (request.query as Record<string, unknown>).done;
    const notice = typeof done === 'string' ? NOTICES[done] : undefined;
    return send(reply, 200, await page(notice ? { notice } : {}));
  });

  /** Runs a form action: checks origin and token, then redirects with `done`, or re-renders the refusal. */
  const action =
    (run: (form: Form, params: Readonly<Record<string, string>>) => Promise<string>) =>
    async (request: FastifyRequest, reply: FastifyReply) => {
      const form = (request.body ?? {}) as Form;
      try {
        if (typeof request.body !== 'object' || request.body === null)
          throw new ChorusError('invalid-input', 'expected a form post (application/x-www-form-urlencoded)');
        if (isCrossSite(request))
          throw new ChorusError('forbidden', 'refused a form sent by a page of another site');
        if (!tokenMatches(config, field(form, 'token')))
          throw new ChorusError(
            'forbidden',
            'expected this server’s access token in the form (it wants one for changes), found ' +
              (field(form, 'token') ? 'a wrong one' : 'none'),
          );
        const done = await run(form, (request.params ?? {}) as Record<string, string>);
        return reply.redirect(`${FEEDS_PATH}?done=${done}`, 303);
      } catch (error) {
        if (!isChorusError(error)) throw error;
        const typed = { url: field(form, 'url') ?? '', title: field(form, 'title') ?? '' };
        return send(reply, HTTP_STATUS[error.code], await page({ problem: error.message, typed }));
      }
    };

  app.post(
    FEEDS_PATH,
    action(async (form) => {
      const raw = (field(form, 'url') ?? '').trim();
      if (!raw) throw new ChorusError('invalid-input', 'expected a feed address, found an empty field');
      if (raw.length > 4000)
        throw new ChorusError('invalid-input', 'expected a feed address under 4,000 characters');
      const url = checkUrl(raw, { allowPrivate: config.allowPrivateFeeds });
      const title = (field(form, 'title') ?? '').trim().slice(0, 500);
      await store.addFeed(url.href, title || undefined);
      return 'added';
    }),
  );
  app.post(
    `${FEEDS_PATH}/:id/:action`,
    action(async (_form, { id = '', action: verb = '' }) => {
      if (verb === 'pause' || verb === 'resume') {
        await setPaused(store, id, verb === 'pause');
        return verb === 'pause' ? 'paused' : 'resumed';
      }
      if (verb === 'remove') {
        if (!(await store.removeFeed(id))) throw noFeed(id);
        return 'removed';
      }
      if (verb === 'poll') {
        const feed = await store.getFeed(id);
        if (!feed) throw noFeed(id);
        const result = await pollFeed(service, feed, fetcher);
        return result.status === 'failed' ? 'failed' : 'polled';
      }
      throw new ChorusError(
        'not-found',
        `expected poll, pause, resume or remove, found "${verb.slice(0, 40)}"`,
      );
    }),
  );
}
