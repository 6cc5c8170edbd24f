/**
 * A browser posting a form by itself (no page script): it asks for a page back, so answers and errors
 * are pages, not JSON. Scripts, curl and the page script ask for JSON (or anything) and get JSON.
 */
import type { FastifyRequest } from 'fastify';

export function isBrowserFormPost(request: FastifyRequest): boolean {
  if (request.method !== 'POST') return false;
  const accept = request.headers.accept ?? '';
  const type = (request.headers['content-type'] ?? '').toLowerCase();
  return (
    accept.includes('text/html') &&
    (type.startsWith('multipart/form-data') || type.startsWith('application/x-www-form-urlencoded'))
  );
}
