/** The fictional stories of `test/fixtures/dedupe/stories.json` as Articles with their gold story. */
import { readFileSync } from 'node:fs';
import { makeArticle, type ArticleFields } from '../../src/core/article.js';
import type { Article } from '../../src/core/model.js';

interface FixtureStory {
  readonly id: string;
  readonly articles: readonly ArticleFields[];
}

const raw = JSON.parse(readFileSync(new URL('../fixtures/dedupe/stories.json', import.meta.url), 'utf8')) as {
  stories: FixtureStory[];
};

export const STORIES: readonly { id: string; articles: Article[] }[] = raw.stories.map((s) => ({
  id: s.id,
  articles: s.articles.map((a) => makeArticle(a)),
}));

/** Every article with its gold story, interleaved (one of each story in turn), as a feed delivers them. */
export function interleavedStream(): { article: Article; gold: string }[] {
  const out: { article: Article; gold: string }[] = [];
  const longest = Math.max(...STORIES.map((s) => s.articles.length));
  for (let i = 0; i < longest; i++)
    for (const s of STORIES) {
      const article = s.articles[i];
      if (article) out.push({ article, gold: s.id });
    }
  return out;
}
