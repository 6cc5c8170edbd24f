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
  for (const m of text.matchAll(MID_WORD)) {
    all++;
    if (isCapitalized(m[0]) && m[0] !== 'I') capital++;
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
// Words with what separates each from the next: a role word (a title may keep its stop: "gov."),
// then a first name, then a surname, read word by word (one pass; a regex of every role is slow).
const WORD = /(\p{L}[\p{L}'’-]*)(\.?)(?=(\s*))/gu;
const NOT_SURNAME: ReadonlySet<string> = new Set([...STOP_WORDS, ...clauseWords.ownVerbs, 'said', 'says']);
const VERB = new RegExp(`^(?:${CUE_VERBS})$`, 'u');
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
  const words = [...text.matchAll(WORD)];
  for (let i = 0; i + 2 < words.length; i++) {
    const [role, first, last] = [words[i]!, words[i + 1]!, words[i + 2]!];
    // Only spaces between the three words, and no stop after the first name ("gov." keeps its own).
    if (first[2] !== '' || role.index + role[0].length + role[3]!.length !== first.index) continue;
    if (role[3] === '' || first[3] === '' || first.index + first[0].length + first[3]!.length !== last.index)
      continue;
    const name = last[1]!;
    if (!ROLES.has(role[1]!.toLowerCase()) || !FIRST.test(first[1]!) || !firstNameGender(first[1]!)) continue;
    if (!surnameLike(name)) continue;
    if (!free(first.index, last.index + name.length)) continue;
    at.push(first.index, last.index);
    surnames.add(name);
  }
  if (at.length === 0) return text;
  const names = new RegExp(
    `(?<![\\p{L}'’-])(?:${[...surnames].map(escapeRegExp).join('|')})(?![\\p{L}'’-])`,
    'gu',
  );
  for (const m of text.matchAll(names)) {
    const end = m.index + m[0].length;
    if (!free(m.index, end)) continue;
    const before = text.slice(Math.max(0, m.index - 20), m.index);
    if (!SAID_BEFORE.test(before) && !SPEAKS_AFTER.test(text.slice(end, end + 120))) continue;
    at.push(m.index);
    // A known first name before it is that person's ("charles koch wrote" beside "david koch").
    const first = FIRST_BEFORE.exec(before);
    if (first && firstNameGender(first[1]!)) at.push(m.index - first[0].length);
  }
  const chars = text.split('');
  for (const i of at) {
    const c = chars[i]!.toUpperCase();
    if (c.length === 1) chars[i] = c;
  }
  const out = chars.join('');
  // The names recased, the text is still one that lost its case.
  if (lostCase(text)) remember(out, true);
  return out;
}
