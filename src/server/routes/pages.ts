/**
 * The HTML pages as a Fastify plugin: `app.register(webRoutes, deps)`-style, called by the server as
 * `webRoutes(app, deps)`. Pages are rendered by the pure functions of src/web; this file only reads
 * the store and checks query values; errors go to the server's one error handler. The pages hold no inline script or style, so the strict CSP the
 * server sends (src/server/security-headers.ts) holds: scripts and styles come from /static/ only.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../deps.js';
import { installPageErrorHandler } from '../error-handler.js';
import { renderErrorPage, renderNotFoundPage } from '../../web/error-page.js';
import { STATIC_PATHS } from '../../web/document.js';
import { CLIENT_SCRIPT } from '../../web/static/client-script.js';
import { ICON_SVG, STYLESHEET } from '../../web/static/stylesheet.js';
import { numberedArticles, renderSourcesPage } from '../../web/sources-page.js';
import {
  hasPrefs,
  prefsCookie,
  prefsFromCookie,
  prefsFromQuery,
  queryHasPrefs,
} from '../../web/reader-prefs.js';
import { renderStoryList, type StoryOrder } from '../../web/story-list-page.js';
import { renderStoryPage } from '../../web/story-page.js';
import { renderUploadPage } from '../../web/upload-page.js';
import { newSince } from '../../core/story-life.js';
import { parseSince } from '../since-query.js';
import { movedUrl } from '../moved-url.js';
import { atomRoutes } from './atom.js';
import { feedsPageRoutes } from './feeds-page.js';

export const WEB_DEFAULTS = Object.freeze({
  /** Stories per list page. */
  pageSize: 20,
  /** Where the upload form posts (the server's upload endpoint). */
  uploadAction: '/api/upload',
  /** Longest search query kept, in characters. */
  maxQuery: 200,
});

type Query = Record<string, string | string[] | undefined>;

function one(query: unknown, name: string): string | undefined {
  const v = (query as Query | undefined)?.[name];
  return Array.isArray(v) ? v[0] : v;
}

/** A non-negative integer query value, or `fallback` for anything else. */
function whole(value: string | undefined, fallback: number): number {
  return value !== undefined && /^\d{1,9}$/.test(value) ? Number(value) : fallback;
}

/** A 1-based source number from the query: `fallback` when absent, 0 (refused) when not a number. */
function sourceNumber(value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  return /^\d{1,9}$/.test(value) ? Number(value) : 0;
}

function sendPage(reply: FastifyReply, status: number, page: string): FastifyReply {
  // The server adds the security headers (a strict CSP among them) to every answer.
  return reply.code(status).type('text/html; charset=utf-8').send(page);
}

/**
 * Renders a page. A thrown error goes to the pages' error handler (`installPageErrorHandler`), which
 * picks the status from the one table of `error-handler.ts` and answers with an error page.
 */
async function answerPage(
  reply: FastifyReply,
  render: () => Promise<{ status: number; page: string }>,
): Promise<FastifyReply> {
  const { status, page } = await render();
  return sendPage(reply, status, page);
}

/** Registers the pages, the stylesheet and the script on `app`. */
export async function webRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const { store, config } = deps;
  installPageErrorHandler(app);

  app.get(STATIC_PATHS.css, async (_request, reply) =>
    reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=300').send(STYLESHEET),
  );
  app.get(STATIC_PATHS.js, async (_request, reply) =>
    reply
      .type('text/javascript; charset=utf-8')
      .header('cache-control', 'public, max-age=300')
      .send(CLIENT_SCRIPT),
  );
  app.get(STATIC_PATHS.icon, async (_request, reply) =>
    reply.type('image/svg+xml').header('cache-control', 'public, max-age=86400').send(ICON_SVG),
  );
  app.get('/favicon.ico', async (_request, reply) => reply.redirect(STATIC_PATHS.icon, 301));

  const list = (search: boolean) => async (request: FastifyRequest, reply: FastifyReply) =>
    answerPage(reply, async () => {
      const order: StoryOrder = one(request.query, 'order') === 'biggest' ? 'biggest' : 'newest';
      const offset = whole(one(request.query, 'offset'), 0);
      const q = search ? (one(request.query, 'q') ?? '').trim().slice(0, WEB_DEFAULTS.maxQuery) : undefined;
      // Reader controls: the URL decides when it carries them (and the cookie keeps them), else the cookie.
      const query = (request.query ?? {}) as Query;
      const fromUrl = queryHasPrefs(query);
      const prefs = fromUrl ? prefsFromQuery(query) : prefsFromCookie(request.headers.cookie);
      if (fromUrl) reply.header('set-cookie', prefsCookie(prefs));
      const filters = {
        ...(prefs.mute.length && { muteSources: prefs.mute }),
        ...(prefs.hide.length && { muteWords: prefs.hide }),
        ...(prefs.lang && { language: prefs.lang }),
      };
      const paging = { order, offset, limit: WEB_DEFAULTS.pageSize, ...(q && { search: q }) };
      const page =
        q === ''
          ? { items: [], total: 0, limit: WEB_DEFAULTS.pageSize, offset: 0 }
          : await store.listStories({ ...paging, ...filters });
      // How many the controls hide: one more count, only when some are in force.
      const hidden =
        q !== '' && hasPrefs(prefs)
          ? (await store.listStories({ ...paging, limit: 1 })).total - page.total
          : undefined;
      return {
        status: 200,
        page: renderStoryList(page, { order, prefs, ...(q !== undefined && { search: q }) }, hidden),
      };
    });
  app.get('/', list(false));
  app.get('/search', list(true));

  app.get('/stories/:id', async (request, reply) => {
    const { id } = request.params as { id: string };
    const stored = await store.getStory(id);
    if (!stored) {
      // A story merged into another keeps its permalink: it leads to the story it joined.
      const moved = await store.storyMovedTo(id);
      if (moved) return reply.redirect(movedUrl(request.url, moved), 301);
      return sendPage(reply, 404, renderNotFoundPage('There is no story with this id.'));
    }
    return answerPage(reply, async () => {
      const since = parseSince(one(request.query, 'since'));
      const fresh =
        since && stored.report
          ? newSince(stored.report, await store.reportKeysFirstSeen(stored.id), since)
          : undefined;
      return { status: 200, page: renderStoryPage(stored, fresh) };
    });
  });

  app.get('/stories/:id/sources', async (request, reply) => {
    const { id } = request.params as { id: string };
    const stored = await store.getStory(id);
    if (!stored) {
      const moved = await store.storyMovedTo(id);
      if (moved) return reply.redirect(movedUrl(request.url, moved), 301);
    }
    return answerPage(reply, async () => {
      if (!stored) return { status: 404, page: renderNotFoundPage('There is no story with this id.') };
      const n = numberedArticles(stored).length;
      const a = sourceNumber(one(request.query, 'a'), 1) - 1;
      const b = sourceNumber(one(request.query, 'b'), a === 0 ? 2 : 1) - 1;
      if (n < 2)
        return {
          status: 404,
          page: renderNotFoundPage('This story has one source: there is nothing to set beside it.'),
        };
      if (a < 0 || b < 0 || a >= n || b >= n || a === b)
        return {
          status: 400,
          page: renderErrorPage(
            400,
            `Choose two different sources numbered 1 to ${n}, for example ?a=1&b=2.`,
          ),
        };
      return { status: 200, page: renderSourcesPage(stored, a, b) };
    });
  });

  feedsPageRoutes(app, deps);
  atomRoutes(app, deps);

  app.get('/upload', async (request, reply) =>
    answerPage(reply, async () => ({
      status: 200,
      page: renderUploadPage({
        action: WEB_DEFAULTS.uploadAction,
        tokenRequired: Boolean(config.token),
        maxBytes: config.maxUploadBytes,
      }),
    })),
  );
}

/** The HTML 404 for page paths (the server keeps JSON 404s for /api/…). */
export function sendNotFoundPage(reply: FastifyReply): FastifyReply {
  return sendPage(reply, 404, renderNotFoundPage());
}
