/**
 * The last step of every reader: the fields a file gave, plus what the readers can tell from outside
 * the text (source name, date form, language), made into an Article by the core's `makeArticle`.
 */
import { makeArticle, type ArticleFields } from '../core/article.js';
import type { Article } from '../core/model.js';
import { guessLanguage, languageCode, languageWarning } from './language.js';

/** Where an article came from, as a caller knows it: the page address, an outlet name, the file name. */
export interface InputMeta {
  readonly url?: string;
  readonly source?: string;
  readonly fileName?: string;
}

export interface ReadFields extends Omit<ArticleFields, 'source'> {
  /** The outlet's name as the input states it (JSON-LD publisher, og:site_name, `Source:` line, JSON field). */
  readonly outlet?: string;
  /** Language the input declares (`<html lang>`), used when the text is too short to tell. */
  readonly declaredLanguage?: string;
}

/** Host of a URL without `www.`, or undefined when it is not an absolute http(s) URL. */
export function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    return /^https?:$/.test(u.protocol) ? u.hostname.replace(/^www\./, '') : undefined;
  } catch {
    return undefined;
  }
}

/** `harbor-gazette.html` → `harbor-gazette`; `story.jsonl.gz` → `story`. */
export function fileStem(fileName: string | undefined): string | undefined {
  if (!fileName) return undefined;
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  return base.replace(/(\.[a-z0-9]{1,5})+$/i, '') || base;
}

/**
 * A file name as an outlet name: `riverside-evening-post.txt` → "Riverside Evening Post", since people
 * name saved pages after the outlet; other stems (`article1`, `Notes 2`) are kept as they are.
 */
export function fileSourceName(fileName: string | undefined): string | undefined {
  const stem = fileStem(fileName);
  if (!stem || !/^[a-z]+(?:[-_][a-z0-9]+)+$/.test(stem)) return stem;
  return stem
    .split(/[-_]/)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(' ');
}

/**
 * Source name, from the most to the least specific: the name a caller gives, the outlet named by the
 * input itself, the host of its URL, the file name. (An outlet's own name beats its URL host: "Northgate
 * Herald" says more to a reader than "northgate-herald.example".)
 */
export function sourceName(
  fields: { outlet?: string; url?: string; byline?: string; title?: string },
  meta: InputMeta,
): string | undefined {
  const clean = (s: string | undefined) => s?.replace(/\s+/g, ' ').trim() || undefined;
  const { name: fromFile, hash } = fileNamed(meta.fileName);
  return (
    clean(meta.source) ??
    clean(fields.outlet) ??
    hostOf(fields.url ?? meta.url) ??
    (fromFile && !hash ? fromFile : undefined) ??
    clean(fields.byline) ??
    clean(fields.title) ??
    fromFile
  );
}

/** The last file's source name and whether it looks like a hash: a stream's articles share one file. */
let lastFile: { readonly fileName: string | undefined; readonly name?: string; readonly hash: boolean } = {
  fileName: undefined,
  hash: false,
};

function fileNamed(fileName: string | undefined): { readonly name?: string; readonly hash: boolean } {
  if (fileName !== lastFile.fileName) {
    const name = fileSourceName(fileName);
    lastFile = { fileName, ...(name !== undefined && { name }), hash: name ? looksLikeHash(name) : false };
  }
  return lastFile;
}

/**
 * A file stem that is an id, not a name (`000_ed36d4466021a165`, `3f2a9c41d07b`): a run of eight or
 * more hexadecimal characters mixing digits and letters, or digits alone.
 */
export function looksLikeHash(stem: string): boolean {
  return /(?:^|[-_ ])(?=[0-9a-f]*\d)(?=[0-9a-f]*[a-f])[0-9a-f]{8,}$|^[\d_-]{8,}$/i.test(stem);
}

const MONTH_FIRST = /^[A-Za-z]/;

/**
 * Dates as ISO 8601: ISO input is kept as written (with its offset); other forms that JavaScript reads
 * unambiguously ("March 10, 2026", "10 Mar 2026", RFC 2822) become `YYYY-MM-DD`. Anything else is dropped
 * with a warning: a date that cannot be compared is worse than none.
 */
export function normalizeDate(raw: string | undefined, warnings: string[]): string | undefined {
  const value = raw?.trim();
  if (!value) return undefined;
  if (/^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(value)) return value.replace(' ', 'T');
  if (/^\d{4}\d{2}\d{2}$/.test(value)) return `${value.slice(0, 4)}-${value.slice(4, 6)}-${value.slice(6)}`;
  // Unix time in seconds or milliseconds, as some exporters write it.
  if (/^\d{10}(\d{3})?$/.test(value)) {
    const ms = Number(value) * (value.length === 10 ? 1000 : 1);
    return new Date(ms).toISOString().replace('.000Z', 'Z');
  }
  // Day-first numeric dates (03/04/2026) are ambiguous between countries: not guessed.
  const textual = MONTH_FIRST.test(value) || /^\d{1,2}\s+[A-Za-z]/.test(value);
  const ms = textual ? Date.parse(value.replace(/(\d)(st|nd|rd|th)\b/g, '$1')) : NaN;
  if (!Number.isNaN(ms)) {
    const d = new Date(ms);
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  }
  warnings.push(`date "${value.slice(0, 60)}" not understood; left out`);
  return undefined;
}

/**
 * Makes the Article: source named, date normalised, language guessed from the text (or taken as
 * declared) with a warning when it is not English, then the core's clean-up.
 */
export function buildArticle(fields: ReadFields, meta: InputMeta = {}): Article {
  const warnings = [...(fields.warnings ?? [])];
  const url = fields.url ?? meta.url;
  const source = sourceName({ outlet: fields.outlet, url, byline: fields.byline, title: fields.title }, meta);
  const date = normalizeDate(fields.date, warnings);
  const language =
    languageCode(fields.language) ??
    guessLanguage(fields.text)?.code ??
    languageCode(fields.declaredLanguage);
  const warning = language ? languageWarning(language) : undefined;
  if (warning) warnings.push(warning);
  // The fields `makeArticle` reads, named one by one: a rest copy and conditional spreads cost more
  // than the rest of this function for every article of a stream.
  return makeArticle({
    text: fields.text,
    id: fields.id,
    source: source || undefined,
    url: url || undefined,
    title: fields.title,
    byline: fields.byline,
    date: date || undefined,
    language: language || undefined,
    warnings,
  });
}
