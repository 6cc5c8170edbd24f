/**
 * The OpenAPI 3.1 document at /openapi.json, written from the same route descriptions the server
 * registers (`api-route.ts`), with the JSON Schema form of their zod schemas. Routes registered by
 * other plugins (the HTML pages of src/web) are listed too, as HTML pages, so the document names every
 * route the server answers.
 */
import { z } from 'zod';
import type { AnyRouteSpec } from './api-route.js';

/** A route Fastify registered that has no API description (a page, a static file). */
export interface SeenRoute {
  readonly method: string;
  readonly url: string;
}

type JsonObject = Record<string, unknown>;

/** JSON Schema of a zod schema, without the `$schema` line each top-level conversion adds. */
function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonObject {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonObject;
  return rest;
}

/** `/api/stories/:id` → `/api/stories/{id}`; a Fastify wildcard `*` → `{path}`. */
export function openApiPath(url: string): string {
  return url.replace(/:([A-Za-z0-9_]+)/g, '{$1}').replace(/\*$/, '{path}');
}

function pathParameters(url: string, schema?: z.ZodType): JsonObject[] {
  const props = schema ? ((jsonSchema(schema, 'input').properties ?? {}) as Record<string, JsonObject>) : {};
  const names = [...openApiPath(url).matchAll(/\{([^}]+)\}/g)].map((m) => m[1] ?? '');
  return names.map((name) => ({
    name,
    in: 'path',
    required: true,
    schema: props[name] ?? { type: 'string' },
  }));
}

function queryParameters(schema?: z.ZodType): JsonObject[] {
  if (!schema) return [];
  const s = jsonSchema(schema, 'input');
  const props = (s.properties ?? {}) as Record<string, JsonObject>;
  const required = new Set((s.required ?? []) as string[]);
  return Object.entries(props).map(([name, p]) => {
    const { description, ...rest } = p;
    return {
      name,
      in: 'query',
      required: required.has(name),
      ...(typeof description === 'string' && { description }),
      schema: rest,
    };
  });
}

function operation(spec: AnyRouteSpec): JsonObject {
  const responses: JsonObject = {};
  for (const [status, r] of Object.entries(spec.responses)) {
    responses[status] = {
      description: r.description,
      ...(r.schema && {
        content: { [r.contentType ?? 'application/json']: { schema: jsonSchema(r.schema, 'output') } },
      }),
    };
  }
  const body = spec.body
    ? { required: true, content: { 'application/json': { schema: jsonSchema(spec.body, 'input') } } }
    : spec.bodyTypes
      ? {
          required: true,
          content: Object.fromEntries(
            spec.bodyTypes.map((t) => [
              t,
              t === 'multipart/form-data'
                ? {
                    schema: {
                      type: 'object',
                      additionalProperties: { type: 'string', contentMediaType: 'application/octet-stream' },
                    },
                  }
                : { schema: { type: 'string', contentMediaType: t } },
            ]),
          ),
        }
      : undefined;
  const parameters = [...pathParameters(spec.url, spec.params), ...queryParameters(spec.query)];
  return {
    operationId: `${spec.method.toLowerCase()}${openApiPath(spec.url)
      .replace(/[{}]/g, '')
      .split(/[/.-]/)
      .filter(Boolean)
      .map((w) => w[0]?.toUpperCase() + w.slice(1))
      .join('')}`,
    tags: [spec.tag],
    summary: spec.summary,
    ...(spec.description && { description: spec.description }),
    ...(parameters.length > 0 && { parameters }),
    ...(body && { requestBody: body }),
    ...(spec.write && { security: [{ bearerAuth: [] }] }),
    responses,
  };
}

/** Methods that are not documented on their own: Fastify adds HEAD for every GET. */
const UNDOCUMENTED = new Set(['HEAD', 'OPTIONS']);

/**
 * The document for these API routes plus every other route seen.
 * @example openApiDocument(specs, [{ method: 'GET', url: '/' }], '0.1.0').paths['/']
 */
export function openApiDocument(
  specs: readonly AnyRouteSpec[],
  others: readonly SeenRoute[],
  version: string,
) {
  const paths: Record<string, Record<string, JsonObject>> = {};
  const at = (url: string) => (paths[openApiPath(url)] ??= {});
  for (const spec of specs) at(spec.url)[spec.method.toLowerCase()] = operation(spec);
  for (const route of others) {
    if (UNDOCUMENTED.has(route.method)) continue;
    const method = route.method.toLowerCase();
    const entry = at(route.url);
    if (entry[method]) continue;
    const parameters = pathParameters(route.url);
    entry[method] = {
      tags: ['pages'],
      summary: `HTML page or asset (${route.method} ${route.url})`,
      ...(parameters.length > 0 && { parameters }),
      responses: { 200: { description: 'the page', content: { 'text/html': {} } } },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Chorus',
      version,
      description:
        'Many news articles about one event in, one cited summary and a comparison of the sources out. ' +
        'Writes need `Authorization: Bearer <token>` when the server has a token. Errors answer ' +
        '`{ "error": { "code", "message" } }`.',
    },
    tags: [
      { name: 'stories', description: 'stories and their reports' },
      { name: 'articles', description: 'stored articles and ingesting new ones' },
      { name: 'feeds', description: 'RSS and Atom feeds followed' },
      { name: 'server', description: 'health and this document' },
      { name: 'pages', description: 'the web interface (HTML)' },
    ],
    components: { securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer' } } },
    paths,
  };
}
