/** Checks that a rendered page holds no active content that came from input. */
import { parseHTML } from 'linkedom';

export interface ActiveContent {
  readonly scripts: string[];
  readonly handlers: string[];
  readonly badLinks: string[];
  readonly foreign: string[];
}

/** Script elements other than our /static/ one, on* attributes, non-http(s) links, svg/iframe/object. */
export function activeContent(page: string): ActiveContent {
  const { document } = parseHTML(page);
  const all = [...document.querySelectorAll('*')];
  return {
    scripts: [...document.querySelectorAll('script')]
      .map((s) => s.getAttribute('src') ?? `inline: ${s.textContent}`)
      .filter((src) => src !== '/static/chorus.js'),
    handlers: all.flatMap((el) =>
      [...el.attributes]
        .filter((a) => a.name.toLowerCase().startsWith('on'))
        .map((a) => `${el.tagName} ${a.name}`),
    ),
    badLinks: [...document.querySelectorAll('[href],[src],[action]')]
      .map((el) => el.getAttribute('href') ?? el.getAttribute('src') ?? el.getAttribute('action') ?? '')
      .filter((u) => /^\s*(javascript|data|vbscript):/i.test(u)),
    foreign: all
      .map((el) => el.tagName.toLowerCase())
      .filter((t) => ['svg', 'iframe', 'object', 'embed', 'img', 'b', 'i'].includes(t)),
  };
}

export type Doc = ReturnType<typeof parseHTML>['document'];

export function parse(page: string): Doc {
  return parseHTML(page).document;
}

/** Text of an element as a reader sees it: whitespace runs collapsed (the formatter wraps templates). */
export function textOf(el: { textContent: string | null } | null | undefined): string {
  return (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
}
