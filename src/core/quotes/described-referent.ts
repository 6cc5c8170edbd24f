/**
 * The person a definite description in a quote's cue most likely means: `“…,” the Florida senator
 * said` after `Rubio said he…`, `“…,” Obama's former campaign strategist said` after a paragraph about
 * the strategist, `the Republican nominee said` after `Donald Trump said Friday…`. News writes a
 * person's role in place of the name once the person is the topic. Vieira & Poesio (2000) resolve a
 * definite description to an antecedent with the same head noun; here the antecedent is a name, so
 * no head can match, and the most salient person is taken instead, a subject first (Lappin & Leass
 * 1994, as the pronoun rules here do). describedPerson (attribute-quotes.ts) resolves
 * a role the article gave a person by name ("Sen. Bernie Sanders" for "the Vermont senator"); this is
 * the rest: the nearest person before the cue who is the subject of a sentence, in the quote's
 * paragraph or the one before, with the checks describedReferent lists. The rules' pick when
 * describedPerson finds nobody (attribute-quotes.ts quoteCandidates, marked as a role resolution, so
 * the chooser's `ruleRole` weight reads it); the chooser still weighs it against the people around
 * and may leave the quote out. A description that matches no one stays as written.
 */
import { opensSentence, type PersonSpan } from '../entities/person-spans.js';
import { possessive, speaksAfter } from './subject-of.js';
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
/** Each party word → its party, marked apart from the offices. */
const PARTY: ReadonlyMap<string, string> = new Map(
  Object.entries(describedHeads.parties as Record<string, string>).map(([w, p]) => [w, `party:${p}`]),
);
function officeOf(word: string): string {
  return describedHeads.offices.find((g) => g.includes(word))?.[0] ?? word;
}
const WORDS = /\p{L}[\p{L}-]*/gu;
const ABBREVIATION_STOP = /\b(\p{L}{1,4})\.(?=\s)/gu;
// Up to six words before the name in its clause, and an apposition after it (not a relative clause).
const CLAUSE_TAIL = /(?:[^.;,()\n\s]+\s+){0,6}$/u;
const APPOSITION = /^,\s+(?!who|which|that|whose)[^.;,\n]{0,60}/u;
const COMMA_AFTER = /^,\s/;
// A comma in the name's sentence before it (no sentence end between).
const COMMA_BEFORE = /,[^.!?\n]*$/u;
const LETTER = /\p{L}/u;
/** How many paragraphs back the nearest person may stand when those between name nobody. */
const MAX_REACH = 4;
const DEFINITE = /^the$/i;
const POSSESSIVE_WORD = /^\p{Lu}[\p{L}\p{M}.-]*(?:['’]s|s['’])$/u;
const SPLIT_PREPOSITION = /\s+(?:for|of|at|from|who|with|in)\s+/;
const SPACE = /\s+/;
/** "the 46-year-old": an age stands for a person. */
const AGE = /^\d{1,3}-year-old$/;

/**
 * Whether a cue phrase is a definite description of one person: "the" or a possessive name first, a
 * singular person noun or an age as its head ("the Florida senator", "Obama's former campaign
 * strategist", "the man who built…", "the 46-year-old"). "A spokesman", "the campaign", "his supporters" are not, nor "his spokesman": a
 * possessive pronoun's owner is the topic, and the one described someone else.
 * @example personDescription('the presumptive Republican nominee') // → "nominee"
 */
export function personDescription(phrase: string): string | undefined {
  const core = phrase.split(SPLIT_PREPOSITION)[0]!.split(SPACE);
  if (core.length < 2) return undefined;
  const first = core[0]!;
  if (!DEFINITE.test(first) && !POSSESSIVE_WORD.test(first)) return undefined;
  const head = core.at(-1)!.toLowerCase();
  return PERSON_HEADS.has(head) || AGE.test(head) ? head : undefined;
}

/**
 * The offices and parties (described-heads.json) the story gave each person, by full name: a word for one in
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
      const lower = w[0].toLowerCase();
      const o = OFFICE.get(lower) ?? PARTY.get(lower);
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

/** What describedReferent reads of the article, computed once by its caller. */
export interface ReferentContext {
  readonly text: string;
  /** Person mentions outside quotes, in text order. */
  readonly near: readonly PersonSpan[];
  readonly paragraphOf: (at: number) => number;
  readonly subjectOf: (m: PersonSpan) => boolean;
  readonly key: (m: PersonSpan) => string;
  /** officesGiven of the article. */
  readonly offices: ReadonlyMap<string, ReadonlySet<string>>;
}

/**
 * The person the description `cue` (personDescription) refers back to, for the quote opening at
 * `open`: scanning the mentions back from the cue or the quote's mark, whichever comes first, the
 * first that is a subject in the paragraph of `open` or the one before. Left out: the description's
 * own possessor ("Obama's"); a name set off by a comma inside its sentence ("hosts X and Y, the
 * candidate said", "his rival, X, as a man…": isSubject reads that as an apposition's subject); a
 * person the story gave another office than the description's and not it, or only another party.
 * None when the description's head word stands between that person and the cue (`X will work…, the
 * prime minister's spokesman said. “…,” the spokesman said`: the description was introduced as
 * someone of its own).
 * @example describedReferent(ctx, { phrase: 'the Republican nominee', start, end }, open) // → "Ada Voss"
 */
export function describedReferent(
  ctx: ReferentContext,
  cue: { readonly phrase: string; readonly start: number; readonly end: number },
  open: number,
): string | undefined {
  const head = personDescription(cue.phrase);
  if (!head) return undefined;
  const { text, near, key, offices } = ctx;
  const own = new Set(near.filter((m) => m.start >= cue.start && m.end <= cue.end).map(key));
  const office = OFFICE.get(head);
  const party = [...cue.phrase.matchAll(WORDS)].map((w) => PARTY.get(w[0].toLowerCase())).find(Boolean);
  const conflicts = (held: ReadonlySet<string>, mine: string | undefined, kind: (x: string) => boolean) =>
    mine !== undefined && !held.has(mine) && [...held].some(kind);
  const other = (k: string) => {
    const held = offices.get(k);
    return (
      held !== undefined &&
      (conflicts(held, office, (x) => !x.startsWith('party:')) ||
        conflicts(held, party, (x) => x.startsWith('party:')))
    );
  };
  const limit = Math.min(cue.start, open);
  // The quote's paragraph and the one before; further back over paragraphs that name nobody (a run
  // of quotes cued by "he said"), up to MAX_REACH.
  let paragraph = ctx.paragraphOf(open);
  let first = true;
  for (let k = near.length - 1; k >= 0; k--) {
    const m = near[k]!;
    if (m.end > limit) continue;
    const at = ctx.paragraphOf(m.start);
    if (first && paragraph - at > 1 && paragraph - at <= MAX_REACH) paragraph = at + 1;
    first = false;
    if (paragraph - at > 1) break;
    // A possessive opening the sentence ("X's assertion drew rebukes") makes X its topic too.
    const subject = ctx.subjectOf(m) || (possessive(text, m) && opensSentence(text, m.start));
    if (own.has(key(m)) || !subject || other(key(m)) || setOff(text, m)) continue;
    const apposition = APPOSITION.exec(text.slice(m.end, m.end + 70))?.[0].length ?? 0;
    return holdsHead(text.slice(m.end + apposition, limit), head) ? undefined : key(m);
  }
  return undefined;
}

/** A name after a comma inside its sentence with a comma after it and no verb of speech. */
function setOff(text: string, m: PersonSpan): boolean {
  return (
    COMMA_AFTER.test(text.slice(m.end, m.end + 2)) &&
    !opensSentence(text, m.start) &&
    !speaksAfter(text, m.end) &&
    COMMA_BEFORE.test(text.slice(Math.max(0, m.start - 120), m.start))
  );
}

/** Whether `s` holds `head` as a word (lowercased, no letter on either side). */
function holdsHead(s: string, head: string): boolean {
  const lower = s.toLowerCase();
  for (let i = lower.indexOf(head); i >= 0; i = lower.indexOf(head, i + 1)) {
    const end = i + head.length;
    if (!LETTER.test(lower.slice(Math.max(0, i - 1), i)) && !LETTER.test(lower.slice(end, end + 1)))
      return true;
  }
  return false;
}
