/**
 * News that lost its case (Multi-News is lowercased but for sentence openers): how to tell it, and
 * the people it still shows by a role word before their name ("spokeswoman kerri richardson said"),
 * whom the person rules, which read capitalised runs, cannot see.
 */
import personTitles from '../entities/person-titles.json' with { type: 'json' };
import { firstNameGender } from '../entities/person-spans.js';
import { STOP_WORDS } from '../text/stopwords.js';
import { isCapitalized } from '../text/letters.js';
import { escapeRegExp } from '../text/alternatives.js';
import roleWords from './role-words.json' with { type: 'json' };
import clauseWords from './clause-words.json' with { type: 'json' };
import { CUE_VERBS } from './speaker-cue.js';

// Module constants: tsx (esbuild) writes a `\p{…}` literal as `new RegExp(…)`, built again on every call.
const MID_WORD = /(?<=\p{Ll}[,;]?\s+)\p{L}+/gu;

// The last texts read (an article, and the same with its names recased): resolve asks once per quote.
const seen: [string, boolean][] = [];
/**
 * Whether `text` was lowercased but for its sentence openers: of at least 30 words that follow a
 * lowercase word, under 1 in 100 is capitalised ("I" aside). Cased news capitalises about 1 in 10.
 */
export function lostCase(text: string): boolean {
  const known = seen.find(([t]) => t === text);
  if (known) return known[1];
  let all = 0;
  let capital = 0;
  // The words alone (`match`), not a match object and an iterator result for each word of the text.
  for (const w of text.match(MID_WORD) ?? []) {
    all++;
    if (isCapitalized(w) && w !== 'I') capital++;
  }
  return remember(text, all >= 30 && capital < all / 100);
}

function remember(text: string, lost: boolean): boolean {
  seen.unshift([text, lost]);
  seen.length = Math.min(seen.length, 2);
  return lost;
}

const ROLES: ReadonlySet<string> = new Set([
  ...personTitles.titles,
  ...personTitles.roles,
  ...personTitles.descriptors,
  ...roleWords.roles,
]);
// A word, then (sticky, at a role word's end) its stop, spaces, a first name, spaces and a surname:
// one scan of the words, and only a role word looks further (a regex of every role is slow, and so
// was a match object per word with its spaces).
const WORD = /\p{L}[\p{L}'’-]*/gu;
const NAME_AFTER_ROLE = /\.?\s+(\p{L}[\p{L}'’-]*)\s+(\p{L}[\p{L}'’-]*)/duy;
const NOT_SURNAME: ReadonlySet<string> = new Set([...STOP_WORDS, ...clauseWords.ownVerbs, 'said', 'says']);
const VERB = new RegExp(`^(?:${CUE_VERBS})$`, 'u');
// A letter, apostrophe or hyphen in the two code units before or after a surname (one code point or two).
const NAME_CHAR_BEFORE = /[\p{L}'’-]$/u;
const NAME_CHAR_AFTER = /^[\p{L}'’-]/u;
const FIRST_BEFORE = /(?<![\p{L}'’-])(\p{Ll}+)\s+$/u;
// Before a surname that speaks: an inverted verb, an honorific; after it: a cue verb (an apposition
// may come between).
const SAID_BEFORE =
  /(?<![\p{L}])(?:said|says|added|told|wrote|according\s+to|[Mm]rs?\.?|[Mm]s\.?|[Dd]r\.?)\s+$/u;
const SPEAKS_AFTER = new RegExp(
  `^(?:,[^,.“”"]{1,80},)?\\s+(?:\\p{Ll}+ly\\s+)?(?:${CUE_VERBS})(?![\\p{L}])`,
  'u',
);

const FIRST = /^\p{L}\p{Ll}[\p{Ll}'’-]*$/u;
const SURNAME = /^\p{Ll}[\p{Ll}'’-]+$/u;

/** Whether `last`, lowercase after a known first name, can be a surname. */
const surnameLike = (last: string) =>
  SURNAME.test(last) && !NOT_SURNAME.has(last) && !VERB.test(last) && !/(?:ed|ing)$/.test(last);

/**
 * `text` with the names a role word introduces written capitalised ("spokeswoman kerri richardson
 * said" → "spokeswoman Kerri Richardson said"), and their surnames where they speak elsewhere
 * ("richardson said", "said mr. richardson"), outside the `skip` spans (quotes keep their words as
 * written). Only a known first name and a word that is no function word nor verb after it: a surname
 * cannot be told from other words in lowercase, a first name can. Offsets do not move (a letter whose
 * capital is longer stays as it is), so the quotes' offsets hold for the result.
 */
export function recaseNames(text: string, skip: readonly { open: number; close: number }[] = []): string {
  const at: number[] = [];
  const surnames = new Set<string>();
  const free = (from: number, to: number) => !skip.some((q) => from < q.close && q.open < to);
  WORD.lastIndex = 0;
  for (let role = WORD.exec(text); role; role = WORD.exec(text)) {
    if (!ROLES.has(role[0].toLowerCase())) continue;
    NAME_AFTER_ROLE.lastIndex = role.index + role[0].length;
    const m = NAME_AFTER_ROLE.exec(text);
    if (!m?.indices) continue;
    const first = m[1]!;
    const name = m[2]!;
    const firstAt = m.indices[1]![0];
    const nameAt = m.indices[2]![0];
    if (!FIRST.test(first) || !firstNameGender(first) || !surnameLike(name)) continue;
    if (!free(firstAt, nameAt + name.length)) continue;
    at.push(firstAt, nameAt);
    surnames.add(name);
  }
  if (at.length === 0) return text;
  // Both sides are checked by hand, and the pattern has no `u` flag: a pattern with `\p{L}` built
  // per article costs its compilation every time (about 40 µs), a plain alternation next to nothing.
  // Longest first, so the one surname that can end at a word's end is the one tried.
  const names = new RegExp(
    [...surnames]
      .sort((a, b) => b.length - a.length)
      .map(escapeRegExp)
      .join('|'),
    'g',
  );
  for (const m of text.matchAll(names)) {
    if (NAME_CHAR_BEFORE.test(text.slice(Math.max(0, m.index - 2), m.index))) continue;
    if (NAME_CHAR_AFTER.test(text.slice(m.index + m[0].length, m.index + m[0].length + 2))) continue;
    const end = m.index + m[0].length;
    if (!free(m.index, end)) continue;
    const before = text.slice(Math.max(0, m.index - 20), m.index);
    if (!SAID_BEFORE.test(before) && !SPEAKS_AFTER.test(text.slice(end, end + 120))) continue;
    at.push(m.index);
    // A known first name before it is that person's ("charles koch wrote" beside "david koch").
    const first = FIRST_BEFORE.exec(before);
    if (first && firstNameGender(first[1]!)) at.push(m.index - first[0].length);
  }
  let out = '';
  let from = 0;
  for (const i of [...new Set(at)].sort((a, b) => a - b)) {
    const c = text[i]!.toUpperCase();
    if (c.length !== 1) continue;
    out += text.slice(from, i) + c;
    from = i + 1;
  }
  out += text.slice(from);
  // The names recased, the text is still one that lost its case.
  if (lostCase(text)) remember(out, true);
  return out;
}
