/**
 * Figures the sources state differently: "12 people were injured" in one report, "15 people were
 * treated" in another; reopening "on March 28" against "not before April 4". Conservative by design — a
 * false disagreement misleads a reader more than a missed one — so two mentions are compared only when:
 *  - they are in different articles, of the same kind, and neither is approximate ("about 3,400");
 *  - counts have the same counted noun, and either the same predicate group (both say "injured",
 *    "treated", "hurt"…: the noun and what happened to it are then the topic), or the same other
 *    predicate or none on either side, with clauses that match at the citation threshold once the
 *    figures are taken out (sentence-matches.ts);
 *  - dates have a day, the same content word right before them, and clauses that match at that threshold.
 * Comparable mentions are grouped; a group is a disagreement when two of its values conflict (for
 * dates, "not before April 4" conflicts with "March 28" but not with "April 9"), and is dropped whole
 * if any one article states two conflicting values in it — that is two facts, not two sources.
 */
import type { Disagreement } from '../model.js';
import { CITATION_THRESHOLD, stemSetCosine } from '../summarize/cite.js';
import { stem } from '../text/stem.js';
import { monthDay } from './dates.js';
import words from './figure-words.json' with { type: 'json' };
import type { LocatedFigure } from './figure-table.js';

/**
 * Durations and ages ("three months of a six-month sentence", "23 years old", "26 years since") are
 * too often different spans of one story to compare.
 */
const DURATIONS: ReadonlySet<string> = new Set(
  ['seconds', 'minutes', 'hours', 'days', 'weeks', 'months', 'years', 'decades'].map(stem),
);

/** Names of the predicate groups (the first word of each). */
const GROUPS: ReadonlySet<string> = new Set(words.predicateGroups.map((g) => g[0]!));

type Text = (m: LocatedFigure) => string;

/** Fewest distinct stems a clause needs before its similarity means anything (as `minStems` for facts). */
export const MIN_CLAUSE_STEMS = 3;

/**
 * Most days between the publication dates of two articles whose figures are compared. A count told
 * days apart is an update, not a dispute (a toll rises; a cluster of wire stories spans weeks: DUC
 * 2003's "11 killed" by one embassy bomb, reported a week before "224 killed" by both, and outbreaks
 * of other years set side by side). Articles without a date are compared as before.
 */
export const MAX_DAYS_APART = 2;

/**
 * Disagreements among `mentions`; `text(m)` is the sentence a mention comes from, `day(article)` the
 * day number of its article's date, when known.
 */
export function figureDisagreements(
  mentions: readonly LocatedFigure[],
  text: Text,
  day: (article: number) => number | undefined = () => undefined,
): Disagreement[] {
  const buckets = new Map<string, number[]>();
  mentions.forEach((m, i) => {
    // "One count of…", "one person": a single thing is too often one of several listed to compare.
    if (
      m.hedged ||
      m.value === '1' ||
      DURATIONS.has(m.head) ||
      (m.kind === 'date' && !/^(?:\d{4}|-)-\d\d-\d\d$/.test(m.value))
    )
      return;
    const key = m.kind === 'date' ? 'date' : `${m.kind}|${m.head}`;
    const bucket = buckets.get(key);
    if (!bucket) buckets.set(key, [i]);
    else if (bucket.length < MAX_BUCKET) bucket.push(i);
  });
  const parent = mentions.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  const rest = new Map<LocatedFigure, string[]>();
  for (const list of buckets.values())
    for (let x = 0; x < list.length; x++)
      for (let y = x + 1; y < list.length; y++) {
        const a = mentions[list[x]!]!;
        const b = mentions[list[y]!]!;
        // Already in one group: comparing them again could only join what is joined.
        if (a.article === b.article || find(list[x]!) === find(list[y]!)) continue;
        const [da, db] = [day(a.article), day(b.article)];
        if (da !== undefined && db !== undefined && Math.abs(da - db) > MAX_DAYS_APART) continue;
        if (comparable(a, b, rest)) parent[find(list[x]!)] = find(list[y]!);
      }
  // What each article states per counted noun and predicate, approximate figures aside: an article that
  // states two values for one (even "three of the workers" beside "five workers") vetoes the dispute.
  const stated = new Map<string, Set<string>>();
  for (const m of mentions) {
    if (m.hedged || m.kind === 'date') continue;
    const key = statedKey(m);
    stated.set(key, (stated.get(key) ?? new Set()).add(m.value));
  }
  const groups = new Map<number, LocatedFigure[]>();
  mentions.forEach((m, i) => {
    const group = groups.get(find(i));
    if (group) group.push(m);
    else groups.set(find(i), [m]);
  });
  const out: Disagreement[] = [];
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    if (group.some((m) => m.kind !== 'date' && (stated.get(statedKey(m))?.size ?? 0) > 1)) continue;
    const d = disagreement(group, text);
    if (d) out.push(d);
  }
  return out;
}

const statedKey = (m: LocatedFigure) => `${m.article}|${m.kind}|${m.head}|${m.predicate}`;

/**
 * Mentions of one kind and counted noun compared pairwise, at most (in reading order). Pairs cost n²: a
 * story of hundreds of articles repeating one noun ("bolts", "people") with its own figure in each made
 * tens of millions of clause comparisons; a dispute is stated by its early mentions anyway.
 */
const MAX_BUCKET = 400;

function comparable(a: LocatedFigure, b: LocatedFigure, restOf: Map<LocatedFigure, string[]>): boolean {
  // Two-stem clauses "match" on one shared word (cosine 0.5), so a clause needs MIN_CLAUSE_STEMS.
  // The counted noun already matches; the rest of the clause must say the same too ("devoured 27 hot
  // dogs" and "Stonie finished with 56 hot dogs" share only the noun).
  const rest = (m: LocatedFigure): string[] => {
    let stems = restOf.get(m);
    if (!stems) restOf.set(m, (stems = [...new Set(m.clauseStems.filter((s) => s !== m.head))]));
    return stems;
  };
  const similar = () => {
    const [ra, rb] = [rest(a), rest(b)];
    return (
      ra.length >= MIN_CLAUSE_STEMS &&
      rb.length >= MIN_CLAUSE_STEMS &&
      stemSetCosine(ra, rb) >= CITATION_THRESHOLD
    );
  };
  if (a.kind === 'date') {
    // The word right before the date names the event ("died June 22" vs "injuries incurred June 9").
    const last = (m: LocatedFigure) => m.context.split(' ').at(-1);
    return a.context !== '' && last(a) === last(b) && similar();
  }
  // A figure with no counted noun ("put the cost at $2 million") has no topic to compare on.
  if (a.head === '' || a.head !== b.head) return false;
  // Both say what happened to the counted things: it must be the same thing, and unless it is one of
  // the predicate groups (injured, killed, evacuated…, figure-words.json) the clauses must match too.
  if (a.predicate && b.predicate)
    return a.predicate === b.predicate && (GROUPS.has(a.predicate) || similar());
  // One says what happened ("three women who accused him") and the other does not: not known to be
  // the same fact.
  return !a.predicate && !b.predicate && similar();
}

/** Whether two values of comparable mentions cannot both be true. */
function conflicts(a: LocatedFigure, b: LocatedFigure): boolean {
  if (a.kind !== 'date') return a.value !== b.value;
  const [x, y] = [dayKey(a), dayKey(b)];
  if (a.bound === 'on' && b.bound === 'on') return x !== y;
  const [on, bound] = a.bound === 'on' ? [a, b] : b.bound === 'on' ? [b, a] : [undefined, undefined];
  if (!on || !bound) return false;
  return bound.bound === 'after' ? dayKey(on) < dayKey(bound) : dayKey(on) > dayKey(bound);
}

/** Comparable form of a date: month and day (a year is often the reader's guess, see dates.ts). */
const dayKey = (m: LocatedFigure) => monthDay(m.value);

function disagreement(group: readonly LocatedFigure[], text: Text): Disagreement | undefined {
  let conflict = false;
  for (let x = 0; x < group.length; x++)
    for (let y = x + 1; y < group.length; y++) {
      if (!conflicts(group[x]!, group[y]!)) continue;
      if (group[x]!.article === group[y]!.article) return undefined;
      if (group[x]!.listed && group[y]!.listed) conflict = true;
    }
  if (!conflict) return undefined;
  const sides = new Map<string, { value: string; written: string; text: string; articles: Set<number> }>();
  for (const m of group) {
    if (!m.listed) continue;
    const bound =
      m.kind === 'date' && m.bound !== 'on' ? `${m.bound === 'after' ? 'not before' : 'by'} ` : '';
    const value = bound + m.value;
    const side = sides.get(value) ?? {
      value,
      written: bound + m.written,
      text: text(m),
      articles: new Set<number>(),
    };
    side.articles.add(m.article);
    sides.set(value, side);
  }
  if (sides.size < 2) return undefined;
  const first = group[0]!;
  const topic =
    first.kind === 'date'
      ? `date (${first.context})`
      : first.kind === 'money'
        ? `amount (${first.context})`
        : first.kind === 'percent'
          ? `percentage (${first.context})`
          : first.context;
  return {
    topic,
    sides: [...sides.values()]
      .sort((a, b) => b.articles.size - a.articles.size || Math.min(...a.articles) - Math.min(...b.articles))
      .map((s) => ({
        value: s.value,
        ...(s.written && { written: s.written }),
        text: s.text,
        articles: [...s.articles].sort((x, y) => x - y),
      })),
  };
}
