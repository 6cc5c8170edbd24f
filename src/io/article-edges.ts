/**
 * The edges of an article's text, where pages and exports leave furniture that sentence-level clean-up
 * cannot see as such: a headline and a by-line written as the first paragraphs of a text file, a
 * "By … · date" line above a page's body, and a "Related:" list of other headlines at the end.
 */

import photoCredits from '../core/text/photo-credits.json' with { type: 'json' };
import { alternatives } from '../core/text/alternatives.js';

const MONTHS =
  'January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec';
/** "By" and a capitalised name; not "By Tuesday, …", "By March 2027 …" or "By the time …". */
const BYLINE = /^(?:by|By|BY)\s+(\p{Lu}[\p{L}'’.-]*)/u;
const NOT_A_NAME = new RegExp(
  `^(?:the|a|an|noon|midnight|then|now|late|early|last|next|this|that|monday|tuesday|wednesday|thursday|friday|saturday|sunday|${MONTHS.toLowerCase()})$`,
);
const TRAILING_DATE = new RegExp(`\\s+(?:${MONTHS})\\.?\\s+\\d.*$|\\s+\\d{1,2}\\s+(?:${MONTHS})\\b.*$`);
/** A by-line is short; a first sentence starting "By noon, …" is not one. */
const MAX_BYLINE_WORDS = 20;
const MAX_TITLE_WORDS = 25;
/** A heading that introduces a list of links to other stories. */
const LIST_HEADING =
  /^(related( stories| articles| coverage| content)?|read more|read next|more on this( story)?|see also|more from [\w .'&-]+|recommended( for you)?|you may also like|most read|trending)\s*:?\s*$/i;
/** Lines after such a heading are headlines: short, one line each. */
const MAX_LIST_LINE_WORDS = 24;

/** A time stamp above the body ("Posted Saturday, March 14, 2026 at 9:30 a.m.", "April 22, 2026 Updated 8:10 a.m."). */
const STAMP = new RegExp(
  `^(posted|published|updated|last updated|first published)\\b|^((mon|tues|wednes|thurs|fri|satur|sun)day,?\\s+)?((${MONTHS})\\.?\\s+\\d{1,2}(st|nd|rd|th)?,?\\s+\\d{4}|\\d{1,2}\\s+(${MONTHS})\\.?\\s+\\d{4})\\b`,
  'i',
);
/** A credit line below it ("Staff writer Kofi Brandvold contributed to this report."). */
const CREDIT = /\b(contributed (reporting )?to this (report|story|article)|contributed reporting)\.?$/i;
/** A wire service's sign-off ("Reporting by Ann Lee; Editing by Tom Reyes"), longer than a credit line. */
const SIGN_OFF = /^\(?(?:additional )?reporting by\b.{0,300}\b(?:editing|writing) by\b[^\n]{0,120}$/i;
const MAX_SIGN_OFF_WORDS = 60;
const MAX_STAMP_WORDS = 16;
/** How a sentence ends: a word of three letters or more and a full stop ("… a historic day."), unlike "8:10 a.m." */
const SENTENCE_END = /\p{L}{3,}[.!?]["”’]?$/u;

function isStamp(paragraph: string): boolean {
  const p = paragraph.trim();
  const match = STAMP.exec(p);
  if (!match || words(p) > MAX_STAMP_WORDS) return false;
  // "Posted …" and "Updated …" are always stamps; a date at the start may begin a sentence instead.
  return match[1] !== undefined || !SENTENCE_END.test(p);
}

const words = (s: string) => s.split(/\s+/).filter(Boolean).length;

const AGENCY_NAMES = alternatives(photoCredits.agencies);
/**
 * A photo credit closing a paragraph: "REUTERS/Joshua Roberts", "(AP Photo/Jane Roe)", "Jane Roe/Getty
 * Images", "Jane Roe | Bloomberg | Getty Images", "(Photo: Jane Roe)". A paragraph that ends so is a caption: news paragraphs never do.
 */
const CAPTION_CREDIT = new RegExp(
  `(?:^|\\s)\\(?(?:(?:${AGENCY_NAMES})(?:\\s+photo)?\\s*/\\s*[\\p{L}][\\p{L}.'’ -]{1,40}|[\\p{L}][\\p{L}.'’ |-]{1,60}[/|]\\s*(?:${AGENCY_NAMES})|(?:photo|image|picture)s?\\s*(?::|by)\\s*[^()]{1,60})\\)?\\.?$`,
  'iu',
);
/** A by-line without "By": two or three capitalised name words alone on a line ("Andrew Buncombe"). */
const NAME_LINE = /^\p{Lu}[\p{Ll}'’-]+(?:\s+(?:\p{Lu}\.|\p{Lu}[\p{Ll}'’-]+)){1,2}$/u;
/** Section labels and page words that look like names. */
const NOT_NAMES =
  /\b(?:news|world|politics|business|sports?|opinion|home|share|advertisement|updated|breaking|live|latest|video|photos?|analysis|comment|editorial|features?|local|national|international|science|health|technology|entertainment|culture|travel|weather)\b/i;
const NOT_LETTER_OR_DIGIT = /[^\p{L}\p{N}]+/gu;
/** Text as compared for repeats: lower case, letters and digits, one space between words. */
export const comparable = (s: string) => s.toLowerCase().replace(NOT_LETTER_OR_DIGIT, ' ').trim();

/**
 * Drops photo captions: paragraphs that end in a credit, and other copies of the same caption without
 * the credit (a date line run into the caption leaves one at the top of some exports).
 */
function withoutCaptions(paragraphs: string[]): string[] {
  const captions = new Set<string>();
  for (const p of paragraphs) {
    const t = p.trim();
    const credit = CAPTION_CREDIT.exec(t);
    if (credit && words(t) <= 80 && paragraphs.length > 1) captions.add(comparable(t.slice(0, credit.index)));
  }
  if (captions.size === 0) return paragraphs;
  const kept = paragraphs.filter((p) => {
    const t = p.trim();
    if (CAPTION_CREDIT.test(t) && words(t) <= 80) return false;
    return !captions.has(comparable(t));
  });
  return kept.length > 0 ? kept : paragraphs;
}

export interface Edges {
  readonly text: string;
  readonly title?: string;
  readonly byline?: string;
}

/** A "By Name, Outlet" or "By Name · date" paragraph: the name part, or undefined. */
export function bylineOf(paragraph: string): string | undefined {
  const p = paragraph.trim();
  const name = BYLINE.exec(p)?.[1];
  if (!name || NOT_A_NAME.test(name.toLowerCase().replace(/\.$/, '')) || p.includes('\n')) return undefined;
  if (words(p) > MAX_BYLINE_WORDS) return undefined;
  return p
    .replace(/^by\s+/i, '')
    .split(/\s+[·|•–—-]\s+|\s{2,}/)[0]
    ?.replace(TRAILING_DATE, '')
    .trim();
}

/**
 * Trims the edges of a text. With `guessTitle`, a first paragraph that reads like a headline (one short
 * line, no closing punctuation, more text after it) is taken as the title; with `nameLine`, a name alone
 * on a line near the top is taken as the by-line.
 */
export function trimEdges(text: string, options: { guessTitle?: boolean; nameLine?: boolean } = {}): Edges {
  const paragraphs = withoutCaptions(text.split(/\n\s*\n/));
  let title: string | undefined;
  let byline: string | undefined;
  const first = paragraphs[0]?.trim() ?? '';
  if (
    options.guessTitle &&
    paragraphs.length > 2 &&
    !first.includes('\n') &&
    words(first) >= 2 &&
    words(first) <= MAX_TITLE_WORDS &&
    !/[.!?…:;,"”'’)]$/.test(first) &&
    bylineOf(first) === undefined
  ) {
    title = first;
    paragraphs.shift();
  }
  for (let i = 0; i < Math.min(2, paragraphs.length - 1); i++) {
    const name = bylineOf(paragraphs[i] ?? '');
    if (name === undefined) continue;
    byline = name;
    paragraphs.splice(i, 1);
    break;
  }
  // A name alone on a line near the top, without "By", is a by-line too.
  // Only in text files: on pages the by-line comes from the markup, and a short subhead ("Defensive
  // Line") looks just like a name.
  for (let i = 0; options.nameLine && byline === undefined && i < Math.min(3, paragraphs.length - 1); i++) {
    const p = paragraphs[i]?.trim() ?? '';
    if (!NAME_LINE.test(p) || NOT_NAMES.test(p)) continue;
    byline = p;
    paragraphs.splice(i, 1);
  }
  while (paragraphs.length > 1 && isStamp(paragraphs[0] ?? '')) paragraphs.shift();
  const body = withoutCredit(withoutLinkList(paragraphs.join('\n\n')));
  return { text: body, ...(title && { title }), ...(byline && { byline }) };
}

/** Cuts a "Related:" heading and the short headline lines after it, when they close the text. */
function withoutLinkList(body: string): string {
  const lines = body.split('\n');
  const floor = Math.floor(lines.length * 0.5);
  for (let i = lines.length - 1; i >= floor && i > 0; i--) {
    if (!LIST_HEADING.test((lines[i] ?? '').trim())) continue;
    const rest = lines.slice(i + 1).filter((l) => l.trim());
    if (rest.every((l) => words(l) <= MAX_LIST_LINE_WORDS)) return lines.slice(0, i).join('\n').trimEnd();
  }
  return body;
}

/** Drops a closing "… contributed to this report." line or a wire sign-off. */
function withoutCredit(body: string): string {
  const paragraphs = body.split(/\n\s*\n/);
  const last = paragraphs[paragraphs.length - 1]?.trim() ?? '';
  const credit = CREDIT.test(last) && words(last) <= MAX_STAMP_WORDS;
  const signOff = SIGN_OFF.test(last) && words(last) <= MAX_SIGN_OFF_WORDS;
  if (paragraphs.length > 1 && (credit || signOff)) paragraphs.pop();
  return paragraphs.join('\n\n');
}
