/** Liveness and readiness in one: answers 200 with the store's counts when the store answers. */
import { ChorusError, isChorusError } from '../../core/errors.js';
import { ErrorAnswer, HealthAnswer } from '../api-schemas.js';
import { defineRoute, type AnyRouteSpec } from '../api-route.js';
import type { AppDeps } from '../deps.js';

export function healthRoutes({ store }: AppDeps): AnyRouteSpec[] {
  return [
    defineRoute({
      method: 'GET',
      url: '/api/health',
      tag: 'server',
      summary: 'Whether the server and its store answer, with counts of what is stored',
      responses: {
        200: { description: 'healthy', schema: HealthAnswer },
        503: { description: 'the store does not answer', schema: ErrorAnswer },
      },
      handler: async () => {
        const stats = await store.stats().catch((error: unknown) => {
          if (isChorusError(error)) throw error;
          throw new ChorusError('storage', `expected the ${store.kind} store to answer, it did not`, {
            cause: error,
          });
        });
        return { status: 'ok' as const, store: store.kind, ...stats };
      },
    }),
  ];
}
