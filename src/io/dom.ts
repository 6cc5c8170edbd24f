/**
 * The small part of the DOM that the HTML readers use, typed here because the project compiles without
 * the DOM library (the core never sees a page). linkedom provides the implementation.
 */
import { parseHTML } from 'linkedom';

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
  const { document } = parseHTML(wrapFragment(html)) as unknown as { document: DomDocument };
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
