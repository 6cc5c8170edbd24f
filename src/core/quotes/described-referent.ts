/**
 * The person a definite description in a quote's cue most likely means: `“…,” the Florida senator
 * said` after `Rubio said he…`, `“…,” Obama's former campaign strategist said` after a paragraph about
 * the strategist, `the Republican nominee said` after `Donald Trump said Friday…`. News writes a
 * person's role in place of the name once the person is the topic (Poesio & Vieira 1998: most
 * definite descriptions of people refer back to the discourse's current focus; Lappin & Leass 1994
 * prefer the subject, as the pronoun rules here do). describedPerson (attribute-quotes.ts) resolves
 * a role the article gave a person by name ("Sen. Bernie Sanders" for "the Vermont senator"); this is
 * the rest: the nearest person before the cue who is the subject of a sentence, in the quote's
 * paragraph or the one before, that is neither the description's own possessor ("Obama's") nor spoken
 * of in it. A candidate feature for the chooser (speaker-candidates.ts), never the rules' pick: a
 * description may as well mean someone the article never names ("the officer").
 */
import type { PersonSpan } from '../entities/person-spans.js';
import roleWords from './role-words.json' with { type: 'json' };
import describedHeads from './described-heads.json' with { type: 'json' };

/** Singular nouns for a person that a definite description may be headed by. */
const PERSON_HEADS: ReadonlySet<string> = new Set([...roleWords.roles, ...describedHeads.heads]);
/** Each word for an office or profession → the office (its group's first word). */
const OFFICE: ReadonlyMap<string, string> = new Map([
  ...describedHeads.offices.flatMap((g) => g.map((w) => [w, g[0]!] as const)),
  ...Object.entries(describedHeads.titles as Record<string, string>).map(
    ([t, w]) => [t, officeOf(w)] as const,
  ),
]);
function officeOf(word: string): string {
  return describedHeads.offices.find((g) => g.includes(word))?.[0] ?? word;
}
const WORDS = /\p{L}[\p{L}-]*/gu;
const ABBREVIATION_STOP = /\b(\p{L}{1,4})\.(?=\s)/gu;
// Up to six words before the name in its clause, and an apposition after it (not a relative clause).
const CLAUSE_TAIL = /(?:[^.;,()\n\s]+\s+){0,6}$/u;
const APPOSITION = /^,\s+(?!who|which|that|whose)[^.;,\n]{0,60}/u;
const DEFINITE = /^the$/i;
const POSSESSIVE_WORD = /^\p{Lu}[\p{L}\p{M}.-]*(?:['’]s|s['’])$/u;
const SPLIT_PREPOSITION = /\s+(?:for|of|at|from|who|with|in)\s+/;
const SPACE = /\s+/;

/**
 * Whether a cue phrase is a definite description of one person: "the" or a possessive name first, a
 * singular person noun as its head ("the Florida senator", "Obama's former campaign strategist", "the
 * man who built…"). "A spokesman", "the campaign", "his supporters" are not, nor "his spokesman": a
 * possessive pronoun's owner is the topic, and the one described someone else.
 * @example personDescription('the presumptive Republican nominee') // → "nominee"
 */
export function personDescription(phrase: string): string | undefined {
  const core = phrase.split(SPLIT_PREPOSITION)[0]!.split(SPACE);
  if (core.length < 2) return undefined;
  const first = core[0]!;
  if (!DEFINITE.test(first) && !POSSESSIVE_WORD.test(first)) return undefined;
  const head = core.at(-1)!.toLowerCase();
  return PERSON_HEADS.has(head) ? head : undefined;
}

/**
 * The offices (described-heads.json) the story gave each person, by full name: a word for one in
 * the six words before a mention in its clause ("Sen. Marco Rubio", "Fox News host Sean Hannity") or
 * in an apposition after it ("Jeff Weaver, Sanders' campaign manager,"). Read once per article.
 */
export function officesGiven(
  text: string,
  outside: readonly PersonSpan[],
  key: (m: PersonSpan) => string,
): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  let from = 0;
  for (const m of outside) {
    const clause = text.slice(Math.max(from, m.start - 60), m.start).replace(ABBREVIATION_STOP, '$1');
    const lead = CLAUSE_TAIL.exec(clause)![0];
    const after = APPOSITION.exec(text.slice(m.end, m.end + 70))?.[0] ?? '';
    for (const w of `${lead} ${after}`.matchAll(WORDS)) {
      const o = OFFICE.get(w[0].toLowerCase());
      if (o === undefined) continue;
      const k = key(m);
      let set = out.get(k);
      if (!set) out.set(k, (set = new Set()));
      set.add(o);
    }
    from = m.end;
  }
  return out;
}

/**
 * The person the description at [cueStart, cueEnd) refers back to: scanning `near` (person mentions
 * outside quotes, in text order) back from the cue or the quote's mark, whichever comes first, the
 * first mention that is a subject (`subjectOf`) in the paragraph of `open` or the one before, the
 * description's own words excepted. Undefined when there is none.
 */
export function describedReferent(
  near: readonly PersonSpan[],
  cueStart: number,
  cueEnd: number,
  open: number,
  paragraphOf: (at: number) => number,
  subjectOf: (m: PersonSpan) => boolean,
  key: (m: PersonSpan) => string,
  offices: ReadonlyMap<string, ReadonlySet<string>>,
  head: string,
): string | undefined {
  const own = new Set(near.filter((m) => m.start >= cueStart && m.end <= cueEnd).map(key));
  const office = OFFICE.get(head);
  // A person the story gave another office and not this one is not meant.
  const other = (k: string) => {
    const held = offices.get(k);
    return office !== undefined && held !== undefined && !held.has(office);
  };
  const limit = Math.min(cueStart, open);
  const paragraph = paragraphOf(open);
  for (let k = near.length - 1; k >= 0; k--) {
    const m = near[k]!;
    if (m.end > limit) continue;
    if (paragraph - paragraphOf(m.start) > 1) break;
    if (!own.has(key(m)) && subjectOf(m) && !other(key(m))) return key(m);
  }
  return undefined;
}
