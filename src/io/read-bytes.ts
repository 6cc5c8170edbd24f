/**
 * One input's bytes → its articles: decode, tell the format (by file extension, else by content),
 * and hand the text to the reader of that format.
 */
import { ChorusError } from '../core/errors.js';
import type { Article } from '../core/model.js';
import { buildArticle, fileStem, type InputMeta } from './build-article.js';
import { decodeBytes } from './decode.js';
import { extractHtml } from './html-article.js';
import { parseJsonArticles, parseJsonLines } from './json-articles.js';
import { parseMultiNewsLine } from './multinews.js';
import { parseTextArticle } from './text-article.js';

export type InputFormat = 'html' | 'text' | 'json' | 'jsonl' | 'multinews-src' | 'feed';

export interface BytesRead {
  /** Every article read that has text. */
  readonly articles: Article[];
  /** Problems with the input as a whole or with single records, that did not stop it. */
  readonly warnings: string[];
  readonly format: InputFormat;
}

const BY_EXTENSION: Readonly<Record<string, InputFormat>> = {
  html: 'html',
  htm: 'html',
  xhtml: 'html',
  shtml: 'html',
  txt: 'text',
  text: 'text',
  md: 'text',
  story: 'text',
  json: 'json',
  jsonl: 'jsonl',
  ndjson: 'jsonl',
  src: 'multinews-src',
  rss: 'feed',
  atom: 'feed',
};

/** The format a file name announces (`.jsonl.gz` counts as `.jsonl`), if any. */
export function formatOfName(name: string | undefined): InputFormat | undefined {
  const ext = /\.([a-z0-9]+)(?:\.gz)?$/i.exec(name ?? '')?.[1]?.toLowerCase();
  return ext ? BY_EXTENSION[ext] : undefined;
}

/** The format the text itself shows: markup, JSON, JSON lines, Multi-News separators, or plain text. */
export function sniffFormat(text: string): InputFormat {
  const head = text
    .slice(0, 2048)
    .replace(/^\uFEFF/, '')
    .trimStart();
  if (
    /^<\?xml[^>]*>\s*(<!--[\s\S]*?-->\s*)*<(rss|feed|rdf:RDF)[\s>]/i.test(head) ||
    /^<(rss|feed)[\s>]/i.test(head)
  )
    return 'feed';
  if (
    /^(<!doctype html|<html|<head|<body|<article|<!--)/i.test(head) ||
    /^<(p|div|h1|main|section)[\s>]/i.test(head)
  )
    return 'html';
  if (head.startsWith('[')) return 'json';
  if (head.startsWith('{')) {
    const lines = text.split('\n').filter((l) => l.trim());
    return lines.length > 1 && lines.every((l) => l.trimStart().startsWith('{')) ? 'jsonl' : 'json';
  }
  if (text.includes('|||||')) return 'multinews-src';
  return 'text';
}

function readText(text: string, format: InputFormat, meta: InputMeta, warnings: string[]): BytesRead {
  switch (format) {
    case 'html':
      return { format, warnings: [], articles: [buildArticle({ ...extractHtml(text), warnings }, meta)] };
    case 'text':
      return { format, warnings: [], articles: [parseTextArticle(text, meta, warnings)] };
    case 'json':
      return { format, ...withFileWarnings(parseJsonArticles(text, meta), warnings) };
    case 'jsonl':
      return { format, ...withFileWarnings(parseJsonLines(text, meta), warnings) };
    case 'multinews-src': {
      // Source lines carry no ids: the file name keeps `line-3#1` of two files apart.
      const prefix = fileStem(meta.fileName);
      const articles = text
        .split(/\r?\n/)
        .flatMap((line, i) => (line.trim() ? parseMultiNewsLine(line, i + 1).story.articles : []))
        .map((a) => (prefix ? Object.freeze({ ...a, id: `${prefix}/${a.id}` }) : a));
      return { format, warnings, articles };
    }
    case 'feed':
      throw new ChorusError(
        'unsupported-input',
        'expected an article, found an RSS or Atom feed (add it with `chorus feeds add URL` instead)',
      );
  }
}

function withFileWarnings(read: { articles: Article[]; warnings: string[] }, warnings: readonly string[]) {
  return { articles: read.articles, warnings: [...warnings, ...read.warnings] };
}

/**
 * Keeps the articles that have text. A single article without text, or a file none of whose records has
 * any, is refused with the reason (`looks like a cookie notice, not an article`, `no article text`).
 */
function keepWithText(read: BytesRead): BytesRead {
  const kept = read.articles.filter((a) => a.text.length > 0);
  const dropped = read.articles.length - kept.length;
  if (kept.length === 0) {
    const only = read.articles.length === 1 ? read.articles[0] : undefined;
    const why = only
      ? (only.warnings.find((w) => w.startsWith('dropped:') || w === 'no article text') ?? 'no article text')
      : read.articles.length === 0
        ? (read.warnings[0] ?? 'no article records')
        : `none of its ${read.articles.length} records has article text`;
    throw new ChorusError('unsupported-input', why.replace(/^dropped: /, ''), {
      detail: { warnings: [...read.warnings, ...(only?.warnings.filter((w) => w !== why) ?? [])] },
    });
  }
  if (dropped === 0) return read;
  return {
    ...read,
    articles: kept,
    warnings: [
      ...read.warnings,
      `${dropped} record${dropped === 1 ? '' : 's'} without article text left out`,
    ],
  };
}

/**
 * Reads the articles of one input from its bytes: only articles with text come back. Throws a ChorusError
 * for what gives none (empty, binary, malformed JSON, a feed, a page without an article); single bad
 * records of a file become warnings.
 */
export function readBytes(bytes: Uint8Array, meta: InputMeta = {}): BytesRead {
  if (bytes.length === 0) throw new ChorusError('empty-input', 'empty file (0 bytes)');
  const decoded = decodeBytes(bytes);
  if (!decoded.text.trim()) throw new ChorusError('empty-input', 'no text (only white space)');
  const format = formatOfName(meta.fileName) ?? sniffFormat(decoded.text);
  // A .txt that is really a saved web page is read as a page.
  const actual = format === 'text' && sniffFormat(decoded.text) === 'html' ? 'html' : format;
  return keepWithText(readText(decoded.text, actual, meta, [...decoded.warnings]));
}
