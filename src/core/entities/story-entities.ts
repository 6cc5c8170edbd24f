/** The entity list of a story given as plain texts, one per article (bench/ner.ts, `chorus entities`). */
import { makeArticle } from '../article.js';
import type { Entity } from '../model.js';
import { analyzeStory } from '../text/analyze.js';
import { countEntities, findEntityMentions } from './find-entities.js';

/**
 * Entities of the story made of `texts`, as a report lists them.
 * @example storyEntities(["John Major met Tiger Woods."]) // → [{ name: "John Major", kind: "person", … }, …]
 */
export function storyEntities(texts: readonly string[], max = Infinity): Entity[] {
  const doc = analyzeStory({
    id: 'entities',
    articles: texts.map((text, i) => makeArticle({ id: `a${i}`, source: `text ${i + 1}`, text })),
  });
  return countEntities(findEntityMentions(doc), max);
}
