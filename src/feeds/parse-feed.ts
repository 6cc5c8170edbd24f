/**
 * Reading RSS 2.0 and Atom 1.0 feeds into one item list. Entity declarations are refused before parsing
 * (a feed never needs them, and they are how "billion laughs" XML bombs work), and the parser's own entity
 * limits stay on as a second line; anything else malformed is a clear `invalid-input` error.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import iconv from 'iconv-lite';
import { ChorusError } from '../core/errors.js';

export interface FeedItem {
  /** guid / id, else the link, else the title. */
  readonly id: string;
  readonly title?: string;
  readonly link?: string;
  /** ISO date-time, when the item has a date that parses. */
  readonly date?: string;
  readonly author?: string;
  /** Full content or description, as the feed gives it (usually HTML). */
  readonly html?: string;
}

export interface ParsedFeed {
  readonly kind: 'rss' | 'atom';
  readonly title?: string;
  readonly link?: string;
  readonly items: readonly FeedItem[];
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  htmlEntities: false,
  processEntities: {
    enabled: true,
    maxEntitySize: 1000,
    maxEntityCount: 10,
    maxTotalExpansions: 10_000,
    maxExpandedLength: 1_000_000,
  },
  isArray: (name) => ['item', 'entry', 'link', 'author', 'category'].includes(name),
});

/** Text of a node that may be a string, a number or an element with attributes. */
function text(node: unknown): string | undefined {
  if (typeof node === 'string') return node.trim() || undefined;
  if (typeof node === 'number') return String(node);
  if (Array.isArray(node)) return text(node[0]);
  if (node && typeof node === 'object' && '#text' in node)
    return text((node as Record<string, unknown>)['#text']);
  return undefined;
}

function isoDate(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const t = Date.parse(value);
  return Number.isFinite(t) ? new Date(t).toISOString() : undefined;
}

/** Decodes the bytes by BOM, then the XML declaration's encoding, else UTF-8. */
export function decodeXml(bytes: Buffer): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return bytes.subarray(3).toString('utf8');
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return iconv.decode(bytes.subarray(2), 'utf16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return iconv.decode(bytes.subarray(2), 'utf16be');
  const head = bytes.subarray(0, 200).toString('latin1');
  const declared = /<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/i.exec(head)?.[1];
  if (declared && iconv.encodingExists(declared) && !/^utf-?8$/i.test(declared))
    return iconv.decode(bytes, declared);
  return bytes.toString('utf8');
}

function atomLink(links: unknown): string | undefined {
  if (!Array.isArray(links)) return text(links);
  const attrs = links.filter((l): l is Record<string, unknown> => Boolean(l) && typeof l === 'object');
  const alternate = attrs.find((l) => !l['@_rel'] || l['@_rel'] === 'alternate') ?? attrs[0];
  const href = alternate?.['@_href'];
  return typeof href === 'string' ? href : text(links[0]);
}

function rssItem(item: Record<string, unknown>): FeedItem | undefined {
  const link = text(item.link);
  const title = text(item.title);
  const id = text(item.guid) ?? link ?? title;
  if (!id) return undefined;
  const html = text(item['content:encoded']) ?? text(item.description);
  const author = text(item['dc:creator']) ?? text(item.author);
  const date = isoDate(text(item.pubDate) ?? text(item['dc:date']));
  return feedItem(id, { title, link, date, author, html });
}

function atomEntry(entry: Record<string, unknown>): FeedItem | undefined {
  const link = atomLink(entry.link);
  const title = text(entry.title);
  const id = text(entry.id) ?? link ?? title;
  if (!id) return undefined;
  const html = text(entry.content) ?? text(entry.summary);
  const authors = entry.author;
  const author = Array.isArray(authors)
    ? text((authors[0] as Record<string, unknown> | undefined)?.name)
    : undefined;
  const date = isoDate(text(entry.published) ?? text(entry.updated));
  return feedItem(id, { title, link, date, author, html });
}

/** An item with only the fields the feed gave (no empty strings or undefined keys). */
function feedItem(id: string, fields: Omit<FeedItem, 'id'>): FeedItem {
  const given = Object.entries(fields).filter(([, value]) => Boolean(value));
  return { id, ...Object.fromEntries(given) };
}

function records(value: unknown): Record<string, unknown>[] {
  return Array.isArray(value)
    ? value.filter((v): v is Record<string, unknown> => Boolean(v) && typeof v === 'object')
    : [];
}

/**
 * Parses a feed document. `where` names it in errors (its URL).
 * @example parseFeed(bytes, url).items.map((i) => i.link)
 */
export function parseFeed(input: Buffer | string, where = 'the feed'): ParsedFeed {
  const xml = (typeof input === 'string' ? input : decodeXml(input)).replace(/^\uFEFF/, '');
  const start = xml.trimStart().slice(0, 512).toLowerCase();
  if (start.length === 0)
    throw new ChorusError(
      'invalid-input',
      `expected an RSS or Atom feed, found an empty document (${where})`,
    );
  if (start.startsWith('<!doctype html') || start.startsWith('<html')) {
    throw new ChorusError('unsupported-input', `expected an RSS or Atom feed, found an HTML page (${where})`);
  }
  if (/<!ENTITY/i.test(xml)) {
    throw new ChorusError(
      'invalid-input',
      `expected a feed without entity declarations, found <!ENTITY in ${where} (refused: entity expansion is how XML bombs work)`,
    );
  }
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    throw new ChorusError(
      'invalid-input',
      `expected well-formed XML, found an error at line ${valid.err.line} of ${where}: ${valid.err.msg}`,
    );
  }
  let doc: Record<string, unknown>;
  try {
    doc = parser.parse(xml) as Record<string, unknown>;
  } catch (error) {
    throw new ChorusError(
      'invalid-input',
      `cannot parse ${where}: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }
  const rss = doc.rss as Record<string, unknown> | undefined;
  if (rss && typeof rss === 'object') {
    const channel = (rss.channel ?? {}) as Record<string, unknown>;
    const title = text(channel.title);
    const link = text(channel.link);
    const items = records(channel.item)
      .map(rssItem)
      .filter((i): i is FeedItem => i !== undefined);
    return { kind: 'rss', ...(title && { title }), ...(link && { link }), items };
  }
  const feed = doc.feed as Record<string, unknown> | undefined;
  if (feed && typeof feed === 'object') {
    const title = text(feed.title);
    const link = atomLink(feed.link);
    const items = records(feed.entry)
      .map(atomEntry)
      .filter((i): i is FeedItem => i !== undefined);
    return { kind: 'atom', ...(title && { title }), ...(link && { link }), items };
  }
  const root = Object.keys(doc).find((k) => !k.startsWith('?')) ?? 'nothing';
  throw new ChorusError(
    'unsupported-input',
    `expected an RSS 2.0 or Atom feed, found a <${root}> document (${where})`,
  );
}
