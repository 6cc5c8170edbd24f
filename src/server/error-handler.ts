/**
 * The one place where errors become HTTP answers. A ChorusError's code picks the status; errors Fastify
 * and its plugins raise (body too large, malformed JSON, wrong media type) keep their 4xx status and get
 * the nearest Chorus code. So do the errors Fastify's router raises before any route (`frameworkErrors`)
 * and the requests Node's HTTP parser refuses (`clientErrorHandler`). Every error body has the same shape,
 * `{ error: { code, message } }`, and a 5xx never leaks its internal message.
 */
import { maxHeaderSize, STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isChorusError, type ChorusErrorCode } from '../core/errors.js';
import { renderErrorPage } from '../web/error-page.js';
import { isBrowserFormPost } from './form-post.js';

/** The codes an API error body can carry: Chorus's own, and 'unauthorized' for a missing token. */
export type ApiErrorCode = ChorusErrorCode | 'unauthorized';

export interface ApiErrorBody {
  readonly error: { readonly code: ApiErrorCode; readonly message: string };
}

export const HTTP_STATUS: Readonly<Record<ApiErrorCode, number>> = {
  usage: 400,
  'invalid-input': 400,
  'empty-input': 400,
  unauthorized: 401,
  forbidden: 403,
  'not-found': 404,
  'too-large': 413,
  'unsupported-input': 415,
  'fetch-failed': 502,
  storage: 503,
  internal: 500,
};

/** The Chorus code for a bare HTTP status (errors from Fastify and its plugins). */
function codeForStatus(status: number): ApiErrorCode {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not-found';
  if (status === 413 || status === 414 || status === 431) return 'too-large';
  if (status === 406 || status === 415) return 'unsupported-input';
  if (status >= 400 && status < 500) return 'invalid-input';
  return 'internal';
}

export function errorBody(code: ApiErrorCode, message: string): ApiErrorBody {
  return { error: { code, message } };
}

/** Sends an error answer directly (used by hooks that refuse a request before any handler runs). */
export function sendError(reply: FastifyReply, code: ApiErrorCode, message: string): FastifyReply {
  return answerError(reply, HTTP_STATUS[code], errorBody(code, message));
}

/** An error answer: JSON, or an error page for a browser's own form post (see `isBrowserFormPost`). */
function answerError(reply: FastifyReply, status: number, body: ApiErrorBody): FastifyReply {
  if (isBrowserFormPost(reply.request))
    return reply
      .code(status)
      .type('text/html; charset=utf-8')
      .send(renderErrorPage(status, pageMessage(body)));
  return reply.code(status).type('application/json; charset=utf-8').send(body);
}

/** What a page says when it could not be built: plain words, never an internal message. */
function pageErrorMessage(status: number, body: ApiErrorBody): string {
  if (body.error.code === 'storage') return 'The database is not answering. Try again in a moment.';
  return status >= 500 ? 'This page could not be built.' : body.error.message;
}

/** The error's message for a person at the upload form. */
function pageMessage(body: ApiErrorBody): string {
  if (body.error.code === 'unauthorized')
    return 'This server needs an access token for uploads. The form sends it only with JavaScript on; without it, use the API with an Authorization: Bearer header.';
  return body.error.message;
}

/** Status and body for any thrown value. */
export function toApiError(error: unknown): { status: number; body: ApiErrorBody } {
  if (isChorusError(error)) {
    const status = HTTP_STATUS[error.code];
    const message = status >= 500 && error.code !== 'storage' ? 'internal error' : error.message;
    return { status, body: errorBody(error.code, message) };
  }
  const status = (error as Partial<FastifyError>)?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    const code = codeForStatus(status);
    return { status, body: errorBody(code, (error as Error).message) };
  }
  return { status: 500, body: errorBody('internal', 'internal error') };
}

/** Status and body for an error Fastify's router raises before any route (see `frameworkErrorHandler`). */
function frameworkError(error: FastifyError, url: string, maxParamLength: number) {
  if (error.code === 'FST_ERR_BAD_URL')
    return {
      status: 400,
      body: errorBody('invalid-input', `expected a URL with valid percent-escapes, found ${url}`),
    };
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH')
    return {
      status: 414,
      body: errorBody(
        'too-large',
        `expected path segments of at most ${maxParamLength} characters, found a longer one`,
      ),
    };
  return toApiError(error);
}

/**
 * Answers the errors Fastify's router raises before any route, hook or error handler runs: a path whose
 * percent-escapes do not decode, and a path parameter longer than the router takes (Fastify's own answers
 * have another shape). Given to Fastify as `frameworkErrors`.
 */
export function frameworkErrorHandler(limits: { readonly maxParamLength: number }) {
  return (error: FastifyError, request: FastifyRequest, reply: FastifyReply): void => {
    const { status, body } = frameworkError(error, request.url, limits.maxParamLength);
    request.log.info({ code: body.error.code, status }, 'request refused');
    void answerError(reply, status, body);
  };
}

/** Status and body for a request Node's HTTP parser refuses (see `answerClientError`). */
function clientError(code: string | undefined): { status: number; body: ApiErrorBody } {
  if (code === 'HPE_HEADER_OVERFLOW') {
    const limit = maxHeaderSize.toLocaleString('en-US');
    return {
      status: 431,
      body: errorBody(
        'too-large',
        `expected request headers (with the URL) of at most ${limit} bytes, found more`,
      ),
    };
  }
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT')
    return {
      status: 408,
      body: errorBody('invalid-input', 'expected a whole request in time, found it still arriving'),
    };
  return {
    status: 400,
    body: errorBody(
      'invalid-input',
      `expected an HTTP/1.1 request, found one that does not parse (${code ?? 'unknown error'})`,
    ),
  };
}

/**
 * Answers what Node's HTTP parser refuses before Fastify has a request: headers (with the URL) over
 * Node's limit, bytes that are not HTTP, a request that does not arrive in time. There is no reply
 * object, so the answer is written to the socket, which is then closed. Given to Fastify as
 * `clientErrorHandler`, which calls it with the Fastify instance as `this`.
 */
export function answerClientError(
  this: FastifyInstance,
  error: Error & { code?: string },
  socket: Socket,
): void {
  // A client that hung up needs no answer (Node's and Fastify's default handlers do the same).
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const { status, body } = clientError(error.code);
  this.log.info({ code: body.error.code, status }, 'request refused');
  if (socket.writable) {
    const json = JSON.stringify(body);
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(json)}\r\nConnection: close\r\n\r\n${json}`,
    );
  }
  socket.destroy(error);
}

/** Installs the error handler and the JSON 404 for unknown routes. */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: unknown, request: FastifyRequest, reply: FastifyReply) => {
    const { status, body } = toApiError(error);
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    else request.log.info({ code: body.error.code, status }, 'request refused');
    return answerError(reply, status, body);
  });
}

/**
 * The same handler for the scope of the HTML pages (`routes/pages.ts`): the status comes from the same
 * table, and the answer is an error page instead of JSON.
 */
export function installPageErrorHandler(scope: FastifyInstance): void {
  scope.setErrorHandler((error: unknown, request: FastifyRequest, reply: FastifyReply) => {
    const { status, body } = toApiError(error);
    if (status >= 500) request.log.error({ err: error }, 'page failed');
    else request.log.info({ code: body.error.code, status }, 'page refused');
    return reply
      .code(status)
      .type('text/html; charset=utf-8')
      .send(renderErrorPage(status, pageErrorMessage(status, body)));
  });
}
