/**
 * The shapes the API reads and writes, as zod schemas: handlers validate requests with them, and the
 * OpenAPI document (`openapi.ts`) publishes their JSON Schema form, so the document cannot drift from
 * what the server checks. Response schemas mirror `src/storage/store.ts` and `src/core/schema.ts`.
 */
import { z } from 'zod';
import { ArticleSchema, StoryReportSchema } from '../core/schema.js';

/** Query numbers arrive as strings; this reads them as whole numbers within bounds. */
const whole = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

const isoDate = z
  .string()
  .max(64)
  .refine((s) => !Number.isNaN(Date.parse(s)), { message: 'expected an ISO 8601 date or date-time' });

export const StoryListQuery = z.object({
  limit: whole(1, 200).optional().describe('page size, 1 to 200 (default 20)'),
  offset: whole(0, 1_000_000_000).optional(),
  since: isoDate.optional().describe('only stories whose latest article is at or after this time'),
  until: isoDate.optional().describe('only stories whose latest article is before this time'),
  q: z.string().max(500).optional().describe('words to search in article titles and texts'),
  order: z.enum(['newest', 'biggest']).optional(),
});

export const ArticleListQuery = z.object({
  limit: whole(1, 200).optional(),
  offset: whole(0, 1_000_000_000).optional(),
  storyId: z.string().min(1).max(200).optional(),
  feedId: z.string().min(1).max(200).optional(),
  q: z.string().max(500).optional(),
});

export const SearchQuery = z.object({
  q: z.string().trim().min(1, 'expected words to search for').max(500),
  limit: whole(1, 200).optional(),
  offset: whole(0, 1_000_000_000).optional(),
});

export const IdParams = z.object({ id: z.string().min(1).max(500) });

/** One article as posted: only `text` is required; the rest is cleaned like any other input. */
export const ArticleInput = z.object({
  text: z.string().max(2_000_000),
  id: z.string().max(500).optional(),
  source: z.string().max(500).optional(),
  url: z.string().max(4000).optional(),
  title: z.string().max(2000).optional(),
  byline: z.string().max(2000).optional(),
  date: z.string().max(100).optional(),
  language: z.string().max(20).optional(),
});

/** Articles per POST /api/articles request (larger sets go in several requests). */
export const MAX_POSTED_ARTICLES = 5000;

export const ArticlesBody = z.union([ArticleInput, z.array(z.unknown()).min(1).max(MAX_POSTED_ARTICLES)]);

export const FeedInput = z.object({
  url: z.string().min(1).max(4000),
  title: z.string().max(500).optional(),
});

export const StoredArticleSchema = ArticleSchema.extend({
  storyId: z.string().nullable(),
  contentHash: z.string(),
  duplicateOf: z.string().optional(),
  duplicateSimilarity: z.number().optional(),
  feedId: z.string().optional(),
  ingestedAt: z.string(),
  seq: z.number().int(),
});

export const StoryListItemSchema = z.object({
  id: z.string(),
  title: z.string().optional(),
  articleCount: z.number().int(),
  sourceCount: z.number().int(),
  sources: z.array(z.string()),
  firstAt: z.string(),
  lastAt: z.string(),
  updatedAt: z.string(),
  lead: z.string().optional(),
});

const page = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    total: z.number().int(),
    limit: z.number().int(),
    offset: z.number().int(),
  });

export const StoryPage = page(StoryListItemSchema);
export const ArticlePage = page(StoredArticleSchema);

export const StoryDetail = z.object({
  story: z.object({
    id: z.string(),
    title: z.string().optional(),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: z.number().int(),
    reportVersion: z.number().int().optional(),
    /** True when the report was built from the story as it is now. */
    reportCurrent: z.boolean(),
  }),
  report: StoryReportSchema.nullable(),
  articles: z.array(StoredArticleSchema),
  life: z
    .object({
      firstSeenAt: z.string().describe('when the story was first stored'),
      updatedAt: z.string().describe('when an article last joined or left it'),
      since: z.string().optional().describe('the ?since= asked, as ISO'),
      newSentences: z
        .array(z.object({ index: z.number().int(), firstSeenAt: z.string(), sentence: z.unknown() }))
        .optional()
        .describe('summary sentences (with their citations) that entered after since'),
      newFacts: z
        .array(z.object({ firstSeenAt: z.string(), fact: z.unknown() }))
        .optional()
        .describe('agreed and one-source facts that entered after since'),
    })
    .describe("the story's life; the new-since lists only when ?since= is given"),
});

export const StoryDetailQuery = z.object({
  since: isoDate
    .optional()
    .describe('ISO date or date-time: list the summary sentences and facts that entered after it'),
});

export const IngestOutcomeSchema = z.union([
  z.object({
    status: z.literal('ingested'),
    id: z.string(),
    storyId: z.string(),
    newStory: z.boolean(),
    duplicateOf: z.string().optional(),
    similarity: z.number().optional(),
    warnings: z.array(z.string()),
    gainedBody: z.literal(true).optional(),
  }),
  z.object({ status: z.literal('duplicate'), id: z.string(), storyId: z.string().nullable() }),
  z.object({ status: z.literal('rejected'), reason: z.string() }),
]);

export const IngestAnswer = z.object({
  outcomes: z.array(IngestOutcomeSchema),
  counts: z.object({ ingested: z.number().int(), duplicate: z.number().int(), rejected: z.number().int() }),
  stories: z.array(z.string()),
  warnings: z.array(z.string()),
});

export const UploadAnswer = IngestAnswer.extend({
  files: z.array(
    z.object({
      name: z.string(),
      status: z.enum(['read', 'rejected']),
      articles: z.number().int(),
      reason: z.string().optional(),
    }),
  ),
});

export const FeedSchema = z.object({
  id: z.string(),
  url: z.string(),
  title: z.string().optional(),
  etag: z.string().optional(),
  lastModified: z.string().optional(),
  lastPolledAt: z.string().optional(),
  lastError: z.string().optional(),
  createdAt: z.string(),
  paused: z.boolean(),
  pausedAt: z.string().optional(),
  articleCount: z.number().int(),
  nextPollAt: z.string().optional().describe('next scheduled poll; absent when paused or no worker runs'),
});

export const PollAnswer = z.object({
  feedId: z.string(),
  url: z.string(),
  status: z.enum(['updated', 'not-modified', 'failed']),
  items: z.number().int(),
  outcomes: z.array(IngestOutcomeSchema),
  error: z.string().optional(),
});

export const HealthAnswer = z.object({
  status: z.literal('ok'),
  store: z.enum(['sqlite', 'postgres']),
  articles: z.number().int(),
  stories: z.number().int(),
  feeds: z.number().int(),
  staleReports: z.number().int(),
});

export const SearchAnswer = z.object({
  q: z.string(),
  stories: StoryPage,
  articles: ArticlePage,
});

export const ErrorAnswer = z.object({
  error: z.object({ code: z.string(), message: z.string() }),
});
