/**
 * The published schema of Chorus's JSON output (`chorus summarize --json`, `GET /api/stories/:id`).
 * It mirrors model.ts; a test checks that real reports validate, and `npm run schema` writes the JSON
 * Schema form to `schema/report.schema.json` for people who do not use TypeScript.
 */
import { z } from 'zod';

const index = z.number().int().nonnegative();
const articles = z.array(index);

export const ArticleSchema = z.object({
  id: z.string().min(1),
  source: z.string(),
  url: z.string().optional(),
  title: z.string().optional(),
  byline: z.string().optional(),
  date: z.string().optional(),
  text: z.string(),
  language: z.string().optional(),
  warnings: z.array(z.string()),
});

export const StorySchema = z.object({
  id: z.string(),
  title: z.string().optional(),
  articles: z.array(ArticleSchema),
});

export const CitationSchema = z.object({
  article: index,
  articleId: z.string(),
  source: z.string(),
  sentence: index,
  similarity: z.number().min(0).max(1),
  // Evidence of the same-content decision; reports stored before it existed lack both.
  score: z.number().min(0).max(1).optional(),
  passage: z.string().optional(),
  origin: z.boolean(),
});

export const SummarySchema = z.object({
  method: z.string(),
  words: index,
  sentences: z.array(z.object({ text: z.string().min(1), citations: z.array(CitationSchema).min(1) })),
  warnings: z.array(z.string()),
});

const FactSchema = z.object({ text: z.string(), articles });

export const ComparisonSchema = z.object({
  agreed: z.array(FactSchema),
  unique: z.array(z.object({ article: index, facts: z.array(FactSchema) })),
  quotes: z.array(z.object({ text: z.string(), speaker: z.string().optional(), articles })),
  entities: z.array(
    z.object({
      name: z.string(),
      kind: z.enum(['person', 'organization', 'place']),
      mentions: z.record(z.string(), z.number().int().positive()),
    }),
  ),
  figures: z.array(
    z.object({
      kind: z.enum(['number', 'date', 'money', 'percent']),
      value: z.string(),
      context: z.string(),
      articles,
      written: z.string().optional(),
      phrase: z.string().optional(),
    }),
  ),
  disagreements: z.array(
    z.object({
      topic: z.string(),
      sides: z
        .array(z.object({ value: z.string(), written: z.string().optional(), text: z.string(), articles }))
        .min(2),
    }),
  ),
});

export const StoryReportSchema = z.object({
  story: StorySchema,
  summary: SummarySchema,
  comparison: ComparisonSchema,
  duplicates: z.array(z.object({ article: index, original: index, similarity: z.number().min(0).max(1) })),
  warnings: z.array(z.string()),
});
