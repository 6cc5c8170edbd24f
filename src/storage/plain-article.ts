import type { Article } from '../core/model.js';
import { ARTICLE_FIELDS, record } from './rows.js';
import type { StoredArticle } from './store.js';

/** The plain Article record of a stored one (store bookkeeping stays out of reports). */
export const plainArticle = (a: StoredArticle): Article => record(a, ARTICLE_FIELDS);
