/**
 * A fact must stand on its own: "She said the city had not yet settled on a date" tells a reader
 * nothing. Of the sentences that carry one fact, the first that does not open with a pronoun is shown;
 * when all do, a personal pronoun is replaced by the person named just before it in the same article,
 * in brackets as an editor would ("[Ortiz] said…"). Other pronouns ("It closed at 2 p.m.") are left
 * as written when nothing better exists: guessing what "it" is would put words in a source's mouth.
 */
import type { AnalyzedStory } from '../model.js';
import cues from './cue-words.json' with { type: 'json' };
import { sideOf } from './same-content.js';

// Module constants: tsx (esbuild) writes a `\p{…}` literal as `new RegExp(…)`, built again on every call.
const OPENING_WORD = /^([\s"“'‘(]*)([\p{L}]+)\b/u;
const CAPITALISED_WORD = /[\p{Lu}][\p{L}'’-]*/gu;

const PRONOUNS: ReadonlySet<string> = new Set(cues.pronouns);
const PERSONAL: ReadonlySet<string> = new Set(['he', 'she']);
/** Sentences looked back for the person a pronoun stands for. */
// Module constants: tsx (esbuild) writes a `\p{…}` literal as `new RegExp(…)`, built again on every call.
const FIRST_WORD = /^[\s"“'‘(]*([\p{L}]+)/u;

const LOOK_BACK = 3;

/** True when the sentence's first word is a pronoun that leans on an earlier sentence. */
export function opensWithPronoun(text: string): boolean {
  const first = FIRST_WORD.exec(text)?.[1]?.toLowerCase();
  return first !== undefined && PRONOUNS.has(first);
}

/**
 * The wording of a fact carried by sentences `members` of `doc` (indices; the first is the preferred
 * one): the index of the sentence shown and its text, resolved when it opens with "he" or "she".
 */
export function standAloneText(
  doc: AnalyzedStory,
  members: readonly number[],
): { sentence: number; text: string } {
  const own = members.find((m) => !opensWithPronoun(doc.sentences[m]!.text));
  if (own !== undefined) return { sentence: own, text: doc.sentences[own]!.text };
  const first = members[0]!;
  return { sentence: first, text: resolvePerson(doc, first) ?? doc.sentences[first]!.text };
}

/** "She said…" → "[Ortiz] said…" from the speaker (else the last name) of the sentences just before. */
function resolvePerson(doc: AnalyzedStory, i: number): string | undefined {
  const s = doc.sentences[i]!;
  const m = OPENING_WORD.exec(s.text);
  if (!m || !PERSONAL.has(m[2]!.toLowerCase())) return undefined;
  for (let k = i - 1; k >= 0 && k >= i - LOOK_BACK; k--) {
    const prev = doc.sentences[k]!;
    if (prev.article !== s.article) break;
    const side = sideOf(prev);
    const pool = side.speakers.size ? side.speakers : side.names;
    const words = prev.text.match(CAPITALISED_WORD) ?? [];
    const name = words.reverse().find((w) => pool.has(w.toLowerCase()));
    if (name) return `${m[1]}[${name}]${s.text.slice(m[0].length)}`;
  }
  return undefined;
}
