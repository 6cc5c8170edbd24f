/**
 * Whether a quoted passage is the name of something rather than words someone said: a title (a show,
 * a book, an article), a slogan on a hat, the name of a group or a bill. News puts these in quote
 * marks (`on CNN’s “State of the Union”`, `the “Make Mexico Great Again Also” hat`, `a memo titled
 * “The Facts on Where the Race Stands.”`); a reader does not want them under "who said what". The
 * words around the marks decide (title-words.json), and, unless a naming word such as "titled" says
 * so outright, the passage must also be written as a title: every word of four or more letters
 * capitalised, so `called the plan “a disaster for working families”` stays a quote. An article
 * title followed by its outlet and writer (`“Museum to close in spring,” by Post’s Ann Kale`) is a
 * title too; `by` alone is not enough (`“the ugliness of his remarks” by Trump` is speech).
 */
import words from './title-words.json' with { type: 'json' };
import { hasLowercase, isCapitalized } from '../text/letters.js';
import { escapeRegExp } from '../text/alternatives.js';

// Module constants: tsx (esbuild) writes a `\p{…}` literal as `new RegExp(…)`, built again on every call.
/** A word of letters, apostrophes and hyphens (global: use with `match` only). */
export const WORD = /\p{L}[\p{L}'’-]*/gu;
const BYLINE_AFTER = /^\s*by\s+\p{Lu}/u;

// In the order of the word lists (not longest first, as `alternatives` would put them).
const list = (ws: readonly string[]) => ws.map(escapeRegExp).join('|');
/** A naming word, then at most a comma, "the" or "a", then the opening mark. */
const NAMING = new RegExp(`\\b(?:${list(words.naming)})[,:]?\\s+(?:(?:the|a|an)\\s+)?$`, 'i');
const BEFORE = new RegExp(`\\b(?:${list(words.before)})(?:,|\\s+[—–])?\\s+(?:(?:the|a|an)\\s+)?$`, 'i');
/** A program on an outlet: `on CNN’s`, `with MSNBC's`, `on Fox News’`. */
const OUTLET = /\b(?:on|to|with|from)\s+(?:\p{Lu}[\p{L}.&-]*\s+){0,2}\p{Lu}[\p{L}.&-]*['’]s?\s+$/u;
const AFTER = new RegExp(`^\\s+(?:${list(words.after)})\\b`, 'i');
const ENDS = new RegExp(`\\b(?:${list(words.ends)})\\W*$`);
/** Right after another quoted passage, in a list (`“Apollo 13,” and “…”`): the mark that closed it. */
const LIST = /([”"])\s*,?\s*(?:and\s+|or\s+)?$/;
/** A byline naming an outlet's writer (`by Times’ Ann Kale`, `by the New York Post's Ann Kale`). */
const BYLINE = /^\s*by\s+(?:the\s+)?(?:\p{Lu}[\p{L}.&-]*\s+){0,3}\p{Lu}[\p{L}.&-]*['’]s?\s+\p{Lu}/u;

/** Short words a title leaves in lower case even at four letters ("The Lead with Jake Tapper"). */
const SMALL = /^(?:with|from|into|onto|over|upon|than)$/;

/**
 * Every word of four or more letters capitalised (but the small words above), and at least one such
 * word; a name of short words only ("Jeb Can Fix It") must capitalise them all.
 */
export function writtenAsTitle(text: string): boolean {
  const all = (text.match(WORD) ?? []).filter((w) => !SMALL.test(w));
  const long = all.filter((w) => w.replace(/['’-]/g, '').length >= 4);
  return long.length > 0 ? long.every(isCapitalized) : all.length >= 2 && all.every(isCapitalized);
}

/**
 * Is the passage quoted at [open, close) of `text` (offsets of the marks) a name, not speech?
 * @example isTitleQuote('Sanders said on ABC’s “This Week With George Stephanopoulos” that…', 15, 55) // → true
 */
export function isTitleQuote(text: string, open: number, close: number, quoted: string): boolean {
  const before = text.slice(Math.max(0, open - 40), open);
  const after = text.slice(close, close + 25);
  if (NAMING.test(before) || BYLINE.test(after)) return true;
  // A headline run into the text (a page that lost its line breaks): single marks, all in capitals.
  if (text[open] === '‘' && !hasLowercase(quoted)) return true;
  if (!writtenAsTitle(quoted)) return false;
  // A word after the marks names the thing only when nothing ends the passage (`the “…” hat`); after
  // `“…,”` it starts the next clause (`“We Will Win,” campaign aides said`).
  const named = AFTER.test(after) && !/[,.;:!?]\s*.$/.test(text.slice(open, close));
  if (BEFORE.test(before) || OUTLET.test(before) || named || ENDS.test(quoted)) return true;
  if (BYLINE_AFTER.test(after)) return true;
  return inListOfTitles(text, open, before);
}

/** Is the passage at `open` the next item of a list whose item before it is a title (`roles in “A,” “B” and “C”`)? */
function inListOfTitles(text: string, open: number, before: string): boolean {
  const m = LIST.exec(before);
  if (!m) return false;
  const close = open - before.length + m.index + 1;
  const from = Math.max(
    text.lastIndexOf('“', close - 2),
    m[1] === '"' ? text.lastIndexOf('"', close - 2) : -1,
  );
  if (from < 0 || close - from > 200) return false;
  return isTitleQuote(text, from, close, text.slice(from + 1, close - 1));
}
