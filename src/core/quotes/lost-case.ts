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

const ROLES = [
  ...new Set([
    ...personTitles.titles,
    ...personTitles.roles,
    ...personTitles.descriptors,
    ...roleWords.roles,
  ]),
]
  .flatMap((w) => [w, w[0]!.toUpperCase() + w.slice(1)])
  .sort((a, b) => b.length - a.length);
// A role word (a title may keep its stop: "gov."), then two words: a first name, then a surname.
const ROLE_NAME = new RegExp(
  `(?<![\\p{L}'’-])(?:${ROLES.join('|')})\\.?\\s+(\\p{L}[\\p{Ll}'’-]+)\\s+(\\p{Ll}[\\p{Ll}'’-]+)(?![\\p{L}'’-])`,
  'gu',
);
const NOT_SURNAME: ReadonlySet<string> = new Set([...STOP_WORDS, ...clauseWords.ownVerbs, 'said', 'says']);
const VERB = new RegExp(`^(?:${CUE_VERBS})$`, 'u');
// Words after which a surname is the one speaking: an inverted verb, an honorific.
const SAID_BEFORE = String.raw`(?:said|says|added|told|wrote|according\s+to|mr\.?|ms\.?|mrs\.?|dr\.?|Mr\.?|Ms\.?|Mrs\.?|Dr\.?)`;

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
  for (const m of text.matchAll(ROLE_NAME)) {
    const [first, last] = [m[1]!, m[2]!];
    if (!firstNameGender(first) || NOT_SURNAME.has(last) || VERB.test(last) || /(?:ed|ing)$/.test(last))
      continue;
    const lastAt = m.index + m[0].length - last.length;
    const firstAt = m.index + m[0].lastIndexOf(first, m[0].length - last.length - 1);
    if (!free(firstAt, lastAt + last.length)) continue;
    at.push(firstAt, lastAt);
    surnames.add(last);
  }
  if (at.length === 0) return text;
  const names = [...surnames].map(escapeRegExp).join('|');
  const speaking = new RegExp(
    `(?<=(?<![\\p{L}])(?:${SAID_BEFORE})\\s+)(?:${names})(?![\\p{L}'’-])|(?<![\\p{L}'’-])(?:${names})(?=(?:,[^,.“”"]{1,80},)?\\s+(?:\\p{Ll}+ly\\s+)?(?:${CUE_VERBS})(?![\\p{L}]))`,
    'gu',
  );
  for (const m of text.matchAll(speaking)) if (free(m.index, m.index + m[0].length)) at.push(m.index);
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
