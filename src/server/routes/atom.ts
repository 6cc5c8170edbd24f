/**
 * Atom feeds for following Chorus from outside: `/stories.atom` (new and updated stories),
 * `/stories/:id.atom` (one story's summary sentences and facts as they appeared) and `/search.atom?q=`
 * (a saved search). Rendered by src/web/atom.ts; a merged story's feed redirects to the one it joined.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ChorusError } from '../../core/errors.js';
import { storiesAtom, storyAtom } from '../../web/atom.js';
import type { AppDeps } from '../deps.js';
import { movedUrl } from '../moved-url.js';

export const ATOM_DEFAULTS = Object.freeze({
  /** Stories per feed document. */
  entries: 50,
  /** Longest search kept, in characters (as the search page). */
  maxQuery: 200,
});

const ATOM_TYPE = 'application/atom+xml; charset=utf-8';

/** Scheme and host the request reached us by, for absolute links. */
function baseUrl(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}`;
}

function sendAtom(reply: FastifyReply, body: string): FastifyReply {
  // Feed readers poll; a minute of caching spares the store without hiding news for long.
  return reply.code(200).type(ATOM_TYPE).header('cache-control', 'public, max-age=60').send(body);
}

export function atomRoutes(app: FastifyInstance, { store }: AppDeps): void {
  app.get('/stories.atom', async (request, reply) => {
    const base = baseUrl(request);
    const page = await store.listStories({ order: 'updated', limit: ATOM_DEFAULTS.entries });
    return sendAtom(
      reply,
      storiesAtom(page.items, base, {
        title: 'Chorus: new and updated stories',
        self: `${base}/stories.atom`,
        alternate: `${base}/`,
        now: new Date().toISOString(),
      }),
    );
  });

  app.get('/search.atom', async (request, reply) => {
    const raw = (request.query as Record<string, unknown>).q;
    const q = (typeof raw === 'string' ? raw : '').trim().slice(0, ATOM_DEFAULTS.maxQuery);
    if (!q) throw new ChorusError('invalid-input', 'expected words to search for in ?q=, found none');
    const base = baseUrl(request);
    const page = await store.listStories({ order: 'updated', limit: ATOM_DEFAULTS.entries, search: q });
    const query = encodeURIComponent(q);
    return sendAtom(
      reply,
      storiesAtom(page.items, base, {
        title: `Chorus: stories matching “${q}”`,
        self: `${base}/search.atom?q=${query}`,
        alternate: `${base}/search?q=${query}`,
        now: new Date().toISOString(),
      }),
    );
  });

  app.get('/stories/:id.atom', async (request, reply) => {
    const { id } = request.params as { id: string };
    const stored = await store.getStory(id);
    if (!stored) {
      const moved = await store.storyMovedTo(id);
      if (moved) return reply.redirect(movedUrl(request.url, moved), 301);
      throw new ChorusError('not-found', `expected a story with id "${id}", found none`);
    }
    const base = baseUrl(request);
    const firstSeen = await store.reportKeysFirstSeen(stored.id);
    return sendAtom(
      reply,
      storyAtom(stored, firstSeen, base, { self: `${base}/stories/${encodeURIComponent(stored.id)}.atom` }),
    );
  });
}
