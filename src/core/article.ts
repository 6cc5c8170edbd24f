/**
 * Building an Article record from loosely given fields: the one place where text is cleaned, ids are
 * derived and warnings about the content are attached, whatever the input format was.
 */
import { contentHash } from './ids.js';
import type { Article } from './model.js';
import { removeBoilerplate } from './text/boilerplate.js';
import { decodeEntities } from './text/entities.js';

/**
 * Warning carried by an article read from a headline (and maybe a teaser) without its body: a feed item
 * or an aggregator row before its page is fetched. Its text is the teaser or the headline itself.
 */
export const HEADLINE_ONLY = 'headline only: no article body yet';

/** An article read without its body (its text is a teaser or the headline itself). */
export function isHeadlineOnly(article: { readonly warnings?: readonly string[] }): boolean {
  return article.warnings?.includes(HEADLINE_ONLY) ?? false;
}

export interface ArticleFields {
  readonly text: string;
  readonly id?: string;
  readonly source?: string;
  readonly url?: string;
  readonly title?: string;
  readonly byline?: string;
  readonly date?: string;
  readonly language?: string;
  readonly warnings?: readonly string[];
}

/**
 * Anything `normalizeWhitespace` would change: what one of its steps matches, or whitespace at either
 * end (`trim`). A text none of the steps match is left as it is by every step in turn.
 */
const NEEDS_NORMALIZING =
  // eslint-disable-next-line no-control-regex -- the control characters the steps remove
  /\r|[\u0000-\u0008\u000e-\u001f\u007f\u00ad\u200c-\u200f\u2060\ufeff]|[\u00a0\u2000-\u200b\u202f\u205f\u3000\t\f\v]| \n|\n | {2}|\n{3}|^\s|\s$/;

/**
 * Normalises whitespace without losing paragraph breaks, and drops control and invisible format characters
 * (NUL, BEL, soft hyphens, zero-width marks, BOM) that would otherwise split or glue words unseen.
 */
export function normalizeWhitespace(text: string): string {
  // Most texts need nothing (every article's text is normalised again after its clutter is cut): one
  // scan for anything a step below would change returns them as they are, instead of seven passes.
  return NEEDS_NORMALIZING.test(text) ? normalizeWhitespaceStepByStep(text) : text;
}

/** `normalizeWhitespace` without its quick check: every step in turn (exported for the check's test). */
export function normalizeWhitespaceStepByStep(text: string): string {
  return (
    text
      .replace(/\r\n?/g, '\n')
      // eslint-disable-next-line no-control-regex -- removing control characters is the point here
      .replace(/[\u0000-\u0008\u000e-\u001f\u007f\u00ad\u200c-\u200f\u2060\ufeff]/g, '')
      .replace(/[\u00a0\u2000-\u200b\u202f\u205f\u3000\t\f\v]+/g, ' ')
      .replace(/[ ]+\n/g, '\n')
      .replace(/\n[ ]+/g, '\n')
      .replace(/ {2,}/g, ' ')
      .replace(/\n{3,}/g, '\n\n')
      .trim()
  );
}

type Writable<T> = { -readonly [K in keyof T]: T[K] };

/** The trimmed value, or undefined when it is missing or blank. */
function optional(value: string | undefined): string | undefined {
  return value && value.trim() ? value.trim() : undefined;
}

/**
 * Makes a clean Article: entities decoded, whitespace normalised, clutter removed, id from the content when
 * none is given. A text that is nothing but clutter (an error or cookie page) comes back empty, with a
 * warning such as `dropped: looks like a cookie notice, not an article`.
 */
export function makeArticle(fields: ArticleFields): Article {
  // Normalise again after cleaning: decoded entities can be spaces (&nbsp;) and removed clutter leaves gaps.
  // A headline-only item's text is its headline or teaser, not a page: clutter rules would drop
  // "VIDEO: Bridge reopens" whole as a video label (1,881 UCI headlines).
  const headlineOnly = fields.warnings?.includes(HEADLINE_ONLY) ?? false;
  const whole = normalizeWhitespace(fields.text);
  const raw = headlineOnly ? { text: whole, dropped: undefined } : removeBoilerplate(whole);
  // `normalizeWhitespace` is idempotent (test/text/article.test.ts checks it on random texts): a text
  // the filter left as it was needs no second pass (most texts; the pass is a scan of the whole text).
  const text = raw.text === whole ? whole : normalizeWhitespace(raw.text);
  const warnings = [...(fields.warnings ?? [])];
  if (raw.dropped) warnings.push(raw.dropped);
  else if (text.length === 0) warnings.push('no article text');
  // Assigned one by one in the record's key order (JSON output shows it), not spread from
  // conditional objects: every article of a stream comes through here.
  const article: Writable<Article> = {
    id: optional(fields.id) ?? contentHash(text),
    source: optional(fields.source) ?? 'unknown source',
    text,
    warnings,
  };
  const url = optional(fields.url);
  if (url) article.url = url;
  const title = optional(fields.title);
  if (title) article.title = decodeEntities(title);
  const byline = optional(fields.byline);
  if (byline) article.byline = decodeEntities(byline);
  const date = optional(fields.date);
  if (date) article.date = date;
  const language = optional(fields.language);
  if (language) article.language = language;
  return Object.freeze(article);
}
