/**
 * The HTTP application: the JSON API under /api, its OpenAPI document at /openapi.json, and the HTML
 * pages (`routes/pages.ts`, rendered by src/web), all sharing one store, one ingest service and one error handler. `buildApp` does
 * not listen; tests call it in-process with `app.inject`, and `start-server.ts` listens.
 */
import Fastify, { LogController, type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { defineRoute, installRoutes, type AnyRouteSpec } from './api-route.js';
import type { AppDeps } from './deps.js';
import { answerClientError, frameworkErrorHandler, installErrorHandler, sendError } from './error-handler.js';
import { installHostCheck } from './auth.js';
import { openApiDocument, type SeenRoute } from './openapi.js';
import { articleRoutes } from './routes/articles.js';
import { feedRoutes } from './routes/feeds.js';
import { healthRoutes } from './routes/health.js';
import { storyRoutes } from './routes/stories.js';
import { installUploadRoute, uploadRoute } from './routes/upload.js';
import { installPageCache, type PageCache, type PageCacheOptions } from './page-cache.js';
import { installSecurityHeaders } from './security-headers.js';
import { sendNotFoundPage, webRoutes } from './routes/pages.js';

export const API_VERSION = '0.1.0';

/** Longest path parameter (a story or article id) the router matches: Fastify's default, named for its 414. */
const MAX_PARAM_LENGTH = 100;

export interface BuildOptions {
  /** Fastify's logger setting; by default pino at `config.logLevel`, tokens redacted. */
  readonly logger?: FastifyServerOptions['logger'];
  /** Where the default logger writes (standard output when absent). */
  readonly logStream?: NodeJS.WritableStream;
  /** Story answers cached by story version (`page-cache.ts`); false turns the cache off. */
  readonly pageCache?: (Partial<PageCacheOptions> & { cache?: PageCache }) | false;
}

/**
 * Builds the app around `deps`, ready for `inject` or `listen`.
 * @example const app = await buildApp(deps); (await app.inject('/api/health')).json().status === 'ok'
 */
export async function buildApp(deps: AppDeps, options: BuildOptions = {}): Promise<FastifyInstance> {
  const { config } = deps;
  const app = Fastify({
    logger: options.logger ?? {
      level: config.logLevel,
      // Request logs carry method, URL and status; never bodies (article text) or the token.
      redact: ['req.headers.authorization', 'req.headers.cookie'],
      ...(options.logStream && { stream: options.logStream }),
    },
    logController: new LogController({ disableRequestLogging: !config.logRequests }),
    bodyLimit: config.maxUploadBytes,
    // A trailing slash names the same route: /api/stories/ is /api/stories.
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: MAX_PARAM_LENGTH },
    // Errors raised before any route, by the router and by Node's HTTP parser, in our error format.
    frameworkErrors: frameworkErrorHandler({ maxParamLength: MAX_PARAM_LENGTH }),
    clientErrorHandler: answerClientError,
  });

  const seen: SeenRoute[] = [];
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) seen.push({ method, url: route.url });
  });
  installErrorHandler(app);
  installSecurityHeaders(app);
  installHostCheck(app, config);
  if (options.pageCache !== false) installPageCache(app, deps.store, options.pageCache ?? {});

  const upload = uploadRoute(deps);
  const api: AnyRouteSpec[] = [
    ...healthRoutes(deps),
    ...storyRoutes(deps),
    ...articleRoutes(deps),
    ...feedRoutes(deps),
  ];
  let document: ReturnType<typeof openApiDocument> | undefined;
  const documentRoute = defineRoute({
    method: 'GET',
    url: '/openapi.json',
    tag: 'server',
    summary: 'This API described as an OpenAPI 3.1 document',
    responses: { 200: { description: 'the OpenAPI document' } },
    handler: async () => {
      // Built on first request, when every plugin has registered its routes.
      const all = [...api, upload, documentRoute];
      const documented = new Set(all.map((s) => `${s.method} ${s.url}`));
      document ??= openApiDocument(
        all,
        seen.filter((r) => !documented.has(`${r.method} ${r.url}`)),
        API_VERSION,
      );
      return document;
    },
  });

  await app.register(
    async (scope) => {
      scope.setNotFoundHandler((request, reply) =>
        sendError(
          reply,
          'not-found',
          `expected an API route, found none at ${request.method} ${request.url}`,
        ),
      );
      installRoutes(scope, api, config, '/api');
      await installUploadRoute(scope, upload, config, '/api');
    },
    { prefix: '/api' },
  );
  installRoutes(app, [documentRoute], config);
  await app.register(webRoutes, deps);
  // Outside /api an unknown path is a page the user typed or followed: answer with the HTML 404.
  app.setNotFoundHandler((_request, reply) => sendNotFoundPage(reply));
  return app;
}
