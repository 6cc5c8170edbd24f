/**
 * Plain text of HTML: clutter removed (scripts, navigation, cookie banners, share prompts, related-link
 * lists), block elements turned into paragraphs separated by a blank line. What comes out is text,
 * never markup, so nothing from a page is rendered as HTML later.
 */
import { ELEMENT_NODE, TEXT_NODE, type DomDocument, type DomElement, type DomNode } from './dom.js';

/** Elements that never hold article text. */
const DROP_TAGS =
  'script, style, noscript, template, iframe, object, embed, svg, canvas, video, audio, button, ' +
  'input, select, textarea, nav, aside, dialog, figure, figcaption, [hidden], [aria-hidden="true"], ' +
  '[role="navigation"], [role="banner"], [role="contentinfo"], [role="complementary"], [role="dialog"], ' +
  '[role="alertdialog"], [role="search"]';

/** Class or id words of page furniture; matched on whole dash- or underscore-separated words. */
const CLUTTER =
  /(^|[-_ ])(cookies?|consent|gdpr|share|sharing|social|newsletter|subscribe|subscription|signup|captions?|credits?|byline|posted|updated|timestamp|meta|dateline-?time|article-?meta|related|recommended|read-?more|more-?stories|promo|advert|advertisement|ads?|sponsored|comments?|breadcrumbs?|popup|modal|rails?|tooltips?|popovers?|hover-?cards?|rollover-[a-z]+-block|outbrain|taboola|toolbar|skip-?link|site-?header|site-?footer|masthead|menu)([-_ ]|$)/i;

/**
 * Whole class words of an article body: an element classed `entry-content entry-content-read-more` is
 * the article, whatever its second class says (`article-body__newsletter` is not such a word).
 */
const BODY_CLASS =
  /^(?:entry-content|article-?body|article-?content|articlebody|post-?content|post-?body|story-?body|story-?content|content-?body|body-?text)$/i;

/** Elements that end a paragraph. */
const BLOCK =
  /^(P|DIV|SECTION|ARTICLE|MAIN|HEADER|FOOTER|H[1-6]|LI|UL|OL|DL|DT|DD|BLOCKQUOTE|PRE|TABLE|TR|TD|TH|BR|HR|ADDRESS|FIGURE)$/;

function textLength(el: DomElement | null): number {
  return (el?.textContent ?? '').replace(/\s+/g, '').length;
}

/**
 * Removes page furniture in place. An element whose class or id looks like clutter is kept when it holds
 * most of the page's text: a wrapper classed `article has-share-bar` is the article, not a share bar.
 */
export function removeClutter(document: DomDocument): void {
  for (const el of [...document.querySelectorAll(DROP_TAGS)]) el.remove();
  // A page header or footer outside the article is furniture; inside it, it may hold the byline.
  for (const el of [...document.querySelectorAll('header, footer')]) if (!el.closest('article')) el.remove();
  const total = textLength(document.body);
  // Some sites wrap the whole page in one <form> (ASP.NET): a form is a search box or a comment box
  // unless it holds the article.
  for (const el of [...document.querySelectorAll('form')])
    if (!el.querySelector('article, main, [itemprop="articleBody"]') && textLength(el) <= total * 0.5)
      el.remove();
  for (const el of [...document.querySelectorAll('[class], [id]')]) {
    if (/^(HTML|BODY|MAIN|ARTICLE)$/.test(el.tagName)) continue;
    // A camelCase name is read by its last word: `newsCaption` is a caption, `menuSite` is not a menu.
    const words = `${el.className} ${el.id}`.replace(CAMEL_HUMP, '$&-').split(/\s+/);
    if (!words.some((w) => CLUTTER.test(w)) || words.some((w) => BODY_CLASS.test(w))) continue;
    if (textLength(el) > total * 0.5) continue;
    el.remove();
  }
}

/** The lower-case letter before a camelCase word's capital (`newsCaption` → `news-Caption`). */
const CAMEL_HUMP = /\p{Ll}(?=\p{Lu}\p{Ll}*(?:\s|$))/gu;
const LINK_BLOCK = /^(P|LI|H[2-6])$/;
/** Share of a block's letters inside links that makes it a link (leaves room for "[VIDEO]" or "|"). */
const LINK_SHARE = 0.75;

/**
 * A paragraph, list item or subheading that is nothing but a link: related-story lists ("Who will make
 * the Hall in 2020?"), tag lists and "Read more" prompts; an article's own links sit inside its
 * sentences. Looked for in the text already chosen, not before: such lists also tell Readability where
 * the article is not.
 */
function isLinkOnly(el: DomElement): boolean {
  if (!LINK_BLOCK.test(el.tagName) || el.closest('blockquote')) return false;
  const all = textLength(el);
  if (all === 0) return false;
  let linked = 0;
  for (const a of el.querySelectorAll('a')) linked += textLength(a);
  return linked >= all * LINK_SHARE;
}

/**
 * Paragraphs of an element: text gathered across inline elements, a break at every block element.
 * A paragraph that is only a date stamp (`<time>`) is left out: the date is kept as the article's date.
 */
export function blockText(root: DomNode, options: { skipLinkOnly?: boolean } = {}): string {
  const paragraphs: string[] = [];
  let current = '';
  let onlyTime = true;
  const flush = (): void => {
    const p = current.replace(/\s+/g, ' ').trim();
    if (p && !onlyTime) paragraphs.push(p);
    current = '';
    onlyTime = true;
  };
  // An explicit stack rather than recursion: hostile pages nest elements tens of thousands deep.
  type Step = { readonly node: DomNode; readonly inTime: boolean } | { readonly close: true };
  const stack: Step[] = [{ node: root, inTime: false }];
  while (stack.length > 0) {
    const step = stack.pop()!;
    if ('close' in step) {
      flush();
      continue;
    }
    const { node, inTime } = step;
    if (node.nodeType === TEXT_NODE) {
      const t = node.textContent ?? '';
      current += t;
      if (t.trim() && !inTime) onlyTime = false;
      continue;
    }
    if (node.nodeType !== ELEMENT_NODE) continue;
    if (options.skipLinkOnly && isLinkOnly(node as DomElement)) continue;
    const block = BLOCK.test(node.nodeName.toUpperCase());
    if (block) {
      flush();
      stack.push({ close: true });
    }
    const time = inTime || node.nodeName.toUpperCase() === 'TIME';
    const children = Array.from(node.childNodes);
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i]!, inTime: time });
  }
  flush();
  return paragraphs.join('\n\n');
}

/** Deepest nesting of elements under a node, counted without recursion. */
export function nestingDepth(root: DomNode, stopAt: number): number {
  let deepest = 0;
  const stack: [DomNode, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (depth > deepest) deepest = depth;
    if (deepest >= stopAt) return deepest;
    for (const child of Array.from(node.childNodes))
      if (child.nodeType === ELEMENT_NODE) stack.push([child, depth + 1]);
  }
  return deepest;
}
