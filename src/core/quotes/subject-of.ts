/**
 * Whether a person mention reads as the subject of its sentence: the reads that both the pronoun rules
 * (attribute-quotes.ts) and the learned chooser's features (speaker-candidates.ts) use.
 */
import personTitles from '../entities/person-titles.json' with { type: 'json' };
import { CUE_VERBS } from './speaker-cue.js';
import clauseWords from './clause-words.json' with { type: 'json' };

// Module constants: tsx (esbuild) writes a `\p{…}` literal as `new RegExp(…)`, built again on every call.
const LAST_WORD = /(\p{L}+)\.?\s+$/u;
const POSSESSIVE_END = /^['’]s?(?![\p{L}])/u;
const COMMA_CLAUSE = /^,\s+(?!and\b|but\b|or\b)\p{Ll}/u;

const TITLES: ReadonlySet<string> = new Set([
  ...personTitles.titles,
  ...personTitles.roles,
  'former',
  'u.s',
  'state',
]);
const SPEAKS = new RegExp(
  `^(?:,[^,]{1,120},)?\\s+(?:\\p{Ll}+ly\\s+|also\\s+|later\\s+)?(?:${CUE_VERBS})(?![\\p{L}])`,
  'u',
);
const SPOKEN = new RegExp(`(?:${CUE_VERBS})\\s+(?:\\p{Ll}+\\s+)?(?:\\p{Lu}[\\p{L}.]*\\s+){0,3}$`, 'u');

/** A possessive right after the name ("Trump's", "Sanders’"). */
export const possessive = (text: string, m: { end: number }) =>
  POSSESSIVE_END.test(text.slice(m.end, m.end + 2));

/** Whether a cue verb follows the name ending at `end`, directly or after an apposition ("X, 70, said"). */
export const speaksAfter = (text: string, end: number) => SPEAKS.test(text.slice(end, end + 160));

/** Whether the person mention opens its sentence or is the subject of a speech verb. */
export function isSubject(text: string, m: { start: number; end: number }): boolean {
  if (possessive(text, m)) return false;
  const before = text.slice(Math.max(0, m.start - 60), m.start);
  // Titles before the name ("Sen.", "Former Gov.") still leave it opening the sentence.
  let lead = before;
  for (let k = 0; k < 3; k++) {
    const t = LAST_WORD.exec(lead);
    if (!t || !TITLES.has(t[1]!.toLowerCase())) break;
    lead = lead.slice(0, t.index);
  }
  if (/(?:^|[.!?]["”’]?\s+|\n\s*)$/u.test(lead)) return true;
  // Introduced with an apposition ("…concerns Henry Crespo, president of the caucus.").
  if (COMMA_CLAUSE.test(text.slice(m.end, m.end + 12))) return true;
  return speaksAfter(text, m.end) || SPOKEN.test(before);
}

/** Up to two titles or first names between the word and the name ("told Sen. Ann Kale"). */
const NAME_LEAD = String.raw`(?:(?:\p{Lu}\p{Ll}*\.|\p{Lu}\p{Ll}+(?=\s+\p{Lu}))\s+){0,2}`;
const OBJECT_BEFORE = new RegExp(
  `(?<![\\p{L}])(?:${clauseWords.beforeObject.join('|')})\\s+${NAME_LEAD}$`,
  'u',
);
/** An opener after one of `start`'s alternatives (a sentence end, a line start, the text's start). */
const introOpener = (start: string) =>
  new RegExp(
    `(?:${start})(?:${clauseWords.openers.join('|')})(?![\\p{L}\\p{N}])[^.!?\\n]*,\\s+${NAME_LEAD}$`,
    'u',
  );
const SENTENCE_OR_LINE = String.raw`[.!?]["”’]?\s+|\n\s*`;
const INTRO_OPENER = introOpener(SENTENCE_OR_LINE);
// The start of the window counts only where it is the text's start: a window cut 200 characters back
// is no sentence start.
const INTRO_AT_START = introOpener(`^|${SENTENCE_OR_LINE}`);
const VERB_AFTER =
  /^\s+(?:\p{Ll}+ly\s+|also\s+|then\s+|later\s+)?(?!who\b|and\b|or\b|of\b|in\b|at\b|on\b)\p{Ll}+/u;

/** Whether the person mention is an object: after a preposition or a verb such as "told" ("told Hannity"). */
export function isObject(text: string, m: { start: number }): boolean {
  return OBJECT_BEFORE.test(text.slice(Math.max(0, m.start - 40), m.start));
}

/**
 * Whether the person mention is the subject after an introductory phrase, a lowercase verb after it
 * (`During an interview with Sean Hannity, Donald Trump discussed…`): isSubject reads only a mention
 * opening its sentence or one a speech verb follows.
 */
export function isIntroSubject(text: string, m: { start: number; end: number }): boolean {
  return (
    !possessive(text, m) &&
    VERB_AFTER.test(text.slice(m.end, m.end + 30)) &&
    (m.start <= 200 ? INTRO_AT_START : INTRO_OPENER).test(text.slice(Math.max(0, m.start - 200), m.start))
  );
}

const OWN_VERB = new RegExp(
  `^\\s+(?:(?:on|last|this)\\s+\\p{Lu}\\p{Ll}+\\s+)?(?:(?:\\p{Ll}+ly|also|then|later|once|now|still|never|even|again|already)\\s+)?(?:${clauseWords.ownVerbs
    .map((w) => w.replace(/'/g, `['’]`))
    .join('|')}|\\p{Ll}{2,}ed)(?![\\p{L}'’])`,
  'u',
);

/**
 * Whether a verb of the name's own follows it (`…knew Mayor X wanted`, `what X called “…”`, `X
 * quickly took to Twitter`): the name is then the subject of its clause, whatever word stands before.
 */
export const verbFollows = (text: string, end: number) => OWN_VERB.test(text.slice(end, end + 40));
