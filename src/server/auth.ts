/**
 * Write access. When the server has a token, every write (POST, PUT, PATCH, DELETE) must carry it as
 * `Authorization: Bearer <token>`; reads stay open. Without a token writes are open, which the config
 * merge allows only on loopback hosts.
 *
 * Open writes on loopback would let any web page the user visits post to the server from the browser
 * (a cross-site form or fetch reaches 127.0.0.1). So a write that a browser marks as coming from another
 * origin (an `Origin` header naming another host) is refused whatever the token: the server's own pages
 * send their own origin, and scripts and curl send none.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ServerConfig } from './deps.js';
import { sendError } from './error-handler.js';

const digest = (s: string) => createHash('sha256').update(s).digest();

/** True when the request may write: no token configured, or the right bearer token given. */
export function hasWriteAccess(request: FastifyRequest, config: ServerConfig): boolean {
  if (!config.token) return true;
  const header = request.headers.authorization ?? '';
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
  // Compare digests so the comparison takes the same time whatever the given token's length.
  return m?.[1] !== undefined && timingSafeEqual(digest(m[1]), digest(config.token));
}

/** True when a browser says the request comes from a page of another host than this server. */
export function isCrossSite(request: FastifyRequest): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return false;
  if (origin === 'null') return true;
  try {
    return new URL(origin).host !== request.headers.host;
  } catch {
    return true;
  }
}

/** A request hook refusing cross-site writes with 403, and writes without the token with 401 (and a WWW-Authenticate header). */
export function requireToken(config: ServerConfig) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    if (isCrossSite(request)) {
      await sendError(
        reply,
        'forbidden',
        `expected a write from this server's own pages or a non-browser client, found one from ${String(request.headers.origin)}`,
      );
      return;
    }
    if (hasWriteAccess(request, config)) return;
    reply.header('www-authenticate', 'Bearer realm="chorus"');
    const given = request.headers.authorization ? 'a wrong token' : 'no Authorization header';
    await sendError(
      reply,
      'unauthorized',
      `expected Authorization: Bearer <token> for writes, found ${given}`,
    );
  };
}
