/** Reading stories: the list (paged, filtered, searched), one story with its report, and search. */
import { ChorusError } from '../../core/errors.js';
import type { StoredStory } from '../../storage/store.js';
import {
  ErrorAnswer,
  IdParams,
  SearchAnswer,
  SearchQuery,
  StoryDetail,
  StoryListQuery,
  StoryPage,
} from '../api-schemas.js';
import { defineRoute, type AnyRouteSpec } from '../api-route.js';
import type { AppDeps } from '../deps.js';

/** The API form of a stored story: its record, its report (null before the first one) and its articles. */
export function storyDetail(story: StoredStory) {
  return {
    story: {
      id: story.id,
      ...(story.title !== undefined && { title: story.title }),
      createdAt: story.createdAt,
      updatedAt: story.updatedAt,
      version: story.version,
      ...(story.reportVersion !== undefined && { reportVersion: story.reportVersion }),
      reportCurrent: story.report !== undefined && story.reportVersion === story.version,
    },
    report: story.report ?? null,
    articles: story.articles,
  };
}

const notFound = { description: 'no such story', schema: ErrorAnswer };
const badQuery = { description: 'invalid query', schema: ErrorAnswer };

export function storyRoutes({ store }: AppDeps): AnyRouteSpec[] {
  return [
    defineRoute({
      method: 'GET',
      url: '/api/stories',
      tag: 'stories',
      summary: 'List stories, newest or biggest first, optionally filtered by time and words',
      query: StoryListQuery,
      responses: { 200: { description: 'a page of stories', schema: StoryPage }, 400: badQuery },
      handler: ({ query }) =>
        store.listStories({
          ...(query.limit !== undefined && { limit: query.limit }),
          ...(query.offset !== undefined && { offset: query.offset }),
          ...(query.since && { since: new Date(query.since).toISOString() }),
          ...(query.until && { until: new Date(query.until).toISOString() }),
          ...(query.q?.trim() && { search: query.q.trim() }),
          ...(query.order && { order: query.order }),
        }),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/stories/:id',
      tag: 'stories',
      summary: 'One story: its report (cited summary, comparison of sources, duplicates) and its articles',
      params: IdParams,
      responses: { 200: { description: 'the story', schema: StoryDetail }, 404: notFound },
      handler: async ({ params }) => {
        const story = await store.getStory(params.id);
        if (!story) throw new ChorusError('not-found', `expected a story with id "${params.id}", found none`);
        return storyDetail(story);
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/search',
      tag: 'stories',
      summary: 'Search stories and articles by words in titles and texts',
      query: SearchQuery,
      responses: {
        200: { description: 'matching stories and articles', schema: SearchAnswer },
        400: badQuery,
      },
      handler: async ({ query }) => {
        const paging = {
          ...(query.limit !== undefined && { limit: query.limit }),
          ...(query.offset !== undefined && { offset: query.offset }),
        };
        const [stories, articles] = await Promise.all([
          store.listStories({ ...paging, search: query.q }),
          store.listArticles({ ...paging, search: query.q }),
        ]);
        return { q: query.q, stories, articles };
      },
    }),
  ];
}
