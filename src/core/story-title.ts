/**
 * The headline a story is listed under. Stories take the title of one of their articles; which one
 * matters when they mix languages (an English story with one Spanish report should not be listed under
 * the Spanish headline because that page happened to arrive first) and when some pages come without a
 * title.
 */
import type { Article, Story } from './model.js';
import { isStopWord } from './text/stopwords.js';

// Module constants: tsx (esbuild) writes a `\p{…}` literal as `new RegExp(…)`, built again on every call.
const NOT_LETTER_OR_APOSTROPHE = /[^\p{L}']/gu;

/** The language most titled articles state, or undefined when none states one. Ties: alphabetical. */
function mainLanguageOf(articles: readonly Article[]): string | undefined {
  const count = new Map<string, number>();
  for (const a of articles) if (a.language) count.set(a.language, (count.get(a.language) ?? 0) + 1);
  let best: string | undefined;
  let most = 0;
  for (const [language, n] of count)
    if (n > most || (n === most && best !== undefined && language < best)) [best, most] = [language, n];
  return best;
}

/**
 * The article's day: many pages give a date without a time, which would otherwise count as midnight
 * UTC and beat every timed article of the same day.
 */
const dayOf = (a: Article): number => {
  const t = a.date === undefined ? NaN : Date.parse(a.date.slice(0, 10));
  return Number.isFinite(t) ? t : Infinity;
};

/**
 * The title of the earliest article in the story's main language, by day (undated articles after dated
 * ones; within a day, story order); articles of unknown language count as main-language ones. Undefined when no
 * article has a title.
 * @example storyTitle({ id: 's1', articles: [spanish, english] }) // → the English article's title
 */
export function storyTitle(story: Story): string | undefined {
  const titled = story.articles.filter((a) => a.title !== undefined && a.title.trim() !== '');
  const main = mainLanguageOf(story.articles);
  const inMain = titled.filter((a) => main === undefined || a.language === undefined || a.language === main);
  const pool = inMain.length > 0 ? inMain : titled;
  let best: Article | undefined;
  for (const a of pool) if (best === undefined || dayOf(a) < dayOf(best)) best = a;
  return best?.title?.trim();
}

/** Longest headline made from a sentence, in words. */
const HEADLINE_WORDS = 12;

/**
 * A short headline cut from a sentence, for stories whose articles have none (extractive: the
 * sentence's own words, cut at a word boundary, trailing punctuation and dangling stop words
 * dropped). Undefined for empty text.
 * @example headlineFrom('The ferry to Gull Point returned on Monday after repairs.') // 'The ferry to Gull Point returned on Monday after repairs'
 */
export function headlineFrom(sentence: string | undefined, maxWords = HEADLINE_WORDS): string | undefined {
  const words = (sentence ?? '').trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return undefined;
  const cut = words.length > maxWords;
  let kept = words.slice(0, maxWords);
  // "… bridge to the" reads worse than "… bridge": drop stop words left dangling by the cut.
  const dangling = (w: string | undefined) =>
    isStopWord((w ?? '').toLowerCase().replace(NOT_LETTER_OR_APOSTROPHE, ''));
  while (cut && kept.length > 3 && dangling(kept.at(-1))) kept = kept.slice(0, -1);
  const text = kept.join(' ').replace(/[\s,;:.!?—–-]+$/u, '');
  return cut ? `${text}…` : text;
}
