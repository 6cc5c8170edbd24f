/**
 * Write access. When the server has a token, every write (POST, PUT, PATCH, DELETE) must carry it as
 * `Authorization: Bearer <token>`; reads stay open. Without a token writes are open, which the config
 * merge allows only on loopback hosts.
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

/** A request hook refusing writes without the token with 401 (and a WWW-Authenticate header). */
export function requireToken(config: ServerConfig) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
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
