/** Reading stories: the list (paged, filtered, searched), one story with its report, and search. */
import { ChorusError } from '../../core/errors.js';
import { factKey, newSince, reportFacts, sentenceKey } from '../../core/story-life.js';
import type { StoredStory } from '../../storage/store.js';
import { movedUrl } from '../moved-url.js';
import { parseSince } from '../since-query.js';
import {
  ErrorAnswer,
  IdParams,
  SearchAnswer,
  SearchQuery,
  StoryDetail,
  StoryDetailQuery,
  StoryListQuery,
  StoryPage,
} from '../api-schemas.js';
import { defineRoute, type AnyRouteSpec } from '../api-route.js';
import type { AppDeps } from '../deps.js';

/** What of `story`'s report entered after `since`, each with the time it was first seen. */
function lifeSince(story: StoredStory, firstSeen: ReadonlyMap<string, string>, since: string) {
  const report = story.report;
  if (!report) return { since, newSentences: [], newFacts: [] };
  const fresh = newSince(report, firstSeen, since);
  return {
    since: fresh.since,
    newSentences: fresh.sentences.map((index) => {
      const sentence = report.summary.sentences[index]!;
      return { index, firstSeenAt: firstSeen.get(sentenceKey(sentence)) ?? '', sentence };
    }),
    newFacts: reportFacts(report)
      .filter((f) => fresh.facts.has(factKey(report, f)))
      .map((fact) => ({ firstSeenAt: firstSeen.get(factKey(report, fact)) ?? '', fact })),
  };
}

/**
 * The API form of a stored story: its record, its report (null before the first one), its articles
 * and its life (with what entered after `since`, given the first-seen times of its report keys).
 */
export function storyDetail(
  story: StoredStory,
  fresh?: { readonly since: string; readonly firstSeen: ReadonlyMap<string, string> },
) {
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
    life: {
      firstSeenAt: story.createdAt,
      updatedAt: story.updatedAt,
      ...(fresh && lifeSince(story, fresh.firstSeen, fresh.since)),
    },
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
      description:
        'With ?since=, life.newSentences and life.newFacts list what entered the report after that time. ' +
        'A story merged into another answers 301 to the story it joined.',
      params: IdParams,
      query: StoryDetailQuery,
      responses: {
        200: { description: 'the story', schema: StoryDetail },
        301: { description: 'the story was merged into another: Location names it' },
        400: badQuery,
        404: notFound,
      },
      handler: async ({ params, query, request, reply }) => {
        const story = await store.getStory(params.id);
        if (!story) {
          const moved = await store.storyMovedTo(params.id);
          if (moved) return reply.redirect(movedUrl(request.url, moved), 301);
          throw new ChorusError('not-found', `expected a story with id "${params.id}", found none`);
        }
        const since = parseSince(query.since);
        if (!since) return storyDetail(story);
        return storyDetail(story, { since, firstSeen: await store.reportKeysFirstSeen(story.id) });
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
