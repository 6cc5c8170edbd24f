import type { Article } from '../core/model.js';
import type { StoredArticle } from './store.js';

/** The plain Article record of a stored one (store bookkeeping stays out of reports). */
export function plainArticle(a: StoredArticle): Article {
  return Object.freeze({
    id: a.id,
    source: a.source,
    text: a.text,
    warnings: a.warnings,
    ...(a.url !== undefined && { url: a.url }),
    ...(a.title !== undefined && { title: a.title }),
    ...(a.byline !== undefined && { byline: a.byline }),
    ...(a.date !== undefined && { date: a.date }),
    ...(a.language !== undefined && { language: a.language }),
  });
}
