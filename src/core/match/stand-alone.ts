/**
 * A fact must stand on its own: "She said the city had not yet settled on a date" tells a reader
 * nothing. Of the sentences that carry one fact, the first that does not open with a pronoun is shown;
 * when all do, a personal pronoun is replaced by the person named just before it in the same article,
 * in brackets as an editor would ("[Ortiz] said…"). Only a person the entity tagger found counts: any
 * capitalised word near a speech verb put "[Police]", "[Monday]" and "[Although]" into facts (the
 * tenth round's audit). Other pronouns ("It closed at 2 p.m.") are left as written when nothing better
 * exists: guessing what "it" is would put words in a source's mouth.
 */
import type { AnalyzedStory } from '../model.js';
import cues from './cue-words.json' with { type: 'json' };
import { sideOf } from './same-content.js';

// Module constants: tsx (esbuild) writes a `\p{…}` literal as `new RegExp(…)`, built again on every call.
const OPENING_WORD = /^([\s"“'‘(]*)([\p{L}]+)\b/u;

const PRONOUNS: ReadonlySet<string> = new Set(cues.pronouns);
const PERSONAL: ReadonlySet<string> = new Set(['he', 'she']);
const FIRST_WORD = /^[\s"“'‘(]*([\p{L}]+)/u;
/** A surname fit to print: letters, with inner apostrophes or hyphens ("O'Brien", "Al-Khawaja"). */
const SURNAME = /^\p{L}[\p{L}'’-]*\p{L}$/u;
const QUOTE_MARK = /["“'‘]/;

/** True when the sentence's first word is a pronoun that leans on an earlier sentence. */
export function opensWithPronoun(text: string): boolean {
  const first = FIRST_WORD.exec(text)?.[1]?.toLowerCase();
  return first !== undefined && PRONOUNS.has(first);
}

/** The people a sentence names (index in `doc.sentences` → full names, in reading order). */
export type PeopleIn = (sentence: number) => readonly string[];

/**
 * The wording of a fact carried by sentences `members` of `doc` (indices; the first is the preferred
 * one): the index of the sentence shown and its text, resolved when it opens with "he" or "she" and
 * `people` names someone just before.
 */
export function standAloneText(
  doc: AnalyzedStory,
  members: readonly number[],
  people: PeopleIn = () => [],
): { sentence: number; text: string } {
  const own = members.find((m) => !opensWithPronoun(doc.sentences[m]!.text));
  if (own !== undefined) return { sentence: own, text: doc.sentences[own]!.text };
  const first = members[0]!;
  return { sentence: first, text: resolvePerson(doc, first, people) ?? doc.sentences[first]!.text };
}

/**
 * "She said…" → "[Ortiz] said…": the surname of the one person the sentence just before names (or of
 * the one of them who speaks there). Several people and no speaker, a person named further back, or a
 * pronoun inside a quotation ("\"He had a clear message\"" is the speaker's word about someone) leave
 * the sentence as written: a wrong name in brackets misleads more than a bare "he".
 */
function resolvePerson(doc: AnalyzedStory, i: number, people: PeopleIn): string | undefined {
  const s = doc.sentences[i]!;
  const m = OPENING_WORD.exec(s.text);
  if (!m || !PERSONAL.has(m[2]!.toLowerCase()) || QUOTE_MARK.test(m[1]!) || i === 0) return undefined;
  const prev = doc.sentences[i - 1]!;
  if (prev.article !== s.article) return undefined;
  const surnames = [...new Set(people(i - 1).map((name) => name.split(' ').at(-1)!))];
  const { speakers } = sideOf(prev);
  const speaking = surnames.filter((w) => speakers.has(w.toLowerCase()));
  const name = surnames.length === 1 ? surnames[0]! : speaking.length === 1 ? speaking[0]! : undefined;
  if (name === undefined || !SURNAME.test(name)) return undefined;
  const shown = name.charAt(0).toUpperCase() + name.slice(1);
  return `${m[1]}[${shown}]${s.text.slice(m[0].length)}`;
}
