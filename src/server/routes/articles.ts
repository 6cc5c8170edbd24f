/** Reading stored articles, and posting new ones as JSON records. */
import { ChorusError } from '../../core/errors.js';
import {
  ArticleListQuery,
  ArticlePage,
  ArticlesBody,
  ErrorAnswer,
  IdParams,
  IngestAnswer,
  StoredArticleSchema,
} from '../api-schemas.js';
import { defineRoute, type AnyRouteSpec } from '../api-route.js';
import type { AppDeps } from '../deps.js';
import { articleFromRecord, ingestInputs } from '../ingest-answer.js';

export function articleRoutes({ store, service }: AppDeps): AnyRouteSpec[] {
  return [
    defineRoute({
      method: 'GET',
      url: '/api/articles',
      tag: 'articles',
      summary: 'List stored articles, newest first, optionally of one story or feed, or matching words',
      query: ArticleListQuery,
      responses: {
        200: { description: 'a page of articles', schema: ArticlePage },
        400: { description: 'invalid query', schema: ErrorAnswer },
      },
      handler: ({ query }) =>
        store.listArticles({
          ...(query.limit !== undefined && { limit: query.limit }),
          ...(query.offset !== undefined && { offset: query.offset }),
          ...(query.storyId && { storyId: query.storyId }),
          ...(query.feedId && { feedId: query.feedId }),
          ...(query.q?.trim() && { search: query.q.trim() }),
        }),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/articles/:id',
      tag: 'articles',
      summary: 'One stored article, with its story and the article it copies, if any',
      params: IdParams,
      responses: {
        200: { description: 'the article', schema: StoredArticleSchema },
        404: { description: 'no such article', schema: ErrorAnswer },
      },
      handler: async ({ params }) => {
        const article = await store.getArticle(params.id);
        if (!article)
          throw new ChorusError('not-found', `expected an article with id "${params.id}", found none`);
        return article;
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/articles',
      tag: 'articles',
      write: true,
      summary: 'Ingest one article or an array of articles (JSON records with at least "text")',
      description:
        'Each record gets an outcome in input order: ingested (with its story), duplicate (already ' +
        'stored: same text and URL) or rejected with a reason. Posting the same records again stores ' +
        'nothing twice.',
      body: ArticlesBody,
      responses: {
        200: { description: 'one outcome per record', schema: IngestAnswer },
        400: { description: 'not an article or an array of them', schema: ErrorAnswer },
        401: { description: 'missing or wrong token', schema: ErrorAnswer },
        413: { description: 'request body too large', schema: ErrorAnswer },
      },
      handler: ({ body }) => {
        const records: unknown[] = Array.isArray(body) ? body : [body];
        return ingestInputs(service, records.map(articleFromRecord));
      },
    }),
  ];
}
