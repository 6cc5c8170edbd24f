/**
 * Article records as JSON: one object, an array of them (or `{ "articles": [...] }`), or JSON lines.
 * Field names vary by exporter, so the common ones are accepted (`text`/`body`/`content`/`articleBody`,
 * `title`/`headline`, `author`/`byline`, `publisher`/`source`, …). A record whose body is HTML goes
 * through the page reader. Multi-News records (`documents`) give one article per document.
 * A bad record is reported and skipped; the others are read.
 */
import { HEADLINE_ONLY } from '../core/article.js';
import { ChorusError } from '../core/errors.js';
import type { Article } from '../core/model.js';
import { buildArticle, type InputMeta } from './build-article.js';
import { extractHtml } from './html-article.js';
import { parseMultiNewsLine } from './multinews.js';

export interface RecordsRead {
  readonly articles: Article[];
  /** Problems with single records ("record 3: …"); the file as a whole was read. */
  readonly warnings: string[];
}

type Json = Record<string, unknown>;

// Not `story`: aggregator exports (UCI News Aggregator, Google News dumps) use it for the story an item
// was grouped into, and reading that id as the article's text would be silent nonsense.
const TEXT_KEYS = ['text', 'body', 'content', 'articleBody', 'article', 'maintext', 'document'];
const TITLE_KEYS = ['title', 'headline'];
/** What a feed entry or aggregator item carries instead of a body. */
const TEASER_KEYS = ['summary', 'description', 'teaser', 'abstract', 'snippet'];

const OUTLET_KEYS = [
  'source',
  'publisher',
  'outlet',
  'site_name',
  'siteName',
  'source_name',
  'source_domain',
];
const DATE_KEYS = [
  'date',
  'published',
  'publishedAt',
  'published_at',
  'datePublished',
  'date_publish',
  'pubDate',
  'day',
];
const BYLINE_KEYS = ['byline', 'author', 'authors', 'creator'];
const URL_KEYS = ['url', 'link', 'href'];
const LANGUAGE_KEYS = ['language', 'lang', 'inLanguage'];

const LOOKS_LIKE_HTML = /<(p|div|br|span|a|article|section|h[1-6]|ul|li|em|strong)[\s>/]/i;

/** A string, a number, `{name}` or a list of those, as one string. */
function value(v: unknown): string | undefined {
  if (typeof v === 'string') return v.trim() || undefined;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (Array.isArray(v)) {
    const parts = v.map(value).filter((x): x is string => x !== undefined);
    return parts.length ? parts.join(', ') : undefined;
  }
  if (v && typeof v === 'object' && 'name' in v) return value((v as Json)['name']);
  return undefined;
}

function first(record: Json, keys: readonly string[]): string | undefined {
  for (const k of keys) {
    const v = value(record[k]);
    if (v !== undefined) return v;
  }
  return undefined;
}

function fromRecord(record: unknown, where: string, meta: InputMeta): Article[] {
  if (!record || typeof record !== 'object' || Array.isArray(record)) {
    throw new ChorusError('invalid-input', `${where}: expected an article object, found ${describe(record)}`);
  }
  const r = record as Json;
  if (isMultiNews(r)) return [...parseMultiNewsLine(JSON.stringify(r), 1).story.articles];
  const body = TEXT_KEYS.map((k) => r[k]).find((v): v is string => typeof v === 'string');
  // A headline without a body (an RSS item, an aggregator row) is an article too: its text is its teaser
  // or, failing that, the headline itself, so every stage has a sentence to read; the warning says so.
  const headline = body === undefined ? first(r, TITLE_KEYS) : undefined;
  const rawText = body ?? (headline === undefined ? undefined : (first(r, TEASER_KEYS) ?? headline));
  const wrongType = TEXT_KEYS.find((k) => r[k] !== undefined && r[k] !== null);
  if (rawText === undefined && wrongType !== undefined) {
    // `{"text": 5}` said "found only \"text\"": the key is there, its value is what is wrong.
    throw new ChorusError(
      'invalid-input',
      `${where}: expected the article text in "${wrongType}" as a string, found ${describe(r[wrongType])}`,
    );
  }
  if (rawText === undefined) {
    throw new ChorusError(
      'invalid-input',
      `${where}: expected the article text in "text", "body" or "content" (or at least a "title"), found ${
        Object.keys(r).length
          ? `only ${Object.keys(r)
              .slice(0, 6)
              .map((k) => `"${k}"`)
              .join(', ')}`
          : 'an empty object'
      }`,
    );
  }
  const html = LOOKS_LIKE_HTML.test(rawText) ? extractHtml(rawText) : undefined;
  const id = value(r['id']);
  const title = first(r, TITLE_KEYS) ?? html?.title;
  const outlet = first(r, OUTLET_KEYS);
  const date = first(r, DATE_KEYS);
  const byline = first(r, BYLINE_KEYS);
  const url = first(r, URL_KEYS);
  const language = first(r, LANGUAGE_KEYS);
  return [
    buildArticle(
      {
        text: html ? html.text : rawText,
        ...(id && { id }),
        ...(title && { title }),
        ...(outlet && { outlet }),
        ...(date && { date }),
        ...(byline && { byline }),
        ...(url && /^https?:\/\//i.test(url) && { url }),
        ...(language && { language }),
        ...(headline !== undefined && { warnings: [HEADLINE_ONLY] }),
      },
      meta,
    ),
  ];
}

/** A Multi-News example: `documents` as a list, or one `document` string with `|||||` between articles. */
function isMultiNews(r: Json): boolean {
  return (
    Array.isArray(r['documents']) || (typeof r['document'] === 'string' && r['document'].includes('|||||'))
  );
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  return typeof v === 'string' ? 'a string' : typeof v === 'object' ? 'an object' : `a ${typeof v}`;
}

function collect(records: readonly unknown[], label: (i: number) => string, meta: InputMeta): RecordsRead {
  const articles: Article[] = [];
  const warnings: string[] = [];
  records.forEach((record, i) => {
    try {
      articles.push(...fromRecord(record, label(i), meta));
    } catch (error) {
      warnings.push(error instanceof Error ? error.message : String(error));
    }
  });
  return { articles, warnings };
}

/** Reads a JSON document: an article object, an array of them, or an object with an `articles` array. */
export function parseJsonArticles(text: string, meta: InputMeta = {}): RecordsRead {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new ChorusError(
      'invalid-input',
      `expected JSON, found malformed JSON (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  const wrapped = data && typeof data === 'object' && !Array.isArray(data) ? (data as Json) : undefined;
  const list = Array.isArray(data)
    ? data
    : Array.isArray(wrapped?.['articles'])
      ? (wrapped['articles'] as unknown[])
      : Array.isArray(wrapped?.['items'])
        ? (wrapped['items'] as unknown[])
        : [data];
  if (list.length === 0) return { articles: [], warnings: ['an empty list of records'] };
  return collect(list, (i) => (list.length === 1 ? 'the record' : `record ${i + 1}`), meta);
}

/** Reads JSON lines: one article (or Multi-News example) per line; blank lines are skipped. */
export function parseJsonLines(text: string, meta: InputMeta = {}): RecordsRead {
  const articles: Article[] = [];
  const warnings: string[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim()) return;
    try {
      let record: unknown;
      try {
        record = JSON.parse(line);
      } catch {
        throw new ChorusError('invalid-input', `line ${i + 1}: expected a JSON object, found malformed JSON`);
      }
      const r = record as Json | null;
      if (r && typeof r === 'object' && isMultiNews(r))
        articles.push(...parseMultiNewsLine(line, i + 1).story.articles);
      else articles.push(...fromRecord(record, `line ${i + 1}`, meta));
    } catch (error) {
      warnings.push(error instanceof Error ? error.message : String(error));
    }
  });
  return { articles, warnings };
}
