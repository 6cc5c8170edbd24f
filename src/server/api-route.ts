/**
 * One description per API route, used twice: to register the route with Fastify (validating its
 * query, path and body with zod before the handler runs) and to write the OpenAPI document. A route
 * cannot be served without being documented, nor documented with other shapes than it checks.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { ChorusError } from '../core/errors.js';
import { requireToken } from './auth.js';
import type { ServerConfig } from './deps.js';

export interface ResponseSpec {
  readonly description: string;
  readonly schema?: z.ZodType;
  /** Defaults to application/json. */
  readonly contentType?: string;
}

type Parsed<T> = T extends z.ZodType ? z.output<T> : undefined;

export interface RouteInput<Q, P, B> {
  readonly query: Parsed<Q>;
  readonly params: Parsed<P>;
  readonly body: Parsed<B>;
  readonly request: FastifyRequest;
  readonly reply: FastifyReply;
}

export interface RouteSpec<
  Q extends z.ZodType | undefined = undefined,
  P extends z.ZodType | undefined = undefined,
  B extends z.ZodType | undefined = undefined,
> {
  readonly method: 'GET' | 'POST' | 'DELETE';
  /** Fastify path syntax (`/api/stories/:id`); the OpenAPI document shows `{id}`. */
  readonly url: string;
  readonly summary: string;
  readonly description?: string;
  readonly tag: string;
  /** Needs the bearer token when the server has one. */
  readonly write?: boolean;
  readonly query?: Q;
  readonly params?: P;
  /** JSON body, validated. Routes that read raw or multipart bodies leave this out and set `bodyTypes`. */
  readonly body?: B;
  /** Request body media types, for the document, when the body is not validated JSON. */
  readonly bodyTypes?: readonly string[];
  readonly responses: Readonly<Record<number, ResponseSpec>>;
  handler(input: RouteInput<Q, P, B>): Promise<unknown>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a list of routes with different shapes
export type AnyRouteSpec = RouteSpec<any, any, any>;

/** Identity that keeps the route's types inferred from its schemas. */
export function defineRoute<
  Q extends z.ZodType | undefined = undefined,
  P extends z.ZodType | undefined = undefined,
  B extends z.ZodType | undefined = undefined,
>(spec: RouteSpec<Q, P, B>): RouteSpec<Q, P, B> {
  return spec;
}

/**
 * A union's own issue says only "Invalid input". The branch that was meant is the one whose value had
 * the right shape: drop the branches that failed on the shape itself (an object where an array goes),
 * and tell the first remaining branch's issues, with their paths.
 */
function explainUnion(issue: z.core.$ZodIssue): z.core.$ZodIssue[] {
  if (issue.code !== 'invalid_union' || issue.errors.length === 0) return [issue];
  const wrongShape = (branch: z.core.$ZodIssue[]) =>
    branch.length === 1 && branch[0]!.code === 'invalid_type' && branch[0]!.path.length === 0;
  const meant = issue.errors.find((branch) => !wrongShape(branch)) ?? issue.errors[0]!;
  return meant.flatMap(explainUnion).map((i) => ({ ...i, path: [...issue.path, ...i.path] }));
}

/** Validates one part of a request; the error names the part and every problem found. */
export function parsePart<T extends z.ZodType>(schema: T, value: unknown, part: string): z.output<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const problems = result.error.issues
    .flatMap(explainUnion)
    .slice(0, 5)
    .map((i) => (i.path.length > 0 ? `${i.path.join('.')}: ${i.message}` : i.message))
    .join('; ');
  throw new ChorusError('invalid-input', `invalid ${part}: ${problems}`);
}

function parseBody<T extends z.ZodType>(schema: T, body: unknown): z.output<T> {
  if (body === undefined || body === null)
    throw new ChorusError('invalid-input', 'expected a JSON request body, found none');
  if (typeof body !== 'object')
    throw new ChorusError(
      'invalid-input',
      `expected a JSON object or array as the request body, found a ${typeof body}`,
    );
  return parsePart(schema, body, 'request body');
}

/**
 * Registers the routes on `app`. `prefix` is the prefix `app` was registered under, taken off each
 * route's full URL (the specs keep full URLs for the document).
 */
export function installRoutes(
  app: FastifyInstance,
  routes: readonly AnyRouteSpec[],
  config: ServerConfig,
  prefix = '',
): void {
  const auth = requireToken(config);
  for (const spec of routes) {
    app.route({
      method: spec.method,
      url: spec.url.startsWith(prefix) ? spec.url.slice(prefix.length) || '/' : spec.url,
      // Checked on arrival, before the body is read: a client without the token cannot make us parse 5 MB.
      ...(spec.write && { onRequest: auth }),
      handler: async (request, reply) => {
        const input = {
          query: spec.query ? parsePart(spec.query, request.query ?? {}, 'query string') : undefined,
          params: spec.params ? parsePart(spec.params, request.params ?? {}, 'path') : undefined,
          body: spec.body ? parseBody(spec.body, request.body) : undefined,
          request,
          reply,
        };
        return spec.handler(input);
      },
    });
  }
}
