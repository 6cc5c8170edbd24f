/**
 * Write access. When the server has a token, every write (POST, PUT, PATCH, DELETE) must carry it as
 * `Authorization: Bearer <token>`; reads stay open. Without a token writes are open, which the config
 * merge allows only on loopback hosts.
 *
 * Open writes on loopback would let any web page the user visits post to the server from the browser
 * (a cross-site form or fetch reaches 127.0.0.1). So a write that a browser marks as coming from another
 * origin (an `Origin` header naming another host) is refused whatever the token: the server's own pages
 * send their own origin, and scripts and curl send none.
 *
 * DNS rebinding defeats the Origin test: a page of attacker.example whose name is then pointed at
 * 127.0.0.1 is same-origin with itself, and its requests reach us saying `Host: attacker.example`. A
 * server without a token listens on loopback only, where every honest request names a loopback host, so
 * there any other Host is refused, reads included (the page could otherwise read the store).
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ServerConfig } from './deps.js';
import { sendError } from './error-handler.js';

const digest = (s: string) => createHash('sha256').update(s).digest();

/** True when `given` is the server's token (compared in constant time); always true without a token. */
export function tokenMatches(config: ServerConfig, given: string | undefined): boolean {
  if (!config.token) return true;
  return given !== undefined && timingSafeEqual(digest(given), digest(config.token));
}

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

/** Host names that reach a loopback server honestly: localhost names, 127.0.0.0/8, ::1, and the bound host. */
function isLoopbackName(hostname: string, boundHost: string): boolean {
  const name = hostname.toLowerCase().replace(/\.$/, '');
  return (
    name === 'localhost' ||
    name.endsWith('.localhost') ||
    /^127(?:\.\d{1,3}){3}$/.test(name) ||
    name === '[::1]' ||
    name === boundHost.toLowerCase() ||
    `[${boundHost.toLowerCase()}]` === name
  );
}

/** True for a request to a server without a token whose Host is not a loopback name (DNS rebinding). */
export function isRebound(request: FastifyRequest, config: ServerConfig): boolean {
  if (config.token) return false;
  const host = request.headers.host;
  if (host === undefined) return false;
  try {
    return !isLoopbackName(new URL(`http://${host}`).hostname, config.host);
  } catch {
    return true;
  }
}

/** Refuses, with 403, every request that `isRebound` flags. */
export function installHostCheck(app: FastifyInstance, config: ServerConfig): void {
  app.addHook('onRequest', async (request, reply) => {
    if (!isRebound(request, config)) return;
    await sendError(
      reply,
      'forbidden',
      `expected a loopback host name (localhost, 127.0.0.1) for a server without a token, found ` +
        `Host: ${String(request.headers.host).slice(0, 100)}; set a token to serve other names`,
    );
  });
}
