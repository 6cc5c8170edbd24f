/** StoredStory records around the fictional report, for page tests that need no database. */
import type { Article, StoryReport } from '../../src/core/model.js';
import type { StoredArticle, StoredStory } from '../../src/storage/store.js';
import { sampleReport } from './fixtures.js';

export function storedArticle(article: Article, seq: number, storyId: string): StoredArticle {
  return { ...article, storyId, contentHash: `hash-${seq}`, ingestedAt: '2026-05-13T10:00:00Z', seq };
}

/** The sample story as stored, with its report current (or missing, or built before a newer article). */
export function storedStory(state: 'current' | 'none' | 'stale' = 'current'): StoredStory {
  const report: StoryReport = sampleReport();
  const articles = report.story.articles.map((a, i) => storedArticle(a, i + 1, report.story.id));
  const late = storedArticle({ ...articles[0]!, id: 'late', source: 'Late Wire' }, 4, report.story.id);
  return {
    id: report.story.id,
    title: report.story.title,
    createdAt: '2026-05-12T09:30:00Z',
    updatedAt: '2026-05-13T10:00:00Z',
    version: state === 'stale' ? 3 : 2,
    articles: state === 'stale' ? [...articles, late] : articles,
    ...(state !== 'none' && { report, reportVersion: 2 }),
  };
}
