/**
 * The small part of the DOM that the HTML readers use, typed here because the project compiles without
 * the DOM library (the core never sees a page). linkedom provides the implementation.
 */
import { createRequire } from 'node:module';
import type { parseHTML } from 'linkedom';
import { ChorusError } from '../core/errors.js';

let parseHtml: typeof parseHTML | undefined;

/**
 * linkedom's parser, loaded on the first page parsed: importing linkedom costs about 130 ms of CPU,
 * which commands reading only text and JSON (`chorus cluster` over a Multi-News stream) never need.
 * Loaded through `require`, that is its CommonJS build, made from the same source as its ES modules.
 */
function linkedomParser(): typeof parseHTML {
  parseHtml ??= (createRequire(import.meta.url)('linkedom') as { parseHTML: typeof parseHTML }).parseHTML;
  return parseHtml;
}

export interface DomNode {
  readonly nodeType: number;
  readonly nodeName: string;
  readonly textContent: string | null;
  readonly childNodes: ArrayLike<DomNode>;
  readonly parentElement: DomElement | null;
}

export interface DomElement extends DomNode {
  readonly tagName: string;
  readonly id: string;
  readonly className: string;
  getAttribute(name: string): string | null;
  hasAttribute(name: string): boolean;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): Iterable<DomElement>;
  closest(selector: string): DomElement | null;
  remove(): void;
}

export interface DomDocument {
  readonly documentElement: DomElement | null;
  readonly body: DomElement | null;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): Iterable<DomElement>;
}

export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;

/**
 * Parses a page or a fragment. linkedom (and Readability over it) needs an `<html>` with a `<body>`:
 * fragments such as feed item bodies are wrapped first.
 */
export function parseDocument(html: string): DomDocument {
  assertNesting(html);
  const { document } = linkedomParser()(wrapFragment(html)) as unknown as { document: DomDocument };
  return document;
}

/** Gives a page without `<html>` or `<body>` both, keeping what its `<head>` held in the head. */
export function wrapFragment(html: string): string {
  if (/<html[\s>]/i.test(html) && /<body[\s>]/i.test(html)) return html;
  const head = /<head[^>]*>([\s\S]*?)<\/head>/i.exec(html)?.[1] ?? '';
  const rest = html
    .replace(/<head[^>]*>[\s\S]*?<\/head>/i, '')
    .replace(/<!doctype[^>]*>|<\/?html[^>]*>|<\/?body[^>]*>/gi, '');
  return `<!doctype html><html><head>${head}</head><body>${rest}</body></html>`;
}

/** Deepest nesting accepted. Real pages stay under a few hundred; linkedom's parse time grows with the square of it. */
export const MAX_NESTING = 5000;
/** Elements that pages always close, so that counting them measures nesting (unlike `<p>` or `<li>`). */
const CONTAINER =
  /<(\/?)(div|span|section|article|main|table|blockquote|ul|ol|a|b|i|em|strong)\b[^>]*?(\/?)>/gi;

/**
 * Refuses markup nested deeper than MAX_NESTING before it is parsed: a hostile page of a few megabytes of
 * `<div>` would otherwise hold the parser for minutes.
 */
export function assertNesting(html: string): void {
  let depth = 0;
  for (const m of html.matchAll(CONTAINER)) {
    if (m[3]) continue;
    depth = m[1] ? Math.max(0, depth - 1) : depth + 1;
    if (depth > MAX_NESTING) {
      throw new ChorusError(
        'unsupported-input',
        `expected an HTML page, found markup nested more than ${MAX_NESTING.toLocaleString('en-US')} levels deep`,
      );
    }
  }
}
