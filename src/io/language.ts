/**
 * A cheap guess at the language of an article from its commonest function words: enough to tell the
 * reader that a German page will be summarized by rules tuned for English, not a full identifier.
 */
import { letterLength } from '../core/text/letters.js';
import { StringTable } from '../core/text/string-table.js';
import lists from './language-stopwords.json' with { type: 'json' };

interface LanguageList {
  readonly name: string;
  readonly words: readonly string[];
}

const LANGUAGES = Object.entries(lists as Record<string, LanguageList>).map(([code, l]) => ({
  code,
  name: l.name,
  words: new Set(l.words),
}));

/** Each stop word's languages (places in LANGUAGES): one lookup a word instead of one per language. */
const LANGUAGES_OF: ReadonlyMap<string, readonly number[]> = (() => {
  const of = new Map<string, number[]>();
  LANGUAGES.forEach((l, i) => {
    for (const w of l.words) of.set(w, [...(of.get(w) ?? []), i]);
  });
  return of;
})();

// Module constants: tsx (esbuild) writes a `\p{…}` literal as `new RegExp(…)`, built again on every call.
const LETTER = /\p{L}/gu;

/** Fewer words than this and the guess is left undone: a headline is not enough to tell. */
const MIN_WORDS = 20;
/** The winner needs this many stop-word hits per hundred words, and this lead over the runner-up. */
const MIN_HITS_PER_100 = 8;
const MIN_LEAD = 1.5;
/** Words read at most: the start of an article tells its language as well as the whole. */
const MAX_WORDS = 2000;

export interface LanguageGuess {
  /** Two-letter code ("de"). */
  readonly code: string;
  /** English name ("German"). */
  readonly name: string;
}

/**
 * Guesses the language of a text, or undefined when the text is too short or no language clearly wins.
 * @example guessLanguage('Der Bürgermeister sagte, dass die Brücke …')?.code === 'de'
 */
export function guessLanguage(text: string): LanguageGuess | undefined {
  // Only the start is read: a 10 MB text is told by its first pages.
  const head = text.slice(0, MAX_WORDS * 12);
  const byScript = guessByScript(head);
  if (byScript) return byScript;
  const hits = LANGUAGES.map(() => 0);
  const words = countStopWords(head.toLowerCase(), hits);
  if (words < MIN_WORDS) return undefined;
  const scores = LANGUAGES.map((l, i) => ({ l, hits: hits[i]! })).sort((a, b) => b.hits - a.hits);
  const [best, second] = scores;
  if (!best || (100 * best.hits) / words < MIN_HITS_PER_100) return undefined;
  if (second && best.hits < second.hits * MIN_LEAD) return undefined;
  return { code: best.l.code, name: best.l.name };
}

/**
 * Counts the first `MAX_WORDS` runs of letters of `lower` (what `lower.match(/\p{L}+/gu)` finds, in its
 * order) and adds each stop word's hits to `hits`; returns the number of runs counted. Walking character
 * codes instead of matching makes no array of every word of the head: this guess was 3 % of
 * `chorus cluster` on a Multi-News stream (docs/clustering.md, seventh round).
 */
function countStopWords(lower: string, hits: number[]): number {
  let words = 0;
  let i = 0;
  const end = lower.length;
  while (words < MAX_WORDS) {
    while (i < end && unitLetterLength(lower, i) === 0) i++;
    if (i >= end) break;
    const start = i;
    for (let n = unitLetterLength(lower, i); n > 0; n = i < end ? unitLetterLength(lower, i) : 0) i += n;
    words++;
    // Looked up in place, no string cut out of the text for it; a word longer than every stop word not at all.
    if (i - start > LONGEST_STOP_WORD) continue;
    const entry = STOP_WORD_TABLE.get(lower, start, i);
    if (entry >= 0) for (const k of LANGUAGE_LISTS[entry]!) hits[k]!++;
  }
  return words;
}

/** `LANGUAGES_OF` as a table of places in `LANGUAGE_LISTS`, for looking words up where they stand. */
const LANGUAGE_LISTS: readonly (readonly number[])[] = [...LANGUAGES_OF.values()];
const STOP_WORD_TABLE = new StringTable([...LANGUAGES_OF.keys()].map((w, k) => [w, k] as const));

/** UTF-16 units in the longest stop word of any language. */
const LONGEST_STOP_WORD = Math.max(...[...LANGUAGES_OF.keys()].map((w) => w.length));

/**
 * `letterLength`, with lowercase ASCII letters and the General Punctuation block (U+2000-U+206F:
 * spaces, dashes, curly quotes, the ellipsis, format marks; no letter among them) settled here: news
 * text is full of both, and `letterLength` reads a unit past ASCII with a Unicode expression.
 * test/io/language.test.ts checks the block against the expression.
 */
export function unitLetterLength(lower: string, i: number): number {
  const c = lower.charCodeAt(i);
  if (c >= 97 && c <= 122) return 1;
  if (c >= 0x2000 && c <= 0x206f) return 0;
  return letterLength(lower, i);
}

/**
 * Japanese writes with kana and Han characters together: kana at this share of the letters, with Han
 * making up the rest of the script share, is Japanese rather than Chinese.
 */
const JAPANESE = { code: 'ja', name: 'Japanese' } as const;
const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/gu;
const HAN = /\p{Script=Han}/gu;
const MIN_KANA_SHARE = 0.1;

/**
 * Languages told by their script rather than their words: Chinese and Japanese put no spaces between
 * words, so the stop-word count never starts, and a Chinese page went unflagged.
 */
const SCRIPTS: readonly { readonly code: string; readonly name: string; readonly letters: RegExp }[] = [
  { code: 'zh', name: 'Chinese', letters: HAN },
  { code: 'ko', name: 'Korean', letters: /\p{Script=Hangul}/gu },
  { code: 'ar', name: 'Arabic', letters: /\p{Script=Arabic}/gu },
  { code: 'he', name: 'Hebrew', letters: /\p{Script=Hebrew}/gu },
  { code: 'el', name: 'Greek', letters: /\p{Script=Greek}/gu },
  { code: 'th', name: 'Thai', letters: /\p{Script=Thai}/gu },
  { code: 'hi', name: 'Hindi', letters: /\p{Script=Devanagari}/gu },
  { code: 'ru', name: 'Russian', letters: /\p{Script=Cyrillic}/gu },
];
/**
 * A character of any script counted below: text without one (most news in Latin script) has no script
 * share to count, and is told by its words alone.
 */
const ANY_SCRIPT = new RegExp(
  [KANA, ...SCRIPTS.map((sc) => sc.letters)].map((re) => re.source).join('|'),
  'u',
);

/** Letters needed before a script says anything, and the share of them it must hold. */
const MIN_SCRIPT_LETTERS = 40;
const MIN_SCRIPT_SHARE = 0.5;

/**
 * Whether `text` holds a letter of a script counted here (`ANY_SCRIPT`). The expression is not run on
 * text whose every UTF-16 unit lies below U+0370 or among the punctuation, currency and super- and
 * subscript signs (U+2000-U+20FF), where none of those scripts has a letter: nearly all news in Latin
 * script, whose curly quotes and dashes are in that block. Scanning a 24,000-character head with the
 * Unicode script expression cost about 1 % of `chorus cluster`; test/io/language.test.ts checks the
 * skipped units against the expression.
 */
export function hasScriptLetter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x370 && (c < 0x2000 || c > 0x20ff)) return ANY_SCRIPT.test(text);
  }
  return false;
}

function guessByScript(head: string): LanguageGuess | undefined {
  if (!hasScriptLetter(head)) return undefined;
  const letters = head.match(LETTER)?.length ?? 0;
  if (letters < MIN_SCRIPT_LETTERS) return undefined;
  const share = (re: RegExp) => (head.match(re)?.length ?? 0) / letters;
  const kana = share(KANA);
  if (kana >= MIN_KANA_SHARE && kana + share(HAN) >= MIN_SCRIPT_SHARE) return JAPANESE;
  const found = SCRIPTS.find((sc) => share(sc.letters) >= MIN_SCRIPT_SHARE);
  return found && { code: found.code, name: found.name };
}

/** Names of the languages `guessLanguage` can tell, by code (for warnings about declared languages). */
export function languageName(code: string): string | undefined {
  const short = code.toLowerCase().slice(0, 2);
  return (
    LANGUAGES.find((l) => l.code === short)?.name ??
    [JAPANESE, ...SCRIPTS].find((sc) => sc.code === short)?.name
  );
}

/**
 * A declared language as a two-letter code: `en-GB`, `en_US`, `EN` and `English` all give `en`.
 * Undefined for what is neither a code nor a name it knows.
 */
export function languageCode(declared: string | undefined): string | undefined {
  const d = declared?.trim().toLowerCase();
  if (!d) return undefined;
  const byName = LANGUAGES.find((l) => l.name.toLowerCase() === d)?.code;
  if (byName) return byName;
  return /^[a-z]{2}([-_][a-z0-9]+)*$/.test(d) ? d.slice(0, 2) : undefined;
}

/** The warning an article in another language carries: `looks like German (de); summaries are tuned for English`. */
export function languageWarning(code: string): string | undefined {
  const short = code.toLowerCase().slice(0, 2);
  if (short === 'en') return undefined;
  const name = languageName(short);
  return `looks like ${name ?? 'a language other than English'} (${short}); summaries are tuned for English`;
}
